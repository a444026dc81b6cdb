"""One overview/rankings view: its data, and the pieces of it both pages show."""

from __future__ import annotations

from dashboard import queries
from dashboard.domain import localized
from dashboard.i18n import format_number, t
from dashboard.queries.methods import methods_with_results
from dashboard.views import all_rankings, analysis, published
from dashboard.views.all_rankings import ViewData


@queries.per_data_version(maxsize=1)
def years_and_groups() -> tuple[list[int], dict[int, list[str]]]:
    """Years of the province's own evaluations and the unit kinds present in each."""
    coverage = queries.provincial_coverage()
    years = sorted(int(y) for y in coverage["year"].unique())
    groups = {year: sorted(coverage[coverage["year"] == year]["unit_kind"]) for year in years}
    return years, groups


def resolve(query: dict[str, str]) -> analysis.View:
    """Validate a query string against what exists."""
    return _resolve(*(str(query.get(key) or "")[:64] for key in ("year", "index", "group")))


@queries.per_data_version(maxsize=1024)
def _resolve(year_text: str, index: str, group: str) -> analysis.View:
    query = {"year": year_text, "index": index, "group": group}
    return analysis.resolve_in(query, catalogue=_catalogue(), groups=years_and_groups()[1])


@queries.per_data_version(maxsize=1)
def _catalogue() -> analysis.Catalogue:
    return analysis.Catalogue.of(
        queries.indicators(), years_and_groups()[0], with_results=methods_with_results()
    )


def load(view: analysis.View, lang: str) -> ViewData:
    """The ranking table, headline and sources of a view (a slice of what all_rankings computed)."""
    return all_rankings.view_data(view, lang)


def summary_sentence(data: ViewData, *, lang: str, index_name: str) -> str:
    """One sentence that says what the view shows (also the text alternative of the map)."""
    h = data.headline
    if h.count == 0:
        return t("empty.no_data", lang)
    text = t(
        "summary.sentence",
        lang,
        year=data.view.year,
        count=h.count,
        group=t(f"group.{data.view.group}.plural", lang),
        index=index_name,
        average=format_number(h.average, lang),
        best=h.best[0],
        best_value=format_number(h.best[1], lang),
        worst=h.worst[0],
        worst_value=format_number(h.worst[1], lang),
    )
    if h.improved is not None:
        text += " " + t("summary.improved", lang, improved=h.improved, previous=data.view.year - 1)
    else:
        text += " " + t("summary.not_comparable", lang)
    # The sentence is what gets quoted: it carries the label itself, not only the banner below it.
    return published.generated_sentence(text, lang) if data.illustrative else text


def index_options(view: analysis.View, lang: str) -> list[dict[str, str]]:
    """The view's total first, then its sub-indices, as dropdown options (shared: never mutate)."""
    return _index_options(view.total, lang)


@queries.per_data_version(maxsize=64)
def _index_options(total: str, lang: str) -> list[dict[str, str]]:
    indicators = queries.indicators()
    rows = indicators[(indicators["code"] == total) | (indicators["parent_code"] == total)]
    ordered = rows.sort_values("sort_order").itertuples()
    return [{"value": r.code, "label": localized(r, "name", lang)} for r in ordered]


def index_name(view: analysis.View, lang: str) -> str:
    """Name of the view's indicator in the language."""
    return _indicator_names(lang).get(view.indicator, "") if view.indicator else ""


@queries.per_data_version(maxsize=2)
def _indicator_names(lang: str) -> dict[str, str]:
    indicators = queries.indicators()
    return dict(zip(indicators["code"], localized(indicators, "name", lang), strict=True))


def group_options(groups: list[str], lang: str) -> list[dict[str, str]]:
    """The group switch's options, in the fixed order of analysis.GROUPS."""
    return [{"value": g, "label": t(f"group.{g}", lang)} for g in analysis.GROUPS if g in groups]
