"""Interview Co-Pilot web service."""
