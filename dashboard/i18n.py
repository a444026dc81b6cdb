"""User-facing text in Vietnamese (default) and English, and number formatting per language.

Imports nothing of ours. Every key must exist in every language (a test checks).
"""

from __future__ import annotations

import math

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

CATALOGS: dict[str, dict[str, str]] = {
    "vi": {
        "site.title": "Minh bạch ứng dụng CNTT và văn bản điện tử tỉnh Quảng Ngãi",
        "site.short_title": "CNTT & Văn bản điện tử Quảng Ngãi",
        "nav.overview": "Tổng quan",
        "nav.rankings": "Xếp hạng",
        "nav.compare": "So sánh",
        "nav.edocs": "Văn bản điện tử",
        "nav.national": "Cả nước",
        "nav.methodology": "Phương pháp",
        "nav.data": "Dữ liệu",
        "nav.accessibility": "Trợ năng",
        "nav.language_switch": "English",
        "class.good": "Tốt",
        "class.fair": "Khá",
        "class.average": "Trung bình",
        "class.weak": "Yếu",
        "map.no_data": "Không có số liệu",
        "map.schematic_note": "Sơ đồ ô vuông, không phải ranh giới hành chính",
        "map.no_commune_polygons": (
            "Chưa có ranh giới 96 xã, phường, đặc khu (từ 01/7/2025); số liệu xem ở bảng xếp hạng."
        ),
        "map.legend_score": "Điểm",
        "map.legend_class": "Xếp loại",
        "illustrative.banner": (
            "Số liệu minh họa: chưa tìm thấy bảng công bố chính thức xếp hạng các sở, ngành và UBND cấp "
            "huyện của tỉnh. Các con số này do máy tạo ra để trình diễn, không phải kết quả thật."
        ),
        "footer.source": "Nguồn",
        "footer.licence": "Giấy phép",
        "footer.updated": "Cập nhật",
        "home.it_works": "Bảng điều khiển đang chạy",
        "empty.no_data": "Không có số liệu cho lựa chọn này.",
        "notfound.title": "Không tìm thấy trang",
        "notfound.body": "Trang bạn tìm không tồn tại. Quay về trang Tổng quan.",
    },
    "en": {
        "site.title": "Quảng Ngãi IT application and e-documents transparency dashboard",
        "site.short_title": "Quảng Ngãi IT & e-documents",
        "nav.overview": "Overview",
        "nav.rankings": "Rankings",
        "nav.compare": "Compare",
        "nav.edocs": "E-documents",
        "nav.national": "National",
        "nav.methodology": "Methodology",
        "nav.data": "Data",
        "nav.accessibility": "Accessibility",
        "nav.language_switch": "Tiếng Việt",
        "class.good": "Good",
        "class.fair": "Fair",
        "class.average": "Average",
        "class.weak": "Weak",
        "map.no_data": "No data",
        "map.schematic_note": "Schematic tiles, not administrative borders",
        "map.no_commune_polygons": (
            "No boundaries for the 96 communes (from 1 July 2025) are loaded; the ranking table has the data."
        ),
        "map.legend_score": "Score",
        "map.legend_class": "Class",
        "illustrative.banner": (
            "Illustrative data: no published table ranking the province's departments and district "
            "committees was found. These figures are machine-generated for demonstration, not real results."
        ),
        "footer.source": "Source",
        "footer.licence": "Licence",
        "footer.updated": "Updated",
        "home.it_works": "The dashboard is running",
        "empty.no_data": "No data for this selection.",
        "notfound.title": "Page not found",
        "notfound.body": "The page you asked for does not exist. Go back to the overview.",
    },
}


def normalize_language(lang: str | None) -> str:
    """Return a supported language code, falling back to Vietnamese."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str | None = DEFAULT_LANGUAGE, **values: object) -> str:
    """Translate a key; missing keys raise so that gaps are found by tests, not by users."""
    text = CATALOGS[normalize_language(lang)][key]
    return text.format(**values) if values else text


def format_number(value: float | None, lang: str | None = DEFAULT_LANGUAGE, *, decimals: int = 1) -> str:
    """Format a number Vietnamese style (1.234,5) or English style (1,234.5); '–' for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if normalize_language(lang) == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def d3_locale_format(lang: str | None) -> dict[str, object]:
    """Return plotly layout.separators for the language (decimal then thousands)."""
    return {"separators": ",." if normalize_language(lang) == "vi" else ".,"}
