"""The table on screen of /ca-nuoc: the national grid and its download read one function, the download
opens in pandas with the grid's rows in the grid's order, and the page's dialog offers it."""

from __future__ import annotations

import io

import pandas as pd
import pytest

CHOICE = ("NAT_DTI", 2022)


@pytest.fixture(scope="module")
def national(app):
    from dashboard.components import national_table

    return national_table


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_national_table_on_screen_is_the_grids_rows_and_columns(app, client, national, fmt):
    response = client.get(f"/api/v1/national-table.{fmt}?table=NAT_DTI-2022")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="bang-quoc-gia-2022-chi-so-chuyen-doi-so-cap-tinh.{fmt}"'
    )
    body = io.BytesIO(response.data)
    frame = pd.read_csv(body, dtype=str) if fmt == "csv" else pd.read_excel(body, dtype=str)
    with app.server.test_request_context("/ca-nuoc"):
        rows, _ = national.table_rows(CHOICE, "vi")
        headers = [c["headerName"] for c in national.columns("vi")]
    # The grid's columns in its order, with the province's code after its name so that it can be joined.
    assert list(frame.columns) == [*headers[:2], "Mã đơn vị", *headers[2:]]
    assert len(frame) == len(rows) == 63
    assert list(frame["Tỉnh, thành phố"]) == [r["province"] for r in rows]  # ★ marks included
    assert list(frame["Hạng"]) == [r["rank_text"] for r in rows]
    quang_ngai = frame[frame["Mã đơn vị"] == "51"].iloc[0]
    assert quang_ngai["Hạng"] == "26" and "https://dti.gov.vn/xep-hang-2022" in quang_ngai["Nguồn"]
    assert frame.loc[0, "Nguyên văn"] == "0.8002"  # the figure as printed, beside the number


def test_an_unknown_national_table_is_refused_not_replaced(client):
    response = client.get("/api/v1/national-table.csv?table=NAT_DTI-1999")
    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == "table"


def test_the_national_dialog_offers_the_table_on_screen_with_its_row_count(app, client):
    from dashboard.pages import national
    from tests.support.callbacks import opened_dialog

    with app.server.test_request_context("/ca-nuoc"):
        dialog = national._downloads(CHOICE, "vi")
    spec = next(c for c in dialog._traverse() if getattr(c, "id", None) == "download-spec").data
    offers = {o["kind"]: o for o in spec["offers"]}
    assert offers["screen"]["paths"]["csv"] == "/api/v1/national-table.csv?table=NAT_DTI-2022"
    assert offers["screen"]["name"] == "bang-quoc-gia-2022-chi-so-chuyen-doi-so-cap-tinh"
    assert "63 dòng" in opened_dialog(client, spec)
