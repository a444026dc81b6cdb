"""View models shared by pages: which view a query asks for, rank changes, summaries, method breaks."""
