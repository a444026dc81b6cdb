"""Texts of the province as it is now: 2025 reform note, view notices, unit search, lineage, scales."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "rank.new_method": "phương pháp mới",
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
        "search.label": "Tìm đơn vị (tên mới hoặc tên cũ, có dấu hay không dấu)",
        "search.placeholder": "Ví dụ: son tay, Tịnh Khê",
        "search.none": "Không tìm thấy đơn vị nào khớp với “{text}”.",
        "search.ended": "đến {date}",
        "search.now": "nay là",
        "search.former_commune": "{name} (xã, phường cũ, đến 30/6/2025)",
        "search.partial": "một phần",
        "search.indicative": "đối chiếu tham khảo",
        "profile.formed_from": "Hình thành từ (01/7/2025)",
        "profile.formed_partial": "một phần",
        "profile.formed_note": (
            "Đối chiếu xã cũ – xã mới mang tính tham khảo (bảng công khai có máy hỗ trợ, không phải bảng "
            "chính thức): {source}, giấy phép {licence}."
        ),
        "profile.unconfirmed": "chưa được xác nhận",
        "event_in.merger_unconfirmed": "có thể đã nhập vào đơn vị này – chưa được nguồn nào xác nhận",
        "event_out.merger_unconfirmed": "có thể đã nhập vào – chưa được nguồn nào xác nhận",
        "scale.points": "Điểm (tối đa {max})",
        "scale.percent": "% so với điểm tối đa",
        "scale.chart_title": "{title} ({years})",
        "methods.heading": "Điểm tối đa và xếp loại theo từng phương pháp",
        "methods.lead": (
            "Mỗi phương pháp có thang điểm riêng; không có thang chung 0–100. Xếp loại chỉ hiển thị khi "
            "phương pháp quy định ngưỡng."
        ),
        "methods.years": "Năm áp dụng",
        "methods.indicator": "Chỉ số",
        "methods.max": "Tối đa",
        "methods.classes": "Xếp loại",
        "methods.no_classes": "Phương pháp không quy định xếp loại: không hiển thị xếp loại.",
        "methods.threshold": "{label} ≥ {value} %",
    },
    "en": {
        "rank.new_method": "new method",
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
        "search.label": "Find a unit (new or former name, with or without diacritics)",
        "search.placeholder": "e.g. son tay, Tịnh Khê",
        "search.none": "No unit matches “{text}”.",
        "search.ended": "until {date}",
        "search.now": "now",
        "search.former_commune": "{name} (former commune, until 30/6/2025)",
        "search.partial": "part",
        "search.indicative": "indicative mapping",
        "profile.formed_from": "Formed from (1 July 2025)",
        "profile.formed_partial": "part",
        "profile.formed_note": (
            "The former-to-new commune mapping is indicative (a public machine-assisted table, not an "
            "official one): {source}, licence {licence}."
        ),
        "profile.unconfirmed": "not confirmed",
        "event_in.merger_unconfirmed": "may have merged into this unit – not confirmed by any source",
        "event_out.merger_unconfirmed": "may have merged into – not confirmed by any source",
        "scale.points": "Points (maximum {max})",
        "scale.percent": "% of the maximum score",
        "scale.chart_title": "{title} ({years})",
        "methods.heading": "Maxima and classes by method",
        "methods.lead": (
            "Each method has its own scale; there is no common 0–100 scale. A class is shown only where the "
            "method defines thresholds."
        ),
        "methods.years": "Years",
        "methods.indicator": "Index",
        "methods.max": "Maximum",
        "methods.classes": "Classes",
        "methods.no_classes": "The method defines no classes: none is shown.",
        "methods.threshold": "{label} ≥ {value} %",
    },
}
