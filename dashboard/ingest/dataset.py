"""A file to import and the metadata that came with it. Imports nothing of ours."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Dataset:
    """A file and the metadata that came with it (sidecar `<name>.meta.json` or CLI options)."""

    path: Path
    meta: dict
    checksum: str = ""

    @property
    def id(self) -> str:
        return str(self.meta["id"])

    @property
    def type(self) -> str:
        return str(self.meta.get("type", "observations"))

    def source_id(self, local_id: str) -> str:
        """Source ids are namespaced by dataset so two files may cite the same page independently."""
        return f"{self.id}:{local_id}"

    @property
    def local_source_ids(self) -> list[str]:
        return [str(s["id"]) for s in self.meta.get("sources", [])]
