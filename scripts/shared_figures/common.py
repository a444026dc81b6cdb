"""What every build step shares: reading ../shared/data, collecting sources, writing a file and its metadata.

Every source carries what the row it came from names: issuer, document number and date (when the source is
or cites a document), title and link. Nothing is estimated.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
DATA = REPO / "data"
ACCESSED = "2026-11-01"
PRESS_LICENCE = "© the publisher; facts quoted for reference (figures are not copyrightable)"
GOV_LICENCE = "Văn bản hành chính nhà nước – không thuộc đối tượng bảo hộ quyền tác giả (Luật SHTT, Điều 15)"
OPEN_LICENCE = "Dữ liệu mở theo Nghị định 47/2020/NĐ-CP; ghi rõ nguồn / Open data, cite the source"

# The list of real sources: for each page or document (by address, or by reference where it has none) the
# body that published it (for a press article the outlet, with the body it cites), the document it names,
# its date as the page shows it (with its precision: "2025-10-21", "tháng 7/2023", "2016") and where that
# was read; a source without a date says why. Nothing in it is estimated.
SOURCE_LIST = Path(__file__).with_name("source_list.csv")
FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def listed_sources() -> dict[str, dict[str, str]]:
    """The rows of source_list.csv by source address or reference."""
    with SOURCE_LIST.open(encoding="utf-8", newline="") as handle:
        return {row["source"]: row for row in csv.DictReader(handle)}


def apply_listed(source: dict[str, object], listed: dict[str, str]) -> dict[str, object]:
    """A sidecar source with the list's kind, issuer, document and date (document_date: full days only)."""
    when = listed["date_shown"]
    return {
        **source,
        "kind": listed["kind"],
        "issuer": listed["issuer"],
        "document_number": listed["document_number"] or source.get("document_number") or None,
        "document_date": when if FULL_DAY.fullmatch(when) else None,
        "date": when or None,
        "licence": {"press": PRESS_LICENCE, "community": PRESS_LICENCE}.get(
            listed["kind"], GOV_LICENCE if listed["document_number"] else source["licence"]
        ),
    }


def slug(text: str, length: int = 40) -> str:
    """Build a short stable id from a URL or title."""
    digest = hashlib.sha1(text.encode()).hexdigest()[:8]
    host = re.sub(r"^https?://(www\.)?", "", text).split("/")[0] if "://" in text else "ref"
    host = re.sub(r"[^a-z0-9]+", "-", host.lower()).strip("-")[: length - 9]
    return f"{host}-{digest}"


def _issuer(url: str) -> str:
    if url.startswith("github:"):
        return url.split(":")[1].split("@")[0]
    return re.sub(r"^https?://(www\.|amp\.|en\.)?", "", url).split("/")[0]


def _github_url(reference: str) -> str | None:
    """'github:owner/repo@commit:path' (commit optional) as the address of that file on GitHub."""
    match = re.fullmatch(r"github:([^/@:]+/[^/@:]+)(?:@([0-9a-f]+))?:(.+)", reference)
    return f"https://github.com/{match[1]}/blob/{match[2] or 'HEAD'}/{match[3]}" if match else None


class Sources:
    """Collects one source per distinct URL, in the order first seen."""

    def __init__(self) -> None:
        self.by_url: dict[str, dict[str, object]] = {}
        self.listed = listed_sources()

    def get(
        self, url: str, *, kind: str = "press", issuer: str = "", title: str = "", document: tuple = ()
    ) -> str:
        """The id of the source read at `url`, registered on first use; document = (issuer, number, date)."""
        url = url.split(" (")[0].split(" ; ")[0].strip()
        if url not in self.by_url:
            official = any(h in url for h in (".gov.vn", "dti.gov.vn", "github:dvhcvn"))
            doc_issuer, number, when = document or ("", "", "")
            self.by_url[url] = {
                "id": slug(url),
                "kind": "official" if (official or number) and kind == "press" else kind,
                "issuer": issuer or doc_issuer or _issuer(url),
                "title": title or url,
                "url": url if url.startswith("http") else _github_url(url),
                "reference": None if url.startswith("http") else url,
                "document_number": number or None,
                "document_date": when or None,
                "licence": GOV_LICENCE if official or number else PRESS_LICENCE,
            }
            if url in self.listed:
                self.by_url[url] = apply_listed(self.by_url[url], self.listed[url])
        return str(self.by_url[url]["id"])

    def as_list(self) -> list[dict[str, object]]:
        return list(self.by_url.values())


def read(shared: Path, name: str) -> list[dict[str, str]]:
    """Rows of a shared CSV file."""
    with (shared / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write(path: Path, rows: list[dict[str, object]], meta: dict[str, object]) -> None:
    """Write a tidy CSV and its `.meta.json` sidecar."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fields = list(rows[0]) if rows else []
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    meta_path = path.with_name(path.stem + ".meta.json")
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)} ({len(rows)} rows)")


def dataset_meta(dataset_id: str, kind: str, title_vi: str, title_en: str, sources: Sources, **extra) -> dict:
    """The sidecar of a dataset: titles, licence, access date, how it was made, its sources."""
    return {
        "id": dataset_id,
        "type": kind,
        "title_vi": title_vi,
        "title_en": title_en,
        "licence": extra.pop("licence", OPEN_LICENCE),
        "accessed": ACCESSED,
        "made_by": "scripts/import_shared_figures.py from ../shared/data",
        **extra,
        "sources": sources.as_list(),
    }


def skipped(file: str, row: str, reason: str) -> str:
    """One line of a dataset's `skipped_rows`: which row was left out and why."""
    return f"{file}: {row} — {reason}"
