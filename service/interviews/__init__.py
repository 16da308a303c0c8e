"""Mock interviews: a retrieved question bank, instant feedback, follow-ups and a report."""
