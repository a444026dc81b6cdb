"""Texts of published figures, sources and the generated-figures label (owned with views/published.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "generated.label": "MINH HỌA",
        "generated.note": "số liệu do máy tạo để trình diễn, không phải kết quả đánh giá thật",
        "generated.source_line": "{label}: {note}",
        "generated.page_title": "{label} – {title}",
        "generated.description": "{label}: {description} (số liệu do máy tạo, không phải kết quả thật)",
        "generated.footer_source": "Các con số trên trang này là số liệu MINH HỌA do máy tạo, không phải số liệu công bố",
        "published.footer_source": "Các trang công bố được dẫn kèm từng số liệu (xem mục Nguồn số liệu của trang)",
        "source.document_dated": "{number} ngày {date}",
        "published.not_found": "chưa tìm thấy trong nguồn công bố",
        "published.conflict": "nguồn mâu thuẫn",
    },
    "en": {
        "generated.label": "ILLUSTRATIVE",
        "generated.note": "machine-generated figures for demonstration, not real evaluation results",
        "generated.source_line": "{label}: {note}",
        "generated.page_title": "{label} – {title}",
        "generated.description": "{label}: {description} (machine-generated figures, not real results)",
        "generated.footer_source": "The figures on this page are ILLUSTRATIVE, machine-generated, not published figures",
        "published.footer_source": "The published pages cited with each figure (see the page's Sources section)",
        "source.document_dated": "{number} of {date}",
        "published.not_found": "not found in published sources",
        "published.conflict": "sources conflict",
    },
}
