"""Texts of the accessibility statement (pages/accessibility.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "accessibility.contact_address": "Góp ý về trợ năng hoặc cần số liệu ở dạng khác: {address}.",
        "accessibility.title": "Tuyên bố về trợ năng",
        "accessibility.body": (
            "Trang này hướng tới chuẩn WCAG 2.2 mức AA: dùng được bằng bàn phím, có liên kết bỏ qua "
            "điều hướng, tiêu đề theo thứ tự, độ tương phản đủ, màu không phải là cách duy nhất truyền đạt "
            "thông tin (xếp loại luôn có chữ), mỗi bản đồ và biểu đồ có bảng số liệu và câu tóm tắt thay "
            "thế. Trang hoạt động ở màn hình điện thoại (390 px) và máy tính."
        ),
        "accessibility.limits": (
            "Hạn chế đã biết: bản đồ tương tác khó dùng với trình đọc màn hình — hãy dùng bảng xếp hạng "
            "ngay bên cạnh, có cùng số liệu."
        ),
        "accessibility.contact": "Góp ý về trợ năng: gửi thư cho đơn vị vận hành trang.",
    },
    "en": {
        "accessibility.contact_address": "Accessibility feedback, or the figures in another format: {address}.",
        "accessibility.title": "Accessibility statement",
        "accessibility.body": (
            "This site aims at WCAG 2.2 level AA: usable with a keyboard, a skip link, headings in order, "
            "sufficient contrast, colour never the only carrier of meaning (classes are always written), and "
            "every map and chart has a data table and a summary sentence as its text alternative. It works on "
            "a 390 px phone screen and on desktops."
        ),
        "accessibility.limits": (
            "Known limitation: the interactive map is hard to use with a screen reader — use the ranking "
            "table next to it, which holds the same figures."
        ),
        "accessibility.contact": "Accessibility feedback: write to the site's operator.",
    },
}
