"""How figures cite the documents they come from, in one line: under a chart (components/chart_tools.py)
and in the source column of a table on screen, so that a download cites what its page cites.

May import: domain, views.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import pandas as pd

from dashboard.domain import is_web
from dashboard.views import published


def sources_cited(sources: pd.DataFrame, lang: str) -> str:
    """The documents behind a chart in one line: each source's issuer, document and date as published,
    title and link; generated figures are never cited as a source but named as generated, first."""
    # One entry per document, as the source list under the page has (the yearly generator files are one).
    sources = sources.drop_duplicates(["kind", "title", "issuer", "document_number", "url"])
    generated = (sources["kind"] == "illustrative").any()
    cited = [published.generated_source_line(lang)] if generated else []
    for row in sources[sources["kind"] != "illustrative"].to_dict("records"):
        stated = published.source_text(row, lang)
        line = stated.citation()
        if is_web(stated.url) and stated.url not in line:
            line += f", {stated.url}"
        cited.append(line)
    return "; ".join(dict.fromkeys(cited))


def sources_by(
    frame: pd.DataFrame, keys: Sequence[str], lang: str, *, sources: pd.DataFrame
) -> dict[Hashable, str]:
    """Each row key's sources in one line (`keys`: the observation columns one row of a table stands for,
    e.g. the year; `sources`: the source rows): what the source column of a table on screen says."""
    if frame.empty:
        return {}
    sources = sources.set_index("id")
    texts: dict[frozenset, str] = {}  # rows citing the same documents share one text
    cited: dict[Hashable, str] = {}
    for key, rows in frame.groupby(list(keys) if len(keys) > 1 else keys[0], sort=False):
        ids = frozenset(rows["source_id"]) & set(sources.index)
        if ids not in texts:
            texts[ids] = sources_cited(sources.loc[sorted(ids)].reset_index(), lang) if ids else ""
        cited[key] = texts[ids]
    return cited
