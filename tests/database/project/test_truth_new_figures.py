"""The truth test for the real figures of December 2026 (issue 24): the service index as a monthly series
with its period, the May 2025 service-centre figures, the targets of KH 38/KH-UBND drawn and downloaded as
targets beside the e-document rates, and Kon Tum's 2023 results as the class counts they are."""

from __future__ import annotations

import csv
import json

import plotly
import pytest

from tests.database.project.test_truth import SHARED, rows_of
from tests.support.component_dicts import walk

PORTAL = "quangngai.gov.vn/en/news/science-technology-environment/quang-ngai-ranks-13th"
KH38 = "thuvienphapluat.vn/bulletin/document.aspx?bid=39318bed"
KT205 = "kontum.gov.vn/pages/detail/50397"


@pytest.fixture(scope="module")
def page(app):
    """Render a page module in a language, once each."""
    seen: dict[tuple[str, str], object] = {}

    def rendered(module: str, lang: str = "vi") -> object:
        if (module, lang) not in seen:
            layout = __import__(f"dashboard.pages.{module}", fromlist=["layout"]).layout
            with app.server.test_request_context("/"):
                seen[module, lang] = layout(lang=lang)
        return seen[module, lang]

    return rendered


def _figures(node: object) -> list[dict]:
    return [
        json.loads(json.dumps(c.figure, cls=plotly.utils.PlotlyJSONEncoder))
        for c in walk(node)
        if getattr(c, "figure", None) is not None
    ]


@pytest.mark.parametrize(("lang", "may"), [("vi", "tháng 5/2025"), ("en", "May 2025")])
def test_the_service_index_is_a_monthly_series_with_its_period(page, lang, may):
    rows = [r for r in rows_of(page("national", lang)) if r.text.startswith(f"{may} |")]
    assert any("19/63" in r.text and ("82,01" if lang == "vi" else "82.01") in r.text for r in rows), rows
    assert all(any(PORTAL in link for link in r.links) for r in rows if "19/63" in r.text)
    monthly = [
        f for f in _figures(page("national", lang)) if f["layout"].get("xaxis", {}).get("type") == "category"
    ]
    assert monthly, "no chart of the service index by month"
    assert monthly[0]["data"][0]["x"] == [may, "tháng 7/2025" if lang == "vi" else "July 2025"]
    assert monthly[0]["data"][0]["text"] == ["19/63", "5/34"]
    # never a point of a year: the yearly rank chart has no service-index series
    yearly = [f for f in _figures(page("national", lang)) if f not in monthly]
    names = [str(trace.get("name", "")) for f in yearly for trace in f["data"]]
    assert not [n for n in names if "phục vụ" in n or "Service index" in n], names


def test_the_may_2025_service_centre_figures_are_shown_as_printed(page):
    rows = [r.text for r in rows_of(page("edocs")) if r.text.startswith("tháng 5/2025 |")]
    for figure in ("16.571", "11.287", "11.196", "90,33 %", "5.781", "77,62 %", "74,96 %", "13/63"):
        assert any(figure in r for r in rows), (figure, rows)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_kh_38_targets_are_drawn_as_targets_never_as_results(page, lang):
    word = {"vi": "Mục tiêu", "en": "Target"}[lang]
    chart = next(f for f in _figures(page("edocs", lang)) if any(t.get("type") == "bar" for t in f["data"]))
    bars = [t for t in chart["data"] if t["type"] == "bar"]
    targets = [t for t in chart["data"] if t["type"] == "scatter"]
    assert targets and targets[0]["name"].startswith(word) and targets[0]["showlegend"], targets
    assert targets[0]["marker"]["symbol"] == "diamond-open" and len(targets[0]["y"]) == 2
    assert not [label for bar in bars for label in bar["y"] if word in label], "a target drawn as a bar"
    rows = [r for r in rows_of(page("edocs", lang)) if word in r.text]
    assert rows and all(any(KH38 in link for link in r.links) for r in rows)


def test_targets_are_named_as_targets_in_the_download(client):
    response = client.get("/api/v1/observations.csv")
    rows = list(csv.DictReader(response.get_data(as_text=True).lstrip("\ufeff").splitlines()))
    targets = [r for r in rows if r["indicator_code"].endswith("_TARGET")]
    assert len(targets) == 2
    assert all(r["indicator_name_vi"].startswith("Mục tiêu") for r in targets)
    assert all(r["indicator_name_en"].startswith("Target") for r in targets)
    assert {r["source_document"] for r in targets} == {"Kế hoạch 38/KH-UBND"}


def test_kon_tum_2023_is_the_published_class_counts_not_unit_rows(page, app):
    rows = [r for r in rows_of(page("national")) if r.text.startswith("2023 |") and "xếp loại" in r.text]
    counts = {(r.text.split(" | ")[1], r.text.split(" | ")[2]): r.text.split(" | ")[3] for r in rows}
    assert counts == {
        ("Số đơn vị xếp loại Khá", "Cơ quan cấp tỉnh"): "19",
        ("Số đơn vị xếp loại Trung bình", "Cơ quan cấp tỉnh"): "1",
        ("Số đơn vị xếp loại Trung bình", "Cấp huyện"): "9",
        ("Số đơn vị xếp loại Yếu", "Cấp huyện"): "1",
    }, counts
    assert all(any(KT205 in link for link in r.links) for r in rows)
    from dashboard import queries

    with app.server.test_request_context("/"):
        frame = queries.observations()
    kontum_units = frame[(frame["year"] == 2023) & frame["unit_code"].str.match(r"^6(0[89]|1\d)$")]
    assert kontum_units.empty, "Kon Tum's 2023 results stored as unit rows"


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not on this machine")
def test_the_new_figures_are_those_of_the_shared_data():
    with (SHARED / "qn_egov_2024_2026.csv").open(encoding="utf-8", newline="") as handle:
        egov = list(csv.DictReader(handle))
    service = next(r for r in egov if r["metric"] == "Index 766 score/rank")
    assert service["value"].startswith("82.01; 19/63") and service["data_year"] == "2025-05"
    with (SHARED / "other_provinces_unit_results.csv").open(encoding="utf-8", newline="") as handle:
        kontum = next(r for r in csv.DictReader(handle) if r["document_number"] == "205/QĐ-UBND")
    for printed in ("19/20 cơ quan xếp loại Khá", "9/10 địa phương xếp loại Trung bình", "1/10 địa phương"):
        assert printed in kontum["figure_as_printed"]
