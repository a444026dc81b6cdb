"""Texts that mark Quảng Ngãi (and Kon Tum, merged into it in 2025) in the national table and chart."""

TEXTS = {
    "vi": {
        "national.marker.51": "tỉnh của trang này",
        "national.marker.62": "nay thuộc Quảng Ngãi",
        "national.table_chart": "{index} {year}: các tỉnh, thành phố theo thứ hạng",
    },
    "en": {
        "national.marker.51": "this dashboard's province",
        "national.marker.62": "now part of Quảng Ngãi",
        "national.table_chart": "{index} {year}: provinces in rank order",
    },
}
