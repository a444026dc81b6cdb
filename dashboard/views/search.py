"""Unit search by any name a unit has had, or an old commune's name: what a citizen types finds the unit
it is now. Frames in, hits out; no SQL, no Dash (assemble/search.py reads the frames). Diacritics, case
and prefixes (xã, huyện...) are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.domain import UnitKind, localized_column
from dashboard.domain.names import fold, name_keys
from dashboard.views import published

SEARCH_KINDS = (UnitKind.COMMUNE, UnitKind.DEPARTMENT, UnitKind.DISTRICT)  # ties go to the first kind
MIN_LENGTH = 2


@dataclass(frozen=True)
class Hit:
    """One search result: a unit (current or ended) or a former commune, with what it became."""

    name: str
    code: str | None  # the unit's profile; None for a former commune (not a unit here)
    ended: str | None  # when the unit ended, as its source prints it ('30/6/2025', '2020'), if it did
    successors: tuple[tuple[str, str, bool], ...] = ()  # (code, name, partial) of what it became
    indicative: bool = False
    former: bool = False


def _match(query: str, keys: set[str]) -> int | None:
    """0: the name itself; 1: the name starts with the query; 2: a word of the name does; None: no match."""
    if query in keys:
        return 0
    if any(key.startswith(query) for key in keys):
        return 1
    if any(f" {query}" in f" {key}" for key in keys):
        return 2
    return None


def _keys(names: list[str]) -> set[str]:
    return {key for name in names for key in name_keys(name)}


def search_units(
    text: str,
    *,
    units: pd.DataFrame,
    versions: pd.DataFrame,
    lineage: pd.DataFrame,
    predecessors: pd.DataFrame,
    lang: str,
    limit: int = 10,
) -> list[Hit]:
    """Units and former communes whose name matches `text`, best match first, current units first."""
    query = fold(text)
    if len(query) < MIN_LENGTH:
        return []
    column = localized_column("name", lang)
    own = units[units["kind"].isin(SEARCH_KINDS)].set_index("code")
    names = own[column].to_dict()
    old_names = versions.groupby("unit_code")["name_vi"].agg(list).to_dict()
    scored: list[tuple[tuple, Hit]] = []
    for code, row in own.iterrows():
        score = _match(query, _keys([row["name_vi"], row["name_en"], *old_names.get(code, [])]))
        if score is None:
            continue
        ended = published.date_shown(row["valid_to_shown"], row["valid_to"], lang) or None
        links = lineage[(lineage["from_code"] == code) & (lineage["to_code"] != code)]
        links = links[links["event"] != "merger_unconfirmed"]  # never offered as what a unit became
        successors = tuple((c, names.get(c, c), False) for c in links["to_code"]) if ended else ()
        hit = Hit(
            str(row[column]), str(code), ended, successors, bool(links["indicative"].any()) and bool(ended)
        )
        kind_order = SEARCH_KINDS.index(row["kind"])
        scored.append(((score, ended is not None, kind_order, fold(hit.name)), hit))
    for old_name, rows in predecessors.groupby("old_name_vi", sort=False):
        score = _match(query, _keys([str(old_name)]))
        if score is None:
            continue
        successors = tuple(
            (c, names.get(c, c), share == "partial")
            for c, share in zip(rows["to_code"], rows["share"], strict=True)
        )
        hit = Hit(str(old_name), None, None, successors, bool(rows["indicative"].any()), former=True)
        scored.append(((score, True, len(SEARCH_KINDS), fold(hit.name)), hit))
    scored.sort(key=lambda item: item[0])
    return [hit for _, hit in scored[:limit]]


def search_text(name: str, former: str | None = None) -> str:
    """What a search box (a dropdown, the map's search, the rankings filter) matches for a unit: its name
    as written and without diacritics, and `former`, the unit's earlier names as `former_names_of` words
    them ("tinh ky" finds Xã Tịnh Khê, formed from Xã Tịnh Kỳ)."""
    text = f"{name} {fold(name)}"
    return f"{text} {former}" if former else text


def former_names_of(versions: pd.DataFrame, predecessors: pd.DataFrame) -> dict[str, str]:
    """Each unit's earlier names (its own versions', and those of the old units it was formed from),
    written and folded, as one text per unit code."""
    pairs = [
        *zip(versions["unit_code"], versions["name_vi"], strict=True),
        *zip(predecessors["to_code"], predecessors["old_name_vi"], strict=True),
    ]
    names: dict[str, set[str]] = {}
    for code, name in pairs:
        names.setdefault(str(code), set()).add(str(name))
    return {code: " ".join(f"{n} {fold(n)}" for n in sorted(found)) for code, found in names.items()}
