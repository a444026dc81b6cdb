"""Texts of the electronic-documents page (pages/edocs.py) and its government levels."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "edocs.heading": "Văn bản điện tử",
        "edocs.lead": (
            "Tỷ lệ văn bản được xử lý, ký số trên môi trường mạng. Phần trên là số liệu toàn tỉnh đã được "
            "công bố "
            "(ghi đúng như nguồn); phần dưới là số liệu theo từng đơn vị, chỉ mang tính minh họa."
        ),
        "edocs.province_heading": "Số liệu toàn tỉnh đã công bố, theo cấp chính quyền",
        "edocs.province_chart": "Văn bản điện tử toàn tỉnh Quảng Ngãi, theo cấp chính quyền",
        "edocs.province_note": (
            "“Trên”, “gần” và khoảng giá trị được giữ nguyên như nguồn công bố; thanh biểu đồ chỉ vẽ mốc "
            "được nêu."
        ),
        "edocs.col.year": "Năm",
        "edocs.col.period": "Kỳ",
        "edocs.col.indicator": "Chỉ tiêu",
        "edocs.col.level": "Cấp",
        "edocs.col.value": "Giá trị",
        "edocs.col.published": "Nguyên văn",
        "edocs.col.source": "Nguồn",
        "edocs.col.unit": "Đơn vị",
        "edocs.col.numerator": "Tử số",
        "edocs.col.denominator": "Mẫu số",
        "edocs.no_province": "Chưa có số liệu toàn tỉnh đã công bố.",
        "edocs.unit_heading": "Theo đơn vị (minh họa)",
        "edocs.unit_chart": "{indicator}<br><sup>theo đơn vị, năm {year} – MINH HỌA</sup>",
        "edocs.trend_chart": "{indicator}<br><sup>{group}: tỷ lệ chung qua các năm – MINH HỌA</sup>",
        "edocs.trend_note": "Tỷ lệ chung = tổng tử số / tổng mẫu số của các đơn vị trong nhóm.",
        "edocs.measure_share": "Tỷ lệ (%)",
        "edocs.results_legend": "Kết quả đã công bố",
        "edocs.target_legend": "Mục tiêu (kế hoạch, không phải kết quả)",
        "level.provincial": "Cơ quan cấp tỉnh",
        "level.district": "Cấp huyện",
        "level.commune": "Cấp xã",
        "level.all": "Tất cả các cấp",
        "level.province": "Toàn tỉnh",
        "level.unit": "Đơn vị",
    },
    "en": {
        "edocs.heading": "Electronic documents",
        "edocs.lead": (
            "Shares of documents handled and signed electronically. The upper part shows province-wide "
            "figures as "
            "published (worded as in the source); the lower part shows figures by unit, which are "
            "illustrative."
        ),
        "edocs.province_heading": "Published province-wide figures, by government level",
        "edocs.province_chart": "Electronic documents in Quảng Ngãi province, by government level",
        "edocs.province_note": "“Over”, “nearly” and ranges are kept as published; bars only draw the figure stated.",
        "edocs.col.year": "Year",
        "edocs.col.period": "Period",
        "edocs.col.indicator": "Indicator",
        "edocs.col.level": "Level",
        "edocs.col.value": "Value",
        "edocs.col.published": "As printed (original)",
        "edocs.col.source": "Source",
        "edocs.col.unit": "Unit",
        "edocs.col.numerator": "Numerator",
        "edocs.col.denominator": "Denominator",
        "edocs.no_province": "No published province-wide figures yet.",
        "edocs.unit_heading": "By unit (illustrative)",
        "edocs.unit_chart": "{indicator}<br><sup>by unit, {year} – ILLUSTRATIVE</sup>",
        "edocs.trend_chart": "{indicator}<br><sup>{group}: overall share over the years – ILLUSTRATIVE</sup>",
        "edocs.trend_note": "Overall share = sum of numerators / sum of denominators of the group's units.",
        "edocs.measure_share": "Share (%)",
        "edocs.results_legend": "Published results",
        "edocs.target_legend": "Target (plan, not a result)",
        "level.provincial": "Provincial agencies",
        "level.district": "District level",
        "level.commune": "Commune level",
        "level.all": "All levels",
        "level.province": "Province-wide",
        "level.unit": "Unit",
    },
}
