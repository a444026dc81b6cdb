"""Texts of the view controls shared by the pages (components/view_controls.py, components/localize.py):
year and index pickers, dropdown labels, the unit search, the notices about a view that does not exist
and the empty-selection message."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "control.year": "Năm",
        "control.play": "▶ Chạy qua các năm",
        "control.pause": "❚❚ Dừng",
        "control.index": "Chỉ số",
        "control.group": "Nhóm đơn vị",
        "control.filter": "Lọc theo tên",
        "dropdown.select_all": "Chọn tất cả",
        "dropdown.deselect_all": "Bỏ chọn tất cả",
        "dropdown.selected_count": "Đã chọn {num_selected}",
        "dropdown.search": "Tìm",
        "dropdown.clear_search": "Xóa nội dung tìm",
        "dropdown.clear_selection": "Bỏ chọn",
        "dropdown.no_options_found": "Không có lựa chọn phù hợp",
        "search.label": "Tìm đơn vị (tên mới hoặc tên cũ, có dấu hay không dấu)",
        "search.placeholder": "Ví dụ: son tay, Tịnh Khê",
        "search.none": "Không tìm thấy đơn vị nào khớp với “{text}”.",
        "search.ended": "đến {date}",
        "search.now": "nay là",
        "search.former_commune": "{name} (xã, phường cũ, đến 30/6/2025)",
        "search.partial": "một phần",
        "search.indicative": "đối chiếu tham khảo",
        "notice.heading": "Không có đúng trang bạn yêu cầu.",
        "notice.year": "Không có số liệu năm {asked}; đang hiển thị năm gần nhất có số liệu: {year}.",
        "notice.group_year": "Năm {year} không có nhóm “{asked}”; đang hiển thị: {group}.",
        "notice.group": "Không có nhóm “{asked}”; đang hiển thị: {group}.",
        "notice.index": "Không có chỉ số “{asked}”; đang hiển thị: {index}.",
        "notice.no_method": "Chưa có phương pháp đánh giá cho năm {asked}.",
        "reform.note": (
            "Từ 01/7/2025 tỉnh Quảng Ngãi hợp nhất với tỉnh Kon Tum, cấp huyện kết thúc và tỉnh có 96 đơn vị "
            "cấp xã (86 xã, 9 phường, đặc khu Lý Sơn). Từ năm 2025 các sở, ngành và UBND cấp xã được đánh giá "
            "theo bộ chỉ số mới, tính bằng điểm trên 1.000: không so sánh thứ hạng với năm 2024 (ghi “đơn vị "
            "mới” hoặc “phương pháp mới”)."
        ),
        "reform.link": "Xem phương pháp",
        "empty.no_data": "Không có số liệu cho lựa chọn này.",
    },
    "en": {
        "control.year": "Year",
        "control.play": "▶ Play through the years",
        "control.pause": "❚❚ Pause",
        "control.index": "Index",
        "control.group": "Group",
        "control.filter": "Filter by name",
        "dropdown.select_all": "Select all",
        "dropdown.deselect_all": "Deselect all",
        "dropdown.selected_count": "{num_selected} selected",
        "dropdown.search": "Search",
        "dropdown.clear_search": "Clear search",
        "dropdown.clear_selection": "Clear selection",
        "dropdown.no_options_found": "No matching options",
        "search.label": "Find a unit (new or former name, with or without diacritics)",
        "search.placeholder": "e.g. son tay, Tịnh Khê",
        "search.none": "No unit matches “{text}”.",
        "search.ended": "until {date}",
        "search.now": "now",
        "search.former_commune": "{name} (former commune, until 30/6/2025)",
        "search.partial": "part",
        "search.indicative": "indicative mapping",
        "notice.heading": "The exact view you asked for does not exist.",
        "notice.year": "There are no figures for {asked}; showing the nearest year with figures: {year}.",
        "notice.group_year": "{year} has no group “{asked}”; showing: {group}.",
        "notice.group": "There is no group “{asked}”; showing: {group}.",
        "notice.index": "There is no index “{asked}”; showing: {index}.",
        "notice.no_method": "No evaluation method covers {asked} yet.",
        "reform.note": (
            "On 1 July 2025 Quảng Ngãi merged with Kon Tum, the district level ended and the province now has "
            "96 commune-level units (86 communes, 9 wards and the Lý Sơn special zone). From 2025 departments "
            "and commune committees are evaluated under a new index set, in points out of 1,000: ranks are not "
            "compared with 2024 (shown as “new unit” or “new method”)."
        ),
        "reform.link": "See the methodology",
        "empty.no_data": "No data for this selection.",
    },
}
