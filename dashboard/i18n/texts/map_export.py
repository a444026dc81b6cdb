"""Texts of the map card's PNG button (components/map_panel.py, assets/map-export.js)."""

TEXTS = {
    "vi": {"map.download_png": "Tải ảnh bản đồ (PNG)"},
    "en": {"map.download_png": "Download the map (PNG)"},
}
