"""Sentence embeddings and vector helpers (the packaged all-MiniLM-L6-v2 model).

Empty until the skill-intelligence work (issue 3) adds the model loading and batching.
"""
