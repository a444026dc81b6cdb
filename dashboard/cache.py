"""The application cache, created here and bound to the Flask server in create_app().

Memoized loaders take the data version as their first argument, so an import changes every key at once
in every worker (Redis is shared; the simple cache is per process).
"""

from __future__ import annotations

from flask_caching import Cache

cache = Cache()
