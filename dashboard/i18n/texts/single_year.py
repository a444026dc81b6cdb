"""Texts of the charts of a method with a single year (figures/single_year.py) and the compare defaults."""

TEXTS = {
    "vi": {
        "compare.subs_year_title": "Chỉ số thành phần năm {year}: % của điểm tối đa (nhãn: điểm/tối đa)",
        "compare.map_year": "Năm của bản đồ",
        "compare.year_title": "{index} – năm {year}",
        "compare.default_note": "Đang so sánh ba đơn vị đứng đầu {group} năm {year}; chọn đơn vị khác ở trên.",
    },
    "en": {
        "compare.subs_year_title": "Sub-indices {year}: % of their maximum (labels: points/maximum)",
        "compare.map_year": "Year of the map",
        "compare.year_title": "{index} – {year}",
        "compare.default_note": "Comparing the top three {group} of {year}; pick other units above.",
    },
}
