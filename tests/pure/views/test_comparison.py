"""The compare page's selection and data from frames built here (views/comparison.py,
views/compare_table.py): no app, no database."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.views import compare_table, comparison

UNITS = pd.DataFrame(
    {
        "code": ["522", "525", "so-y-te"],
        "kind": ["district", "district", "department"],
        "parent_code": ["51", "51", "51"],
        "name_vi": ["Huyện Bình Sơn", "Huyện Tư Nghĩa", "Sở Y tế"],
        "name_en": ["Binh Son District", "Tu Nghia District", "Department of Health"],
        "valid_to": [None, "2020-01-31", None],
    }
)


def test_a_selection_reports_every_problem_and_never_raises():
    picked = comparison.parse({"units": "522,525"}, units=UNITS, indices=["DTI_A"])
    assert picked.ready and picked.group == "district" and picked.index == "total"
    wrong = comparison.parse(
        {"units": "522,so-y-te,999", "group": "district", "index": "NOPE"}, units=UNITS, indices=["DTI_A"]
    )
    assert not wrong.ready and wrong.codes == ("522", "so-y-te")
    assert [key for key, _ in wrong.problems] == [
        "compare.problem.unknown",
        "compare.problem.mixed",
        "compare.problem.index",
    ]
    assert comparison.problem_texts(wrong, "vi")[0].count("999") == 1


def test_names_and_options_come_from_the_units_frame():
    assert comparison.unit_names(UNITS, ("525", "X"), "en") == {"525": "Tu Nghia District", "X": "X"}
    options = comparison.unit_options(UNITS, "district", "vi", former={"525": "Xã Cũ xa cu"})
    assert [o["value"] for o in options] == ["522", "525"]
    assert options[1]["label"] == "Huyện Tư Nghĩa (đến 2019)"  # ended before 31 December 2020
    assert "huyen tu nghia" in options[1]["search"] and options[1]["search"].endswith("Xã Cũ xa cu")


def _series() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit_code": ["525", "522", "525", "522"],
            "year": [2020, 2020, 2021, 2021],
            "value": [66.12, 65.67, 70.0, None],
        }
    )


def test_differences_are_against_the_first_picked_unit_rounded_as_shown():
    selection = comparison.Selection(("522", "525"), "district", "total")
    frame = comparison.in_picked_order(_series(), selection.codes, {"522": "B", "525": "T"})
    assert list(frame["series"]) == ["B", "B", "T", "T"]  # the order picked, then by year
    wide = comparison.differences(frame, selection.codes)
    assert list(wide["year"]) == [2021, 2020]
    assert wide.loc[wide["year"] == 2020, "525:diff"].iloc[0] == pytest.approx(0.45)
    rows = compare_table.difference_rows(
        frame.assign(source_id=1), selection, "vi", sources=pd.DataFrame({"id": [], "kind": []})
    )
    assert rows[1]["525"] == "66,12 (+0,45)" and rows[1]["525:diff"] == 0.45
    assert rows[0]["525:diff"] is None  # no difference where the first unit has no value


def test_a_scale_is_titled_by_its_measure_and_maximum():
    points = pd.DataFrame({"indicator_code": ["DTI25"], "measure": ["points"]})
    assert comparison.scale_title(points, {"DTI25": 1000.0}, "vi") == "Điểm (tối đa 1.000)"
    percent = pd.DataFrame({"indicator_code": ["DTI"], "measure": ["percent"]})
    assert comparison.scale_title(percent, {}, "en") != comparison.scale_title(
        points, {"DTI25": 1000.0}, "en"
    )


def test_an_ended_unit_names_what_followed_it():
    frame = pd.DataFrame(
        {
            "unit_code": ["TT", "TT", "TB", "TB"],
            "year": [2018, 2019, 2019, 2020],
            "value": [50.0, 51.0, 60.0, 61.0],
            "series": ["Tây Trà", "Tây Trà", "Trà Bồng", "Trà Bồng"],
        }
    )
    lineage = pd.DataFrame(
        {
            "from_code": ["TT"],
            "to_code": ["TB"],
            "event_date": ["2020-02-01"],
            "event_date_shown": [None],
            "legal_basis": ["NQ 867"],
            "indicative": [False],
        }
    )
    (end,) = comparison.series_ends(frame, lineage=lineage, names={"TB": "Huyện Trà Bồng"}, lang="vi")
    assert (end.code, end.last_year, end.last_value) == ("TT", 2019, 51.0)
    assert end.successors == ("Huyện Trà Bồng",) and end.legal_basis == "NQ 867"
