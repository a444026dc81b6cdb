"""Texts of the rules a page states (class thresholds, maxima, the 2020 break) with their source, or the
plain statement that no source was found; and of the service index, plan targets and class counts."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "rule.not_found": "chưa tìm thấy nguồn",
        "rule.classes_not_found": "chưa tìm thấy văn bản quy định các ngưỡng này",
        "rule.classes_illustrative": "ngưỡng dùng cho số liệu minh họa",
        "rule.max_not_found": "{max} (chưa tìm thấy nguồn)",
        "edocs.results_legend": "Kết quả đã công bố",
        "edocs.target_legend": "Mục tiêu (kế hoạch, không phải kết quả)",
        "national.service_heading": "Chỉ số phục vụ người dân, doanh nghiệp (theo tháng)",
        "national.service_lead": (
            "Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo "
            "QĐ 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ: 100 điểm, 6 nhóm, đánh giá hằng tháng. "
            "Mỗi số liệu ghi đúng tháng của nó; hạng trước 1/7/2025 là trên 63 tỉnh, từ đó trên 34 tỉnh, "
            "thành phố, không so sánh trực tiếp được."
        ),
        "national.service_chart": "Quảng Ngãi: hạng chỉ số phục vụ người dân, doanh nghiệp, theo tháng",
        "national.service_series": "Hạng của Quảng Ngãi",
        "national.kontum_classes_heading": "Kon Tum 2023: số cơ quan, địa phương theo xếp loại",
        "national.kontum_classes_lead": (
            "UBND tỉnh Kon Tum công bố kết quả đánh giá chuyển đổi số năm 2023 (QĐ 205/QĐ-UBND ngày 11/4/2024) "
            "dưới dạng số đơn vị theo từng mức xếp loại; nguồn không nêu điểm hay xếp loại của từng đơn vị."
        ),
    },
    "en": {
        "rule.not_found": "no source found",
        "rule.classes_not_found": "no document stating these thresholds was found",
        "rule.classes_illustrative": "used for illustrative figures",
        "rule.max_not_found": "{max} (no source found)",
        "edocs.results_legend": "Published results",
        "edocs.target_legend": "Target (plan, not a result)",
        "national.service_heading": "Service index for citizens and businesses (monthly)",
        "national.service_lead": (
            "The index of service to citizens and businesses in administrative procedures and public services "
            "of QĐ 766/QĐ-TTg of 23/6/2022 (Prime Minister): 100 points in 6 parts, assessed every month. Each "
            "figure keeps its month; ranks before 1/7/2025 are out of 63 provinces, from then out of 34 "
            "provinces, and cannot be compared directly."
        ),
        "national.service_chart": "Quảng Ngãi: rank in the service index for citizens and businesses, by month",
        "national.service_series": "Quảng Ngãi's rank",
        "national.kontum_classes_heading": "Kon Tum 2023: agencies and districts by class",
        "national.kontum_classes_lead": (
            "Kon Tum's People's Committee published its 2023 digital transformation results (QĐ 205/QĐ-UBND of "
            "11/4/2024) as the number of units in each class; the source gives no unit's own score or class."
        ),
    },
}
