"""Every setting of the production recipe is documented in docs/operations.md (the app's own settings:
test_docs), and nginx's own pages say what the app says."""

from __future__ import annotations

import re

from dashboard.admin import proxy_pages
from dashboard.config import REPO_ROOT, Settings

OPERATIONS = (REPO_ROOT / "docs" / "operations.md").read_text(encoding="utf-8")


def _app_settings() -> set[str]:
    source = (REPO_ROOT / "dashboard" / "config.py").read_text(encoding="utf-8")
    return set(re.findall(r'env(?:\.get\(|\[)"([A-Z_]+)"', source))


def _recipe_settings() -> set[str]:
    script = (REPO_ROOT / "deploy" / "start.sh").read_text(encoding="utf-8")
    return set(re.findall(r"\$\{([A-Z_]+):[-?]", script))


def test_every_recipe_setting_is_documented():
    assert {"PROXY_HOPS", "MAX_UPLOAD_MB", "SESSION_IDLE_MINUTES", "REDIS_TIMEOUT_SECONDS"} <= _app_settings()
    assert {"LISTEN_TLS", "TLS_CERTIFICATE", "PUBLIC_BASE_URL"} <= _recipe_settings()
    missing = {name for name in _recipe_settings() if f"`{name}" not in OPERATIONS}
    assert not missing, f"deploy/start.sh settings missing from docs/operations.md: {missing}"


def test_nginx_pages_carry_the_apps_texts_and_upload_size_in_both_languages():
    pages = proxy_pages.pages(Settings.from_env({"MAX_UPLOAD_MB": "25"}))
    assert set(pages) == {"413.html", "429.html"}
    assert "Tệp lớn hơn 25 MB." in pages["413.html"] and "The file is larger than 25 MB." in pages["413.html"]
    assert 'lang="vi"' in pages["429.html"] and 'lang="en"' in pages["429.html"]
