"""Units, lineage and the reorganisation timeline (data/reference) from ../shared/data.

These files are shared with the reference-data work: run this step only when ../shared/data changes
(`python scripts/import_shared_figures.py --only units`).
"""

from __future__ import annotations

import re
from pathlib import Path

from shared_figures.catalogue import CENTRAL_CITIES, DEPARTMENT_MERGERS, DEPARTMENTS, DISTRICT_EN, PROVINCES
from shared_figures.common import DATA, Sources, dataset_meta, read, write

DEPARTMENT_SOURCES = {
    "nhandan-14-so": "https://nhandan.vn/ocop/sau-sap-xep-hop-nhat-tinh-quang-ngai-co-14-so-nganh-post860418.html",
    "sngv-qn": "https://sngv.quangngai.gov.vn/web/so-ngoai-vu/qua-trinh-hinh-thanh",
    "kh-121-2025": "https://nhansu.vn/van-ban-phap-luat/Ke-hoach-121-KH-UBND-2025-chuyen-doi-so-Quang-Ngai-688617.html",
    "baomoi-bql": "http://www.baomoi.com/thanh-lap-bql-kkt-dung-quat-va-cac-kcn-quang-ngai/c/20507349.epi",
}
BAO_QUANG_NGAI_DUC_PHO = (
    "http://baoquangngai.vn/channel/2023/202010/"
    "cuoc-bieu-tinh-chiem-huyen-duong-duc-pho-moc-son-dau-tranh-dau-tien-cua-dang-bo-quang-ngai-3025195/"
)


class UnitsBuild:
    """Collects unit rows and lineage rows with their sources."""

    def __init__(self, shared: Path) -> None:
        self.shared = shared
        self.sources = Sources()
        self.rows: list[dict[str, object]] = []
        self.lineage: list[dict[str, object]] = []
        self.shared_units = read(shared, "qn_units.csv")
        self.by_code = {r["gso_code"]: r for r in self.shared_units if r["gso_code"]}
        stttt = next(r for r in self.shared_units if r["unit_name"].startswith("Sở Thông tin"))
        self.dept_sources = {**DEPARTMENT_SOURCES, "stttt-qn": stttt["source_url"]}

    def unit(
        self, code, kind, parent, name_vi, name_en, subtype_vi, subtype_en, valid_from, valid_to, src, note=""
    ):
        """Add one unit row."""
        self.rows.append(
            {
                "code": code,
                "kind": kind,
                "parent_code": parent,
                "name_vi": name_vi,
                "name_en": name_en,
                "subtype_vi": subtype_vi,
                "subtype_en": subtype_en,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "source": src,
                "note": note,
            }
        )

    def provinces(self) -> None:
        """The 63 provinces (Kon Tum until 2025-06-30; Quảng Ngãi before and after the merger)."""
        sources, shared_units, by_code = self.sources, self.shared_units, self.by_code
        gso_src = sources.get(
            "Quyết định 124/2004/QĐ-TTg",
            kind="official",
            issuer="Thủ tướng Chính phủ",
            title="Quyết định 124/2004/QĐ-TTg ban hành Danh mục và mã số các đơn vị hành chính Việt Nam",
        )
        for code, name in PROVINCES.items():
            subtype_vi, subtype_en = (
                ("Thành phố", "Municipality") if code in CENTRAL_CITIES else ("Tỉnh", "Province")
            )
            valid_to = "2025-06-30" if code == "62" else ""
            src = sources.get(by_code[code]["source_url"]) if code in ("62",) else gso_src
            if code == "51":
                pre = next(r for r in shared_units if r["gso_code"] == "51" and r["valid_to"])
                post = next(r for r in shared_units if r["gso_code"] == "51" and r["valid_from"])
                self.unit(
                    "51",
                    "province",
                    "",
                    "Tỉnh Quảng Ngãi",
                    "Quảng Ngãi Province",
                    "Tỉnh",
                    "Province",
                    "",
                    "2025-06-30",
                    sources.get(pre["source_url"]),
                    pre["note"],
                )
                self.unit(
                    "51",
                    "province",
                    "",
                    "Tỉnh Quảng Ngãi",
                    "Quảng Ngãi Province",
                    "Tỉnh (sau hợp nhất với Kon Tum)",
                    "Province (merged with Kon Tum)",
                    "2025-07-01",
                    "",
                    sources.get(post["source_url"]),
                    post["note"],
                )
                continue
            full_vi = f"{'Thành phố' if code in CENTRAL_CITIES else 'Tỉnh'} {name}"
            self.unit(
                code,
                "province",
                "",
                full_vi,
                f"{name} {subtype_en}",
                subtype_vi,
                subtype_en,
                "",
                valid_to,
                src,
            )

    def districts(self) -> None:
        """The district-level units with their types and validity."""
        for r in self.shared_units:
            if r["unit_level"] != "huyện":
                continue
            subtype = r["unit_type"]
            bare = re.sub(r"^(Thành phố|Thị xã|Huyện) ", "", r["unit_name"])
            name_en = f"{bare} {DISTRICT_EN[subtype]}"
            # Dates as ../shared/data gives them ("2020"), never completed to a day: the importer reads
            # their precision (dashboard/domain/dates.py).
            valid_from, valid_to = r["valid_from"], r["valid_to"]
            self.unit(
                r["gso_code"],
                "district",
                r["parent_code"],
                r["unit_name"],
                name_en,
                subtype,
                DISTRICT_EN[subtype].lower(),
                valid_from,
                valid_to,
                self.sources.get(r["source_url"]),
                r["note"],
            )

    def departments(self) -> None:
        """Provincial departments, with the decree or page that names each."""
        decree = self.sources.get(
            "Nghị định 24/2014/NĐ-CP",
            kind="official",
            issuer="Chính phủ",
            title="Nghị định 24/2014/NĐ-CP quy định tổ chức các cơ quan chuyên môn thuộc UBND tỉnh",
        )
        for code, name_vi, name_en, valid_from, valid_to, src_key in DEPARTMENTS:
            src = decree if src_key == "nd-24-2014" else self.sources.get(self.dept_sources[src_key])
            self.unit(
                code,
                "department",
                "51",
                name_vi,
                name_en,
                "Sở, ban, ngành",
                "Provincial agency",
                valid_from,
                valid_to,
                src,
            )

    def communes(self) -> None:
        """The 96 communes from 2025-07-01 and their indicative former districts."""
        communes = read(self.shared, "qn_communes_2025.csv")
        for r in communes:
            subtype_en = {"Xã": "commune", "Phường": "ward", "Đặc khu": "special zone"}[r["unit_type"]]
            bare = re.sub(r"^(Xã|Phường|Đặc khu) ", "", r["unit_name"])
            self.unit(
                r["gso_code_2025"],
                "commune",
                "51",
                r["unit_name"],
                f"{bare} {subtype_en.title()}",
                r["unit_type"],
                subtype_en,
                "2025-07-01",
                "",
                self.sources.get(
                    r["source_url"].split(" (")[0],
                    kind="official",
                    issuer="Cục Thống kê",
                    title="Công văn 1027/CTK-CSCL ngày 25/6/2025 (Phụ lục I)",
                ),
            )
            mapping_src = self.sources.get(
                r["mapping_source"].split(" (")[0],
                kind="reference",
                title="dvhcvn/20250701 machine-assisted mapping of former districts",
            )
            for former in r["former_district_codes"].split(";"):
                self.lineage.append(
                    {
                        "from_code": former,
                        "to_code": r["gso_code_2025"],
                        "event": "reorganised_into",
                        "event_date": "2025-07-01",
                        "legal_basis": "NQ 1677/NQ-UBTVQH15 ngày 16/6/2025",
                        "indicative": "1",
                        "source": mapping_src,
                        "note": "indicative: machine-assisted mapping, not an official table",
                    }
                )

    def lineage_and_write(self) -> None:
        """Lineage events with legal bases, then write units and lineage."""
        nq867 = self.sources.get(
            "https://thanhnien.vn/thoi-su/sap-nhap-hanh-chinh-cac-huyen-xa-lan-can-chinh-sach-can-bo-xa-doi-du-1200681.html"
        )
        self.lineage.insert(
            0,
            {
                "from_code": "526",
                "to_code": "525",
                "event": "merged_into",
                "event_date": self.by_code["526"]["valid_to"],  # "2020": the source prints no day
                "legal_basis": "NQ 867/NQ-UBTVQH14 ngày 10/1/2020",
                "indicative": "0",
                "source": nq867,
                "note": "Huyện Tây Trà nhập vào huyện Trà Bồng (công bố 31/3/2020)",
            },
        )
        self.lineage.insert(
            1,
            {
                "from_code": "534",
                "to_code": "534",
                "event": "type_changed",
                "event_date": "đầu năm 2020",  # as Báo Quảng Ngãi prints it (qn_reorg_events.csv)
                "legal_basis": "NQ 867/NQ-UBTVQH14 ngày 10/1/2020",
                "indicative": "0",
                "source": self.sources.get(BAO_QUANG_NGAI_DUC_PHO),
                "note": "Huyện Đức Phổ thành thị xã Đức Phổ (cùng mã 534)",
            },
        )
        kt = next(r for r in self.shared_units if r["gso_code"] == "62")
        self.lineage.insert(
            2,
            {
                "from_code": "62",
                "to_code": "51",
                "event": "merged_into",
                "event_date": "2025-07-01",
                "legal_basis": "NQ 202/2025/QH15 ngày 12/6/2025; 60-NQ/TW ngày 12/4/2025",
                "indicative": "0",
                "source": self.sources.get(kt["source_url"]),
                "note": "Hợp nhất tỉnh Kon Tum và tỉnh Quảng Ngãi",
            },
        )
        for old, new in DEPARTMENT_MERGERS:
            self.lineage.append(
                {
                    "from_code": old,
                    "to_code": new,
                    "event": "merged_into",
                    # The year only: 18/2/2025 is the day the plan was approved, not the day of the merger.
                    "event_date": "2025",
                    "legal_basis": "Đề án hợp nhất các sở (Hội nghị BCH Đảng bộ tỉnh 18/2/2025)",
                    "indicative": "0",
                    "source": self.sources.get(self.dept_sources["nhandan-14-so"]),
                    "note": "đề án thông qua 18/2/2025; nguồn không ghi ngày hợp nhất có hiệu lực",
                }
            )

        meta = dataset_meta(
            "units",
            "units",
            "Đơn vị hành chính và cơ quan qua các lần sắp xếp",
            "Administrative units and agencies across the reforms",
            self.sources,
        )
        write(DATA / "reference" / "units.csv", self.rows, meta)
        lineage_meta = dataset_meta(
            "lineage", "lineage", "Quan hệ kế thừa giữa các đơn vị", "Lineage between units", self.sources
        )
        write(DATA / "reference" / "lineage.csv", self.lineage, lineage_meta)


def build_units(shared: Path) -> None:
    """Write data/reference/units.csv and lineage.csv."""
    build = UnitsBuild(shared)
    build.provinces()
    build.districts()
    build.departments()
    build.communes()
    build.lineage_and_write()
