"""The methodology page (/phuong-phap): the methodologies in the order shown, the years of figures held of
each, and the stored source of each document a text names. Frames in (assemble/methodology.py reads them).

May import: domain, i18n, views.
"""

from __future__ import annotations

import re

import pandas as pd

# The province's own evaluations first (what the rankings show), then the national indices.
FAMILY_ORDER = ("qn-readiness", "qn-dti", "edoc")
# "104/QĐ-UBND", "42/2012/QĐ-UBND", "766/QĐ-TTg" (the issuer's suffix may hold lower case: TTg).
DOCUMENT_NUMBER = re.compile(r"\d+(?:/\d{4})?/[A-ZĐ]+(?:-[A-ZĐa-z0-9]+)+")


def years_held(observations: pd.DataFrame) -> dict[str, str]:
    """Per methodology, the years of the figures held ('2019–2024'): what this dashboard can vouch for."""
    spans = observations.groupby("methodology")["year"].agg(["min", "max"])
    return {code: f"{int(r['min'])}–{int(r['max'])}" for code, r in spans.iterrows()}


def ordered(methods: pd.DataFrame) -> pd.DataFrame:
    """The methodologies in the order shown: by family (FAMILY_ORDER first), then first year."""
    order = {family: i for i, family in enumerate(FAMILY_ORDER)}
    return methods.assign(order=methods["family"].map(order).fillna(len(order))).sort_values(
        ["order", "family", "first_year"]
    )


def documents_cited(events: pd.DataFrame) -> dict[str, dict]:
    """Each document number the timeline's legal bases name, with the event (and source) that names it."""
    return {
        number: row
        for row in events.to_dict("records")
        for number in DOCUMENT_NUMBER.findall(str(row["legal_basis"] or ""))
    }


def document_numbers(text: str) -> list[str]:
    """The document numbers a text names, each once, in order."""
    return list(dict.fromkeys(DOCUMENT_NUMBER.findall(text)))
