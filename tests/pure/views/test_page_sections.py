"""The data work of the national, e-documents, unit and methodology pages, from frames built here
(views/national_position.py, views/edocs.py, views/unit_profile.py, views/methodology.py): no app, no
database."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.views import edocs, methodology, unit_profile
from dashboard.views import national_position as position


def _national(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["year", "indicator_code", "unit_code", "rank", "data_kind", "source_id", "note"]
    )


def test_national_rows_split_into_ranks_and_months_without_aggregates():
    frame = _national(
        [
            (2022, "NAT_DTI", "qn", 26, "official", 1, None),
            (2022, "NAT_DTI_NATIONAL", "qn", None, "official", 1, None),
            (2025, "NAT_SERVICE_INDEX", "qn", 12, "official", 2, None),
        ]
    )
    ranks, monthly = position.ranks_and_months(frame)
    assert list(ranks["indicator_code"]) == ["NAT_DTI"]
    assert list(monthly["indicator_code"]) == ["NAT_SERVICE_INDEX"]


def test_a_rank_chart_draws_the_official_row_and_no_year_whose_sources_disagree():
    frame = _national(
        [
            (2021, "NAT_DTI", "qn", 30, "press", 1, None),
            (2021, "NAT_DTI", "qn", 29, "official", 2, None),
            (2022, "NAT_DTI", "qn", 26, "official", 3, "conflict: 26 or 27"),
            (2022, "NAT_DTI", "qn", 27, "press", 4, None),
        ]
    )
    drawn = position.drawn_ranks(frame)
    assert drawn[["year", "rank"]].values.tolist() == [[2021, 29]]


def test_a_decision_links_to_the_first_stored_source_that_names_it():
    events = pd.DataFrame(
        {
            "legal_basis": [None, "QĐ 766/QĐ-TTg", "QĐ 766/QĐ-TTg"],
            "source_url": ["https://a", None, "https://b"],
        }
    )
    assert position.decision_url(events, "766/QĐ-TTg") == "https://b"
    assert position.decision_url(events, "205/QĐ-UBND") is None


def test_province_figures_keep_published_rows_by_indicator_year_and_level():
    frame = pd.DataFrame(
        {
            "indicator_code": ["EDOC_A", "EDOC_A", "EDOC_A", "EDOC_A"],
            "year": [2023, 2023, 2022, 2023],
            "gov_level": ["commune", "provincial", "district", "elsewhere"],
            "data_kind": ["official", "official", "illustrative", "official"],
        }
    )
    shown = edocs.province_figures(frame)
    assert shown["gov_level"].tolist() == ["provincial", "commune"]


def test_a_groups_share_is_summed_counts_not_an_average_of_shares():
    numerator, denominator = edocs.UNIT_SHARES[edocs.DEFAULT_INDEX]
    frame = pd.DataFrame(
        {
            "year": [2023] * 4,
            "unit_code": ["a", "a", "b", "b"],
            "indicator_code": [numerator, denominator, numerator, denominator],
            "value": [1.0, 10.0, 90.0, 90.0],
        }
    )
    trend = edocs.share_trend(frame, edocs.DEFAULT_INDEX, "Cấp huyện")
    # (1 + 90) / (10 + 90) = 91 %, where the mean of 10 % and 100 % would be 55 %.
    assert trend.to_dict("records") == [{"series": "Cấp huyện", "year": 2023, "value": pytest.approx(91.0)}]


def test_sub_indices_are_against_the_median_of_the_units_own_group():
    subs = pd.DataFrame({"code": ["S1", "S2"], "max_value": [100.0, 50.0]})
    frame = pd.DataFrame(
        {
            "unit_code": ["me", "me", "peer", "peer", "other", "other"],
            "unit_group": ["g1", "g1", "g1", "g1", "g2", "g2"],
            "indicator_code": ["S1", "S2"] * 3,
            "value": [80.0, 20.0, 60.0, 40.0, 0.0, 0.0],
            "max_value": [None, 40.0, None, 40.0, None, 40.0],
        }
    )
    found = unit_profile.sub_indices(subs, frame, "me")
    assert set(found.frame["unit_code"]) == {"me", "peer"}
    assert found.medians.to_dict() == {"S1": 70.0, "S2": 30.0}
    # the unit's own maximum (a department out of 40) before the method's
    assert found.maxima == {"S1": 100.0, "S2": 40.0}


def test_lineage_splits_by_direction():
    lineage = pd.DataFrame(
        {"from_code": ["old", "me", "me"], "to_code": ["me", "new", "me"], "event": ["in", "out", "rename"]}
    )
    found = unit_profile.lineage_of(lineage, "me")
    assert (found.came["from_code"].tolist(), found.became["to_code"].tolist()) == (["old"], ["new"])
    assert found.changed["event"].tolist() == ["rename"] and not found.empty
    assert unit_profile.lineage_of(lineage, "nobody").empty


def test_a_units_published_edoc_figures_are_never_drawn_as_a_series():
    frame = pd.DataFrame(
        {
            "data_kind": ["official", "illustrative", "illustrative"],
            "indicator_code": ["EDOC_RATE", "EDOC_ONLINE_SHARE_ILLUSTRATIVE", "EDOC_DOCS_ISSUED"],
        }
    )
    real, drawn = unit_profile.edoc_figures(frame)
    assert real["indicator_code"].tolist() == ["EDOC_RATE"]
    assert drawn["indicator_code"].tolist() == ["EDOC_ONLINE_SHARE_ILLUSTRATIVE"]


def test_methodologies_are_ordered_by_family_then_first_year_with_their_years_and_documents():
    methods = pd.DataFrame(
        {
            "code": ["n", "d2", "d1"],
            "family": ["national-dti", "qn-dti", "qn-dti"],
            "first_year": [2020, 2025, 2020],
        }
    )
    assert methodology.ordered(methods)["code"].tolist() == ["d1", "d2", "n"]
    observations = pd.DataFrame({"methodology": ["d1", "d1", "d2"], "year": [2020, 2024, 2025]})
    assert methodology.years_held(observations) == {"d1": "2020–2024", "d2": "2025–2025"}
    events = pd.DataFrame({"legal_basis": ["QĐ 104/QĐ-UBND và 766/QĐ-TTg", None], "source_url": ["u", "v"]})
    assert set(methodology.documents_cited(events)) == {"104/QĐ-UBND", "766/QĐ-TTg"}
    assert methodology.document_numbers("766/QĐ-TTg, 42/2012/QĐ-UBND, 766/QĐ-TTg") == [
        "766/QĐ-TTg",
        "42/2012/QĐ-UBND",
    ]


def test_a_monthly_index_is_ordered_by_month_with_one_point_per_month():
    frame = pd.DataFrame(
        {
            "period": ["tháng 6/2025", "tháng 5/2025", "tháng 5/2025", "tháng 7/2025"],
            "source_id": [2, 3, 1, 4],
            "rank": [10.0, 12.0, 12.0, None],
            "rank_of": [63.0, 63.0, 63.0, 34.0],
        }
    )
    ordered, points = position.monthly_points(frame, "vi")
    assert ordered["source_id"].tolist() == [1, 3, 2, 4] and "first_day" not in ordered
    assert points[["source_id", "text"]].values.tolist() == [[1, "12/63"], [2, "10/63"]]
