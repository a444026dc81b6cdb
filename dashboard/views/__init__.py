"""View models shared by pages: which view a query asks for, rank changes, summaries, method breaks.

May import: queries, figures, domain, i18n, urls (web links in citations). Never Dash components or pages
(import-linter checks).
"""
