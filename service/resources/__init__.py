"""Learning resources: the seeded catalogue a study plan draws from."""
