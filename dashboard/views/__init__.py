"""Pure view models shared by pages: which view a query asks for, rank changes, summaries, method breaks.
Frames and plain values in, plain data out: `dashboard.assemble` loads the frames and memoizes.

May import: domain, i18n. Never queries, figures, Dash, Flask or pages (import-linter checks).
"""
