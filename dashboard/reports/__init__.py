"""Printable pages: a unit's one-page report card and a group's meeting pack, server-rendered HTML (Jinja,
no Dash: it prints the same in any browser) and the same HTML as PDF (reports.pdf, WeasyPrint).

`card` and `pack` word what the pages say from the view models the site already uses; `svg` draws the
bars and maps inline; `shapes` projects the prepared map layer. PDFs are heavy (a slot of web.admission)
and kept per data version.

May import: domain, queries, assemble, views, figures, i18n, urls, web. Must not import: pages, components,
ingest, admin, api.
"""

from __future__ import annotations

import functools

import flask
import jinja2

from dashboard import queries, urls
from dashboard.i18n import normalize_language, t
from dashboard.reports import pdf
from dashboard.reports.card import CardMissing, report_card
from dashboard.reports.pack import PackMissing, meeting_pack
from dashboard.web import admission
from dashboard.web.page_guard import clean_query_value

blueprint = flask.Blueprint("reports", __name__)
_templates = jinja2.Environment(
    loader=jinja2.PackageLoader("dashboard.reports", "templates"),
    autoescape=jinja2.select_autoescape(["html"], default=True),
)


def _query() -> dict[str, str]:
    """The request's query, one clean value per key (as the pages see it)."""
    cleaned = {key: clean_query_value(flask.request.args.getlist(key)) for key in flask.request.args}
    return {key: value for key, value in cleaned.items() if value is not None}


def _render(template: str, *, lang: str, **values: object) -> str:
    return _templates.get_template(template).render(
        lang=lang, t=functools.partial(t, lang=lang), updated=queries.last_updated(), **values
    )


def _missing(message: str, lang: str) -> flask.Response:
    body = _render(
        "missing.html",
        lang=lang,
        doc_title=message,
        toolbar=[],
        wide=False,
        home=urls.page("overview", lang=lang),
    )
    return flask.Response(body, status=404, mimetype="text/html")


@queries.per_data_version(maxsize=128)
def _card_html(code: str, year: int | None, lang: str, address: str) -> str:
    card = report_card(code, year=year, lang=lang)
    other = "en" if lang == "vi" else "vi"
    toolbar = [
        (t("card.back", lang), urls.unit_profile(code, lang=lang)),
        (t("card.pdf", lang), urls.report_card(code, lang=lang, year=card.year, pdf=True)),
        *((str(y), urls.report_card(code, lang=lang, year=y)) for y in card.years if y != card.year),
        (t("nav.language_switch", lang), urls.report_card(code, lang=other, year=card.year)),
    ]
    title = t("card.doc_title", lang, name=card.name, year=card.year)
    return _render(
        "card.html", lang=lang, card=card, doc_title=title, toolbar=toolbar, wide=False, address=address
    )


@queries.per_data_version(maxsize=64)
def _pack_html(year: str, group: str, lang: str, address: str) -> str:
    pack = meeting_pack({"year": year, "group": group}, lang=lang)
    view = pack.view
    other = "en" if lang == "vi" else "vi"
    toolbar = [
        (t("nav.rankings", lang), urls.page("rankings", lang=lang, year=view.year, group=view.group)),
        (t("card.pdf", lang), urls.meeting_pack(group=view.group, year=view.year, lang=lang, pdf=True)),
        (t("nav.language_switch", lang), urls.meeting_pack(group=view.group, year=view.year, lang=other)),
    ]
    title = t("pack.doc_title", lang, group=t(f"group.{view.group}.plural", lang), year=view.year)
    return _render(
        "pack.html", lang=lang, pack=pack, doc_title=title, toolbar=toolbar, wide=True, address=address
    )


@queries.per_data_version(maxsize=64)
def _as_pdf(html: str) -> bytes:
    admission.admit()  # a PDF takes a core for a moment: wait for a slot, or 503 at once
    return pdf.pdf_bytes(html)


def _answer(html: str, *, as_pdf: bool, name: str) -> flask.Response:
    if not as_pdf:
        return flask.Response(html, mimetype="text/html")
    try:
        body = _as_pdf(html)
    except pdf.PdfUnavailable as missing:
        return flask.Response(str(missing), status=503, mimetype="text/plain")
    response = flask.Response(body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


def _year(query: dict[str, str]) -> int | None:
    text = query.get("nam") or query.get("year") or ""
    return int(text) if text.isdigit() and len(text) == 4 else None


def card_page(code: str, fmt: str = "html") -> flask.Response:
    """A unit's report card: /don-vi/<code>/the-diem[.pdf]?nam=2025&lang=en."""
    query = _query()
    lang = normalize_language(query.get("lang"))
    year = _year(query)
    address = urls.absolute(urls.report_card(code, lang=lang, year=year))
    try:
        html = _card_html(code, year, lang, address)
    except CardMissing as missing:
        return _missing(str(missing), lang)
    return _answer(html, as_pdf=fmt == "pdf", name=f"the-diem-{code}-{year or 'moi-nhat'}")


def pack_page(fmt: str = "html") -> flask.Response:
    """The meeting pack: /xep-hang/ban-in[.pdf]?group=commune&year=2025&lang=en."""
    query = _query()
    lang = normalize_language(query.get("lang"))
    year, group = (query.get(key, "")[:16] for key in ("year", "group"))
    address = urls.absolute(urls.with_query("/xep-hang/ban-in", lang=lang, group=group, year=year))
    try:
        html = _pack_html(year, group, lang, address)
    except PackMissing as missing:
        return _missing(str(missing), lang)
    return _answer(html, as_pdf=fmt == "pdf", name=f"xep-hang-{group or 'nhom'}-{year or 'moi-nhat'}")


blueprint.get("/don-vi/<code>/the-diem")(card_page)
blueprint.get("/don-vi/<code>/the-diem.pdf", defaults={"fmt": "pdf"}, endpoint="card_pdf")(card_page)
blueprint.get("/xep-hang/ban-in")(pack_page)
blueprint.get("/xep-hang/ban-in.pdf", defaults={"fmt": "pdf"}, endpoint="pack_pdf")(pack_page)
