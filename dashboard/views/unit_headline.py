"""The headline of a unit's profile: its rank in its last ranked year ("x/N" as published), the change
against the year before under the reform rules of the rankings page (a new method or a new unit is never
an arrow), and its class where the method defines classes; one sentence and a compact stat row.

May import: domain, i18n, views.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.i18n import format_number, t
from dashboard.views import published
from dashboard.views.all_rankings import ViewData


@dataclass(frozen=True)
class UnitHeadline:
    """What a profile says first, each piece already worded."""

    year: int
    rank: str  # "3/15"; "–" when the year's table gives the unit no rank; "Không xếp hạng" as printed
    score: str  # "789,40"
    scored: str  # "789,40 điểm (tối đa 1.000)" / "84,05 % điểm tối đa"
    scale: str  # the same without the number: "điểm (tối đa 1.000)"
    change_kind: str  # up, down, same, new, new_method, merged (analysis.RankChange)
    change: str  # as in the rankings table: "▲ 2 bậc", "≠ phương pháp mới"
    class_name: str | None  # None where the method defines no classes (or none was published)
    illustrative: bool
    sentence: str


def _rank_text(row: pd.Series, count: int, lang: str) -> str:
    """'3/15' as published; '4/15 (tính từ điểm)' where none was published; the computed rank beside a
    published one that differs; the words printed for a unit listed but not ranked ('Không xếp hạng');
    '–' when the year's table gives the unit no rank."""
    if isinstance(row.get("not_ranked"), str):
        return row["not_ranked"]
    shown = published.rank_shown(row.get("rank_published"), row.get("rank_computed"), note=None, lang=lang)
    if shown.rank is None:
        return "–"
    rank_of = row.get("rank_of")
    counted = shown.status != "computed" and rank_of is not None and pd.notna(rank_of)
    rank = f"{shown.rank}/{int(rank_of) if counted else count}"
    if shown.status == "computed":
        return t("headline.rank_computed", lang, rank=rank)
    if shown.status == "differs":
        return t("headline.rank_differs", lang, rank=rank, computed=int(row["rank_computed"]))
    return rank


def change_clause(row: pd.Series, year: int, lang: str) -> str:
    """The change against the year before, in words (row: change_kind and change_steps of a view's table)."""
    steps = int(row["change_steps"])
    places = t("rank.step" if steps == 1 else "rank.steps", lang, steps=steps)  # '1 place', '2 places'
    return t(f"headline.change.{row['change_kind']}", lang, places=places, previous=year - 1, year=year)


def _score_text(row: pd.Series, lang: str) -> tuple[str, str]:
    """The score with its scale: ('789,40', '789,40 điểm (tối đa 1.000)') or ('84,05', '84,05 % …')."""
    score = format_number(row["value"], lang, decimals=2)
    if row["measure"] == "percent":
        return score, t("headline.score_percent", lang, score=score)
    maximum = row["max_value"]  # the maximum of the unit's own group under the set
    return score, t("headline.score_points", lang, score=score, max=format_number(maximum, lang, decimals=0))


def headline_in(data: ViewData, code: str, name: str, *, lang: str) -> UnitHeadline | None:
    """The headline of unit `code` (named `name`) in the ranking view `data` of its group and year, or None
    if the view does not list it."""
    year, kind = data.view.year, data.view.group
    rows = data.table[data.table["unit_code"] == code]
    if rows.empty:
        return None
    row = rows.iloc[0]
    ranked = int(data.table["not_ranked"].isna().sum())  # a unit listed but not ranked is not counted
    rank = _rank_text(row, ranked, lang)
    score, scored = _score_text(row, lang)
    label = row.get("class_name")
    class_name = label if data.has_classes and isinstance(label, str) else None
    words = {"year": year, "name": name, "rank": rank, "group": t(f"group.{kind}.plural", lang)}
    if isinstance(row.get("not_ranked"), str):  # no rank, so no change of rank; a score if printed
        sentence = t("headline.sentence_not_ranked", lang, **words)
        if pd.notna(row["value"]):
            sentence += t("headline.reached", lang, score=scored)
    else:
        sentence = t("headline.sentence", lang, **words, score=scored)
        sentence += "; " + change_clause(row, year, lang)
    if class_name:
        sentence += "; " + t("headline.class", lang, name=class_name)
    sentence += "."
    if data.illustrative:
        sentence = f"{published.generated_label(lang)} – {sentence}"
    return UnitHeadline(
        year=year,
        rank=rank,
        score=score,
        scored=scored,
        scale=scored.removeprefix(score).strip(),  # both languages put the number first
        change_kind=row["change_kind"],
        change=row["change"],
        class_name=class_name,
        illustrative=data.illustrative,
        sentence=sentence,
    )
