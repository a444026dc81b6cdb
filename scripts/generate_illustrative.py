"""Generate the ILLUSTRATIVE dataset: made-up readiness / DTI scores and e-document counts by unit.

No published table ranking Quảng Ngãi's own departments and district committees could be found, so the
demo needs invented figures. They are written as annex-style files (the layout the province publishes)
with a source of kind `illustrative`, loaded through the importer like any other file, and every page and
download that shows them says so. Deterministic: same seed, same files.

    python scripts/generate_illustrative.py [--seed 2012]

2025 (two-level local government): the departments and the 96 commune-level units are scored in points
out of 1,000 under the illustrative 2025 method `qn-dti-2025` (indicator codes DTI25_*, used by no real
data), written as tidy files with published-style ranks and no class (that method defines none). A
department whose 2025 status no source confirms (a merger marked `merger_unconfirmed` in the lineage) gets
no 2025 figure. The 2025 figures use their own random stream, so the earlier files stay byte-identical.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dashboard.domain import valid_in_year  # noqa: E402
from dashboard.domain.dates import published_date  # noqa: E402
from dashboard.domain.scoring import CLASS_LABELS_VI, classify, competition_ranks  # noqa: E402
from dashboard.views.published import file_label  # noqa: E402

OUT = REPO / "data" / "illustrative"
SOURCE = {
    "id": "generator",
    "kind": "illustrative",
    "issuer": "Bảng điều khiển minh bạch CNTT Quảng Ngãi (số liệu do máy tạo)",
    "title": "Số liệu MINH HỌA tạo bởi scripts/generate_illustrative.py — không phải kết quả đánh giá thật",
    "url": None,
    "licence": "CC0 1.0 (illustrative, machine-generated)",
    "note": "Illustrative only: generated with a fixed seed to demonstrate the dashboard.",
}
METHODS = {  # methodology -> (years, mapping file, sub-index header -> maximum, total header)
    "qn-itr-2012": (
        range(2012, 2020),
        "qn-itr-2012.json",
        {
            "Hạ tầng kỹ thuật": 20,
            "Nhân lực": 15,
            "Ứng dụng nội bộ": 25,
            "Cổng/Trang TTĐT": 15,
            "Dịch vụ công trực tuyến": 15,
            "Cơ chế chính sách": 10,
        },
        "Tổng điểm",
    ),
    "qn-dti-2020": (
        range(2020, 2025),
        "qn-dti-2020.json",
        {
            "Nhận thức số": 100,
            "Thể chế số": 150,
            "Hạ tầng số": 200,
            "Nhân lực số": 150,
            "An toàn thông tin mạng": 150,
            "Hoạt động chính quyền số": 250,
        },
        "Chỉ số CĐS (%)",
    ),
}
GROUPS = (("I", "Các sở, ban, ngành", "department"), ("II", "UBND các huyện, thị xã, thành phố", "district"))
# The illustrative 2025 method (data/reference/indicators.csv): 8 main indices, 1,000 points.
METHOD_2025 = {
    "DTI25_AWARE": 100,
    "DTI25_INST": 100,
    "DTI25_INFRA": 100,
    "DTI25_HR": 100,
    "DTI25_SEC": 100,
    "DTI25_GOV": 200,
    "DTI25_ECON": 150,
    "DTI25_SOC": 150,
}
GROUPS_2025 = (("department", "departments", "Các sở, ban, ngành"), ("commune", "communes", "UBND cấp xã"))


def vn(value: float, decimals: int = 2) -> str:
    """Write a number the way the province's annexes do: '95,26'."""
    return f"{value:.{decimals}f}".replace(".", ",")


def load_units() -> list[dict[str, str]]:
    with (REPO / "data" / "reference" / "units.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # One row per version: Đức Phổ is "Huyện" until 2020 and "Thị xã" after, under the same code.
    return [
        r for r in rows if r["kind"] == "department" or (r["kind"] == "district" and r["parent_code"] == "51")
    ]


def exists(unit: dict[str, str], year: int) -> bool:
    # Dates as printed ("2016", "đầu năm 2020"): the bounds of their periods decide, as in the importer.
    starts, ends = published_date(unit["valid_from"]), published_date(unit["valid_to"])
    return valid_in_year(starts.valid_from if starts else None, ends.valid_to if ends else None, year)


def generate(seed: int) -> None:
    rng = random.Random(seed)
    units = load_units()
    ability = {
        code: rng.uniform(-12, 8) for code in sorted({u["code"] for u in units})
    }  # each unit's lasting strength or weakness
    OUT.mkdir(parents=True, exist_ok=True)
    for methodology, (years, mapping, maxima, total_header) in METHODS.items():
        for year in years:
            progress = (year - years.start) * 3.0  # the province improves over a method's years
            header = ["STT", "Đơn vị", *maxima, total_header, "Xếp hạng", "Xếp loại"]
            lines: list[list[str]] = []
            for numeral, group_name, kind in GROUPS:
                members = [u for u in units if u["kind"] == kind and exists(u, year)]
                scored = []
                for unit in sorted(members, key=lambda u: u["code"]):
                    level = min(
                        0.98, max(0.25, (62 + progress + ability[unit["code"]] + rng.gauss(0, 4)) / 100)
                    )
                    parts = {
                        h: round(min(m, max(0.0, m * (level + rng.gauss(0, 0.06)))), 2)
                        for h, m in maxima.items()
                    }
                    points = sum(parts.values())
                    total = points if methodology == "qn-itr-2012" else 100 * points / sum(maxima.values())
                    scored.append((unit, parts, round(total, 2)))
                ranks = competition_ranks([total for _, _, total in scored])
                lines.append([numeral, group_name, *[""] * (len(header) - 2)])
                order = sorted(
                    zip(scored, ranks, strict=True), key=lambda item: (item[1], item[0][0]["name_vi"])
                )
                for number, ((unit, parts, total), rank) in enumerate(order, start=1):
                    label = CLASS_LABELS_VI[classify(total)]
                    lines.append(
                        [
                            str(number),
                            unit["name_vi"],
                            *[vn(v) for v in parts.values()],
                            vn(total),
                            str(rank),
                            label,
                        ]
                    )
            path = OUT / f"qn_readiness_annex_{year}.csv"
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerows(labelled_annex([header, *lines]))
            meta = {
                "id": f"illustrative-readiness-{year}",
                "type": "annex",
                "year": year,
                "mapping": f"../mappings/{mapping}",
                "title_vi": f"MINH HỌA – Kết quả đánh giá, xếp hạng các cơ quan, đơn vị năm {year}",
                "title_en": f"ILLUSTRATIVE – Evaluation and ranking of agencies, {year}",
                "licence": SOURCE["licence"],
                "accessed": None,
                "made_by": f"scripts/generate_illustrative.py --seed {seed}",
                "sources": [SOURCE],
            }
            path.with_name(path.stem + ".meta.json").write_text(
                json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
    generate_edocs(rng, units)
    generate_2025(random.Random(f"{seed}-2025"), seed)


def unconfirmed_codes() -> set[str]:
    """Units whose 2025 status no source confirms (their merger is marked as not confirmed)."""
    with (REPO / "data" / "reference" / "lineage.csv").open(encoding="utf-8") as handle:
        return {r["from_code"] for r in csv.DictReader(handle) if r["event"] == "merger_unconfirmed"}


def generate_2025(rng: random.Random, seed: int) -> None:
    """Illustrative 2025 results in points (out of 1,000): one tidy file per group, ranked within it."""
    with (REPO / "data" / "reference" / "units.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    skipped = unconfirmed_codes()
    for kind, suffix, group_name in GROUPS_2025:
        members = sorted(
            {
                r["code"]
                for r in rows
                if r["kind"] == kind
                and r["parent_code"] == "51"
                and r["code"] not in skipped
                and exists(r, 2025)
            }
        )
        scored = []
        for code in members:
            level = min(0.95, max(0.3, rng.uniform(0.5, 0.8) + rng.gauss(0, 0.04)))
            parts = {
                c: round(min(m, max(0.0, m * (level + rng.gauss(0, 0.07)))), 2)
                for c, m in METHOD_2025.items()
            }
            scored.append((code, parts, round(sum(parts.values()), 2)))
        ranks = competition_ranks([total for _, _, total in scored])
        lines = []
        for (code, parts, total), rank in sorted(
            zip(scored, ranks, strict=True), key=lambda i: (i[1], i[0][0])
        ):
            lines.append([2025, code, "DTI25_TOTAL", f"{total:.2f}", rank, len(scored), file_label()])
            lines += [[2025, code, c, f"{v:.2f}", "", "", file_label()] for c, v in parts.items()]
        path = OUT / f"qn_dti_2025_{suffix}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["year", "unit_code", "indicator", "value", "rank", "rank_of", LABEL_COLUMN])
            writer.writerows(lines)
        meta = {
            "id": f"illustrative-dti-2025-{suffix}",
            "type": "observations",
            "unit_kind": kind,
            "title_vi": f"MINH HỌA – Chỉ số chuyển đổi số 2025 (điểm/1.000): {group_name}",
            "title_en": f"ILLUSTRATIVE – Digital transformation index 2025 (points out of 1,000): {suffix}",
            "licence": SOURCE["licence"],
            "accessed": None,
            "made_by": f"scripts/generate_illustrative.py --seed {seed}",
            "sources": [SOURCE],
        }
        path.with_name(path.stem + ".meta.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


LABEL_COLUMN = "data_kind"  # every row of a generated file says so itself, not only its metadata


def labelled_annex(table: list[list[str]]) -> list[list[str]]:
    """An annex table with a last column that labels every unit row as generated (group rows stay blank)."""
    header, *rows = table
    return [[*header, LABEL_COLUMN], *[[*row, file_label() if row[0].isdigit() else ""] for row in rows]]


def generate_edocs(rng: random.Random, units: list[dict[str, str]]) -> None:
    rows = []
    for year in range(2016, 2025):
        for unit in sorted(units, key=lambda u: u["code"]):
            if not exists(unit, year):
                continue
            issued = rng.randint(900, 6000) if unit["kind"] == "department" else rng.randint(2500, 12000)
            share = min(0.995, 0.35 + 0.075 * (year - 2016) + rng.uniform(-0.08, 0.05))
            electronic = round(issued * share)
            signed = round(electronic * min(1.0, 0.2 + 0.1 * (year - 2016) + rng.uniform(-0.05, 0.05)))
            for indicator, value in (
                ("EDOC_DOCS_ISSUED", issued),
                ("EDOC_DOCS_ELECTRONIC", electronic),
                ("EDOC_DOCS_SIGNED", signed),
                ("EDOC_ONLINE_SHARE_ILLUSTRATIVE", round(100 * electronic / issued, 2)),  # never a real code
                ("EDOC_SIGNED_SHARE_ILLUSTRATIVE", round(100 * signed / issued, 2)),
            ):
                rows.append(
                    {
                        "year": year,
                        "unit_code": unit["code"],
                        "gov_level": "unit",
                        "indicator": indicator,
                        "value": value,
                    }
                )
    rows = [{**row, LABEL_COLUMN: file_label()} for row in rows]
    path = OUT / "edoc_by_unit.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    meta = {
        "id": "illustrative-edoc-by-unit",
        "type": "observations",
        "title_vi": "MINH HỌA – Văn bản điện tử theo cơ quan, đơn vị 2016–2024",
        "title_en": "ILLUSTRATIVE – E-documents by agency 2016–2024",
        "licence": SOURCE["licence"],
        "made_by": "scripts/generate_illustrative.py",
        "sources": [SOURCE],
    }
    path.with_name(path.stem + ".meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=2012)
    generate(parser.parse_args().seed)
    print(f"wrote illustrative files to {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
