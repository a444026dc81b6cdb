"""Texts of the compare page (pages/compare.py, views/comparison.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "compare.share_of_max": "% điểm tối đa của nhóm",
        "compare.heading": "So sánh các đơn vị",
        "compare.lead": (
            "Chọn từ {low} đến {high} đơn vị cùng nhóm. Đơn vị chọn đầu tiên là mốc để tính chênh lệch. "
            "Đường không nối qua năm đổi phương pháp của số liệu minh họa (2020; căn cứ: xem trang Phương pháp)."
        ),
        "compare.units": "Đơn vị",
        "compare.units_placeholder": "Chọn đơn vị…",
        "compare.until": "đến {year}",
        "compare.index_total": "Tổng điểm theo phương pháp của từng năm",
        "compare.prompt": "Chọn từ {low} đến {high} đơn vị cùng nhóm để so sánh.",
        "compare.problem.heading": "Không thể so sánh lựa chọn này:",
        "compare.problem.unknown": "Không có đơn vị với mã: {detail}.",
        "compare.problem.group": "Nhóm “{detail}” không tồn tại; chọn UBND cấp huyện hoặc sở, ban, ngành.",
        "compare.problem.mixed": "Các đơn vị phải cùng một nhóm; không cùng nhóm: {detail}.",
        "compare.problem.too_few": "Cần ít nhất {low} đơn vị (đang có {detail}).",
        "compare.problem.too_many": "Chỉ so sánh được tối đa {high} đơn vị (đang chọn {detail}).",
        "compare.problem.index": "Không có chỉ số “{detail}”; đang hiển thị tổng điểm.",
        "compare.lines_title": "{index} qua các năm",
        "compare.y_both": "Điểm (đến 2019) · % (từ 2020)",
        "compare.stops": "{unit}: chuỗi số liệu dừng ở năm {year}; từ {date} nhập vào {successors} ({legal}).",
        "compare.stops_many": (
            "{unit}: chuỗi số liệu dừng ở năm {year}; từ {date} địa bàn chuyển về {count} đơn vị mới "
            "({legal})."
        ),
        "compare.stops_unknown": "{unit}: chuỗi số liệu dừng ở năm {year}.",
        "compare.differences": "Chênh lệch so với {first}",
        "compare.differences_note": "Giá trị của từng đơn vị; trong ngoặc là chênh lệch so với {first} cùng năm (cùng phương pháp).",
        "compare.subs_heading": "Chỉ số thành phần",
        "compare.subs_note": (
            "Theo phương pháp gần nhất mà mọi đơn vị đã chọn đều có số liệu: {method}. "
            "Cấu trúc và điểm tối đa là minh họa."
        ),
        "compare.map_heading": "Trên bản đồ",
        "compare.map_title": "Đơn vị được chọn, năm {year}<br><sup>{source}</sup>",
        "compare.map_note": "Chỉ các đơn vị được chọn có màu; các đơn vị khác để xám.",
        "compare.subs_year_title": "Chỉ số thành phần năm {year}: % của điểm tối đa (nhãn: điểm/tối đa)",
        "compare.map_year": "Năm của bản đồ",
        "compare.year_title": "{index} – năm {year}",
        "compare.default_note": "Đang so sánh ba đơn vị đứng đầu {group} năm {year}; chọn đơn vị khác ở trên.",
    },
    "en": {
        "compare.share_of_max": "% of the group's maximum",
        "compare.heading": "Compare units",
        "compare.lead": (
            "Pick {low} to {high} units of the same group. The first unit picked is the baseline for the "
            "differences. Lines are not joined across the change of method of the illustrative figures (2020; "
            "basis: see the methodology page)."
        ),
        "compare.units": "Units",
        "compare.units_placeholder": "Pick units…",
        "compare.until": "until {year}",
        "compare.index_total": "Total under each year's method",
        "compare.prompt": "Pick {low} to {high} units of the same group to compare.",
        "compare.problem.heading": "This selection cannot be compared:",
        "compare.problem.unknown": "No unit has the code: {detail}.",
        "compare.problem.group": "There is no group “{detail}”; choose district committees or departments.",
        "compare.problem.mixed": "All units must be in the same group; not in the group: {detail}.",
        "compare.problem.too_few": "At least {low} units are needed ({detail} given).",
        "compare.problem.too_many": "At most {high} units can be compared ({detail} picked).",
        "compare.problem.index": "There is no index “{detail}”; showing the total.",
        "compare.lines_title": "{index} over the years",
        "compare.y_both": "Points (to 2019) · % (from 2020)",
        "compare.stops": "{unit}: the series stops in {year}; on {date} it merged into {successors} ({legal}).",
        "compare.stops_many": "{unit}: the series stops in {year}; on {date} its area passed to {count} new units ({legal}).",
        "compare.stops_unknown": "{unit}: the series stops in {year}.",
        "compare.differences": "Differences from {first}",
        "compare.differences_note": "Each unit's value; in brackets its difference from {first} in the same year (same method).",
        "compare.subs_heading": "Sub-indices",
        "compare.subs_note": (
            "For the latest method in which every picked unit has figures: {method}. "
            "Structure and maxima are illustrative."
        ),
        "compare.map_heading": "On the map",
        "compare.map_title": "Picked units, {year}<br><sup>{source}</sup>",
        "compare.map_note": "Only the picked units are coloured; the others are grey.",
        "compare.subs_year_title": "Sub-indices {year}: % of their maximum (labels: points/maximum)",
        "compare.map_year": "Year of the map",
        "compare.year_title": "{index} – {year}",
        "compare.default_note": "Comparing the top three {group} of {year}; pick other units above.",
    },
}
