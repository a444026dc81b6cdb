"""Boundary layers and tile cartograms: import, checks, simplification, and the layers the maps draw,
prepared at start-up and after an import (never per request). May import dashboard.db, dashboard.domain
and dashboard.config; never pages or queries (and queries never import this package)."""
