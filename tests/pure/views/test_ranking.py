"""The overview and rankings pages' pieces from frames built here (views/ranking.py): no app, no database."""

from __future__ import annotations

import pandas as pd

from dashboard.views import ranking


def test_years_and_the_groups_ranked_in_each_come_from_the_coverage():
    coverage = pd.DataFrame(
        {"year": [2024, 2025, 2024, 2025], "unit_kind": ["district", "commune", "department", "department"]}
    )
    years, groups = ranking.years_and_groups_of(coverage)
    assert years == [2024, 2025]
    assert groups == {2024: ["department", "district"], 2025: ["commune", "department"]}
    assert [o["value"] for o in ranking.group_options(groups[2024], "vi")] == ["district", "department"]


def test_a_totals_options_list_it_first_then_its_sub_indices_in_published_order():
    indicators = pd.DataFrame(
        {
            "code": ["DTI", "DTI_B", "DTI_A", "OTHER"],
            "parent_code": [None, "DTI", "DTI", None],
            "sort_order": [1, 3, 2, 4],
            "name_vi": ["Tổng", "B", "A", "Khác"],
            "name_en": ["Total", "B", "A", "Other"],
        }
    )
    options = ranking.index_options_of(indicators, "DTI", "en")
    assert options == [
        {"value": "DTI", "label": "Total"},
        {"value": "DTI_A", "label": "A"},
        {"value": "DTI_B", "label": "B"},
    ]
    assert ranking.indicator_names(indicators, "vi")["OTHER"] == "Khác"
