"""Seed data written for Interview Co-Pilot, and the script that loads it."""
