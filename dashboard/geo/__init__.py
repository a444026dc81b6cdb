"""Boundary layers: import, checks, simplification, and the files the maps draw.
May import dashboard.db, dashboard.domain and dashboard.config; never pages or queries."""
