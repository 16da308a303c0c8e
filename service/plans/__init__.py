"""Study plans: the gaps of the latest analysis, ordered, fitted to the interview date and scheduled."""
