"""Alembic migrations; run them with `copilot db upgrade`."""
