"""Published figures as published: the one place that words a figure, its period, its level and its source,
and the one label that generated (illustrative) figures carry on every surface.

Pure: takes plain values or observation/source rows, returns text. May import: domain, i18n.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.domain import localized, localized_column
from dashboard.domain.scoring import stored_as_published
from dashboard.i18n import format_number, normalize_language, t
from dashboard.views.wording import issuer_in

QUALIFIERS = ("exact", "lower_bound", "upper_bound", "approx", "range")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def _readings(token: str) -> list[tuple[float, int]]:
    """(value, decimals) for each way a printed number can be read: '0,727', '2.192', '86.45', '40,980'."""
    readings = []
    for decimal in (",", "."):
        other = "." if decimal == "," else ","
        whole, _, fraction = token.replace(other, "").partition(decimal)
        if decimal in token and token.count(decimal) > 1:
            continue  # '1.234.567' only reads with '.' as the thousands separator
        try:
            readings.append((float(f"{whole}.{fraction}" if fraction else whole), len(fraction)))
        except ValueError:
            continue
    return readings


def published_decimals(value: float | None, published: str | None) -> int | None:
    """How many decimals the source printed for a value ('0,8002' -> 4, '40,980 điểm' -> 3), if it says."""
    if _missing(value) or _missing(published):
        return None
    for token in _NUMBER.findall(str(published)):
        for reading, decimals in _readings(token):
            if math.isclose(reading, float(value), rel_tol=0, abs_tol=1e-9):  # type: ignore[arg-type]
                return decimals
    return None


def number_as_published(
    value: float | None, *, published: str | None = None, lang: str, fallback_decimals: int | None = None
) -> str:
    """A number in the page's language with the decimals the source printed (never rounded further)."""
    if _missing(value):
        return "–"
    decimals = published_decimals(value, published)
    if decimals is None:
        decimals = fallback_decimals
    if decimals is None:  # no printed form: show the stored value without inventing or dropping digits
        text = repr(float(value)).rstrip("0").rstrip(".")  # type: ignore[arg-type]
        decimals = len(text.partition(".")[2])
    return format_number(float(value), lang, decimals=decimals)  # type: ignore[arg-type]


# The words sources print before a bound or an estimate; a Vietnamese page repeats the one printed.
PRINTED_WORD = re.compile(r"(hơn|trên|gần|khoảng|dưới) ")


def figure_text(
    value: float | None,
    *,
    high: float | None = None,
    qualifier: str | None = "exact",
    measure: str = "",
    published: str | None = None,
    lang: str,
) -> str:
    """A published figure worded as the source worded it: 'trên 99 %', 'gần 88 %', '81–86 %', '0,8002'."""
    if _missing(value):
        return "–"
    key = qualifier if qualifier in QUALIFIERS else "exact"
    if key == "range" and _missing(high):
        key = "exact"
    text = t(
        f"qualifier.{key}",
        lang,
        value=number_as_published(value, published=published, lang=lang),
        high=number_as_published(high, published=published, lang=lang) if not _missing(high) else "",
    )
    printed = (
        PRINTED_WORD.match(str(published or "")) if key in ("lower_bound", "upper_bound", "approx") else None
    )
    if printed and normalize_language(lang) == "vi":  # the source's own word: "hơn 99%" stays "hơn"
        text = printed[0] + number_as_published(value, published=published, lang=lang)
    return f"{text} %" if measure == "percent" else text


def level_text(gov_level: str | None, lang: str) -> str:
    """The government level a figure covers ('Cấp huyện'); empty when the figure has none."""
    if _missing(gov_level):
        return ""
    key = f"level.{gov_level}"
    try:
        return t(key, lang)
    except KeyError:
        return str(gov_level)


# Period words as sources print them, and how an English page says them. Years, days and document numbers
# pass through unchanged.
_PERIOD_EN = (
    (re.compile(r"^(\d+) tháng (\d{4})$"), r"first \1 months of \2"),
    (re.compile(r"^tháng (\d+)/(\d{4})$"), lambda m: f"{_MONTHS[int(m[1]) - 1]} {m[2]}"),
    (re.compile(r"^nửa đầu (\d{4})$"), r"first half of \1"),
    (re.compile(r"^6 tháng đầu năm (\d{4})$"), r"first half of \1"),
    (re.compile(r"^khoảng (\d{4})$"), r"about \1"),
    (re.compile(r"^(\d{4}) \(đầu năm\)$"), r"early \1"),
    (re.compile(r"^đầu năm (\d{4})$"), r"early \1"),
    (re.compile(r"^(\d{4}) \(sau (.+)\)$"), r"\1 (after \2)"),
    (re.compile(r"^(\d{4}) \(thời điểm bài viết\)$"), r"\1 (at the time of the article)"),
    (re.compile(r"^từ (.+)$"), r"from \1"),
    (re.compile(r"^(\d+)-(\d+)/(\d+)/(\d{4})$"), r"\1–\2/\3/\4"),
)
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def period_text(period: object, lang: str) -> str:
    """The period as published ('9 tháng 2024', 'tháng 7/2025'), said in English on English pages."""
    text = "" if _missing(period) else str(period).strip()
    if normalize_language(lang) == "vi":
        return text
    for pattern, replacement in _PERIOD_EN:
        if pattern.match(text):
            return pattern.sub(replacement, text)
    return text


def date_text(published: object, lang: str) -> str:
    """A date as published: '2020-03-31' -> '31/3/2020'; '2016' and '2020 (đầu năm)' stay as printed."""
    text = "" if _missing(published) else str(published).strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        return f"{int(match[3])}/{int(match[2])}/{match[1]}"
    return period_text(text, lang)


def date_shown(shown: object, stored: object, lang: str) -> str:
    """A stored date as its source printed it ('đầu năm 2020', 'early 2020' in English, '1/7/2025'): the
    text kept beside the date; without one (a change the officer published with its day), that day. The
    stored date of a month or a year is a bound for ordering and is never shown."""
    if isinstance(shown, str) and shown.strip():
        return date_text(shown, lang)
    given = isinstance(stored, str | date) and not pd.isna(stored)  # NaT is a date to isinstance
    return date_text(str(stored)[:10] if given else "", lang)


def figure_line(row: Mapping[str, object], lang: str) -> str:
    """'trên 99 % · Cơ quan cấp tỉnh · 9 tháng 2024': value, level and period of one observation."""
    level = row.get("gov_level")
    parts = [
        observation_text(row, lang),
        level_text(level, lang) if level not in ("", "unit", None) else "",  # type: ignore[arg-type]
        period_text(row.get("period"), lang),
    ]
    return " · ".join(p for p in parts if p)


def observation_text(row: Mapping[str, object], lang: str) -> str:
    """One observation's figure as published; a rank printed in words ('dẫn đầu 63 tỉnh') as '1/63'."""
    rank, rank_of = row.get("rank"), row.get("rank_of")
    if row.get("measure") == "rank" and not _missing(rank):
        return f"{int(rank)}/{int(rank_of)}" if not _missing(rank_of) else str(int(rank))  # type: ignore[arg-type]
    return figure_text(
        row.get("value"),  # type: ignore[arg-type]
        high=row.get("value_high"),  # type: ignore[arg-type]
        qualifier=row.get("qualifier"),  # type: ignore[arg-type]
        measure=str(row.get("measure") or ""),
        published=row.get("value_published"),  # type: ignore[arg-type]
        lang=lang,
    )


def worded(frame: pd.DataFrame, lang: str, *, home: str) -> pd.DataFrame:
    """Observations with the columns a page shows: indicator, level (or the unit when it is not `home`),
    text (the figure as published) and period_text."""
    records = frame.to_dict("records")
    name = localized_column("unit_name", lang)
    return frame.assign(
        indicator=localized(frame, "indicator_name", lang),
        level=[
            r[name]
            if r["gov_level"] == "unit" or r["unit_code"] != home
            else level_text(r["gov_level"], lang)
            for r in records
        ],
        text=[observation_text(r, lang) for r in records],
        period_text=[period_text(p, lang) for p in frame["period"]],
    )


@dataclass(frozen=True)
class SourceText:
    """How a source is stated: issuer, document number and date, title, link, and the page's own date (as
    it shows it: '21/10/2025', 'tháng 7/2023', '2016') when no document date says it already."""

    issuer: str
    title: str
    document: str
    url: str
    date: str = ""

    def citation(self) -> str:
        """One line: 'Bộ TT&TT – QĐ 922/QĐ-BTTTT ngày 20/5/2022 – title'."""
        parts = [self.issuer, self.document, self.date, self.title if self.title != self.url else ""]
        return " – ".join(p for p in parts if p)


def source_text(row: Mapping[str, object] | object, lang: str) -> SourceText:
    """A source row (issuer, document_number, document_date, title, url) stated the same way everywhere."""
    get = row.get if isinstance(row, Mapping) else lambda k, d=None: getattr(row, k, d)  # type: ignore[union-attr]
    number = "" if _missing(get("document_number")) else str(get("document_number"))
    when = get("document_date")
    shown = date_text(get("date_shown"), lang)
    if number and not _missing(when):
        day = when if isinstance(when, date) else date.fromisoformat(str(when)[:10])
        number = t("source.document_dated", lang, number=number, date=f"{day.day}/{day.month}/{day.year}")
        shown = ""  # said with the document
    elif number and shown:  # a year or a month only: never worded as a day ("ngày 2004")
        number, shown = f"{number} ({shown})", ""
    url = "" if _missing(get("url")) else str(get("url"))
    issuer = "" if _missing(get("issuer")) else str(get("issuer"))
    title = "" if _missing(get("title")) else str(get("title"))
    if get("kind") == "illustrative":  # the generator is named in the page's language, as the label is
        issuer, title = t("generated.issuer", lang), generated_source_line(lang)
    return SourceText(issuer=issuer_in(issuer, lang), title=title, document=number, url=url, date=shown)


# The one label of generated figures: every surface (page text, summary, title, meta, chart, PNG, download,
# datapackage, the CSV files) takes its words from here.
def generated_label(lang: str) -> str:
    """'MINH HỌA' / 'ILLUSTRATIVE'."""
    return t("generated.label", lang)


def generated_note(lang: str) -> str:
    """One sentence saying that the figures are generated and not real results."""
    return t("generated.note", lang)


def generated_title(title: str, lang: str) -> str:
    """A page or chart title that says its figures are generated: 'MINH HỌA – Tổng quan'."""
    label = generated_label(lang)
    return title if title.startswith(label) else f"{label} – {title}"


def generated_sentence(sentence: str, lang: str) -> str:
    """A summary sentence that cannot be quoted without its label: '[MINH HỌA] Năm 2024, …'."""
    return f"[{generated_label(lang)}] {sentence}"


def generated_source_line(lang: str) -> str:
    """The source line under a chart (and in its PNG) of generated figures."""
    return t("generated.source_line", lang, label=generated_label(lang), note=generated_note(lang))


def file_label() -> str:
    """The label written on every row of a generated data file (both languages: files have no page)."""
    return f"{generated_label('vi')} / {generated_label('en')}"


# Marks of a rank that is not simply the published one: text, never colour only; every ranking table has a
# legend line for each mark it uses.
RANK_MARKS = {"computed": "*", "differs": "≠", "flagged": "⚑"}


@dataclass(frozen=True)
class RankShown:
    """One row's rank as shown: the published rank where there is one, else the computed one, and why."""

    rank: int | None
    status: str  # published | computed | differs | none
    flagged: bool  # stored as published although rank or class contradicts the scores
    note: str  # the sentence that explains the marks ('' when there is nothing to explain)
    marked: bool = True  # False when no rank of the table was published: the header says so once

    @property
    def marks(self) -> str:
        """'≠', '*', '≠ ⚑', ''."""
        keys = [self.status if self.marked else "", "flagged" if self.flagged else ""]
        return " ".join(RANK_MARKS[k] for k in keys if k in RANK_MARKS)


def rank_shown(
    published: object, computed: object, *, note: object, lang: str, marked: bool = True
) -> RankShown:
    """Word a row's published and computed ranks; `marked=False` when no rank of the table was published
    (the header says so once instead of a mark on every row)."""
    first = None if _missing(published) else int(published)  # type: ignore[call-overload]
    second = None if _missing(computed) else int(computed)  # type: ignore[call-overload]
    flagged = stored_as_published(note)
    notes = []
    if first is None:
        status = "none" if second is None else "computed"
        if status == "computed" and marked:
            notes.append(t("rank.note_computed", lang, computed=second))
    elif second is not None and first != second:
        status = "differs"
        notes.append(t("rank.note_differs", lang, published=first, computed=second))
    else:
        status = "published"
    if flagged:
        notes.append(f"{RANK_MARKS['flagged']} {t('rank.note_flagged', lang)}")
    return RankShown(first if first is not None else second, status, flagged, "; ".join(notes), marked)


def rank_legend(shown: list[RankShown], *, lang: str) -> list[str]:
    """One line per mark used in a table, in a fixed order; one unmarked line when all ranks are computed."""
    used = {s.status for s in shown if s.marked} | ({"flagged"} if any(s.flagged for s in shown) else set())
    lines = [f"{mark} {t(f'rank.legend_{key}', lang)}" for key, mark in RANK_MARKS.items() if key in used]
    if shown and not any(s.marked for s in shown):
        lines.insert(0, t("rank.legend_all_computed", lang))
    return lines


def ranks_shown(table: pd.DataFrame, *, lang: str) -> list[RankShown]:
    """RankShown for each row of a ranking table (rank_published, rank_computed, note columns)."""
    marked = bool(table["rank_published"].notna().any())
    return [
        rank_shown(p, c, note=n, lang=lang, marked=marked)
        for p, c, n in zip(table["rank_published"], table["rank_computed"], table["note"], strict=True)
    ]
