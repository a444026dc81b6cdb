"""Texts of the national-position page (pages/national.py) and its tables."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "national.heading": "Vị trí của Quảng Ngãi trên cả nước",
        "national.lead": (
            "Thứ hạng của tỉnh Quảng Ngãi trong các bảng xếp hạng quốc gia (hạng 1 là tốt nhất). "
            "Số liệu đọc từ các trang công bố, kèm nguồn."
        ),
        "national.ranks_heading": "Thứ hạng theo năm và bộ chỉ số",
        "national.ranks_chart": "Thứ hạng của Quảng Ngãi (hạng 1 là tốt nhất)",
        "national.rank_axis": "Hạng",
        "national.col.index": "Bộ chỉ số",
        "national.col.rank": "Hạng",
        "national.col.value": "Giá trị",
        "national.col.province": "Tỉnh, thành phố",
        "national.change_34": (
            "Lưu ý: năm {year} cả nước còn {of} tỉnh, thành phố sau sắp xếp (trước đó là {before}); hạng "
            "{rank}/{of} "
            "không so sánh trực tiếp được với các hạng trên {before} tỉnh của những năm trước."
        ),
        "national.table_heading": "Bảng xếp hạng cả nước",
        "national.table_choice": "Bảng",
        "national.table_note": "{count} tỉnh, thành phố có trong nguồn; hạng bằng nhau được giữ như công bố.",
        "national.table_missing": (
            "Các nguồn đã lưu có {count} trong {of} tỉnh, thành phố; các tỉnh, thành phố khác không có trong "
            "các nguồn này."
        ),
        "national.kontum_heading": "Kon Tum (nay thuộc tỉnh Quảng Ngãi)",
        "national.kontum_lead": (
            "Từ 01/7/2025 tỉnh Kon Tum hợp nhất vào tỉnh Quảng Ngãi (NQ 202/2025/QH15). Chỉ số DTI của "
            "Kon Tum "
            "các năm trước được giữ riêng, không cộng vào số liệu của Quảng Ngãi."
        ),
        "national.kontum_chart": "Kon Tum: hạng DTI cấp tỉnh (hạng 1 là tốt nhất)",
        "national.no_data": "Chưa có số liệu xếp hạng quốc gia.",
        "national.marker.51": "tỉnh của trang này",
        "national.marker.62": "nay thuộc Quảng Ngãi",
        "national.table_chart": "{index} {year}: các tỉnh, thành phố theo thứ hạng",
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
        "national.values_chart": "Giá trị DTI cấp tỉnh: Kon Tum, giá trị quốc gia và trung bình các tỉnh",
        "national.dti2024_heading": "DTI 2024 (công bố 21/10/2025): nhóm 63 tỉnh và nhóm 34 tỉnh",
        "national.dti2024_lead": "DTI 2024 được công bố theo hai cách nhóm: 63 tỉnh, thành phố trước sắp xếp và 34 tỉnh, thành phố sau ngày 1/7/2025. Giá trị của một tỉnh sau hợp nhất là trung bình các chỉ số chính của các tỉnh cũ hợp thành (Bộ KH&CN, QĐ 405/QĐ-BKHCN). Bảng dưới chỉ có các tỉnh mà nguồn nêu tên.",
        "national.qn_2024": "Quảng Ngãi (mới, gồm Kon Tum), DTI 2024",
        "national.series.NAT_DTI_NATIONAL": "Giá trị quốc gia",
        "national.series.average_of": "Trung bình {count} tỉnh",
        "national.series.average_unknown": "Trung bình các tỉnh (không rõ số tỉnh)",
    },
    "en": {
        "national.heading": "Quảng Ngãi's national position",
        "national.lead": (
            "Quảng Ngãi province's rank in national rankings (rank 1 is best). Figures read from published "
            "pages, each with its source."
        ),
        "national.ranks_heading": "Ranks by year and index",
        "national.ranks_chart": "Quảng Ngãi's rank (1 is best)",
        "national.rank_axis": "Rank",
        "national.col.index": "Index",
        "national.col.rank": "Rank",
        "national.col.value": "Value",
        "national.col.province": "Province or city",
        "national.change_34": (
            "Note: in {year} the country had {of} provinces and cities after the reorganisation (before: "
            "{before}); the rank {rank}/{of} cannot be compared directly with earlier ranks out of {before}."
        ),
        "national.table_heading": "National ranking table",
        "national.table_choice": "Table",
        "national.table_note": "{count} provinces and cities in the source; tied ranks kept as published.",
        "national.table_missing": "The stored sources hold {count} of {of} provinces and cities; the others are not in them.",
        "national.kontum_heading": "Kon Tum (now part of Quảng Ngãi)",
        "national.kontum_lead": (
            "Since 1 July 2025 Kon Tum province has been merged into Quảng Ngãi (Resolution 202/2025/QH15). "
            "Kon Tum's earlier DTI results are kept separate, never added to Quảng Ngãi's."
        ),
        "national.kontum_chart": "Kon Tum: provincial DTI rank (1 is best)",
        "national.no_data": "No national ranking figures yet.",
        "national.marker.51": "this dashboard's province",
        "national.marker.62": "now part of Quảng Ngãi",
        "national.table_chart": "{index} {year}: provinces in rank order",
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
        "national.values_chart": "Provincial DTI values: Kon Tum, the national value and the provincial average",
        "national.dti2024_heading": "DTI 2024 (published 21/10/2025): 63-province and 34-province groupings",
        "national.dti2024_lead": "DTI 2024 was published in two groupings: the 63 provinces before the reorganisation and the 34 from 1/7/2025. A merged province's value is the average of its former provinces' main indices (Ministry of Science and Technology, QĐ 405/QĐ-BKHCN). The table lists the provinces the sources name.",
        "national.qn_2024": "Quảng Ngãi (new, incl. Kon Tum), DTI 2024",
        "national.series.NAT_DTI_NATIONAL": "National value",
        "national.series.average_of": "Average of {count} provinces",
        "national.series.average_unknown": "Provincial average (number of provinces unknown)",
    },
}
