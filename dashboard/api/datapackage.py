"""The Frictionless Data Package descriptor of every download: fields, licence, sources, and the label
when any figure is generated. Pure. May import: api.exports, csv_output, i18n, views."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from dashboard.api.exports import RESOURCES, field_description, field_label
from dashboard.csv_output import LINE_TERMINATOR
from dashboard.i18n import t
from dashboard.views import published


def descriptor(
    *,
    base_url: str,
    lang: str,
    data_version: str,
    updated: str,
    created: datetime | None,
    licence_url: str,
    sources: Iterable[Mapping[str, object]],
    boundaries: Iterable[Mapping[str, object]] = (),
) -> dict[str, object]:
    """A Frictionless Tabular Data Package describing every download, its fields, licence and sources.
    `created` is when the data version was made (an RFC 3339 datetime, as the spec requires)."""
    resources: list[dict[str, object]] = []
    for name, fields in RESOURCES.items():
        resources.append(
            {
                "name": name,
                "path": f"{base_url}/api/v1/{name}.csv",
                "profile": "tabular-data-resource",
                "title": t(f"data.resource.{name}", lang),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": LINE_TERMINATOR,
                    "header": True,
                    "doubleQuote": True,
                },
                "schema": {
                    "fields": [
                        {
                            "name": f.name,
                            "type": f.type,
                            "title": field_label(name, f, lang),
                            "description": field_description(name, f, lang),
                        }
                        for f in fields
                    ],
                    "missingValues": [""],
                },
            }
        )
    for layer in boundaries:
        resources.append(
            {
                "name": f"boundaries-{layer['vintage']}",
                "path": f"{base_url}/api/v1/boundaries/{layer['vintage']}.geojson",
                "format": "geojson",
                "mediatype": "application/geo+json",
                "title": str(layer["source_title"]),
                "licenses": [{"name": "other", "title": str(layer["licence"])}],
            }
        )
    sources = list(sources)
    description = t("data.package_description", lang)
    if any(s.get("kind") == "illustrative" for s in sources):  # the one label, as on every page
        description += f" {published.generated_label(lang)}: {t('download.illustrative_note', lang)}"
    return {
        "profile": "tabular-data-package",
        "name": "quang-ngai-it-transparency",
        "title": t("site.title", lang),
        "description": description,
        "version": data_version,
        **({"created": created.astimezone(UTC).isoformat().replace("+00:00", "Z")} if created else {}),
        "homepage": f"{base_url}/du-lieu",
        "licenses": [{"name": "other-open", "title": t("licence.short", lang), "path": licence_url}],
        "citation": t("download.citation_generic", lang, url=f"{base_url}/du-lieu", updated=updated),
        "sources": [
            {"title": str(s["title"]), **({"path": str(s["url"])} if s.get("url") else {})} for s in sources
        ],
        "resources": resources,
    }
