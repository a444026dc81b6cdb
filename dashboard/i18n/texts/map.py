"""Texts of the map (owned with dashboard/figures/map.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "map.no_data": "Không có số liệu",
        "map.schematic_note": "Sơ đồ ô vuông, không phải ranh giới hành chính",
        "map.no_commune_polygons": "Chưa có ranh giới 96 xã, phường, đặc khu (từ 01/7/2025); số liệu xem ở bảng xếp hạng.",
        "map.legend_score": "Điểm",
        "map.legend_class": "Xếp loại",
    },
    "en": {
        "map.no_data": "No data",
        "map.schematic_note": "Schematic tiles, not administrative borders",
        "map.no_commune_polygons": "No boundaries for the 96 communes (from 1 July 2025) are loaded; the ranking table has the data.",
        "map.legend_score": "Score",
        "map.legend_class": "Class",
    },
}
