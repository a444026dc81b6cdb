"""The tables on screen of /van-ban-dien-tu, a unit profile and /so-sanh: the page's dialog offers the
table it shows, and the download (CSV and XLSX) has the page's rows in the page's order and its columns,
each figure equal to what the page prints; an unknown choice is refused, never replaced."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from dash import html

from dashboard.i18n import format_number
from tests.support.callbacks import opened_dialog
from tests.support.component_dicts import walk

SOURCE, UNIT_CODE, INDEX_CODE = "Nguồn", "Mã đơn vị", "Mã chỉ số"


def _text(node: object) -> str:
    parts = [str(c.children) for c in walk(node) if isinstance(getattr(c, "children", None), str | int)]
    return "".join(parts) if not isinstance(node, str | int) else str(node)


def _shown(table: html.Table) -> tuple[list[str], list[list[str]]]:
    """A page table's headers and its body's cells as the page prints them."""
    head, body = table.children
    headers = [_text(cell) for cell in head.children.children]
    return headers, [[_text(cell) for cell in row.children] for row in body.children]


def _render(app, module: str, **query: str):
    page = __import__(f"dashboard.pages.{module}", fromlist=["layout"])
    with app.server.test_request_context("/"):
        return page.layout(lang="vi", **query)


def _edocs_table(tree) -> html.Table:
    section = next(c for c in walk(tree) if getattr(c, "id", None) == "edocs-unit-section")
    return next(c for c in walk(section) if isinstance(c, html.Table))


def _scores_table(tree) -> html.Table:  # the first table of the profile: its scores
    return next(c for c in walk(tree) if isinstance(c, html.Table))


def _differences_table(tree) -> html.Table:
    return next(c for c in walk(tree) if isinstance(c, html.Table) and "striped" in c.className)


EDOCS = ("edocs", {"group": "department", "index": "EDOC_SIGNED_SHARE_ILLUSTRATIVE", "year": "2020"})
PROFILE = ("unit", {"code": "525"})
COMPARE = ("compare", {"units": "522,525,526", "group": "district"})
CASES = {"edocs": (*EDOCS, _edocs_table), "profile": (*PROFILE, _scores_table)}
CASES["compare"] = (*COMPARE, _differences_table)
RESOURCES = {"edocs": "edocs-table", "profile": "unit-scores", "compare": "compare-table"}


def _offer(tree) -> dict:
    spec = next(c for c in walk(tree) if getattr(c, "id", None) == "download-spec").data
    return spec, next(o for o in spec["offers"] if o["kind"] == "screen")


def _download(client, path: str) -> pd.DataFrame:
    response = client.get(path)
    assert response.status_code == 200, response.data[:300]
    body = io.BytesIO(response.data)
    return pd.read_csv(body) if path.split("?")[0].endswith(".csv") else pd.read_excel(body)


def _number(value: object, decimals: int = 2) -> str:
    return format_number(None if pd.isna(value) else float(value), "vi", decimals=decimals)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("case", CASES)
def test_the_download_is_the_pages_table(app, client, case, fmt):
    module, query, find = CASES[case]
    tree = _render(app, module, **query)
    headers, cells = _shown(find(tree))
    _, offer = _offer(tree)
    frame = _download(client, offer["paths"][fmt])
    assert len(frame) == len(cells) > 1
    assert frame[SOURCE].str.startswith("MINH HỌA").all()  # every row says where it is from
    if case == "edocs":
        # The page's columns in its order, the unit's code after its name, the sources last.
        assert list(frame.columns) == [headers[0], UNIT_CODE, *headers[1:], SOURCE]
        for row, shown in zip(frame.itertuples(index=False), cells, strict=True):
            # The share with the very digits of the download (42.53 is shown 42,53 %, never 42,5 %).
            share = f"{row[2]:g}".replace(".", ",")
            assert [row[0], f"{share} %", _number(row[3], 0), _number(row[4], 0)] == shown
    elif case == "profile":
        assert list(frame.columns) == [*headers[:2], INDEX_CODE, *headers[2:], SOURCE]
        for row, shown in zip(frame.itertuples(index=False), cells, strict=True):
            assert [str(row[0]), row[1], _number(row[3]), *map(str, row[4:6])] == shown[:5]
    else:
        first, *others = headers[1:]
        assert list(frame.columns) == [
            headers[0], first, *(c for unit in others for c in (unit, f"{unit} – chênh lệch so với {first}")),
            SOURCE,
        ]  # fmt: skip
        for row, shown in zip(frame.itertuples(index=False), cells, strict=True):
            printed = [str(row[0]), _number(row[1])]
            for value, difference in zip(row[2:-1:2], row[3:-1:2], strict=True):
                sign = "+" if difference > 0 else ("−" if difference < 0 else "")
                printed.append(
                    "–" if pd.isna(value) else f"{_number(value)} ({sign}{_number(abs(difference))})"
                )
            assert printed == shown


@pytest.mark.timeout(60)
def test_the_dialogs_offer_the_table_on_screen_with_its_row_count(app, client):
    for case, (module, query, find) in CASES.items():
        tree = _render(app, module, **query)
        spec, offer = _offer(tree)
        rows = len(_shown(find(tree))[1])
        assert offer["paths"]["csv"].startswith(f"/api/v1/{RESOURCES[case]}.csv?")
        assert f"{rows} dòng" in opened_dialog(client, spec), case
    names = {case: _offer(_render(app, m, **q))[1]["name"] for case, (m, q, _) in CASES.items()}
    assert names == {
        "edocs": "van-ban-dien-tu-so-nganh-2020-ty-le-van-ban-duoc-ky-so-theo",
        "profile": "diem-xep-hang-525-huyen-tra-bong",
        "compare": "so-sanh-cap-huyen-522-525-526-tong-diem-theo-phuong-phap-cua-tung-nam",
    }


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/v1/edocs-table.csv?group=commune", "group"),
        ("/api/v1/edocs-table.csv?index=DTI_TOTAL", "index"),
        ("/api/v1/edocs-table.csv?year=1999", "year"),
        ("/api/v1/unit-scores.csv?unit=9999", "unit"),
        ("/api/v1/unit-scores.csv", "unit"),
        ("/api/v1/compare-table.csv?units=522,9999", "units"),
        ("/api/v1/compare-table.csv?units=522", "units"),
        ("/api/v1/compare-table.csv?units=522,525&index=NOPE", "index"),
        ("/api/v1/compare-table.csv?units=522,525&group=province", "group"),
    ],
)
def test_an_unknown_choice_is_refused_not_replaced(client, path, parameter):
    response = client.get(path)
    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == parameter


def test_a_difference_is_the_pages_not_a_float_artefact(client):
    frame = _download(client, "/api/v1/compare-table.csv?units=522,525&group=district")
    differences = frame.iloc[:, 3]
    assert (differences.dropna().round(2) == differences.dropna()).all()
