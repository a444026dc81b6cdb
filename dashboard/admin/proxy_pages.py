"""The pages nginx answers with itself in front of the publishing pages: 413 (a body over the upload
size, refused before gunicorn sees it) and 429 (its request limit on /quan-tri).

Written as static files by deploy/start.sh (`python -m dashboard.admin.proxy_pages DIR`), from the same
texts and the same upload size (MAX_UPLOAD_MB) as the app's own pages, in Vietnamese then English:
nginx cannot tell which language the publisher reads.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

from dashboard.admin.uploads import megabytes
from dashboard.admin.views import PREFIX
from dashboard.config import Settings
from dashboard.i18n import LANGUAGES, t


def _page(title_key: str, message_key: str, **values: object) -> str:
    sections = []
    for lang in LANGUAGES:
        text = t(message_key, lang, **values)
        sections.append(
            f'<section lang="{lang}"><h1>{escape(t(title_key, lang))}</h1><p>{escape(text)}</p>'
            f'<p><a href="{PREFIX}/nhap-du-lieu?lang={lang}">{escape(t("admin.proxy.back", lang))}</a></p>'
            "</section>"
        )
    title = " / ".join(escape(t(title_key, lang)) for lang in LANGUAGES)
    return (
        f'<!doctype html>\n<html lang="{LANGUAGES[0]}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="robots" content="noindex, nofollow"><title>{title}</title></head>'
        f"<body><main>{''.join(sections)}</main></body></html>\n"
    )


def pages(settings: Settings) -> dict[str, str]:
    """File name -> HTML of each page nginx serves itself."""
    limit = megabytes(settings.max_upload_bytes)
    return {
        "413.html": _page("admin.proxy.too_large_title", "admin.upload.too_large", limit=limit),
        "429.html": _page("admin.proxy.too_many_title", "admin.proxy.too_many"),
    }


def write(directory: Path, settings: Settings) -> None:
    """Write the pages into nginx's run directory."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, html in pages(settings).items():
        (directory / name).write_text(html, encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]), Settings.from_env())
