"""Sentence embeddings (the packaged all-MiniLM-L6-v2 model), batching, caching and the refresh
of stored vectors when their text changes."""
