"""HTTP plumbing around the app: security headers, request guard, static files, health, response memo."""
