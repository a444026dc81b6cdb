"""A unit's profile opens with its rank ("x/N"), the change under the reform rules and its class."""

from __future__ import annotations

import pytest

LANGS = ("vi", "en")
COMMUNE = "23430"  # a commune of 2025 (illustrative ranking)


@pytest.fixture(scope="module")
def headline_of(app):
    from dashboard import queries
    from dashboard.assemble.unit_headline import unit_headline

    def of(code: str, lang: str):
        with app.server.app_context():
            unit = queries.units().set_index("code").loc[code]
            return unit_headline(code, unit["kind"], unit[f"name_{lang}"], lang=lang)

    return of


def test_a_district_in_2024_has_rank_change_and_class(headline_of):
    vi, en = headline_of("525", "vi"), headline_of("525", "en")
    assert vi.year == 2024 and vi.rank == "10/13" and vi.change_kind == "down"
    assert vi.sentence == (
        "MINH HỌA – Năm 2024, Huyện Trà Bồng xếp hạng 10/13 trong các UBND cấp huyện, đạt 65,67 %"
        " điểm tối đa;"
        " giảm 2 bậc so với năm 2023; xếp loại Trung bình."
    )
    assert en.sentence.startswith("ILLUSTRATIVE – In 2024, Trà Bồng District ranked 10/13")
    assert "down 2 places on 2023; class Average." in en.sentence


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_method_is_never_an_arrow_and_a_method_without_classes_has_none(headline_of, lang):
    head = headline_of("so-ngoai-vu", lang)
    assert head.year == 2025 and head.change_kind == "new_method" and head.rank == "1/15"
    assert not head.change.startswith(("▲", "▼")) and head.class_name is None
    assert ("phương pháp mới" if lang == "vi" else "new method") in head.sentence
    assert ("1.000" if lang == "vi" else "1,000") in head.scored


@pytest.mark.parametrize("lang", LANGS)
def test_a_2025_commune_is_a_new_unit(headline_of, lang):
    head = headline_of(COMMUNE, lang)
    assert head.change_kind == "new" and not head.change.startswith(("▲", "▼"))
    assert ("đơn vị mới" if lang == "vi" else "new unit") in head.sentence


@pytest.mark.parametrize("lang", LANGS)
def test_the_profile_opens_with_the_sentence_and_the_stat_row(app, headline_of, lang):
    from dash import html

    from dashboard.pages import unit

    with app.server.test_request_context("/"):
        page = unit.layout(code="525", lang=lang)
    parts = list(page._traverse())
    heading = next(i for i, c in enumerate(parts) if isinstance(c, html.H1))
    sentence = next(i for i, c in enumerate(parts) if "profile-headline" in str(getattr(c, "className", "")))
    assert heading < sentence and parts[sentence].children == headline_of("525", lang).sentence
    cards = next(c for c in parts if "profile-kpis" in str(getattr(c, "className", "")))
    assert [card.children[1].children for card in cards.children] == [
        "10/13",
        "65,67" if lang == "vi" else "65.67",
        "▼ 2 " + ("bậc" if lang == "vi" else "places"),
        "Trung bình" if lang == "vi" else "Average",
    ]


@pytest.mark.parametrize(
    ("kind", "steps", "vi", "en"),
    [
        ("up", 1, "tăng 1 bậc so với năm 2019", "up 1 place on 2019"),
        ("down", 3, "giảm 3 bậc so với năm 2019", "down 3 places on 2019"),
        ("same", 0, "giữ nguyên thứ hạng so với năm 2019", "the same rank as in 2019"),
        ("new_method", 0, "năm 2020 chấm theo phương pháp mới", "2020 was scored under a new method"),
        ("merged", 0, "nhận sáp nhập trong năm 2020", "absorbed another in 2020"),
        ("new", 0, "là đơn vị mới", "a new unit"),
    ],
)
def test_every_kind_of_change_is_worded_and_a_reform_never_counts_places(app, kind, steps, vi, en):
    import pandas as pd

    from dashboard.views.unit_headline import change_clause

    row = pd.Series({"change_kind": kind, "change_steps": steps})
    worded = {lang: change_clause(row, 2020, lang) for lang in ("vi", "en")}
    assert vi in worded["vi"] and en in worded["en"]
    if kind in ("new_method", "merged", "new"):
        assert "bậc" not in worded["vi"] and "place" not in worded["en"]
