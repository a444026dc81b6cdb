"""Texts of the download dialog (components/download_dialog.py), the table on screen (api/screen.py) and the
old-commune table download."""

from __future__ import annotations

_PREDECESSOR_FIELDS = {
    "old_code": ("Mã xã cũ: mã đơn vị hành chính trước ngày 1/7/2025", "Old code: administrative code before 1 July 2025"),
    "old_name_vi": ("Tên xã cũ: tên đơn vị trước sắp xếp", "Old name: name of the unit before the reorganisation"),
    "old_kind": ("Loại đơn vị cũ: commune, ward hoặc township", "Old kind: commune, ward or township"),
    "to_code": ("Mã xã mới: mã đơn vị sau sắp xếp", "New code: code of the unit after the reorganisation"),
    "to_name_vi": ("Tên xã mới: tên đơn vị sau sắp xếp", "New name: name of the unit after the reorganisation"),
    "share": ("Phạm vi: full (toàn bộ) hoặc partial (một phần)", "Share: full or partial (part of the old unit)"),
    "event_date": ("Ngày hiệu lực: ngày (ISO 8601)", "Effective date: date (ISO 8601)"),
    "indicative": ("Tham khảo: true nếu chỉ mang tính tham khảo", "Indicative: true if only indicative"),
    "source_id": ("Mã nguồn: mã của nguồn trong sources.csv", "Source id: id of the source in sources.csv"),
}  # fmt: skip

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "data.resource.predecessors": "Xã cũ – xã mới (sắp xếp 2025)",
        "screen.title": "{index} – {group} {year} (bảng đang xem)",
        "screen.national_title": "{index} – các tỉnh, thành phố {year} (bảng đang xem)",
        "screen.rank_marks": "Ký hiệu hạng",
        "screen.unit_code": "Mã đơn vị",
        "screen.data_kind": "Loại số liệu",
        "dialog.open": "Tải dữ liệu",
        "dialog.title": "Tải dữ liệu",
        "dialog.close": "Đóng",
        "dialog.screen": "Bảng đang xem",
        "dialog.screen_note": "Dạng rộng: mỗi đơn vị một dòng, các cột như trên màn hình, theo đúng thứ tự, với hạng và điểm như trang hiển thị.",
        "dialog.full": "Toàn bộ dữ liệu",
        "dialog.full_note": "Dạng dài: mỗi số liệu một dòng, đủ mọi cột (nguồn, văn bản, kỳ số liệu, ghi chú).",
        "dialog.rows": "{rows} dòng",
        "dialog.size": "{fmt} {size}",
        "dialog.url": "Địa chỉ cố định (sao chép được)",
        "dialog.cite": "Trích dẫn",
        "dialog.copy_citation": "Sao chép trích dẫn",
        "dialog.copy_url": "Sao chép địa chỉ {fmt} – {table}",
        "dialog.copied": "Đã sao chép",
        "dialog.file": "Tệp: {name}",
        "toolbar.label": "Công cụ của biểu đồ",
        "toolbar.link": "Sao chép liên kết",
        "toolbar.embed": "Sao chép mã nhúng",
        "toolbar.cite": "Trích dẫn",
        "toolbar.citation": "Nguồn: Bảng điều khiển minh bạch CNTT và văn bản điện tử tỉnh Quảng Ngãi – {title} (phiên bản dữ liệu {version}, cập nhật {updated}), {url}. Số liệu gốc: {sources}.",
    },
    "en": {
        "data.resource.predecessors": "Old communes – new communes (2025 reorganisation)",
        "screen.title": "{index} – {group} {year} (table on screen)",
        "screen.national_title": "{index} – provinces and cities {year} (table on screen)",
        "screen.rank_marks": "Rank marks",
        "screen.unit_code": "Unit code",
        "screen.data_kind": "Data kind",
        "dialog.open": "Download",
        "dialog.title": "Download the data",
        "dialog.close": "Close",
        "dialog.screen": "The table on screen",
        "dialog.screen_note": "Wide: one row per unit, the columns you see in the order you see them, with the page's ranks and scores.",
        "dialog.full": "The full data",
        "dialog.full_note": "Long: one row per figure, with every column (source, document, period, note).",
        "dialog.rows": "{rows} rows",
        "dialog.size": "{fmt} {size}",
        "dialog.url": "Stable address (copy it)",
        "dialog.cite": "Cite this",
        "dialog.copy_citation": "Copy the citation",
        "dialog.copy_url": "Copy the {fmt} address – {table}",
        "dialog.copied": "Copied",
        "dialog.file": "File: {name}",
        "toolbar.label": "Chart tools",
        "toolbar.link": "Copy link",
        "toolbar.embed": "Copy embed code",
        "toolbar.cite": "Cite this",
        "toolbar.citation": "Source: Quảng Ngãi IT application and e-documents transparency dashboard – {title} (data version {version}, updated {updated}), {url}. Original figures: {sources}.",
    },
}  # fmt: skip

for _name, (_vi, _en) in _PREDECESSOR_FIELDS.items():
    TEXTS["vi"][f"data.field.predecessors.{_name}"] = _vi
    TEXTS["en"][f"data.field.predecessors.{_name}"] = _en
