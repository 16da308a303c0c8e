"""Pure matching logic: skill extraction, JD requirements, experience, scoring. Imports no Flask,
SQLAlchemy or LLM client, so it is unit-tested and benchmarked on plain data."""
