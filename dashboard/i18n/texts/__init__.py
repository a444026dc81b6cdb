"""User-facing text catalogues, one module per area; merged by dashboard.i18n."""
