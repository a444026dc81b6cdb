"""Loads frames through queries, memoized per data version, and hands them to the pure views and figures:
the one place pages, components, the API's tables on screen for download (api/screen.py) and the print
reports (dashboard/reports/) get a screen's data. One module per view model of the same name in views/.

May import: queries, views, figures, domain, i18n. Never Dash, pages or components (import-linter checks).
"""
