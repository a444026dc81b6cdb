"""The open-data API through the Flask test client: bytes, round trips, filters, errors, caching, limits."""

from __future__ import annotations

import csv
import gzip
import io
import json
from datetime import UTC, datetime

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import delete, insert

from dashboard import db, queries
from dashboard.api import exports
from dashboard.domain import PROVINCIAL_FAMILIES
from dashboard.queries import ObservationFilter

FIELDS = exports.RESOURCES["observations"]


EXPECTED_DA_NANG_2017 = (
    "\ufeffyear,unit_code,unit_name_vi,unit_name_en,unit_kind,indicator_code,indicator_name_vi,indicator_name_en,"
    "value,measure,rank,rank_of,class,methodology_version,data_kind,source_document,source_url,period,qualifier,"
    "value_high,value_published,gov_level,source_title,rank_computed,note,unit_group,max_value,not_ranked,"
    "source_issuer,source_date,source_kind\r\n"
    '2017,48,Thành phố Đà Nẵng,Đà Nẵng Municipality,province,NAT_EGOV,"Chỉ số ứng dụng CNTT, '
    'phát triển Chính phủ điện tử",IT application and e-government index,'
    "0.716,index,2,63,,mic-egov,official,,"
    "http://www.vinhphuc.gov.vn/ct/cms/thongbao/Lists/ThongBao/View_detail.aspx?ItemID=1504,2017,exact,,"
    '"02 (0,716)",,"Xếp hạng và chỉ số đánh giá tổng thể mức độ ứng dụng CNTT, phát triển Chính phủ '
    'điện tử của các tỉnh, thành phố trực thuộc Trung ương",,,,1,,'
    "Bộ Thông tin và Truyền thông (đăng lại trên Cổng TTĐT tỉnh Vĩnh Phúc),2018-07-05,official\r\n"
).encode("utf-8")


def _get(client, url: str, **kwargs):
    """GET and read the body, so streamed responses are closed inside the test."""
    response = client.get(url, **kwargs)
    response.get_data()
    response.close()
    return response


def test_small_csv_exact_bytes(client):
    response = _get(client, "/api/v1/observations.csv?year=2017&units=48&indicator=NAT_EGOV")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8; header=present"
    assert response.data == EXPECTED_DA_NANG_2017


def _expected(app, selection: ObservationFilter) -> pd.DataFrame:
    with app.server.test_request_context():
        frame = queries.observations(selection)
        everything = queries.observations(
            ObservationFilter(years=tuple(int(y) for y in frame["year"].unique()))
        )
        families = queries.indicators().set_index("code")["family"]
    # rank_computed, worked out here independently: competition ranks within each group of the province's
    # own evaluations, over every unit of the group whatever the download's filter.
    own = everything[everything["indicator_code"].map(families).isin(PROVINCIAL_FAMILIES)]
    groups = ["year", "indicator_code", "unit_kind", "period", "gov_level"]
    own = own.assign(rank_computed=own.groupby(groups)["value"].rank(method="min", ascending=False))
    keys = [*groups, "unit_code", "source_id"]
    frame = frame.merge(own[[*keys, "rank_computed"]], how="left", on=keys)
    frame = frame.assign(source_kind=frame["data_kind"])
    return frame.rename(columns={"class_label": "class", "methodology": "methodology_version"})


@pytest.mark.parametrize(
    "query, selection",
    [
        ("year=2017&indicator=NAT_EGOV", ObservationFilter(years=(2017,), indicators=("NAT_EGOV",))),
        ("year=2020&group=district", ObservationFilter(years=(2020,), unit_kinds=("district",))),
        ("from=2022&to=2025&units=51", ObservationFilter(year_from=2022, year_to=2025, unit_codes=("51",))),
        ("", ObservationFilter()),
    ],
)
def test_csv_round_trips_to_the_query_layer(app, client, query, selection):
    response = _get(client, f"/api/v1/observations.csv?{query}")
    got = pd.read_csv(io.BytesIO(response.data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    expected = _expected(app, selection)
    assert list(got.columns) == [f.name for f in FIELDS]
    assert len(got) == len(expected) > 0
    for field in FIELDS:
        column = got[field.name]
        if field.type in ("integer", "number"):
            numbers = pd.to_numeric(column.replace("", None)).astype(float)
            pd.testing.assert_series_equal(numbers, expected[field.name].astype(float), check_names=False)
        else:
            wanted = expected[field.name].astype(object).where(expected[field.name].notna(), "").astype(str)
            assert column.tolist() == [exports.neutralize(v) for v in wanted], field.name


def test_json_records_match_csv(client):
    query = "year=2017&indicator=NAT_EGOV"
    document = json.loads(_get(client, f"/api/v1/observations.json?{query}&lang=en").data)
    rows = list(
        csv.DictReader(
            io.StringIO(_get(client, f"/api/v1/observations.csv?{query}").data.decode("utf-8-sig"))
        )
    )
    assert len(document["records"]) == len(rows)
    assert [r["unit_code"] for r in document["records"]] == [r["unit_code"] for r in rows]
    metadata = document["metadata"]
    assert metadata["illustrative"] is False
    assert metadata["lang"] == "en" and metadata["filters"] == {"year": "2017", "indicator": "NAT_EGOV"}
    assert "Quảng Ngãi" in metadata["citation"] and metadata["sources"]
    assert metadata["licence_url"].endswith("/giay-phep?lang=en")


def test_illustrative_data_is_labelled_in_every_format(client):
    query = "year=2020&group=district&index=DTI_TOTAL"
    csv_response = _get(client, f"/api/v1/observations.csv?{query}")
    assert csv_response.headers["X-Data-Illustrative"] == "true"
    assert "illustrative" in csv_response.data.decode("utf-8-sig")
    assert (
        json.loads(_get(client, f"/api/v1/observations.json?{query}").data)["metadata"]["illustrative"]
        is True
    )
    book = openpyxl.load_workbook(io.BytesIO(_get(client, f"/api/v1/observations.xlsx?{query}&lang=en").data))
    cover = " ".join(str(c.value) for row in book["About"].iter_rows() for c in row)
    assert "ILLUSTRATIVE" in cover


def test_xlsx_download_opens_with_sheets_and_frozen_header(client):
    response = _get(client, "/api/v1/observations.xlsx?year=2017&indicator=NAT_EGOV")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["Dữ liệu", "Giới thiệu", "Từ điển dữ liệu"]
    data = book["Dữ liệu"]
    assert data.freeze_panes == "A2"
    assert all(not ws.merged_cells.ranges for ws in book.worksheets)
    assert data["A1"].value == "Năm" and isinstance(data["I2"].value, float)
    assert "Content-Encoding" not in response.headers  # already a zip


def _codes(client, query: str, column: str = "indicator_code") -> set[str]:
    response = _get(client, f"/api/v1/observations.csv?{query}")
    assert response.status_code == 200, response.data
    return {row[column] for row in csv.DictReader(io.StringIO(response.data.decode("utf-8-sig")))}


def test_filters(client):
    assert _codes(client, "year=2019,2020&index=ITR_TOTAL,DTI_TOTAL", "year") == {"2019", "2020"}
    assert _codes(client, "from=2012&to=2014&index=ITR_TOTAL", "year") == {"2012", "2013", "2014"}
    assert _codes(client, "year=2012&index=ITR_TOTAL") == {"ITR_TOTAL"}
    with_sub = _codes(client, "year=2012&index=ITR_TOTAL&sub=1")
    assert {"ITR_TOTAL", "ITR_HR", "ITR_INFRA"} <= with_sub and all(c.startswith("ITR_") for c in with_sub)
    assert _codes(client, "year=2020&group=department", "unit_kind") == {"department"}
    assert _codes(client, "units=522,524&year=2020", "unit_code") == {"522", "524"}
    assert _codes(client, "dataset=national-rankings", "data_kind") <= {"official", "press"}


@pytest.mark.parametrize(
    "url, status, parameter",
    [
        ("/api/v1/observations.csv?year=abc", 400, "year"),
        ("/api/v1/observations.csv?year=2020,x", 400, "year"),
        ("/api/v1/observations.csv?year=२०२०", 400, "year"),  # Unicode digits are not a year
        ("/api/v1/observations.csv?from=٢٠٢٠", 400, "from"),
        ("/api/v1/observations.csv?from=2020&to=2010", 400, "from"),
        ("/api/v1/observations.csv?to=soon", 400, "to"),
        ("/api/v1/observations.csv?group=city", 400, "group"),
        ("/api/v1/observations.csv?indicator=NOPE", 400, "indicator"),
        ("/api/v1/observations.csv?index=ITR_TOTAL,BAD", 400, "index"),
        ("/api/v1/observations.csv?units=a;b", 400, "units"),
        ("/api/v1/observations.csv?units=99999", 400, "units"),
        ("/api/v1/observations.csv?sub=yes", 400, "sub"),
        ("/api/v1/observations.csv?lang=fr", 400, "lang"),
        ("/api/v1/observations.csv?dataset=nope", 400, "dataset"),
        ("/api/v1/nope.csv", 404, None),
        ("/api/v1/units.pdf", 404, None),
        ("/api/v1/anything/else", 404, None),
    ],
)
def test_errors_are_json_and_name_the_parameter(client, url, status, parameter):
    response = _get(client, url)
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["status"] == status and error["message"]
    assert error.get("parameter") == parameter
    if parameter:
        assert f"'{parameter}'" in error["message"]


def test_unknown_resource_message_lists_resources(client):
    message = _get(client, "/api/v1/nope.csv?lang=en").get_json()["error"]["message"]
    assert "'nope'" in message and "observations" in message


def test_reference_tables(client):
    for resource in exports.RESOURCES:
        for fmt in ("csv", "json", "xlsx"):
            assert _get(client, f"/api/v1/{resource}.{fmt}").status_code == 200, (resource, fmt)
    units = _get(client, "/api/v1/units.json").get_json()
    assert any(r["code"] == "01" for r in units["records"])  # codes keep their leading zero


def test_etag_and_304(client):
    first = _get(client, "/api/v1/observations.csv?year=2017")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag.startswith('W/"') and first.headers["Cache-Control"]
    again = _get(client, "/api/v1/observations.csv?year=2017", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    stale = _get(client, "/api/v1/observations.csv?year=2017", headers={"If-None-Match": 'W/"old"'})
    assert stale.status_code == 200
    since = _get(client, "/api/v1/units.csv", headers={"If-Modified-Since": modified})
    assert since.status_code == 304


def test_gzip_when_accepted(client):
    url = "/api/v1/observations.csv?year=2020"
    plain = _get(client, url)
    zipped = _get(client, url, headers={"Accept-Encoding": "gzip, deflate"})
    assert "Content-Encoding" not in plain.headers
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert gzip.decompress(zipped.data) == plain.data
    assert len(zipped.data) < len(plain.data) / 3
    refused = _get(client, url, headers={"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in refused.headers


def test_citation_and_link_headers(client):
    response = _get(client, "/api/v1/units.csv")
    assert response.headers["X-Citation"].startswith("Source: Quang Ngai")
    assert 'rel="describedby"' in response.headers["Link"] and 'rel="license"' in response.headers["Link"]
    assert response.headers["Content-Disposition"].startswith("attachment;")


def test_datapackage_lists_every_resource_and_field(client):
    package = _get(client, "/api/v1/datapackage.json?lang=en").get_json()
    tabular = {r["name"]: r for r in package["resources"] if r.get("profile") == "tabular-data-resource"}
    assert set(tabular) == set(exports.RESOURCES)
    for name, resource in tabular.items():
        header = _get(client, f"/api/v1/{name}.csv").data.decode("utf-8-sig").split("\r\n", 1)[0]
        assert [f["name"] for f in resource["schema"]["fields"]] == header.split(","), name
        assert all(f["type"] and f["description"] for f in resource["schema"]["fields"])
        assert resource["path"].endswith(f"/api/v1/{name}.csv")
    assert package["licenses"] and package["sources"] and package["citation"]


@pytest.fixture
def layers(app, settings):
    """Two boundary layers: one redistributable, one not (removed afterwards)."""
    settings.geo_dir.mkdir(parents=True, exist_ok=True)
    (settings.geo_dir / "test-open.000000000000.geojson").write_text(
        '{"type": "FeatureCollection", "features": []}'
    )
    common = {
        "content_hash": "0" * 64,
        "feature_count": 0,
        "source_title": "Test",
        "attribution": "Test",
        "imported_at": datetime(2026, 1, 1, tzinfo=UTC),
    }
    rows = [
        {
            **common,
            "vintage": "test-open",
            "file_name": "test-open.000000000000.geojson",
            "licence": "CC BY 4.0",
            "redistributable": True,
        },
        {
            **common,
            "vintage": "test-closed",
            "file_name": "x.geojson",
            "licence": "No redistribution",
            "redistributable": False,
        },
    ]
    engine = queries.engine()
    with engine.begin() as connection:
        connection.execute(insert(db.boundary_layers), rows)
    yield
    with engine.begin() as connection:
        connection.execute(delete(db.boundary_layers).where(db.boundary_layers.c.vintage.like("test-%")))


def test_boundaries_respect_licence(client, layers):
    served = _get(client, "/api/v1/boundaries/test-open.geojson")
    assert served.status_code == 200 and served.mimetype == "application/geo+json"
    assert served.get_json()["type"] == "FeatureCollection"
    refused = _get(client, "/api/v1/boundaries/test-closed.geojson?lang=en")
    assert refused.status_code == 403
    assert "No redistribution" in refused.get_json()["error"]["message"]
    assert _get(client, "/api/v1/boundaries/nowhere.geojson").status_code == 404
    package = _get(client, "/api/v1/datapackage.json").get_json()
    names = {r["name"] for r in package["resources"]}
    assert "boundaries-test-open" in names and "boundaries-test-closed" not in names
