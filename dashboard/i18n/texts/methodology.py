"""Texts of the methodology page (pages/methodology.py): indices, measures and the rules' sources."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "method.heading": "Phương pháp",
        "method.lead": (
            "Các bộ chỉ số được dùng, cách xếp loại và xếp hạng, chỗ chuỗi số liệu bị ngắt, và các mốc "
            "sắp xếp "
            "đơn vị hành chính."
        ),
        "method.indices_heading": "Các bộ chỉ số",
        "method.legal": "Căn cứ",
        "method.illustrative_note": "Cấu trúc chỉ số thành phần và điểm tối đa là minh họa.",
        "method.col.indicator": "Chỉ số thành phần",
        "method.col.measure": "Đơn vị đo",
        "method.col.max": "Tối đa",
        "method.classes_heading": "Xếp loại",
        "method.classes_lead": (
            "Mỗi bộ chỉ số có cách xếp loại riêng theo văn bản ban hành (số mức, tên mức, ngưỡng tính theo % "
            "điểm tối đa hoặc theo điểm); bộ chỉ số không quy định xếp loại thì không hiển thị xếp loại:"
        ),
        "method.ranks_heading": "Xếp hạng và hạng bằng nhau",
        "method.ranks_text": (
            "Hạng được tính trong từng nhóm (sở, ban, ngành; UBND cấp huyện) theo tổng điểm, điểm cao hơn "
            "xếp trên. "
            "Đơn vị bằng điểm có cùng hạng và hạng kế tiếp bị bỏ qua (xếp hạng kiểu thi đấu): "
            "các điểm {values} có hạng {ranks}. Hạng đã công bố được giữ nguyên; với chỉ số thành phần, "
            "hạng do trang này tính theo cùng quy tắc."
        ),
        "method.break_heading": "Chỗ ngắt chuỗi số liệu (2020)",
        "method.break_text": (
            "Đến năm 2019 các cơ quan được đánh giá mức độ sẵn sàng ứng dụng CNTT (tổng điểm); từ năm 2020 theo "
            "chỉ số chuyển đổi số (tỷ lệ % so với điểm tối đa). Hai chuỗi đo những điều khác nhau nên biểu đồ "
            "không nối đường qua năm 2020 và không so sánh thứ hạng qua mốc này. Căn cứ: Bộ TT&TT ban hành bộ "
            "chỉ số chuyển đổi số cấp tỉnh bằng QĐ 1726/QĐ-BTTTT ngày 12/10/2020; văn bản của tỉnh Quảng Ngãi "
            "chuyển việc đánh giá các cơ quan sang chỉ số chuyển đổi số từ năm 2020: chưa tìm thấy nguồn (bộ "
            "chỉ số của tỉnh được tìm thấy là QĐ 104/QĐ-UBND ngày 07/02/2023). Mốc 2020 trên các trang xếp hạng "
            "là của số liệu minh họa."
        ),
        "method.timeline_heading": "Các mốc sắp xếp đơn vị hành chính",
        "method.key_reforms": "Những thay đổi chính",
        "method.reform.2020_merge": (
            "NQ 867/NQ-UBTVQH14 ngày 10/1/2020: huyện Tây Trà nhập vào huyện Trà Bồng (công bố 31/3/2020); "
            "huyện Đức Phổ trở thành thị xã Đức Phổ (đầu năm 2020). Chuỗi số liệu của Tây Trà dừng ở năm 2019."
        ),
        "method.reform.2025_kontum": (
            "01/7/2025: tỉnh Kon Tum hợp nhất vào tỉnh Quảng Ngãi (NQ 202/2025/QH15 ngày 12/6/2025); từ đó "
            "cả nước có 34 tỉnh, thành phố."
        ),
        "method.reform.2025_district": (
            "01/7/2025: kết thúc hoạt động của cấp huyện (chính quyền địa phương 2 cấp, NQ 60-NQ/TW); "
            "tỉnh có 96 "
            "đơn vị cấp xã: 86 xã, 9 phường, 1 đặc khu (NQ 1677/NQ-UBTVQH15 ngày 16/6/2025)."
        ),
        "method.col.date": "Ngày",
        "method.col.event": "Sự kiện",
        "method.col.legal": "Căn cứ pháp lý",
        "method.col.source": "Nguồn",
        "method.events_original": "Mô tả sự kiện giữ nguyên văn tiếng Việt của nguồn.",
        "method.years_held": "Năm có số liệu trên trang",
        "method.no_source": "chưa có nguồn được lưu cho căn cứ này",
        "measure.points": "điểm",
        "measure.percent": "%",
        "measure.index": "chỉ số 0–1",
        "measure.count": "số lượng",
        "measure.rank": "thứ hạng",
        "rule.classes_not_found": "chưa tìm thấy văn bản quy định các ngưỡng này",
        "rule.classes_illustrative": "ngưỡng dùng cho số liệu minh họa",
        "rule.max_not_found": "{max} (chưa tìm thấy nguồn)",
    },
    "en": {
        "method.heading": "Methodology",
        "method.lead": (
            "The indices used, how classes and ranks are computed, where the series break, and the dates "
            "of the "
            "administrative reorganisations."
        ),
        "method.indices_heading": "Indices",
        "method.legal": "Basis",
        "method.illustrative_note": "The sub-index structure and maxima are illustrative.",
        "method.col.indicator": "Sub-index",
        "method.col.measure": "Measure",
        "method.col.max": "Maximum",
        "method.classes_heading": "Classes",
        "method.classes_lead": (
            "Each index set has its own classes as its decision gives them (how many, their names, bounds on "
            "% of the maximum or on points); a set that defines no classes shows none:"
        ),
        "method.ranks_heading": "Ranks and ties",
        "method.ranks_text": (
            "Ranks are computed within each group (departments; district committees) by the total, higher "
            "first. "
            "Equal scores share a rank and the next rank is skipped (competition ranking): scores "
            "{values} get "
            "ranks {ranks}. Published ranks are kept; for sub-indices this site computes ranks the same way."
        ),
        "method.break_heading": "Where the series break (2020)",
        "method.break_text": (
            "Until 2019 agencies were assessed on IT readiness (points); from 2020 on the digital transformation "
            "index (percentage of the maximum). The two series measure different things, so charts do not join "
            "lines across 2020 and ranks are not compared across it. Basis: the Ministry of Information and "
            "Communications issued the provincial digital transformation index in QĐ 1726/QĐ-BTTTT of "
            "12/10/2020; a Quảng Ngãi document moving the assessment of its agencies to the digital "
            "transformation index from 2020: no source found (the province's index set found is QĐ "
            "104/QĐ-UBND of 07/02/2023). The 2020 break on the ranking pages is that of illustrative figures."
        ),
        "method.timeline_heading": "Administrative reorganisation timeline",
        "method.key_reforms": "Main changes",
        "method.reform.2020_merge": (
            "NQ 867/NQ-UBTVQH14 of 10/1/2020: Tây Trà district merged into Trà Bồng district (announced "
            "31/3/2020); Đức Phổ district became Đức Phổ town (early 2020). Tây Trà's series stops in 2019."
        ),
        "method.reform.2025_kontum": (
            "1/7/2025: Kon Tum province merged into Quảng Ngãi (NQ 202/2025/QH15 of 12/6/2025); from then "
            "the country has 34 provinces and cities."
        ),
        "method.reform.2025_district": (
            "1 July 2025: the district level was abolished (two-tier local government, Resolution "
            "60-NQ/TW); the "
            "province has 96 commune-level units: 86 communes, 9 wards, 1 special zone (Resolution "
            "1677/NQ-UBTVQH15 of 16 June 2025)."
        ),
        "method.col.date": "Date",
        "method.col.event": "Event",
        "method.col.legal": "Legal basis",
        "method.col.source": "Source",
        "method.events_original": "Event descriptions are translated; legal bases keep their document numbers.",
        "method.years_held": "Years of the figures held here",
        "method.no_source": "no source stored for this basis",
        "measure.points": "points",
        "measure.percent": "%",
        "measure.index": "index 0–1",
        "measure.count": "count",
        "measure.rank": "rank",
        "rule.classes_not_found": "no document stating these thresholds was found",
        "rule.classes_illustrative": "used for illustrative figures",
        "rule.max_not_found": "{max} (no source found)",
    },
}
