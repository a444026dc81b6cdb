"""Ranks as published: a small annex whose rank contradicts its scores, imported with
--accept-published-inconsistencies, shows on the rankings grid, the overview table and the unit profile
with the published rank, the computed one and the 'stored as published' flag; an annex without a rank
column shows computed ranks, said so once in the header."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from dashboard import queries
from dashboard.assemble import ranking
from dashboard.components import grid
from dashboard.config import Settings
from dashboard.domain.scoring import INCONSISTENT_NOTE
from dashboard.ingest.importer import ImportOptions, import_files
from dashboard.views import published
from dashboard.views.ranking import ViewData
from tests.database.ingest.test_importer_published import OVERRIDES
from tests.database.pages.test_data_pages import _text, _walk

HEADER = "TT;Đơn vị;Chỉ số CĐS (%);Xếp hạng;Xếp loại\nI;Các sở, ban, ngành;;;\n"
# Sở Tư pháp is published 3rd although its score is the 2nd best; Sở Y tế has no published rank.
CONTRADICTING = HEADER + "1;Sở Nội vụ;95,26;1;Tốt\n2;Sở Tư pháp;80,00;3;Khá\n3;Sở Y tế;70,00;;Khá\n"
WITHOUT_RANKS = (
    "TT;Đơn vị;Chỉ số CĐS (%);Xếp loại\nI;Các sở, ban, ngành;;\n"
    "1;Sở Nội vụ;95,26;Tốt\n2;Sở Tư pháp;80,00;Khá\n3;Sở Y tế;80,00;Khá\n"
)
VIEW = {"year": "2022", "group": "department"}
UNITS = ("so-noi-vu", "so-tu-phap", "so-y-te")


@pytest.fixture
def shown(
    app, settings: Settings, fresh_engine: Callable[..., Engine], tmp_path: Path
) -> Iterator[Callable[[str], None]]:
    """`shown(annex_text)` imports the annex (accepting published inconsistencies) into a database of its
    own and points the session app's queries at it until the test ends."""
    bound = queries.engine()

    def show(text: str) -> None:
        engine = fresh_engine(like="reference")
        path = tmp_path / "ket_qua.csv"
        path.write_text(text, encoding="utf-8-sig")
        options = ImportOptions(accept_published_inconsistencies=True)
        import_files(engine, [path], overrides=OVERRIDES, options=options)
        queries.bind(engine, settings)

    yield show
    queries.bind(bound, settings)


def _view(app, lang: str) -> ViewData:
    with app.server.test_request_context():
        return ranking.load(ranking.resolve(VIEW), lang)


def _page(app, module: str, lang: str, **query: str):
    page = __import__(f"dashboard.pages.{module}", fromlist=["layout"])
    with app.server.test_request_context(f"/?lang={lang}"):
        return page.layout(lang=lang, **query)


def test_the_view_keeps_the_published_rank_beside_the_computed_one(app, shown) -> None:
    shown(CONTRADICTING)
    table = _view(app, "vi").table
    columns = ["unit_code", "rank", "rank_published", "rank_computed", "note"]
    assert table[columns].astype(object).where(table[columns].notna(), None).values.tolist() == [
        ["so-noi-vu", 1, 1, 1, None],
        ["so-tu-phap", 3, 3, 2, INCONSISTENT_NOTE],
        ["so-y-te", 3, None, 3, None],
    ]


@pytest.mark.parametrize(
    ("lang", "differs", "computed", "flag"),
    [
        (
            "vi",
            "Xếp hạng công bố: 3; tính từ điểm: 2",
            "Không có hạng công bố; tính từ điểm: 3",
            "⚑ Lưu đúng như công bố",
        ),
        (
            "en",
            "Published rank: 3; computed from the scores: 2",
            "No rank published; computed from the scores: 3",
            "⚑ Stored as published",
        ),
    ],
)
def test_the_grid_shows_published_rank_marks_notes_and_legend(
    app, shown, lang: str, differs: str, computed: str, flag: str
) -> None:
    shown(CONTRADICTING)
    data = _view(app, lang)
    rows = {r["unit_code"]: r for r in grid.row_data(data, lang=lang)}
    assert [
        (r["rank"], r["rank_text"], r["rank_published"], r["rank_computed"]) for r in (rows[u] for u in UNITS)
    ] == [(1, "1", 1, 1), (3, "3 ≠ ⚑", 3, 2), (3, "3 *", None, 3)]
    assert rows["so-tu-phap"]["note"].startswith(differs + "; " + flag)
    assert rows["so-y-te"]["note"] == computed and rows["so-noi-vu"]["note"] == ""
    columns = {c["field"]: c for c in grid.column_defs(data, lang=lang)}
    assert columns["rank"]["valueFormatter"] == {"function": "params.data.rank_text"}
    assert columns["note"]["headerName"] == ("Ghi chú" if lang == "vi" else "Note")
    legend = _text(grid.rank_legend(published.ranks_shown(data.table, lang=lang), lang=lang))
    assert [mark for mark in legend if mark in "*≠⚑"] == ["*", "≠", "⚑"]


def test_the_rankings_page_and_the_overview_show_the_flag_with_its_legend(app, shown) -> None:
    shown(CONTRADICTING)
    page = _page(app, "rankings", "vi", **VIEW)
    grid_rows = next(c for c in _walk(page) if getattr(c, "id", None) == "rankings-grid").rowData
    assert [r["rank_text"] for r in grid_rows] == ["1", "3 ≠ ⚑", "3 *"]
    assert "người công bố đã xác nhận khi nhập" in _text(page)
    overview = _page(app, "home", "en", **VIEW)
    table = next(c for c in _walk(overview) if "ranking-table" in (getattr(c, "className", "") or ""))
    text = _text(table)
    assert "Published rank: 3; computed from the scores: 2" in text
    assert "3 ≠ ⚑" in text and "Note" in text
    assert "Row stored as the document published it" in _text(overview)


def test_the_unit_profile_flags_a_rank_stored_as_published(app, shown) -> None:
    shown(CONTRADICTING)
    text = _text(_page(app, "unit", "vi", code="so-tu-phap"))
    assert "3/3 ≠ ⚑" in text and "Xếp hạng công bố: 3; tính từ điểm: 2" in text


@pytest.mark.parametrize(
    "lang, differs, computed",
    [
        ("vi", "3/3 (theo công bố; tính từ điểm: 2)", "3/3 (tính từ điểm, không có hạng công bố)"),
        (
            "en",
            "3/3 (as published; 2 by the scores)",
            "3/3 (computed from the scores: no rank was published)",
        ),
    ],
)
def test_the_profile_headline_says_which_rank_it_gives(app, shown, lang, differs, computed) -> None:
    from dashboard.assemble.unit_headline import unit_headline

    shown(CONTRADICTING)
    with app.server.test_request_context():
        ranks = {code: unit_headline(code, "department", code, lang=lang).rank for code in UNITS}
    assert ranks == {"so-noi-vu": "1/3", "so-tu-phap": differs, "so-y-te": computed}


def test_downloads_carry_the_computed_rank_and_the_note(app, shown) -> None:
    shown(CONTRADICTING)
    body = app.server.test_client().get("/api/v1/observations.csv?year=2022&group=department&index=DTI_TOTAL")
    text = body.get_data(as_text=True).lstrip("\ufeff")
    assert text.split("\r\n")[0].endswith(
        ",rank,rank_of,class,methodology_version,data_kind,source_document,"
        "source_url,period,qualifier,value_high,value_published,gov_level,source_title,rank_computed,note,"
        "unit_group,max_value,not_ranked,source_issuer,source_date,source_kind"
    )
    rows = {r["unit_code"]: r for r in csv.DictReader(io.StringIO(text))}
    assert [(rows[u]["rank"], rows[u]["rank_computed"], rows[u]["note"]) for u in UNITS] == [
        ("1", "1", ""),
        ("3", "2", INCONSISTENT_NOTE),
        ("", "3", ""),
    ]
    assert {rows[u]["max_value"] for u in UNITS} == {"100"}  # what each class is out of
    one = app.server.test_client().get("/api/v1/observations.csv?units=so-y-te&index=DTI_TOTAL")
    only = list(csv.DictReader(io.StringIO(one.get_data(as_text=True).lstrip("\ufeff"))))
    assert [(r["unit_code"], r["rank"], r["rank_computed"]) for r in only] == [("so-y-te", "", "3")]


def test_without_published_ranks_the_header_says_they_are_computed(app, shown) -> None:
    shown(WITHOUT_RANKS)
    data = _view(app, "vi")
    rows = grid.row_data(data, lang="vi")
    assert [(r["unit_code"], r["rank_text"], r["rank_published"]) for r in rows] == [
        ("so-noi-vu", "1", None),
        ("so-tu-phap", "2", None),
        ("so-y-te", "2", None),
    ]  # equal scores share a rank; no row is marked: the header says it once
    columns = {c["field"]: c for c in grid.column_defs(data, lang="vi")}
    assert columns["rank"]["headerName"] == "Hạng (tính từ điểm)" and "note" not in columns
    assert _text(grid.rank_legend(published.ranks_shown(data.table, lang="en"), lang="en")).startswith(
        "About the ranks: The document publishes no ranks"
    )
    assert published.rank_legend(published.ranks_shown(data.table, lang="vi"), lang="vi") == [
        "Văn bản không công bố thứ hạng cho chỉ số này: thứ hạng được tính từ điểm (đồng điểm thì cùng hạng)."
    ]
