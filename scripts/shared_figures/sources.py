"""Restate every sidecar's sources from the list of real sources (source_list.csv): kind, issuer, document and
the date as the page shows it. The data files themselves are left as they are."""

from __future__ import annotations

import json
from pathlib import Path

from .common import DATA, REPO, apply_listed, listed_sources


def build_sources(_shared: Path) -> None:
    """Rewrite the `sources` of every data/*/*.meta.json whose address or reference is in the list."""
    listed = listed_sources()
    for path in sorted(DATA.glob("*/*.meta.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        restated = []
        for source in meta.get("sources", []):
            key = source.get("reference") or source.get("url")
            restated.append(apply_listed(source, listed[key]) if key in listed else source)
        meta["sources"] = restated
        path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"restated the sources of {path.relative_to(REPO)}")
