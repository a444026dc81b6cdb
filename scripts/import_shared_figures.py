"""Turn the real figures gathered in ../shared/data into the project's own tidy files in data/.

Run once when ../shared/data changes:  python scripts/import_shared_figures.py [--shared ../shared/data]
Every output row keeps the URL it was read on (as a source id declared in the file's .meta.json).
Nothing is estimated: rows without a value in the shared files stay without a value.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
ACCESSED = "2026-11-01"
PRESS_LICENCE = "© the publisher; facts quoted for reference (figures are not copyrightable)"
GOV_LICENCE = "Văn bản hành chính nhà nước – không thuộc đối tượng bảo hộ quyền tác giả (Luật SHTT, Điều 15)"

# Official GSO province codes (Quyết định 124/2004/QĐ-TTg, Danh mục và mã số các đơn vị hành chính).
PROVINCES = {
    "01": "Hà Nội",
    "02": "Hà Giang",
    "04": "Cao Bằng",
    "06": "Bắc Kạn",
    "08": "Tuyên Quang",
    "10": "Lào Cai",
    "11": "Điện Biên",
    "12": "Lai Châu",
    "14": "Sơn La",
    "15": "Yên Bái",
    "17": "Hòa Bình",
    "19": "Thái Nguyên",
    "20": "Lạng Sơn",
    "22": "Quảng Ninh",
    "24": "Bắc Giang",
    "25": "Phú Thọ",
    "26": "Vĩnh Phúc",
    "27": "Bắc Ninh",
    "30": "Hải Dương",
    "31": "Hải Phòng",
    "33": "Hưng Yên",
    "34": "Thái Bình",
    "35": "Hà Nam",
    "36": "Nam Định",
    "37": "Ninh Bình",
    "38": "Thanh Hóa",
    "40": "Nghệ An",
    "42": "Hà Tĩnh",
    "44": "Quảng Bình",
    "45": "Quảng Trị",
    "46": "Thừa Thiên Huế",
    "48": "Đà Nẵng",
    "49": "Quảng Nam",
    "51": "Quảng Ngãi",
    "52": "Bình Định",
    "54": "Phú Yên",
    "56": "Khánh Hòa",
    "58": "Ninh Thuận",
    "60": "Bình Thuận",
    "62": "Kon Tum",
    "64": "Gia Lai",
    "66": "Đắk Lắk",
    "67": "Đắk Nông",
    "68": "Lâm Đồng",
    "70": "Bình Phước",
    "72": "Tây Ninh",
    "74": "Bình Dương",
    "75": "Đồng Nai",
    "77": "Bà Rịa - Vũng Tàu",
    "79": "Hồ Chí Minh",
    "80": "Long An",
    "82": "Tiền Giang",
    "83": "Bến Tre",
    "84": "Trà Vinh",
    "86": "Vĩnh Long",
    "87": "Đồng Tháp",
    "89": "An Giang",
    "91": "Kiên Giang",
    "92": "Cần Thơ",
    "93": "Hậu Giang",
    "94": "Sóc Trăng",
    "95": "Bạc Liêu",
    "96": "Cà Mau",
}
CENTRAL_CITIES = {"01", "31", "48", "79", "92"}

DISTRICT_EN = {"Thành phố": "City", "Thị xã": "Town", "Huyện": "District"}

# Departments (sở, ban, ngành). Slugs are stable codes; the ones not named in ../shared/data are the
# standard provincial departments of Nghị định 24/2014/NĐ-CP (and its predecessor Nghị định 13/2008).
DEPARTMENTS = [
    # slug, Vietnamese name, English name, valid_from, valid_to, source id
    ("so-noi-vu", "Sở Nội vụ", "Department of Home Affairs", "", "", "nhandan-14-so"),
    ("so-tu-phap", "Sở Tư pháp", "Department of Justice", "", "", "nd-24-2014"),
    (
        "so-ke-hoach-dau-tu",
        "Sở Kế hoạch và Đầu tư",
        "Department of Planning and Investment",
        "",
        "2025-02-18",
        "nhandan-14-so",
    ),
    ("so-tai-chinh", "Sở Tài chính", "Department of Finance", "", "", "nhandan-14-so"),
    ("so-cong-thuong", "Sở Công Thương", "Department of Industry and Trade", "", "", "nd-24-2014"),
    (
        "so-nong-nghiep-ptnt",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Department of Agriculture and Rural Development",
        "",
        "2025-02-18",
        "nd-24-2014",
    ),
    (
        "so-giao-thong-van-tai",
        "Sở Giao thông vận tải",
        "Department of Transport",
        "",
        "2025-02-18",
        "nhandan-14-so",
    ),
    ("so-xay-dung", "Sở Xây dựng", "Department of Construction", "", "", "nhandan-14-so"),
    (
        "so-tai-nguyen-moi-truong",
        "Sở Tài nguyên và Môi trường",
        "Department of Natural Resources and Environment",
        "",
        "2025-02-18",
        "nd-24-2014",
    ),
    (
        "so-thong-tin-truyen-thong",
        "Sở Thông tin và Truyền thông",
        "Department of Information and Communications",
        "",
        "",
        "stttt-qn",
    ),
    (
        "so-lao-dong-tbxh",
        "Sở Lao động - Thương binh và Xã hội",
        "Department of Labour, Invalids and Social Affairs",
        "",
        "2025-02-18",
        "nhandan-14-so",
    ),
    (
        "so-van-hoa-tt-dl",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Department of Culture, Sports and Tourism",
        "",
        "",
        "nd-24-2014",
    ),
    (
        "so-khoa-hoc-cong-nghe",
        "Sở Khoa học và Công nghệ",
        "Department of Science and Technology",
        "",
        "",
        "kh-121-2025",
    ),
    (
        "so-giao-duc-dao-tao",
        "Sở Giáo dục và Đào tạo",
        "Department of Education and Training",
        "",
        "",
        "nhandan-14-so",
    ),
    ("so-y-te", "Sở Y tế", "Department of Health", "", "", "nhandan-14-so"),
    ("so-ngoai-vu", "Sở Ngoại vụ", "Department of Foreign Affairs", "2005-08-04", "", "sngv-qn"),
    ("thanh-tra-tinh", "Thanh tra tỉnh", "Provincial Inspectorate", "", "", "nd-24-2014"),
    (
        "van-phong-ubnd",
        "Văn phòng UBND tỉnh",
        "Office of the Provincial People's Committee",
        "",
        "",
        "nhandan-14-so",
    ),
    ("ban-dan-toc", "Ban Dân tộc", "Ethnic Minorities Committee", "", "", "nd-24-2014"),
    (
        "bql-kkt-dung-quat",
        "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi",
        "Dung Quat Economic Zone and Industrial Parks Authority",
        "2016-01-01",
        "",
        "baomoi-bql",
    ),
    (
        "so-nong-nghiep-moi-truong",
        "Sở Nông nghiệp và Môi trường",
        "Department of Agriculture and Environment",
        "2025-02-18",
        "",
        "nhandan-14-so",
    ),
]

# from, to (nhandan 18/2/2025: "sau sắp xếp hợp nhất, tỉnh Quảng Ngãi có 14 sở, ngành")
DEPARTMENT_MERGERS = [
    ("so-ke-hoach-dau-tu", "so-tai-chinh"),
    ("so-giao-thong-van-tai", "so-xay-dung"),
    ("so-lao-dong-tbxh", "so-noi-vu"),
    ("so-nong-nghiep-ptnt", "so-nong-nghiep-moi-truong"),
    ("so-tai-nguyen-moi-truong", "so-nong-nghiep-moi-truong"),
]


def slug(text: str, length: int = 40) -> str:
    """Build a short stable id from a URL or title."""
    digest = hashlib.sha1(text.encode()).hexdigest()[:8]
    host = re.sub(r"^https?://(www\.)?", "", text).split("/")[0] if "://" in text else "ref"
    host = re.sub(r"[^a-z0-9]+", "-", host.lower()).strip("-")[: length - 9]
    return f"{host}-{digest}"


class Sources:
    """Collects one source per distinct URL, in the order first seen."""

    def __init__(self) -> None:
        self.by_url: dict[str, dict[str, object]] = {}

    def get(self, url: str, *, kind: str = "press", issuer: str = "", title: str = "") -> str:
        if url not in self.by_url:
            official = any(h in url for h in (".gov.vn", "dti.gov.vn", "github:dvhcvn", "github:madnh"))
            self.by_url[url] = {
                "id": slug(url),
                "kind": "official" if official and kind == "press" else kind,
                "issuer": issuer or _issuer(url),
                "title": title or url,
                "url": url if url.startswith("http") else None,
                "reference": None if url.startswith("http") else url,
                "licence": GOV_LICENCE if official else PRESS_LICENCE,
            }
        return str(self.by_url[url]["id"])

    def as_list(self) -> list[dict[str, object]]:
        return list(self.by_url.values())


def _issuer(url: str) -> str:
    if url.startswith("github:"):
        return url.split(":")[1].split("@")[0]
    return re.sub(r"^https?://(www\.|amp\.|en\.)?", "", url).split("/")[0]


def read(shared: Path, name: str) -> list[dict[str, str]]:
    with (shared / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write(path: Path, rows: list[dict[str, object]], meta: dict[str, object]) -> None:
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
    return {
        "id": dataset_id,
        "type": kind,
        "title_vi": title_vi,
        "title_en": title_en,
        "licence": extra.pop(
            "licence", "Dữ liệu mở theo Nghị định 47/2020/NĐ-CP; ghi rõ nguồn / Open data, cite the source"
        ),
        "accessed": ACCESSED,
        "made_by": "scripts/import_shared_figures.py from ../shared/data",
        **extra,
        "sources": sources.as_list(),
    }


def build_units(shared: Path) -> None:
    sources = Sources()
    rows: list[dict[str, object]] = []
    lineage: list[dict[str, object]] = []

    def unit(
        code, kind, parent, name_vi, name_en, subtype_vi, subtype_en, valid_from, valid_to, src, note=""
    ):
        rows.append(
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

    gso_src = sources.get(
        "Quyết định 124/2004/QĐ-TTg",
        kind="official",
        issuer="Thủ tướng Chính phủ",
        title="Quyết định 124/2004/QĐ-TTg ban hành Danh mục và mã số các đơn vị hành chính Việt Nam",
    )
    shared_units = read(shared, "qn_units.csv")
    by_code = {r["gso_code"]: r for r in shared_units if r["gso_code"]}
    for code, name in PROVINCES.items():
        subtype_vi, subtype_en = (
            ("Thành phố", "Municipality") if code in CENTRAL_CITIES else ("Tỉnh", "Province")
        )
        valid_to = "2025-06-30" if code == "62" else ""
        src = sources.get(by_code[code]["source_url"]) if code in ("62",) else gso_src
        if code == "51":
            pre = next(r for r in shared_units if r["gso_code"] == "51" and r["valid_to"])
            post = next(r for r in shared_units if r["gso_code"] == "51" and r["valid_from"])
            unit(
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
            unit(
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
        unit(code, "province", "", full_vi, f"{name} {subtype_en}", subtype_vi, subtype_en, "", valid_to, src)

    for r in shared_units:
        if r["unit_level"] != "huyện":
            continue
        subtype = r["unit_type"]
        bare = re.sub(r"^(Thành phố|Thị xã|Huyện) ", "", r["unit_name"])
        name_en = f"{bare} {DISTRICT_EN[subtype]}"
        valid_to = "2020-01-31" if r["valid_to"] == "2020" else r["valid_to"]
        valid_from = "2020-02-01" if r["valid_from"] == "2020" else r["valid_from"]
        unit(
            r["gso_code"],
            "district",
            r["parent_code"],
            r["unit_name"],
            name_en,
            subtype,
            DISTRICT_EN[subtype].lower(),
            valid_from,
            valid_to,
            sources.get(r["source_url"]),
            r["note"],
        )

    dept_sources = {
        "nhandan-14-so": "https://nhandan.vn/ocop/sau-sap-xep-hop-nhat-tinh-quang-ngai-co-14-so-nganh-post860418.html",
        "sngv-qn": "https://sngv.quangngai.gov.vn/web/so-ngoai-vu/qua-trinh-hinh-thanh",
        "kh-121-2025": "https://nhansu.vn/van-ban-phap-luat/Ke-hoach-121-KH-UBND-2025-chuyen-doi-so-Quang-Ngai-688617.html",
        "baomoi-bql": "http://www.baomoi.com/thanh-lap-bql-kkt-dung-quat-va-cac-kcn-quang-ngai/c/20507349.epi",
    }
    stttt = next(r for r in shared_units if r["unit_name"].startswith("Sở Thông tin"))
    dept_sources["stttt-qn"] = stttt["source_url"]
    decree = sources.get(
        "Nghị định 24/2014/NĐ-CP",
        kind="official",
        issuer="Chính phủ",
        title="Nghị định 24/2014/NĐ-CP quy định tổ chức các cơ quan chuyên môn thuộc UBND tỉnh",
    )
    for code, name_vi, name_en, valid_from, valid_to, src_key in DEPARTMENTS:
        src = decree if src_key == "nd-24-2014" else sources.get(dept_sources[src_key])
        unit(
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

    communes = read(shared, "qn_communes_2025.csv")
    for r in communes:
        subtype_en = {"Xã": "commune", "Phường": "ward", "Đặc khu": "special zone"}[r["unit_type"]]
        bare = re.sub(r"^(Xã|Phường|Đặc khu) ", "", r["unit_name"])
        unit(
            r["gso_code_2025"],
            "commune",
            "51",
            r["unit_name"],
            f"{bare} {subtype_en.title()}",
            r["unit_type"],
            subtype_en,
            "2025-07-01",
            "",
            sources.get(
                r["source_url"].split(" (")[0],
                kind="official",
                issuer="Cục Thống kê",
                title="Công văn 1027/CTK-CSCL ngày 25/6/2025 (Phụ lục I)",
            ),
        )
        mapping_src = sources.get(
            r["mapping_source"].split(" (")[0],
            kind="reference",
            title="dvhcvn/20250701 machine-assisted mapping of former districts",
        )
        for former in r["former_district_codes"].split(";"):
            lineage.append(
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

    nq867 = sources.get(
        "https://thanhnien.vn/thoi-su/sap-nhap-hanh-chinh-cac-huyen-xa-lan-can-chinh-sach-can-bo-xa-doi-du-1200681.html"
    )
    lineage.insert(
        0,
        {
            "from_code": "526",
            "to_code": "525",
            "event": "merged_into",
            "event_date": "2020-02-01",
            "legal_basis": "NQ 867/NQ-UBTVQH14 ngày 10/1/2020",
            "indicative": "0",
            "source": nq867,
            "note": "Huyện Tây Trà nhập vào huyện Trà Bồng (công bố 31/3/2020)",
        },
    )
    lineage.insert(
        1,
        {
            "from_code": "534",
            "to_code": "534",
            "event": "type_changed",
            "event_date": "2020-02-01",
            "legal_basis": "NQ 867/NQ-UBTVQH14 ngày 10/1/2020",
            "indicative": "0",
            "source": sources.get(by_code["534"]["source_url"]),
            "note": "Huyện Đức Phổ thành thị xã Đức Phổ (cùng mã 534)",
        },
    )
    kt = next(r for r in shared_units if r["gso_code"] == "62")
    lineage.insert(
        2,
        {
            "from_code": "62",
            "to_code": "51",
            "event": "merged_into",
            "event_date": "2025-07-01",
            "legal_basis": "NQ 202/2025/QH15 ngày 12/6/2025; 60-NQ/TW ngày 12/4/2025",
            "indicative": "0",
            "source": sources.get(kt["source_url"]),
            "note": "Hợp nhất tỉnh Kon Tum và tỉnh Quảng Ngãi",
        },
    )
    for old, new in DEPARTMENT_MERGERS:
        lineage.append(
            {
                "from_code": old,
                "to_code": new,
                "event": "merged_into",
                "event_date": "2025-02-18",
                "legal_basis": "Đề án hợp nhất các sở (Hội nghị BCH Đảng bộ tỉnh 18/2/2025)",
                "indicative": "0",
                "source": sources.get(dept_sources["nhandan-14-so"]),
                "note": "date of approval as published; the effective date is not stated in the source",
            }
        )

    meta = dataset_meta(
        "units",
        "units",
        "Đơn vị hành chính và cơ quan qua các lần sắp xếp",
        "Administrative units and agencies across the reforms",
        sources,
    )
    write(DATA / "reference" / "units.csv", rows, meta)
    lineage_meta = dataset_meta(
        "lineage", "lineage", "Quan hệ kế thừa giữa các đơn vị", "Lineage between units", sources
    )
    write(DATA / "reference" / "lineage.csv", lineage, lineage_meta)

    events_sources = Sources()
    events = [
        {
            "date": e["date"],
            "event": e["event"],
            "legal_basis": e["legal_basis"],
            "figures": e["figures"],
            "source": events_sources.get(e["source_url"]),
        }
        for e in read(shared, "qn_reorg_events.csv")
    ]
    write(
        DATA / "reference" / "events.csv",
        events,
        dataset_meta(
            "events",
            "events",
            "Mốc sắp xếp tổ chức 2005–2025",
            "Reorganisation timeline 2005–2025",
            events_sources,
        ),
    )


NATIONAL_INDICATORS = {
    # (index family as published, component) -> indicator code
    ("egov", "Tổng thể"): "NAT_EGOV",
    ("dti", "Tổng thể"): "NAT_DTI",
    ("dti", "Chính quyền số"): "NAT_DTI_GOV",
    ("dti", "Kinh tế số"): "NAT_DTI_ECON",
    ("dti", "Xã hội số"): "NAT_DTI_SOC",
    ("ict", "Tổng thể"): "NAT_ICT",
    ("ict", "Hạ tầng kỹ thuật CNTT"): "NAT_ICT_INFRA",
    ("ict", "Hạ tầng kỹ thuật"): "NAT_ICT_INFRA",
    ("ict", "Hạ tầng nhân lực CNTT"): "NAT_ICT_HR",
    ("ict", "Hạ tầng nhân lực"): "NAT_ICT_HR",
    ("ict", "Ứng dụng CNTT"): "NAT_ICT_APP",
    ("ict", "Dịch vụ công trực tuyến"): "NAT_ICT_ONLINE",
    ("par", "Tổng thể"): "NAT_PAR",
    ("papi", "Tổng hợp"): "NAT_PAPI",
    ("sipas", "Tổng thể (tháng 7/2025)"): "NAT_SERVICE_INDEX",
}
DTI_2022_COLUMNS = {
    "Chỉ số Nhận thức số": "NAT_DTI_AWARE",
    "Chỉ số Thể chế số": "NAT_DTI_INST",
    "Chỉ số Hạ tầng số": "NAT_DTI_INFRA",
    "Chỉ số Nhân lực số": "NAT_DTI_HR",
    "Chỉ số An toàn thông tin mạng": "NAT_DTI_SEC",
    "Chỉ số Hoạt động chính quyền số": "NAT_DTI_GOV_OPS",
    "Chỉ số Hoạt động kinh tế số": "NAT_DTI_ECON_OPS",
    "Chỉ số Hoạt động xã hội số": "NAT_DTI_SOC_OPS",
    "CHUYỂN ĐỔI SỐ CẤP TỈNH (PDTI)": "NAT_DTI",
}


def _family(index_name: str) -> str | None:
    name = index_name.lower()
    if "34 tỉnh" in name or "cấp bộ" in name or "quốc gia" in name:
        return None  # post-merger provinces, ministries and national aggregates are out of this table's scope
    if "dti" in name:
        return "dti"
    if "ict index" in name:
        return "ict"
    if "ứng dụng cntt" in name:
        return "egov"
    if "par index" in name:
        return "par"
    if "papi" in name:
        return "papi"
    if "phục vụ người dân" in name:
        return "sipas"
    return None


def _obs(year, unit, indicator, value, published, rank, rank_of, source, note="", period="") -> dict:
    return {
        "year": year,
        "period": period or year,
        "unit": unit,
        "indicator": indicator,
        "value": value,
        "value_published": published,
        "rank": rank,
        "rank_of": rank_of,
        "source": source,
        "note": note,
    }


def build_national(shared: Path) -> None:
    sources = Sources()
    rows: list[dict[str, object]] = []
    skipped: list[str] = []
    seen: set[tuple[str, str, str, str]] = set()

    def add(row: dict) -> None:
        key = (row["year"], row["unit"], row["indicator"], row["source"])
        if key not in seen:
            seen.add(key)
            rows.append(row)

    for r in read(shared, "national_egov_it_application_2017.csv"):
        add(
            _obs(
                r["year"],
                r["province"],
                "NAT_EGOV",
                r["score"],
                r["published_cell"],
                r["rank"],
                "63",
                sources.get(r["source_url"], issuer=r["publisher"], title=r["index_name"]),
            )
        )
    for r in read(shared, "national_dti_2022.csv"):
        src = sources.get(r["source_url"], issuer="Bộ Thông tin và Truyền thông", title="Xếp hạng DTI 2022")
        for column, code in DTI_2022_COLUMNS.items():
            if code == "NAT_DTI" or r[column]:
                add(
                    _obs(
                        r["year"],
                        r["province"],
                        code,
                        r[column],
                        r[column],
                        r["rank"] if code == "NAT_DTI" else "",
                        "63" if code == "NAT_DTI" else "",
                        src,
                    )
                )
    for name in (
        "qn_national_rank.csv",
        "national_dti_partial.csv",
        "national_ict_index_partial.csv",
        "national_egov_it_application_partial.csv",
    ):
        for r in read(shared, name):
            province = r.get("province") or r.get("unit_name", "")
            family = _family(r["index_name"]) if "index_name" in r else "egov"
            if name == "national_egov_it_application_partial.csv" and r["group"] != "Tỉnh, thành phố":
                family = None
            province = re.sub(r"\s*\(merged into Quảng Ngãi.*\)$", "", province)
            code = NATIONAL_INDICATORS.get((family, r["component"])) if family else None
            if code is None or province.startswith("(") or not (r["rank"] or r["score"]):
                skipped.append(f"{name}: {r['year']} {province} {r.get('index_name', '')} {r['component']}")
                continue
            add(
                _obs(
                    r["year"],
                    province,
                    code,
                    r["score"],
                    r.get("score_published", ""),
                    r["rank"],
                    r["rank_of"],
                    sources.get(r["source_url"]),
                    r.get("note", ""),
                )
            )

    meta = dataset_meta(
        "national-rankings",
        "observations",
        "Xếp hạng quốc gia các tỉnh, thành phố (số liệu công bố)",
        "National rankings of provinces (published figures)",
        sources,
        unit_kind="province",
        skipped_rows=skipped,
        description_en="Ranks and scores of provinces in the national IT-application / e-government index, "
        "Vietnam ICT Index, DTI, PAR INDEX and PAPI as printed in the cited pages. Rows of ministries, "
        "national averages and the 2025 34-province tables are not included (listed in skipped_rows).",
    )
    write(DATA / "observations" / "national_rankings.csv", rows, meta)


EDOC_INDICATORS = {
    "Tỷ lệ cơ quan nhà nước dùng phần mềm": "EDOC_SHARED_SOFTWARE_SHARE",
    "Tỷ lệ xử lý văn bản, hồ sơ công việc": "EDOC_PROCESSED_ONLINE_SHARE",
    "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng": "EDOC_PROCESSED_ONLINE_SHARE",
    "Tỷ lệ văn bản được ký số": "EDOC_SIGNED_SHARE",
    "Tỷ lệ văn bản phát hành được ký số": "EDOC_SIGNED_SHARE",
    "Tỷ lệ số hóa hồ sơ": "EDOC_DIGITISED_SHARE",
    "Tỷ lệ sử dụng văn bản điện tử": "EDOC_USE_SHARE",
    "Tỷ lệ cơ quan nhà nước kết nối mạng truyền số liệu": "EDOC_NETWORK_SHARE",
    "Tổng số hồ sơ trực tuyến": "ONLINE_DOSSIERS_TOTAL",
    "Số hồ sơ trực tuyến xử lý đúng hạn": "ONLINE_DOSSIERS_ON_TIME",
    "Số TTHC tích hợp lên Cổng DVC quốc gia": "PROCEDURES_ON_NATIONAL_PORTAL",
    "Số thủ tục hành chính được cấu hình": "PROCEDURES_CONFIGURED",
    "Số chứng thư số": "DIGITAL_CERTIFICATES",
    "Số xã, phường, đặc khu kết nối": "COMMUNES_CONNECTED",
}
LEVELS = {
    "tỉnh": "province",
    "cấp tỉnh": "provincial",
    "toàn tỉnh": "province",
    "sở, ban, ngành": "provincial",
    "cấp huyện": "district",
    "cấp xã": "commune",
    "tỉnh, huyện, xã": "all",
    "BQL KKT Dung Quất và các KCN tỉnh": "bql-kkt-dung-quat",
}
QUALIFIERS = {"lower bound": "lower_bound", "approx.": "approx", "range": "range"}


def build_edocs(shared: Path) -> None:
    sources = Sources()
    rows: list[dict[str, object]] = []
    skipped: list[str] = []
    for r in read(shared, "qn_edoc_stats.csv"):
        code = next((c for prefix, c in EDOC_INDICATORS.items() if r["indicator"].startswith(prefix)), None)
        level = LEVELS.get(r["level"])
        year_match = re.search(r"(20\d\d)", r["period"])
        if code is None or level is None or not year_match or not r["value"]:
            skipped.append(f"{r['period']} {r['level']} {r['indicator'][:60]}")
            continue
        unit = "62" if r["province_scope"].startswith("Kon Tum") else "51"
        if level == "bql-kkt-dung-quat":
            unit, level = "bql-kkt-dung-quat", "unit"
        qualifier = next((q for k, q in QUALIFIERS.items() if k in r["unit"]), "exact")
        value, value_high = r["value"], ""
        if qualifier == "range":
            value, value_high = r["value"].split("-")
        rows.append(
            {
                "year": year_match.group(1),
                "period": r["period"],
                "unit": unit,
                "gov_level": level,
                "indicator": code,
                "value": value,
                "value_high": value_high,
                "qualifier": qualifier,
                "value_published": r["value_published"],
                "source": sources.get(r["source_url"]),
                "note": r["note"],
            }
        )
    meta = dataset_meta(
        "edoc-province",
        "observations",
        "Văn bản điện tử và dịch vụ công trực tuyến – số liệu công bố",
        "E-documents and online services – published figures",
        sources,
        skipped_rows=skipped,
        description_en="Province-wide e-document and online-service rates by government level, as printed. "
        "'trên 99%' is stored as a lower bound (qualifier), never as 99%.",
    )
    write(DATA / "observations" / "edoc_province.csv", rows, meta)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    build_units(args.shared)
    build_national(args.shared)
    build_edocs(args.shared)


if __name__ == "__main__":
    main()
