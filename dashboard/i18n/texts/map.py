"""Texts of the map (owned with dashboard/figures/map.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "map.no_data": "Không có số liệu",
        "map.schematic_note": "Sơ đồ ô vuông, không phải ranh giới hành chính",
        "map.no_commune_polygons": "Chưa có ranh giới 96 xã, phường, đặc khu (từ 01/7/2025); số liệu xem ở bảng xếp hạng.",
        "map.legend_score": "Điểm",
        "map.legend_class": "Xếp loại",
        "map.scale_fitted": "thang màu {low}–{high}, theo số liệu đang xem",
        "map.scale_fixed": "thang màu {low}–{high}",
        "map.search_label": "Tìm một đơn vị trên bản đồ",
        "map.search_placeholder": "Gõ tên, có dấu hoặc không (vd. son tay)",
        "map.cartogram_note": "Mỗi ô là một xã, phường hoặc đặc khu, xếp gần vị trí gần đúng của nó; ô không theo hình dạng hay diện tích thật.",
    },
    "en": {
        "map.no_data": "No data",
        "map.schematic_note": "Schematic tiles, not administrative borders",
        "map.no_commune_polygons": "No boundaries for the 96 communes (from 1 July 2025) are loaded; the ranking table has the data.",
        "map.legend_score": "Score",
        "map.legend_class": "Class",
        "map.scale_fitted": "colour scale {low}–{high}, fitted to the values shown",
        "map.scale_fixed": "colour scale {low}–{high}",
        "map.search_label": "Find a unit on the map",
        "map.search_placeholder": "Type a name, with or without accents (e.g. son tay)",
        "map.cartogram_note": "Each tile is one commune, ward or special zone, placed near its approximate location; tiles do not show real shapes or areas.",
    },
}
