"""Quảng Ngãi's published e-document and online-service figures (data/observations/edoc_province.csv).

A rate printed as "trên 99%" is stored as a lower bound (qualifier), never as 99 %; the period stays as
printed ("9 tháng 2024", "khoảng 2024"); a row that cannot be imported is listed with the reason.
"""

from __future__ import annotations

import re
from pathlib import Path

from shared_figures.common import DATA, Sources, dataset_meta, read, skipped, write

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
    "Số hồ sơ trực tuyến chậm được tiếp nhận": "ONLINE_DOSSIERS_LATE_RECEIVED",
    "Số hồ sơ giải quyết quá hạn đang xử lý": "ONLINE_DOSSIERS_OVERDUE",
    "Số TTHC tích hợp lên Cổng DVC quốc gia": "PROCEDURES_ON_NATIONAL_PORTAL",
    "Số thủ tục hành chính được cấu hình": "PROCEDURES_CONFIGURED",
    "Số chứng thư số": "DIGITAL_CERTIFICATES",
    "Số xã, phường, đặc khu kết nối": "COMMUNES_CONNECTED",
    "Thanh toán trực tuyến qua Cổng Dịch vụ công quốc gia - xếp hạng": "ONLINE_PAYMENT_RANK",
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
# Rows about things this dashboard does not measure (portal launch, 5G stations, training, businesses…).
OUT_OF_SCOPE = "no indicator for this figure in the catalogue (outside e-documents and online services)"
# A rank printed in words: "liên tiếp dẫn đầu 63 tỉnh, thành phố" is rank 1 of 63.
RANKS = {"ONLINE_PAYMENT_RANK": ("1", "63")}


def _row(r: dict, code: str, level: str, sources: Sources) -> dict:
    unit = "62" if r["province_scope"].startswith("Kon Tum") else "51"
    if level == "bql-kkt-dung-quat":
        unit, level = "bql-kkt-dung-quat", "unit"
    qualifier = next((q for k, q in QUALIFIERS.items() if k in r["unit"]), "exact")
    value, value_high = r["value"], ""
    if qualifier == "range":
        value, value_high = r["value"].split("-")
    rank, rank_of = RANKS.get(code, ("", ""))
    return {
        "year": re.search(r"(20\d\d)", r["period"]).group(1),  # type: ignore[union-attr]
        # "(khoảng 2024)": the brackets are the shared file's mark of an approximate period, not the source's
        "period": re.sub(r"^\((.*)\)$", r"\1", r["period"].strip()),
        "unit": unit,
        "gov_level": level,
        "indicator": code,
        "value": "" if rank else value,
        "value_high": value_high,
        "qualifier": qualifier,
        "value_published": r["value_published"],
        "rank": rank,
        "rank_of": rank_of,
        "source": sources.get(r["source_url"]),
        "note": r["note"],
    }


def _system_rows(shared: Path, sources: Sources) -> list[dict[str, object]]:
    """The agencies on the e-document system and the procedures digitised, 2025, from the one row of
    qn_egov_2024_2026.csv that prints both (an English page: "108 agencies …", "2,184 APs digitized"),
    each as printed, with the parts it names kept in the note."""
    r = next(r for r in read(shared, "qn_egov_2024_2026.csv") if r["metric"] == "agencies on system; TTHC")
    agencies, procedures = (part.strip() for part in r["value"].split(";"))
    procedures = procedures.split(" (")[0]  # "2,184 (848/1,336)": the total, its parts in the note
    common = {"year": r["data_year"], "period": r["data_year"], "unit": "51", "value_high": "", "rank": ""}
    common |= {"rank_of": "", "qualifier": "exact", "source": sources.get(r["source_url"])}
    return [
        {
            **common,
            "gov_level": "all",
            "indicator": "EDOC_SYSTEM_AGENCIES",
            "value": agencies,
            "value_published": agencies,
            "note": "12 departments, branches and 96 commune-level People's Committees (as printed)",
        },
        {
            **common,
            "gov_level": "province",
            "indicator": "PROCEDURES_DIGITISED",
            "value": procedures.replace(",", ""),
            "value_published": procedures,
            "note": "of which 848 full-process online public services and 1,336 partial (as printed)",
        },
    ]


def build_edocs(shared: Path) -> None:
    """Write data/observations/edoc_province.csv."""
    sources = Sources()
    rows: list[dict[str, object]] = []
    left_out: list[str] = []
    for r in read(shared, "qn_edoc_stats.csv"):
        label = f"{r['period']} {r['level']} {r['indicator'][:60]}"
        code = next((c for prefix, c in EDOC_INDICATORS.items() if r["indicator"].startswith(prefix)), None)
        level = LEVELS.get(r["level"])
        if code is None:
            left_out.append(skipped("qn_edoc_stats.csv", label, OUT_OF_SCOPE))
        elif code == "NAT_SERVICE_INDEX" or "phục vụ người dân" in r["indicator"]:
            left_out.append(skipped("qn_edoc_stats.csv", label, "imported in national_rankings.csv"))
        elif level is None or not re.search(r"20\d\d", r["period"]) or not r["value"]:
            left_out.append(skipped("qn_edoc_stats.csv", label, "no level, year or value printed"))
        else:
            rows.append(_row(r, code, level, sources))
    rows += _system_rows(shared, sources)
    meta = dataset_meta(
        "edoc-province",
        "observations",
        "Văn bản điện tử và dịch vụ công trực tuyến – số liệu công bố",
        "E-documents and online services – published figures",
        sources,
        skipped_rows=left_out,
        description_en="Province-wide e-document and online-service figures by government level, as printed. "
        "'trên 99%' is stored as a lower bound (qualifier), never as 99%; periods stay as printed.",
    )
    write(DATA / "observations" / "edoc_province.csv", rows, meta)
