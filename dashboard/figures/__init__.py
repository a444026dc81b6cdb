"""Pure figure builders: (frame, *, lang, ...) -> go.Figure. No I/O, no Dash, no database.

May import: i18n, domain. Must not import: db, queries, ingest, geo, dash (import-linter checks).
"""
