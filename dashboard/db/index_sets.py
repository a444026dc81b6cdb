"""The tables of an index set beyond its methodology and indicators rows: the unit groups it gives their
own maxima, those maxima, its class scheme, and the corrections made to it. Defined on the schema's one
MetaData by `dashboard.db` (the only place tables are made), and the one reader that turns their rows
into `domain.methods.IndexSet`. May import: domain.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)

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

T = TypeVar("T")


def decision_columns() -> list[Column]:
    """Columns of `methodologies`: the decision issuing the set, and what its class thresholds are on."""
    return [
        Column("decision_issuer", Text),
        Column("decision_number", Text),
        # As printed: "2025", "2025-04" or "2025-04-03"; never completed to a day that was not published.
        Column("decision_date", String(10)),
        Column("decision_url", Text),
        Column("class_basis", String(16)),  # "percent" (of the maximum) or "points"; None: no classes
        Column("published_at", DateTime(timezone=True)),  # when an officer published it; None if shipped
    ]


def tables(metadata: MetaData) -> tuple[Table, Table, Table, Table]:
    """(unit_groups, indicator_maxima, method_classes, method_corrections) on the schema's MetaData."""
    unit_groups = Table(
        "unit_groups",
        metadata,
        Column("methodology", ForeignKey("methodologies.code"), primary_key=True),
        Column("code", String(40), primary_key=True),
        Column("name_vi", Text, nullable=False),
        Column("name_en", Text, nullable=False),
        Column("unit_kind", String(16)),  # the kind of units the group holds, when the decision says
        Column("sort_order", Integer, nullable=False),
    )
    # Where a decision gives a group its own maximum (800 for departments without procedures); every other
    # group has the indicator's own max_value.
    indicator_maxima = Table(
        "indicator_maxima",
        metadata,
        Column("indicator_code", ForeignKey("indicators.code", ondelete="CASCADE"), primary_key=True),
        Column("unit_group", String(40), primary_key=True),
        Column("max_value", Float, nullable=False),
    )
    method_classes = Table(
        "method_classes",
        metadata,
        Column("methodology", ForeignKey("methodologies.code"), primary_key=True),
        Column("code", String(40), primary_key=True),
        Column("label_vi", Text, nullable=False),
        Column("label_en", Text, nullable=False),
        Column("lower_bound", Float, nullable=False),  # on methodologies.class_basis
        Column("sort_order", Integer, nullable=False),  # best class first
    )
    # What a correcting decision changed in a set that stored results use (no foreign key: the record
    # outlives what it speaks of).
    method_corrections = Table(
        "method_corrections",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("methodology", String(40), nullable=False),
        Column("corrected_at", DateTime(timezone=True), nullable=False),
        Column("document", Text, nullable=False),
        Column("document_date", String(10)),
        Column("source_url", Text),
        Column("item", String(80), nullable=False),  # indicator, group or class code; "" for the set
        Column("field", String(40), nullable=False),
        Column("old_value", Text),
        Column("new_value", Text),
    )
    Index("method_corrections_by_method", method_corrections.c.methodology)
    return unit_groups, indicator_maxima, method_classes, method_corrections


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def read_index_sets(connection: Connection) -> dict[str, IndexSet]:
    """Every stored index set by methodology code (for the pages' query and the importer's checks)."""
    from dashboard import db  # the schema's tables, defined on its one MetaData

    def rows(statement) -> list:
        return list(connection.execute(statement).mappings())

    methods = rows(select(db.methodologies))
    tree = _indicators_by_method(rows(select(db.indicators)), rows(select(db.indicator_maxima)))
    groups = _by_method(
        rows(select(db.unit_groups).order_by(db.unit_groups.c.sort_order)),
        lambda row: UnitGroup(row["code"], row["name_vi"], row["name_en"], row["unit_kind"]),
    )
    bands = _by_method(
        rows(select(db.method_classes).order_by(db.method_classes.c.sort_order)),
        lambda row: ClassBand(row["code"], row["label_vi"], row["label_en"], float(row["lower_bound"])),
    )
    corrections = _by_method(
        rows(
            select(db.method_corrections).order_by(
                db.method_corrections.c.corrected_at, db.method_corrections.c.id
            )
        ),
        _correction,
    )
    return {
        row["code"]: _index_set(
            row,
            indicators=ordered_tree(tree[row["code"]]),
            groups=tuple(groups[row["code"]]),
            bands=tuple(bands[row["code"]]),
            corrections=tuple(corrections[row["code"]]),
        )
        for row in methods
    }


def _by_method(rows: list, build: Callable[[Any], T]) -> defaultdict[str, list[T]]:
    """Rows of a per-methodology table, built into their records, by methodology code in row order."""
    by_method: defaultdict[str, list[T]] = defaultdict(list)
    for row in rows:
        by_method[row["methodology"]].append(build(row))
    return by_method


def _indicators_by_method(indicators: list, maxima: list) -> defaultdict[str, list[Indicator]]:
    """Each methodology's indicators, each with its maxima per unit group."""
    group_maxima: dict[str, dict[str, float]] = defaultdict(dict)
    for row in maxima:
        group_maxima[row["indicator_code"]][row["unit_group"]] = float(row["max_value"])
    return _by_method(
        indicators,
        lambda row: Indicator(
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
        ),
    )


def _correction(row: Any) -> Correction:
    return Correction(
        corrected_at=row["corrected_at"].isoformat(),
        document=row["document"],
        document_date=row["document_date"],
        source_url=row["source_url"],
        item=row["item"],
        field=row["field"],
        old_value=row["old_value"],
        new_value=row["new_value"],
    )


def _index_set(
    row: Any,
    *,
    indicators: tuple[Indicator, ...],
    groups: tuple[UnitGroup, ...],
    bands: tuple[ClassBand, ...],
    corrections: tuple[Correction, ...],
) -> IndexSet:
    """One methodology's row with its indicators, groups, classes (when it defines any) and corrections."""
    return IndexSet(
        code=row["code"],
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
        indicators=indicators,
        groups=groups,
        scheme=ClassScheme(row["class_basis"], bands) if row["class_basis"] and bands else None,
        corrections=corrections,
        published_at=_text(row["published_at"] and row["published_at"].isoformat()),
    )
