"""Texts of the corrections record (Đính chính) and the officer's guide link on /du-lieu."""

from __future__ import annotations

TEXTS = {
    "vi": {
        "corrections.heading": "Đính chính",
        "corrections.note": "{count} giá trị ở đây đã được sửa (lần gần nhất ngày {date}, theo {documents}).",
        "corrections.see": "Xem giá trị cũ và mới",
        "corrections.intro": "Khi một bảng kết quả đã công bố được thay bằng bản đính chính, giá trị cũ được giữ lại ở đây: ngày, văn bản, đơn vị, chỉ tiêu, cũ → mới.",
        "corrections.none": "Chưa có đính chính nào.",
        "corrections.col_date": "Ngày",
        "corrections.col_document": "Văn bản",
        "corrections.col_unit": "Đơn vị",
        "corrections.col_indicator": "Chỉ tiêu",
        "corrections.col_change": "Cũ → mới",
        "corrections.removed": "đã bỏ",
        "corrections.field.value": "giá trị",
        "corrections.field.rank": "xếp hạng",
        "corrections.field.class_label": "xếp loại",
        "corrections.field.removed": "dòng bị bỏ",
        "corrections.download": "Tải lịch sử đính chính:",
        "corrections.guide": "Hướng dẫn cán bộ công bố kết quả (nhập, kiểm tra, xem trước, đính chính)",
    },
    "en": {
        "corrections.heading": "Corrections",
        "corrections.note": "{count} values here were corrected (latest on {date}, by {documents}).",
        "corrections.see": "See the old and new values",
        "corrections.intro": "When a published results table is replaced by a correction, the previous values are kept here: date, document, unit, indicator, old → new.",
        "corrections.none": "No corrections so far.",
        "corrections.col_date": "Date",
        "corrections.col_document": "Document",
        "corrections.col_unit": "Unit",
        "corrections.col_indicator": "Indicator",
        "corrections.col_change": "Old → new",
        "corrections.removed": "removed",
        "corrections.field.value": "value",
        "corrections.field.rank": "rank",
        "corrections.field.class_label": "class",
        "corrections.field.removed": "row removed",
        "corrections.download": "Download the corrections history:",
        "corrections.guide": "Officer's guide to publishing results (import, check, preview, correct) – in Vietnamese",
    },
}
