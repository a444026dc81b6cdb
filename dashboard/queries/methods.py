"""The stored index sets (methodologies with their decision, tree, maxima per group, class scheme and
corrections) as `domain.methods.IndexSet`. Read once per data version; the sets are frozen and shared.

May import: db, domain, queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from sqlalchemy import select

from dashboard import db
from dashboard.domain import PROVINCIAL_FAMILIES
from dashboard.domain.methods import (
    ClassBand,
    ClassScheme,
    Correction,
    Decision,
    IndexSet,
    Indicator,
    UnitGroup,
    ordered_tree,
)
from dashboard.queries import per_data_version, reading


def _text(value: object) -> str | None:
    return None if value is None else str(value)


@per_data_version(maxsize=2, budgeted=False)
def index_sets() -> Mapping[str, IndexSet]:
    """Every stored index set by methodology code."""
    with reading() as connection:
        methods = list(connection.execute(select(db.methodologies)).mappings())
        indicators = list(connection.execute(select(db.indicators)).mappings())
        maxima = list(connection.execute(select(db.indicator_maxima)).mappings())
        groups = list(
            connection.execute(select(db.unit_groups).order_by(db.unit_groups.c.sort_order)).mappings()
        )
        classes = list(
            connection.execute(select(db.method_classes).order_by(db.method_classes.c.sort_order)).mappings()
        )
        fixes = list(
            connection.execute(
                select(db.method_corrections).order_by(
                    db.method_corrections.c.corrected_at, db.method_corrections.c.id
                )
            ).mappings()
        )
    group_maxima: dict[str, dict[str, float]] = defaultdict(dict)
    for row in maxima:
        group_maxima[row["indicator_code"]][row["unit_group"]] = float(row["max_value"])
    tree: dict[str, list[Indicator]] = defaultdict(list)
    for row in indicators:
        tree[row["methodology"]].append(
            Indicator(
                code=row["code"],
                name_vi=row["name_vi"],
                name_en=row["name_en"],
                parent_code=row["parent_code"],
                measure=row["measure"],
                max_value=row["max_value"],
                maxima=dict(group_maxima.get(row["code"], {})),
                sum_of_children=bool(row["sum_of_children"]),
                sort_order=int(row["sort_order"] or 0),
                higher_is_better=bool(row["higher_is_better"]),
            )
        )
    by_method: dict[str, list[UnitGroup]] = defaultdict(list)
    for row in groups:
        by_method[row["methodology"]].append(
            UnitGroup(row["code"], row["name_vi"], row["name_en"], row["unit_kind"])
        )
    bands: dict[str, list[ClassBand]] = defaultdict(list)
    for row in classes:
        bands[row["methodology"]].append(
            ClassBand(row["code"], row["label_vi"], row["label_en"], float(row["lower_bound"]))
        )
    corrections: dict[str, list[Correction]] = defaultdict(list)
    for row in fixes:
        corrections[row["methodology"]].append(
            Correction(
                corrected_at=row["corrected_at"].isoformat(),
                document=row["document"],
                document_date=row["document_date"],
                source_url=row["source_url"],
                item=row["item"],
                field=row["field"],
                old_value=row["old_value"],
                new_value=row["new_value"],
            )
        )
    sets = {}
    for row in methods:
        code = row["code"]
        scheme = (
            ClassScheme(row["class_basis"], tuple(bands[code]))
            if row["class_basis"] and bands[code]
            else None
        )
        sets[code] = IndexSet(
            code=code,
            family=row["family"],
            name_vi=row["name_vi"],
            name_en=row["name_en"],
            first_year=int(row["first_year"]),
            last_year=None if row["last_year"] is None else int(row["last_year"]),
            description_vi=row["description_vi"],
            description_en=row["description_en"],
            total_rule=row["total_rule"],
            legal_basis=row["legal_basis"],
            illustrative=bool(row["illustrative"]),
            decision=Decision(
                row["decision_issuer"], row["decision_number"], row["decision_date"], row["decision_url"]
            ),
            indicators=ordered_tree(tree[code]),
            groups=tuple(by_method[code]),
            scheme=scheme,
            corrections=tuple(corrections[code]),
            published_at=_text(row["published_at"] and row["published_at"].isoformat()),
        )
    return sets


def index_set(code: str) -> IndexSet | None:
    """One stored index set by methodology code, or None."""
    return index_sets().get(code)


def index_set_of_indicator(indicator_code: str) -> IndexSet | None:
    """The index set an indicator belongs to, or None."""
    return next((s for s in index_sets().values() if s.indicator(indicator_code) is not None), None)


def shown_index_sets() -> tuple[IndexSet, ...]:
    """The sets the methodology page lists: the province's own evaluations and every set an officer
    published, by family and first year."""
    chosen = [
        s for s in index_sets().values() if s.family in PROVINCIAL_FAMILIES or s.published_at is not None
    ]
    return tuple(sorted(chosen, key=lambda s: (s.family, s.first_year, s.code)))
