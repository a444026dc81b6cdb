"""One module per page: `dash.register_page`, `layout(**query)` and thin callbacks. Shared pieces live in
dashboard.components and dashboard.views.

May import: components, assemble, views, figures, domain, i18n, urls, web, api (the OpenAPI document the
data page lists). Never queries or db: a page's data comes from assemble (import-linter checks).
"""
