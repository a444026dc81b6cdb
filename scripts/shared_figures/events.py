"""The timeline (data/reference/events.csv): reorganisation events and the decisions that set the national
DTI methods, with dates as published, legal bases, and a citable source for each."""

from __future__ import annotations

from pathlib import Path

from shared_figures.common import DATA, Sources, dataset_meta, read, write

# A page that carries the text of a document but is no fit place to cite it, and the page cited instead.
REPLACED_SOURCES = {
    "https://88tysobongda.com/tags/thành+lập+huyện+trà+bồng.htm": (
        "https://thanhnien.vn/thoi-su/sap-nhap-hanh-chinh-cac-huyen-xa-lan-can-chinh-sach-can-bo-xa-doi-du-1200681.html"
    ),
}
# dti_frameworks.csv names the issuer only through the document's number.
ISSUERS = {"BTTTT": "Bộ Thông tin và Truyền thông", "BKHCN": "Bộ Khoa học và Công nghệ"}


def _method_events(shared: Path, sources: Sources) -> list[dict[str, str]]:
    """One event per national DTI method decision (provincial level), from dti_frameworks.csv."""
    events = []
    for r in read(shared, "dti_frameworks.csv"):
        if r["level"] != "provincial":
            continue
        number = f"QĐ {r['document']}"
        issuer = ISSUERS[r["document"].rsplit("-", 1)[-1]]
        urls = r["source_url"].split(" ; ")
        # The text of the decision (a law library) rather than a page about it.
        url = next((u for u in urls if "thuvien" in u), urls[0])
        framework = r["framework"].split(" (")[0]
        events.append(
            {
                "date": r["date"],
                "event": f"{issuer} ban hành Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh ({framework})",
                "legal_basis": number,
                "figures": "; ".join(p for p in (r["main_indices"], r["component_indices"], r["scale"]) if p),
                "source": sources.get(
                    url, kind="official", issuer=issuer, document=(issuer, number, r["date"])
                ),
            }
        )
    return events


def build_events(shared: Path) -> None:
    """Write data/reference/events.csv."""
    sources = Sources()
    events = [
        {
            "date": e["date"],
            "event": e["event"],
            "legal_basis": e["legal_basis"],
            "figures": e["figures"],
            "source": sources.get(REPLACED_SOURCES.get(e["source_url"], e["source_url"])),
        }
        for e in read(shared, "qn_reorg_events.csv")
    ]
    events += _method_events(shared, sources)
    meta = dataset_meta(
        "events",
        "events",
        "Mốc sắp xếp tổ chức 2005–2025 và các văn bản về phương pháp",
        "Reorganisation timeline 2005–2025 and the method decisions",
        sources,
    )
    write(DATA / "reference" / "events.csv", events, meta)
