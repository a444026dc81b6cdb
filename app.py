"""WSGI entry point: `gunicorn app:server`."""

from dashboard import create_app

app = create_app()
server = app.server
