"""The import pipeline: read files (encodings, header detection), validate them (pure, returns problems),
store them (one transaction). May import dashboard.db, dashboard.domain and dashboard.config."""
