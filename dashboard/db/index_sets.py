"""The tables of an index set beyond its methodology and indicators rows: the unit groups it gives their
own maxima, those maxima, its class scheme, and the corrections made to it. Defined on the schema's one
MetaData by `dashboard.db` (the only place tables are made). May import: nothing of ours.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text


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
