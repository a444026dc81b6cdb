"""National rankings of provinces and national DTI aggregates (data/observations) from ../shared/data.

Rows are kept as published: the printed value, rank and period, with the page they were read on. A row
that cannot be imported is listed in the sidecar's `skipped_rows` with the reason.
"""

from __future__ import annotations

import re
from pathlib import Path

from shared_figures.common import DATA, Sources, dataset_meta, read, skipped, write

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


# Figures printed in the notes of national_dti_2022.csv, read on the page in `note_source_url`:
# "DTI 0,6077 (rank 25); Chính quyền số 0,6683 (29)" or "DTI 0,54 điểm (rank 45)".
NOTE_FIGURE = re.compile(
    r"(DTI|Chính quyền số|Kinh tế số|Xã hội số) ((\d+,\d+)(?: điểm)?) \((?:rank )?(\d+)\)"
)
NOTE_INDICATORS = {
    "DTI": "NAT_DTI",
    "Chính quyền số": "NAT_DTI_GOV",
    "Kinh tế số": "NAT_DTI_ECON",
    "Xã hội số": "NAT_DTI_SOC",
}
# national_dti_2024.csv names provinces by their new or old names; codes of the province each one is.
DTI_2024_UNITS = {
    "Hà Nội": "01",
    "Huế": "46",
    "Hải Phòng": "31",
    "TP. Hồ Chí Minh": "79",
    "Thanh Hóa": "38",
    "Điện Biên": "11",
    "Hà Tĩnh": "42",
    "Đà Nẵng (new, incl. Quảng Nam)": "48",
    "TP. Hồ Chí Minh (old)": "79",
    "Đà Nẵng (old)": "48",
    "Quảng Nam (old)": "49",
    "Đà Nẵng": "48",
}
DTI_2024_INDICATORS = {"63_pre_merger": "NAT_DTI", "34_post_merger": "NAT_DTI_34"}
COUNTRY = "VN"
# A rank reported two ways: both rows are imported and marked, so pages show the conflict, never a pick.
CONFLICT = "conflict"


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


def _period(component: str, year: str) -> str:
    """The period a component names ('Tổng thể (tháng 7/2025)' -> 'tháng 7/2025'), else the year."""
    match = re.search(r"\((tháng [^)]+)\)", component)
    return match.group(1) if match else year


# The page that prints the +34 places, verbatim (vietnamnet; the English doanhnghiephoinhap page says "+34").
VIETNAMNET_2022 = (
    "https://vietnamnet.vn/dti-nam-2022-quang-ngai-tang-34-bac-dung-thu-26-63-tinh-thanh-2164820.html"
)
PRINTED_34 = "tăng 34 bậc so với năm 2021"


class NationalBuild:
    """Collects national-ranking rows (one per year, unit, indicator and source) and skipped rows."""

    def __init__(self, shared: Path) -> None:
        self.shared = shared
        self.sources = Sources()
        self.rows: list[dict] = []
        self.skipped: list[str] = []
        self._seen: set[tuple] = set()

    def add(self, row: dict) -> None:
        key = (row["year"], row["period"], row["unit"], row["indicator"], row["source"])
        if key not in self._seen:
            self._seen.add(key)
            self.rows.append(row)

    def egov_2017(self) -> None:
        for r in read(self.shared, "national_egov_it_application_2017.csv"):
            src = self.sources.get(r["source_url"], issuer=r["publisher"], title=r["index_name"])
            self.add(
                _obs(
                    r["year"],
                    r["province"],
                    "NAT_EGOV",
                    r["score"],
                    r["published_cell"],
                    r["rank"],
                    "63",
                    src,
                )
            )

    def dti_2022(self) -> None:
        for r in read(self.shared, "national_dti_2022.csv"):
            src = self.sources.get(
                r["source_url"], issuer="Bộ Thông tin và Truyền thông", title="Xếp hạng DTI 2022"
            )
            for column, code in DTI_2022_COLUMNS.items():
                if code == "NAT_DTI" or r[column]:
                    ranked = code == "NAT_DTI"
                    self.add(
                        _obs(
                            r["year"],
                            r["province"],
                            code,
                            r[column],
                            r[column],
                            r["rank"] if ranked else "",
                            "63" if ranked else "",
                            src,
                        )
                    )
            self._note_figures(r)

    def _note_figures(self, r: dict) -> None:
        """Values printed in a row's note, from the page the note cites (Trà Vinh, Kon Tum 2022)."""
        found = NOTE_FIGURE.findall(r["note"])
        if not found:
            return
        src = self.sources.get(r["note_source_url"])
        for name, printed, number, rank in found:
            value = number.replace(",", ".")
            self.add(_obs(r["year"], r["province"], NOTE_INDICATORS[name], value, printed, rank, "63", src))

    def partial_tables(self) -> None:
        for name in (
            "qn_national_rank.csv",
            "national_dti_partial.csv",
            "national_ict_index_partial.csv",
            "national_egov_it_application_partial.csv",
        ):
            for r in read(self.shared, name):
                self._partial_row(name, r)

    def _partial_row(self, name: str, r: dict) -> None:
        province = r.get("province") or r.get("unit_name", "")
        label = f"{r['year']} {province} {r.get('index_name', '')} {r['component']}"
        family = _family(r["index_name"]) if "index_name" in r else "egov"
        if name == "national_egov_it_application_partial.csv" and r["group"] != "Tỉnh, thành phố":
            self.skipped.append(skipped(name, label, "a ministry, not a province"))
            return
        if family == "dti" and r["year"] == "2024":
            self.skipped.append(skipped(name, label, "same 2024 figure imported from national_dti_2024.csv"))
            return
        if province.startswith("("):
            reason = "national or average value: imported from national_dti_2024.csv / as an aggregate"
            self.skipped.append(skipped(name, label, reason if family == "dti" else "not a province"))
            return
        province = re.sub(r"\s*\(merged into Quảng Ngãi.*\)$", "", province)
        code = NATIONAL_INDICATORS.get((family, r["component"])) if family else None
        if code is None:
            self.skipped.append(skipped(name, label, "component without an indicator in the catalogue"))
            return
        if not (r["rank"] or r["score"]):
            reason = "no rank or value printed; 2021 rank: see qn_dti_history.csv (conflict)"
            self.skipped.append(skipped(name, label, reason))
            return
        published = r.get("score_published", "")
        self.add(
            _obs(
                r["year"],
                province,
                code,
                r["score"],
                published,
                r["rank"],
                r["rank_of"],
                self.sources.get(r["source_url"]),
                r.get("note", ""),
                period=_period(r["component"], r["year"]),
            )
        )

    def dti_2021_conflict(self) -> None:
        """Quảng Ngãi's 2021 DTI rank, printed as 50 by one source; another prints only "tăng 34 bậc so với
        năm 2021" beside 26 in 2022 (that would make 60:
        a derived rank, never stored or shown as printed)."""
        row = next(r for r in read(self.shared, "qn_dti_history.csv") if r["year"] == "2021")
        reported = row["source_url"].split(";")[1].strip()
        note = f"{CONFLICT}: {row['note']}"
        self.add(_obs("2021", "51", "NAT_DTI", "", "50", "50", "63", self.sources.get(reported), note))
        self.add(
            _obs("2021", "51", "NAT_DTI", "", PRINTED_34, "", "63", self.sources.get(VIETNAMNET_2022), note)
        )

    def dti_2024(self) -> list[dict]:
        """DTI 2024 of provinces in both groupings; returns the national and average rows (unit VN)."""
        aggregates = []
        for r in read(self.shared, "national_dti_2024.csv"):
            label = f"{r['year']} {r['grouping']} {r['unit']}"
            src = self.sources.get(r["source_url"])
            value = r["dti_value"] if re.fullmatch(r"\d\.\d+", r["dti_value"]) else ""
            printed = value.replace(".", ",")
            if r["grouping"] in ("national", "provincial_average"):
                code = "NAT_DTI_NATIONAL" if r["grouping"] == "national" else "NAT_DTI_PROV_AVG"
                aggregates.append((r["year"], code, value, printed, r["source_url"], r["note"]))
                continue
            if r["year"] != "2024":
                self.skipped.append(
                    skipped("national_dti_2024.csv", label, "imported from national_dti_partial.csv")
                )
                continue
            unit = DTI_2024_UNITS.get(r["unit"])
            if unit is None or not r["rank"].isdigit():
                self.skipped.append(skipped("national_dti_2024.csv", label, r["note"] or "no rank printed"))
                continue
            rank_of = "34" if r["grouping"] == "34_post_merger" else "63"
            code = DTI_2024_INDICATORS[r["grouping"]]
            self.add(_obs(r["year"], unit, code, value, printed, r["rank"], rank_of, src, r["note"]))
        return aggregates


def _aggregates(shared: Path, found: list[tuple]) -> None:
    """National DTI values and provincial averages (2021, 2023, 2024) as rows of the country."""
    sources = Sources()
    rows = []
    for r in read(shared, "national_dti_partial.csv"):
        if r["province"] == "(trung bình cả nước)" or (r["province"] == "(Việt Nam)" and r["year"] == "2023"):
            code = "NAT_DTI_PROV_AVG" if "trung bình" in r["province"] else "NAT_DTI_NATIONAL"
            found.append((r["year"], code, r["score"], r["score_published"], r["source_url"], r["note"]))
    if not any(f[0] == "2023" and f[1] == "NAT_DTI_PROV_AVG" for f in found):
        raise ValueError("the 2023 provincial average is missing from national_dti_2024.csv")
    for year, code, value, printed, url, note in sorted(found):
        rows.append(_obs(year, COUNTRY, code, value, printed, "", "", sources.get(url), note))
    meta = dataset_meta(
        "national-dti-aggregates",
        "observations",
        "DTI cấp tỉnh: giá trị quốc gia và trung bình các tỉnh (số liệu công bố)",
        "Provincial DTI: national value and provincial average (published figures)",
        sources,
        unit_kind="country",
        description_en="The national DTI value and the average of the provinces' DTI, as printed. Since "
        "2024 the average is over 34 provinces, each merged province's value being the average of its "
        "former provinces' main indices.",
    )
    write(DATA / "observations" / "national_dti_aggregates.csv", rows, meta)


def build_national(shared: Path) -> None:
    """Write data/observations/national_rankings.csv and national_dti_aggregates.csv."""
    build = NationalBuild(shared)
    build.egov_2017()
    build.dti_2022()
    build.partial_tables()
    build.dti_2021_conflict()
    aggregates = build.dti_2024()
    meta = dataset_meta(
        "national-rankings",
        "observations",
        "Xếp hạng quốc gia các tỉnh, thành phố (số liệu công bố)",
        "National rankings of provinces (published figures)",
        build.sources,
        unit_kind="province",
        skipped_rows=build.skipped,
        description_en="Ranks and scores of provinces in the national IT-application / e-government index, "
        "Vietnam ICT Index, DTI (2024: 63-province grouping as NAT_DTI, 34-province grouping as NAT_DTI_34), "
        "PAR INDEX and PAPI as printed in the cited pages. Rows left out are listed with the reason.",
    )
    write(DATA / "observations" / "national_rankings.csv", build.rows, meta)
    _aggregates(shared, aggregates)
