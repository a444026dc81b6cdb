"""Settings read from the environment. Imports nothing of ours."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Everything that differs between a laptop, CI and production."""

    database_url: str
    cache_redis_url: str | None
    data_dir: Path
    instance_dir: Path
    assets_dir: Path
    debug: bool = False
    build_on_start: bool = True
    cache_timeout: int = 3600
    secret_key: str | None = None
    # DASHBOARD_ENV=production: secure cookies, and a SECRET_KEY is required.
    production: bool = False

    @property
    def cache_config(self) -> dict[str, object]:
        """flask-caching configuration: Redis when a URL is given, else the in-process simple cache."""
        if self.cache_redis_url:
            return {
                "CACHE_TYPE": "RedisCache",
                "CACHE_REDIS_URL": self.cache_redis_url,
                "CACHE_DEFAULT_TIMEOUT": self.cache_timeout,
                "CACHE_KEY_PREFIX": "qnit:",
                # Fail fast when Redis is away: pages are then served uncached, not slowly.
                "CACHE_OPTIONS": {"socket_timeout": 0.25, "socket_connect_timeout": 0.25},
            }
        return {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": self.cache_timeout}

    @property
    def geo_dir(self) -> Path:
        """Where prepared boundary layers are written (never committed)."""
        return self.instance_dir / "geo"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Read settings from environment variables, falling back to the embedded defaults."""
        env = os.environ if env is None else env
        instance_dir = Path(env.get("DASHBOARD_INSTANCE_DIR", REPO_ROOT / "instance"))
        database_url = env.get("DATABASE_URL") or f"sqlite:///{instance_dir / 'dashboard.sqlite3'}"
        # Heroku-style URLs name the old driver; SQLAlchemy 2 wants psycopg explicitly.
        if database_url.startswith(("postgres://", "postgresql://")):
            database_url = "postgresql+psycopg://" + database_url.split("://", 1)[1]
        settings = cls(
            database_url=database_url,
            cache_redis_url=env.get("CACHE_REDIS_URL") or None,
            data_dir=Path(env.get("DASHBOARD_DATA_DIR", REPO_ROOT / "data")),
            instance_dir=instance_dir,
            assets_dir=REPO_ROOT / "assets",
            debug=env.get("DASHBOARD_DEBUG", "") == "1",
            build_on_start=env.get("DASHBOARD_BUILD_ON_START", "1") != "0",
            secret_key=env.get("SECRET_KEY") or None,
            production=env.get("DASHBOARD_ENV", "") == "production",
        )
        return replace(settings, **overrides) if overrides else settings
