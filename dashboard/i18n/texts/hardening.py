"""Texts of the answers given under load or during an outage (owned with dashboard/web/)."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "outage.retrying": "Dữ liệu tạm thời không truy cập được, đang thử lại…",
        "outage.busy": "Máy chủ đang bận, đang thử lại…",
    },
    "en": {
        "outage.retrying": "Temporarily unavailable, retrying…",
        "outage.busy": "The server is busy, retrying…",
    },
}
