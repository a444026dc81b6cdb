"""The observations query string shared with the pages: parsed, validated (ApiError naming the parameter)
and spelled one canonical way for cache keys and citation URLs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from dashboard import queries
from dashboard.api.errors import ApiError
from dashboard.domain import GROUP_KINDS, UNIT_CODE
from dashboard.i18n import LANGUAGES
from dashboard.queries import ObservationFilter


@dataclass(frozen=True)
class ExportRequest:
    """A parsed observations query: the filter, an optional dataset, the language, and what was asked."""

    selection: ObservationFilter
    dataset: str | None
    lang: str
    filters: dict[str, str]


def _items(args: Mapping[str, str], name: str) -> list[str]:
    return [item.strip() for item in args.get(name, "").split(",") if item.strip()]


def _integers(args: Mapping[str, str], name: str) -> list[int]:
    items = _items(args, name)
    if (name in args and not items) or not all(re.fullmatch(r"-?[0-9]{1,4}", item) for item in items):
        raise ApiError(400, "api.error.integer", parameter=name)
    return [int(item) for item in items]


def parse_filters(args: Mapping[str, str]) -> ExportRequest:
    """Validate the query string shared with the pages; raise ApiError(400) naming the bad parameter."""
    lang = args.get("lang", "vi")
    if lang not in LANGUAGES:
        raise ApiError(400, "api.error.choice", parameter="lang", known=", ".join(LANGUAGES))
    years = _integers(args, "year")
    year_from = (_integers(args, "from") or [None])[0]
    year_to = (_integers(args, "to") or [None])[0]
    if year_from is not None and year_to is not None and year_from > year_to:
        raise ApiError(400, "api.error.range", parameter="from")
    catalogue = queries.indicators()
    codes: list[str] = []
    for name in ("index", "indicator"):
        wanted = _items(args, name)
        unknown = sorted(set(wanted) - set(catalogue["code"]))
        if unknown:
            raise ApiError(400, "api.error.unknown_values", parameter=name, values=", ".join(unknown))
        codes += [c for c in wanted if c not in codes]
    sub = args.get("sub", "0")
    if sub not in ("0", "1"):
        raise ApiError(400, "api.error.choice", parameter="sub", known="0, 1")
    if sub == "1":
        children = catalogue[catalogue["parent_code"].isin(codes)]["code"]
        codes += [c for c in children if c not in codes]
    groups = _items(args, "group")
    if "group" in args and (not groups or set(groups) - set(GROUP_KINDS)):
        raise ApiError(400, "api.error.choice", parameter="group", known=", ".join(GROUP_KINDS))
    units = _items(args, "units")
    malformed = [u for u in units if not UNIT_CODE.fullmatch(u)]
    if malformed or ("units" in args and not units):
        raise ApiError(400, "api.error.malformed", parameter="units", values=", ".join(malformed) or "''")
    unknown_units = sorted(set(units) - set(queries.units()["code"]))
    if unknown_units:
        raise ApiError(400, "api.error.unknown_values", parameter="units", values=", ".join(unknown_units))
    dataset = args.get("dataset") or None
    if dataset is not None and dataset not in set(queries.datasets()["id"]):
        raise ApiError(400, "api.error.unknown_values", parameter="dataset", values=dataset)
    selection = ObservationFilter(
        indicators=tuple(codes),
        years=tuple(years),
        unit_codes=tuple(units),
        unit_kinds=tuple(groups),
        year_from=year_from,
        year_to=year_to,
    )
    return ExportRequest(selection, dataset, lang, _canonical(args, years, units, groups, dataset))


def _canonical(args: Mapping[str, str], years, units, groups, dataset) -> dict[str, str]:
    """The filters as asked, in one spelling: known keys only, lists sorted without repeats.

    Two requests with the same canonical filters get the same rows (the query's order does not depend
    on the order asked in), so they share one cache entry and one citation URL.
    """

    def joined(values) -> str:
        return ",".join(str(v) for v in sorted(set(values)))

    filters = {
        "year": joined(years),
        "from": joined(_integers(args, "from")[:1]),
        "to": joined(_integers(args, "to")[:1]),
        "index": joined(_items(args, "index")),
        "indicator": joined(_items(args, "indicator")),
        "sub": "1" if args.get("sub") == "1" else "",
        "group": joined(groups),
        "units": joined(units),
        "dataset": dataset or "",
    }
    return {key: value for key, value in filters.items() if value}
