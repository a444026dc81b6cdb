"""Every ranking from frames built here (views/all_rankings.py): no app, no database."""

from __future__ import annotations

import pandas as pd

from dashboard.views import all_rankings

INDICATORS = pd.DataFrame(
    {
        "code": ["DTI", "DTI_A"],
        "family": ["qn-dti", "qn-dti"],
        "methodology": ["dti", "dti"],
        "parent_code": [None, "DTI"],
        "name_vi": ["Chỉ số DTI", "Hạ tầng"],
        "name_en": ["DTI", "Infrastructure"],
        "first_year": [2021, 2021],
        "last_year": [None, None],
        "sort_order": [1, 2],
        "higher_is_better": [True, True],
        "methodology_published_at": [None, None],
    }
)


def _observations() -> pd.DataFrame:
    """Three districts in two years: 2021 ranked on value (a tie), 2022 ranked as published."""
    rows = []
    for year, values, ranks in (
        (2021, {"A": 80.0, "B": 70.0, "C": 70.0}, {}),
        (2022, {"A": 60.0, "B": 90.0, "C": 75.0}, {"A": 3, "B": 1, "C": 2}),
    ):
        for code, value in values.items():
            for indicator in ("DTI", "DTI_A"):
                rows.append(
                    {
                        "year": year,
                        "unit_code": code,
                        "unit_name_vi": f"Huyện {code}",
                        "unit_name_en": f"{code} District",
                        "unit_kind": "district",
                        "indicator_code": indicator,
                        "methodology": "dti",
                        "value": value if indicator == "DTI" else value / 10,
                        "rank": ranks.get(code) if indicator == "DTI" else None,
                        "not_ranked": None,
                        "class_label": None,
                        "max_value": 100.0,
                        "measure": "points",
                        "rank_of": None,
                        "data_kind": "official",
                        "source_id": year,
                    }
                )
    return pd.DataFrame(rows)


def _views(lang: str = "vi") -> dict:
    frame = _observations()
    by_year = all_rankings.methods_in_force(INDICATORS, [2021, 2022], {})
    ranked = all_rankings.ranked_rows(frame, by_year=by_year, indicators=INDICATORS, index_sets={})
    compared = all_rankings.compared_rows(ranked, by_year=by_year, merged={})
    sources = pd.DataFrame({"id": [2021, 2022], "title": ["Báo cáo 2021", "Báo cáo 2022"]})
    return all_rankings.views_of(
        compared,
        by_year=by_year,
        facts=all_rankings.family_facts_of(ranked),
        sources=sources,
        index_sets={},
        observation_columns=list(frame.columns),
        lang=lang,
    )


def test_the_method_in_force_compares_with_last_year_only_under_the_same_method():
    by_year = all_rankings.methods_in_force(INDICATORS, [2021, 2022], {})
    assert by_year[2021].codes == ("DTI", "DTI_A") and not by_year[2021].same_as_before
    assert by_year[2022].same_as_before and by_year[2022].before_total is None


def test_ranks_are_the_published_ones_else_competition_ranks_of_the_values():
    views = _views()
    first = views[(2021, "district", "DTI")].table
    assert dict(zip(first["unit_code"], first["rank"], strict=True)) == {"A": 1, "B": 2, "C": 2}
    second = views[(2022, "district", "DTI")].table
    assert list(second["unit_code"]) == ["B", "C", "A"]  # ordered by rank
    assert list(second["rank_published"]) == [1, 2, 3]


def test_changes_against_last_year_are_worded_with_their_arrow():
    table = _views()[(2022, "district", "DTI")].table.set_index("unit_code")
    assert table.loc["B", "change_kind"] == "up" and table.loc["B", "change_steps"] == 1
    assert table.loc["A", "change_kind"] == "down" and table.loc["A", "change_steps"] == 2
    assert table.loc["C", "change_kind"] == "same"
    assert table.loc["A", "change"] == "▼ 2 bậc"
    first = _views()[(2021, "district", "DTI")].table
    assert set(first["change_kind"]) == {"new"}  # the first year of a method compares with nothing


def test_a_view_holds_its_headline_sub_index_columns_and_sources():
    data = _views("en")[(2022, "district", "DTI")]
    assert data.comparable and data.headline.count == 3
    assert data.headline.best == ("B District", 90.0) and data.headline.improved == 2  # B and C rose, A fell
    assert data.sub_columns == [("DTI_A", "Infrastructure")]
    assert list(data.table["DTI_A"]) == [9.0, 7.5, 6.0]
    assert list(data.sources["title"]) == ["Báo cáo 2022"]


def test_a_view_without_observations_is_empty_but_knows_whether_it_compares():
    views = _views()
    known = views[(2022, "district", "DTI")]
    by_year = all_rankings.methods_in_force(INDICATORS, [2021, 2022], {})
    empty = all_rankings.no_data(
        known.view,
        by_year=by_year,
        facts={},
        known=views,
        table=known.table.iloc[0:0],
        sources=known.sources.iloc[0:0],
        index_sets={},
    )
    assert empty.table.empty and empty.headline.count == 0 and empty.comparable


def test_units_merged_in_a_year_are_found_from_the_lineage():
    lineage = pd.DataFrame(
        {
            "event": ["merged_into", "renamed"],
            "event_date": ["2020-02-01", "2020-01-01"],
            "from_code": ["TAY_TRA", "X"],
            "to_code": ["TRA_BONG", "Y"],
        }
    )
    assert all_rankings.merged_into_by_year(lineage) == {2020: {"TAY_TRA": "TRA_BONG"}}


def test_a_units_headline_reads_its_row_of_the_view():
    from dashboard.views.unit_headline import headline_in

    data = _views()[(2022, "district", "DTI")]
    headline = headline_in(data, "B", "Huyện B", lang="vi")
    assert (headline.year, headline.rank, headline.change_kind) == (2022, "1/3", "up")
    assert headline.score == "90,00" and "Huyện B" in headline.sentence
    assert headline_in(data, "NOT-LISTED", "X", lang="vi") is None
