"""HTML to PDF with WeasyPrint: the same page a browser prints, with fonts from the system (DejaVu, which
has every Vietnamese glyph) and no fetching at all (the page inlines its styles and SVG).

WeasyPrint is imported at the first PDF, not with the app: a machine without its Debian libraries (pango)
still serves every page, and a PDF request says what is missing. Imports nothing of ours.
"""

from __future__ import annotations

import threading

# One font configuration per thread, kept between PDFs: building it reads the system's fonts each time (a
# card took 0.27 s fresh against 0.21 s with a kept one, in one process); per thread, as WeasyPrint
# says nothing of sharing one between threads. The print pages add no @font-face, so it never grows.
_fonts = threading.local()


class FetchRefused(OSError):
    """A page asked the PDF renderer for a resource: print pages carry everything inline."""


class PdfUnavailable(RuntimeError):
    """WeasyPrint or its system libraries are not installed here."""


def _refuse(url: str, *_args: object, **_kwargs: object) -> dict:
    raise FetchRefused(f"print pages fetch nothing, asked for {url[:80]}")


def pdf_bytes(html: str) -> bytes:
    """The PDF of a self-contained HTML page (print media: its @page size and margins)."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: pango or harfbuzz missing
        raise PdfUnavailable(f"PDF rendering needs WeasyPrint and Debian's libpango: {error}") from error
    from weasyprint.text.fonts import FontConfiguration

    if not hasattr(_fonts, "config"):
        _fonts.config = FontConfiguration()
    return weasyprint.HTML(string=html, url_fetcher=_refuse, media_type="print").write_pdf(
        font_config=_fonts.config
    )
