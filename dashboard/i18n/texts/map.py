"""Texts of the map card and its layers (components/map_panel.py, figures/map*.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "map.withheld_note": (
            "Ranh giới hành chính đã nạp không được vẽ vì giấy phép của chúng ({licence}) không cho phép "
            "phân phối lại."
        ),
        "map.no_data": "Không có số liệu",
        "map.schematic_note": "Sơ đồ ô vuông, không phải ranh giới hành chính",
        "map.no_commune_polygons": "Chưa có ranh giới 96 xã, phường, đặc khu (từ 01/7/2025); số liệu xem ở bảng xếp hạng.",
        "map.legend_score": "Điểm",
        "map.legend_points_of": "Điểm trên {maximum}",
        "map.legend_points_by_group": "Điểm (điểm tối đa theo nhóm đơn vị)",
        "map.legend_percent": "% điểm tối đa",
        "map.legend_index_of": "Chỉ số (0–{maximum})",
        "map.legend_class": "Xếp loại",
        "map.scale_fitted": "thang màu {low}–{high}, theo số liệu đang xem",
        "map.scale_fixed": "thang màu {low}–{high}",
        "map.search_label": "Tìm một đơn vị trên bản đồ",
        "map.search_placeholder": "Gõ tên, có dấu hoặc không (vd. son tay)",
        "map.cartogram_note": "Mỗi ô là một xã, phường hoặc đặc khu, xếp gần vị trí gần đúng của nó; ô không theo hình dạng hay diện tích thật.",
        "map.download_png": "Tải ảnh bản đồ (PNG)",
        "map.heading": "Bản đồ",
        "map.colour": "Tô màu bản đồ",
        "map.colour_score": "Theo điểm",
        "map.colour_class": "Theo xếp loại",
        "map.click_hint": "Bấm vào một đơn vị trên bản đồ để mở hồ sơ của đơn vị.",
        "map.departments_note": "Sở, ban, ngành không có vị trí trên bản đồ; xem bảng xếp hạng.",
    },
    "en": {
        "map.withheld_note": (
            "The imported administrative boundaries are not drawn because their licence ({licence}) does "
            "not allow redistribution."
        ),
        "map.no_data": "No data",
        "map.schematic_note": "Schematic tiles, not administrative borders",
        "map.no_commune_polygons": "No boundaries for the 96 communes (from 1 July 2025) are loaded; the ranking table has the data.",
        "map.legend_score": "Score",
        "map.legend_points_of": "Points out of {maximum}",
        "map.legend_points_by_group": "Points (maximum by unit group)",
        "map.legend_percent": "% of the maximum",
        "map.legend_index_of": "Index (0–{maximum})",
        "map.legend_class": "Class",
        "map.scale_fitted": "colour scale {low}–{high}, fitted to the values shown",
        "map.scale_fixed": "colour scale {low}–{high}",
        "map.search_label": "Find a unit on the map",
        "map.search_placeholder": "Type a name, with or without accents (e.g. son tay)",
        "map.cartogram_note": "Each tile is one commune, ward or special zone, placed near its approximate location; tiles do not show real shapes or areas.",
        "map.download_png": "Download the map (PNG)",
        "map.heading": "Map",
        "map.colour": "Colour the map",
        "map.colour_score": "By score",
        "map.colour_class": "By class",
        "map.click_hint": "Click a unit on the map to open its profile.",
        "map.departments_note": "Departments have no place on the map; see the ranking table.",
    },
}
