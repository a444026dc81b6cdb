"""The table on screen of a ranking view: the grid and its download read one function, and the download
opens in pandas (CSV and XLSX) with the page's ranks and scores."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.assemble import ranking
from dashboard.components import grid
from dashboard.views import screen_table

QUERY = "year=2025&group=commune"


@pytest.fixture
def data(app):
    with app.server.test_request_context("/xep-hang"):
        return ranking.load(ranking.resolve({"year": "2025", "group": "commune"}), "vi")


def test_grid_columns_are_the_screen_tables_columns_in_order(data):
    shown = [c.key for c in screen_table.ranking_columns(data, grid.row_data(data, lang="vi"), lang="vi")]
    fields = [c["field"] for c in grid.column_defs(data, lang="vi")]
    assert fields == ["unit" if key == "unit_name" else key for key in shown]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_table_on_screen_opens_in_pandas_with_the_pages_ranks_and_scores(client, data, fmt):
    response = client.get(f"/api/v1/ranking.{fmt}?{QUERY}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="xep-hang-cap-xa-2025-chi-so-chuyen-doi-so-2025.{fmt}"'
    )
    body = io.BytesIO(response.data)
    frame = pd.read_csv(body) if fmt == "csv" else pd.read_excel(body)
    rows = grid.row_data(data, lang="vi")
    assert len(frame) == len(rows) == 96
    assert frame["Hạng"].tolist() == [row["rank"] for row in rows]
    assert frame["Điểm"].tolist() == pytest.approx([row["value"] for row in rows])
    assert frame["Đơn vị"].tolist() == [row["unit_name"] for row in rows]
    headers = [c["headerName"] for c in grid.column_defs(data, lang="vi")]
    assert [h for h in frame.columns if h in headers] == headers  # the screen's order
    assert set(frame["Loại số liệu"]) == {"illustrative"}  # generated figures say so in the file too


def test_table_on_screen_names_what_does_not_exist(client):
    response = client.get("/api/v1/ranking.csv?year=2025&group=district")
    assert response.status_code == 400 and response.get_json()["error"]["parameter"] == "group"


def test_old_commune_table_downloads_and_is_described(client):
    frame = pd.read_csv(io.BytesIO(client.get("/api/v1/predecessors.csv").data))
    assert len(frame) == 274 and frame["to_name_vi"].notna().all()
    book = pd.read_excel(io.BytesIO(client.get("/api/v1/predecessors.xlsx").data))
    assert len(book) == 274
    names = [r["name"] for r in client.get("/api/v1/datapackage.json").get_json()["resources"]]
    assert "predecessors" in names


def test_every_search_box_finds_a_commune_by_an_old_communes_name_without_diacritics(app, data):
    from dashboard.assemble import comparison
    from dashboard.components import map_panel

    with app.server.test_request_context("/"):
        grid_rows = [r for r in grid.row_data(data, lang="vi") if "tinh ky" in r["search"]]
        map_options = [o for o in map_panel.search_options(2025) if "tinh ky" in o["search"]]
        compare_options = [o for o in comparison.unit_options("commune", "vi") if "tinh ky" in o["search"]]
    assert [r["unit_name"] for r in grid_rows] == ["Xã Tịnh Khê"]
    assert [o["label"] for o in map_options] == ["Tịnh Khê"]  # the map writes the short name
    assert [o["label"] for o in compare_options] == ["Xã Tịnh Khê"]


def test_the_dialog_shows_each_files_rows_and_size_before_downloading(app, client):
    from dashboard.components import view_controls
    from tests.support.callbacks import opened_dialog

    with app.server.test_request_context("/xep-hang"):
        view = ranking.resolve({"year": "2025", "group": "commune"})
        dialog = view_controls.view_downloads(ranking.load(view, "vi"), lang="vi", subs=True)
    spec = next(c for c in dialog._traverse() if getattr(c, "id", None) == "download-spec").data
    offers = {o["kind"]: o for o in spec["offers"]}
    assert offers["screen"]["paths"]["csv"] == "/api/v1/ranking.csv?group=commune&year=2025"
    assert offers["full"]["name"] == "du-lieu-day-du-cap-xa-2025-chi-so-chuyen-doi-so-2025"
    text = opened_dialog(client, spec)
    assert "96 dòng" in text and "864 dòng" in text and "kB" in text
    # the size shown is the size of the file the link gives
    size = len(client.get(offers["screen"]["paths"]["csv"]).data)
    assert f"CSV · {size / 1000:.1f} kB".replace(".", ",") in text


def test_measuring_a_download_leaves_the_asking_callbacks_memo_key_alone(app):
    """The dialog measures a file inside the callback that asks for its size: the memo keys that callback's
    lookup left in `flask.g` must still be there for its own answer (once they were taken by the file's
    answer, which the memo then served as the callback's JSON)."""
    import flask

    from dashboard.api.measure import measured

    key = ("version", ("POST", "/_dash-update-component?", b"body"))
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        flask.g._rendered_key_callbacks = key  # as ResponseMemo("callbacks").lookup leaves it on a miss
        size, rows = measured("/api/v1/ranking.csv?group=department&year=2024")
        assert size > 0 and rows is not None and rows > 0
        assert flask.g.get("_rendered_key_callbacks") == key
