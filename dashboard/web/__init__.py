"""HTTP plumbing around the app: security headers, request guard, static files, health, response memo.

May import: config, domain, urls, queries, db, cache, i18n. Never pages, components, views, figures, ingest,
geo or api.
"""
