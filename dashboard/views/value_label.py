"""What a score shown on a map is, as its legend and hover name it, from the stored method: points out of
the maximum the method gives the unit kind ("Điểm trên 1.000"), % of the maximum, or an index and its range.
Never "Điểm" for a percentage. Pure. May import: domain, i18n.
"""

from __future__ import annotations

from dashboard.domain.methods import IndexSet
from dashboard.i18n import format_number, t


def _number(value: float, lang: str) -> str:
    """A maximum as the decision prints it: no decimals when whole (1.000), else up to two (126,8)."""
    text = format_number(value, lang, decimals=2)
    return text.rstrip("0").rstrip("." if lang == "en" else ",")


def value_label(index_set: IndexSet | None, indicator: str, *, unit_kind: str | None, lang: str) -> str:
    """The legend's name of an indicator's values for units of a kind; the plain word when the method or
    indicator is unknown, or the kind's groups have different maxima (each unit's is in the tables)."""
    found = index_set.indicator(indicator) if index_set is not None else None
    if index_set is None or found is None:
        return t("map.legend_score", lang)
    if found.measure == "percent":
        return t("map.legend_percent", lang)
    groups = [g.code for g in index_set.groups if unit_kind is None or g.unit_kind == unit_kind]
    maxima = {index_set.maximum(indicator, group) for group in groups} or {found.max_value}
    if None in maxima or len(maxima) != 1:
        return t("map.legend_points_by_group" if len(maxima) > 1 else "map.legend_score", lang)
    maximum = _number(float(maxima.pop()), lang)  # type: ignore[arg-type]
    key = "map.legend_index_of" if found.measure == "index" else "map.legend_points_of"
    return t(key, lang, maximum=maximum)
