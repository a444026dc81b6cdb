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
    # The site's public address (PUBLIC_BASE_URL): every absolute URL (embed code, citations, download
    # metadata, link previews) starts with it. Unset, the request's own address is used, but only when its
    # host is trusted (dashboard.urls.absolute).
    public_base_url: str | None = None
    # Host names the app answers to (Flask TRUSTED_HOSTS, any port); empty accepts any (development).
    trusted_hosts: tuple[str, ...] = ()
    # Proxies in front of the app whose X-Forwarded-For / -Proto are believed (werkzeug ProxyFix); 0
    # (the default) believes none, the recipe's nginx is 1.
    proxy_hops: int = 0
    # Seconds Redis may take to accept a connection or answer (cache, limiters); then it is skipped.
    redis_timeout: float = 0.25
    # The largest annex a publisher may upload, in bytes (MAX_UPLOAD_MB); nginx is given the same cap.
    max_upload_bytes: int = 10 * 2**20
    # Publisher sessions end after this much inactivity, and this long after signing in, whatever.
    session_idle_seconds: int = 30 * 60
    session_max_seconds: int = 8 * 3600
    # Per-client budget in cost units ("600/minute"; None: no limit), shared by all workers.
    rate_limit: str | None = "600/minute"
    # Heavy requests (uncached callbacks and downloads) running at once on the machine (all workers), and
    # waiting per worker; the default leaves one core for cached answers.
    heavy_slots: int = max(1, (os.cpu_count() or 2) - 1)
    heavy_queue: int = 1
    # Rendered views memoized per worker (queries.per_data_version), in bytes of pickled size (VIEW_CACHE_MB);
    # resident memory is 5-6 times that (benchmarks/bench_view_memo.py).
    view_cache_bytes: int = 16 * 2**20
    # Where readers send accessibility feedback (shown on /tro-nang): an e-mail address or a URL; the
    # operator sets it (ACCESSIBILITY_CONTACT), none is invented.
    accessibility_contact: str = ""
    secret_key: str | None = None
    # DASHBOARD_ENV=production: secure cookies, and a SECRET_KEY is required.
    production: bool = False

    @property
    def cache_config(self) -> dict[str, object]:
        """flask-caching configuration: Redis when a URL is given, else the in-process simple cache."""
        if self.cache_redis_url:
            return {
                "CACHE_TYPE": "dashboard.cache.BreakerRedisCache",
                "CACHE_REDIS_URL": self.cache_redis_url,
                "CACHE_DEFAULT_TIMEOUT": self.cache_timeout,
                "CACHE_KEY_PREFIX": "qnit:",
                # Fail fast when Redis is away: pages are then served uncached, not slowly.
                "CACHE_REDIS_TIMEOUT": self.redis_timeout,
            }
        return {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": self.cache_timeout}

    @property
    def upload_body_bytes(self) -> int:
        """The largest request body of an upload: the file plus the form around it (nginx gets the same)."""
        return self.max_upload_bytes + 64 * 1024

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
            public_base_url=_base_url(env["PUBLIC_BASE_URL"]) if env.get("PUBLIC_BASE_URL") else None,
            trusted_hosts=_words(env.get("TRUSTED_HOSTS", "")),
            proxy_hops=_proxy_hops(env),
            redis_timeout=float(env.get("REDIS_TIMEOUT_SECONDS") or 0.25),
            max_upload_bytes=int(float(env.get("MAX_UPLOAD_MB") or 10) * 2**20),
            session_idle_seconds=int(float(env.get("SESSION_IDLE_MINUTES") or 30) * 60),
            session_max_seconds=int(float(env.get("SESSION_MAX_HOURS") or 8) * 3600),
            rate_limit=_rate(env.get("RATE_LIMIT") or env.get("EXPORT_RATE_LIMIT") or "600/minute"),
            heavy_slots=int(env.get("HEAVY_SLOTS") or max(1, (os.cpu_count() or 2) - 1)),
            heavy_queue=int(env.get("HEAVY_QUEUE", "1")),
            view_cache_bytes=int(float(env.get("VIEW_CACHE_MB") or 16) * 2**20),
            accessibility_contact=env.get("ACCESSIBILITY_CONTACT", "").strip(),
            secret_key=env.get("SECRET_KEY") or None,
            production=env.get("DASHBOARD_ENV", "") == "production",
        )
        return replace(settings, **overrides) if overrides else settings


def _words(text: str) -> tuple[str, ...]:
    return tuple(word for word in text.replace(",", " ").split() if word)


def _proxy_hops(env: Mapping[str, str]) -> int:
    if env.get("TRUSTED_PROXIES"):
        raise ValueError(
            "TRUSTED_PROXIES is no longer read: set PROXY_HOPS to the number of proxies in front of the app "
            "(1 behind the recipe's nginx)"
        )
    hops = int(env.get("PROXY_HOPS") or 0)
    if hops < 0:
        raise ValueError(f"PROXY_HOPS must be 0 or more, got {hops}")
    return hops


def _rate(text: str) -> str | None:
    """'off' disables the limit; anything else must read like '600/minute' (checked by flask-limiter)."""
    return None if text.strip().lower() == "off" else text.strip()


def _base_url(text: str) -> str:
    """An http(s) origin (and optional path prefix) without a trailing slash."""
    url = text.strip().rstrip("/")
    if not url.startswith(("http://", "https://")) or "?" in url or "#" in url:
        raise ValueError(f"PUBLIC_BASE_URL must be an http(s) URL such as https://example.org, got {text!r}")
    return url
