"""The index sets' maxima per unit group and class schemes as downloads (exact headers, one row per
indicator and group with the maximum each observation's max_value came from, classes best first), and
the methodology page's classes given per set, never as four shared by all."""

from __future__ import annotations

import json
from collections.abc import Callable

import plotly
import pytest
from dash import html
from sqlalchemy import Engine

from dashboard.db.index_sets import read_index_sets
from dashboard.i18n import t
from dashboard.ingest.index_set_store import publish_index_set
from dashboard.queries.methods import maxima_frame, schemes_frame
from tests.database.ingest.test_importer import DATA
from tests.database.ingest.test_method_import import HEADER

MAXIMA_HEADER = (
    "methodology,indicator_code,parent_code,indicator_name_vi,indicator_name_en,measure,unit_group,"
    "unit_group_name_vi,unit_group_name_en,unit_kind,max_value,group_maximum"
)
SCHEMES_HEADER = "methodology,basis,class_code,label_vi,label_en,lower_bound,class_order"


def _csv(client, name: str) -> list[str]:
    response = client.get(f"/api/v1/{name}.csv")
    assert response.status_code == 200
    return response.get_data().decode("utf-8-sig").split("\r\n")


def test_class_schemes_csv_has_its_header_and_each_sets_classes_best_first(client) -> None:
    lines = _csv(client, "class_schemes")
    assert lines[0] == SCHEMES_HEADER
    assert [line for line in lines if line.startswith("qn-dti-2020,")] == [
        "qn-dti-2020,percent,good,Tốt,Good,90,1",
        "qn-dti-2020,percent,fair,Khá,Fair,70,2",
        "qn-dti-2020,percent,average,Trung bình,Average,50,3",
        "qn-dti-2020,percent,weak,Yếu,Weak,0,4",
    ]
    assert not any(line.startswith("qn-dti-2025,") for line in lines)  # a set without classes has none


def test_index_set_maxima_csv_has_its_header_and_the_observations_maximum(client) -> None:
    lines = _csv(client, "index_set_maxima")
    assert lines[0] == MAXIMA_HEADER
    totals = [line for line in lines if line.startswith("qn-dti-2020,DTI_TOTAL,")]
    assert len(totals) == 1 and totals[0].endswith(",,,,,100,false")  # a percentage is out of 100


def test_both_are_in_the_datapackage_with_their_schema(client) -> None:
    package = client.get("/api/v1/datapackage.json?lang=vi").get_json()
    by_name = {r["name"]: r for r in package["resources"]}
    for name, header in (("index_set_maxima", MAXIMA_HEADER), ("class_schemes", SCHEMES_HEADER)):
        fields = by_name[name]["schema"]["fields"]
        assert ",".join(f["name"] for f in fields) == header
        assert by_name[name]["path"].endswith(f"/api/v1/{name}.csv")
    types = {f["name"]: f["type"] for f in by_name["index_set_maxima"]["schema"]["fields"]}
    assert (types["max_value"], types["group_maximum"]) == ("number", "boolean")


def test_json_twin_gives_the_same_records(client) -> None:
    records = client.get("/api/v1/class_schemes.json").get_json()["records"]
    assert {"methodology": "qn-itr-2012", "basis": "percent", "class_code": "weak", "label_vi": "Yếu",
            "label_en": "Weak", "lower_bound": 0, "class_order": 4} in records  # fmt: skip


@pytest.fixture
def published(fresh_engine: Callable[..., Engine]):
    """The stored sets of a database where the officer published the shipped template."""
    engine = fresh_engine(like="reference")
    publish_index_set(engine, DATA / "templates" / "bo-chi-so-mau.csv", HEADER)
    with engine.connect() as connection:
        return read_index_sets(connection)


def test_a_groups_own_maximum_is_its_row_and_other_groups_take_the_indicators(published) -> None:
    frame = maxima_frame(published)
    total = frame[(frame.methodology == "qn-dti-2025-mau") & (frame.indicator_code == "MAU_TONG")]
    by_group = {
        row.unit_group if isinstance(row.unit_group, str) else None: (row.max_value, row.group_maximum)
        for row in total.itertuples()
    }
    assert by_group == {None: (1000.0, False), "xa": (1000.0, False), "so": (1000.0, False),
                        "so-khong-tthc": (800.0, True)}  # fmt: skip
    classes = schemes_frame(published)
    mine = classes[classes.methodology == "qn-dti-2025-mau"]
    assert list(mine.label_vi) == ["Mức 4", "Mức 3", "Mức 2", "Mức 1"]
    assert list(mine.lower_bound) == [75.0, 50.0, 25.0, 0.0]


def _page_text(component) -> str:
    return json.dumps(component.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_methodology_page_gives_each_sets_classes_not_four_for_all(app, lang: str) -> None:
    with app.server.test_request_context("/"):
        from dashboard.pages import methodology

        page = methodology.layout(lang=lang)
    section = next(
        c
        for c in _walk(page)
        if isinstance(c, html.Section) and c.children[0].children == t("method.classes_heading", lang)
    )
    items = [_page_text(li) for li in section.children[-1].children]
    by_set = {s.code: s for s in shown_index_sets_of(app)}
    assert len(items) == len(by_set)
    dti_2025 = next(
        i for i in items if by_set["qn-dti-2025"].name_vi in i or by_set["qn-dti-2025"].name_en in i
    )
    assert t("methods.no_classes", lang) in dti_2025
    dti_2020 = next(
        i for i in items if by_set["qn-dti-2020"].name_vi in i or by_set["qn-dti-2020"].name_en in i
    )
    assert ("Tốt ≥ 90 %" if lang == "vi" else "Good ≥ 90 %") in dti_2020
    assert "từ 90 % trở lên" not in _page_text(page) and "90 % or more" not in _page_text(page)


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if hasattr(child, "to_plotly_json"):
            yield from _walk(child)


def shown_index_sets_of(app):
    with app.server.test_request_context("/"):
        from dashboard.queries.methods import shown_index_sets

        return shown_index_sets()
