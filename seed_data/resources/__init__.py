"""Learning-resource catalogue (resources.json) and the script that builds it."""
