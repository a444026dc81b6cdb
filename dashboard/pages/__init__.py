"""One module per page: `dash.register_page`, `layout(**query)` and thin callbacks. Shared pieces live in
dashboard.components and dashboard.views."""
