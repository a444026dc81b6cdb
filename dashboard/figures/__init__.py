"""Pure figure builders: (frame, *, lang, ...) -> go.Figure. No I/O, no Dash, no database.

May import: i18n, scoring. Must not import: db, queries, pages.
"""
