"""Texts of embedding a chart (components/embed.py, pages/embed.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "embed.button": "Nhúng",
        "embed.instructions": "Sao chép đoạn mã sau để nhúng biểu đồ vào trang web khác:",
        "embed.preview": "Xem trước bản nhúng",
        "embed.open_full": "Xem trên Minh bạch CNTT Quảng Ngãi",
        "embed.map_title": "Bản đồ {index}, năm {year}",
        "embed.unknown": "Không có nội dung để nhúng với địa chỉ này.",
    },
    "en": {
        "embed.button": "Embed",
        "embed.instructions": "Copy this code to embed the chart in another website:",
        "embed.preview": "Preview the embed",
        "embed.open_full": "View on Quảng Ngãi IT transparency",
        "embed.map_title": "Map of {index}, {year}",
        "embed.unknown": "There is nothing to embed at this address.",
    },
}
