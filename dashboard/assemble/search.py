"""Unit search over the stored units and former communes (views/search.py), memoized per data version."""

from __future__ import annotations

from dashboard import queries
from dashboard.views import search
from dashboard.views.search import Hit


@queries.per_data_version(maxsize=256)
def find(text: str, lang: str) -> list[Hit]:
    """Search the stored units and former communes (see views.search.search_units)."""
    return search.search_units(
        text,
        units=queries.units(),
        versions=queries.unit_versions(),
        lineage=queries.lineage(),
        predecessors=queries.predecessors(),
        lang=lang,
    )


def search_text(name: str, code: str | None = None) -> str:
    """What a search box matches for a unit: its name both ways and, given its code, every name it had
    before and the old communes it was formed from (views.search.search_text)."""
    return search.search_text(name, former_names().get(code) if code else None)


@queries.per_data_version(maxsize=1)
def former_names() -> dict[str, str]:
    """Each unit's earlier names, written and folded, as one text per unit code."""
    return search.former_names_of(queries.unit_versions(), queries.predecessors())
