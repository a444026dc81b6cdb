"""Texts of the compare, e-documents, national, methodology and embed pages."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        # Compare
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
        "compare.stops": (
            "{unit}: chuỗi số liệu dừng ở năm {year}; từ {date} nhập vào {successors} ({legal})."
        ),
        "compare.stops_many": (
            "{unit}: chuỗi số liệu dừng ở năm {year}; từ {date} địa bàn chuyển về {count} đơn vị mới "
            "({legal})."
        ),
        "compare.stops_unknown": "{unit}: chuỗi số liệu dừng ở năm {year}.",
        "compare.differences": "Chênh lệch so với {first}",
        "compare.differences_note": (
            "Giá trị của từng đơn vị; trong ngoặc là chênh lệch so với {first} cùng năm (cùng phương pháp)."
        ),
        "compare.subs_heading": "Chỉ số thành phần",
        "compare.subs_note": (
            "Theo phương pháp gần nhất mà mọi đơn vị đã chọn đều có số liệu: {method}. "
            "Cấu trúc và điểm tối đa là minh họa."
        ),
        "compare.map_heading": "Trên bản đồ",
        "compare.map_title": "Đơn vị được chọn, năm {year}<br><sup>{source}</sup>",
        "compare.map_note": "Chỉ các đơn vị được chọn có màu; các đơn vị khác để xám.",
        # Embed
        "embed.button": "Nhúng",
        "embed.instructions": "Sao chép đoạn mã sau để nhúng biểu đồ vào trang web khác:",
        "embed.preview": "Xem trước bản nhúng",
        "embed.open_full": "Xem trên Minh bạch CNTT Quảng Ngãi",
        "embed.map_title": "Bản đồ {index}, năm {year}",
        "embed.unknown": "Không có nội dung để nhúng với địa chỉ này.",
        # E-documents
        "edocs.heading": "Văn bản điện tử",
        "edocs.lead": (
            "Tỷ lệ văn bản được xử lý, ký số trên môi trường mạng. Phần trên là số liệu toàn tỉnh đã được "
            "công bố "
            "(ghi đúng như nguồn); phần dưới là số liệu theo từng đơn vị, chỉ mang tính minh họa."
        ),
        "edocs.province_heading": "Số liệu toàn tỉnh đã công bố, theo cấp chính quyền",
        "edocs.province_chart": "Văn bản điện tử toàn tỉnh Quảng Ngãi, theo cấp chính quyền",
        "edocs.province_note": (
            "“Trên”, “gần” và khoảng giá trị được giữ nguyên như nguồn công bố; thanh biểu đồ chỉ vẽ mốc "
            "được nêu."
        ),
        "edocs.col.year": "Năm",
        "edocs.col.period": "Kỳ",
        "edocs.col.indicator": "Chỉ tiêu",
        "edocs.col.level": "Cấp",
        "edocs.col.value": "Giá trị",
        "edocs.col.published": "Nguyên văn",
        "edocs.col.source": "Nguồn",
        "edocs.col.unit": "Đơn vị",
        "edocs.col.numerator": "Tử số",
        "edocs.col.denominator": "Mẫu số",
        "edocs.no_province": "Chưa có số liệu toàn tỉnh đã công bố.",
        "edocs.unit_heading": "Theo đơn vị (minh họa)",
        "edocs.unit_chart": "{indicator}<br><sup>theo đơn vị, năm {year} – MINH HỌA</sup>",
        "edocs.trend_chart": "{indicator}<br><sup>{group}: tỷ lệ chung qua các năm – MINH HỌA</sup>",
        "edocs.trend_note": "Tỷ lệ chung = tổng tử số / tổng mẫu số của các đơn vị trong nhóm.",
        "edocs.measure_share": "Tỷ lệ (%)",
        "level.provincial": "Cơ quan cấp tỉnh",
        "level.district": "Cấp huyện",
        "level.commune": "Cấp xã",
        "level.all": "Tất cả các cấp",
        "level.province": "Toàn tỉnh",
        "level.unit": "Đơn vị",
        "qualifier.lower_bound": "trên {value}",
        "qualifier.approx": "gần {value}",
        "qualifier.range": "{value}–{high}",
        "qualifier.exact": "{value}",
        # National
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
        # Methodology
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
        "measure.points": "điểm",
        "measure.percent": "%",
        "measure.index": "chỉ số 0–1",
        "measure.count": "số lượng",
        "measure.rank": "thứ hạng",
    },
    "en": {
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
        "compare.stops": (
            "{unit}: the series stops in {year}; on {date} it merged into {successors} ({legal})."
        ),
        "compare.stops_many": (
            "{unit}: the series stops in {year}; on {date} its area passed to {count} new units ({legal})."
        ),
        "compare.stops_unknown": "{unit}: the series stops in {year}.",
        "compare.differences": "Differences from {first}",
        "compare.differences_note": (
            "Each unit's value; in brackets its difference from {first} in the same year (same method)."
        ),
        "compare.subs_heading": "Sub-indices",
        "compare.subs_note": (
            "For the latest method in which every picked unit has figures: {method}. "
            "Structure and maxima are illustrative."
        ),
        "compare.map_heading": "On the map",
        "compare.map_title": "Picked units, {year}<br><sup>{source}</sup>",
        "compare.map_note": "Only the picked units are coloured; the others are grey.",
        "embed.button": "Embed",
        "embed.instructions": "Copy this code to embed the chart in another website:",
        "embed.preview": "Preview the embed",
        "embed.open_full": "View on Quảng Ngãi IT transparency",
        "embed.map_title": "Map of {index}, {year}",
        "embed.unknown": "There is nothing to embed at this address.",
        "edocs.heading": "Electronic documents",
        "edocs.lead": (
            "Shares of documents handled and signed electronically. The upper part shows province-wide "
            "figures as "
            "published (worded as in the source); the lower part shows figures by unit, which are "
            "illustrative."
        ),
        "edocs.province_heading": "Published province-wide figures, by government level",
        "edocs.province_chart": "Electronic documents in Quảng Ngãi province, by government level",
        "edocs.province_note": (
            "“Over”, “nearly” and ranges are kept as published; bars only draw the figure stated."
        ),
        "edocs.col.year": "Year",
        "edocs.col.period": "Period",
        "edocs.col.indicator": "Indicator",
        "edocs.col.level": "Level",
        "edocs.col.value": "Value",
        "edocs.col.published": "As printed (original)",
        "edocs.col.source": "Source",
        "edocs.col.unit": "Unit",
        "edocs.col.numerator": "Numerator",
        "edocs.col.denominator": "Denominator",
        "edocs.no_province": "No published province-wide figures yet.",
        "edocs.unit_heading": "By unit (illustrative)",
        "edocs.unit_chart": "{indicator}<br><sup>by unit, {year} – ILLUSTRATIVE</sup>",
        "edocs.trend_chart": "{indicator}<br><sup>{group}: overall share over the years – ILLUSTRATIVE</sup>",
        "edocs.trend_note": "Overall share = sum of numerators / sum of denominators of the group's units.",
        "edocs.measure_share": "Share (%)",
        "level.provincial": "Provincial agencies",
        "level.district": "District level",
        "level.commune": "Commune level",
        "level.all": "All levels",
        "level.province": "Province-wide",
        "level.unit": "Unit",
        "qualifier.lower_bound": "over {value}",
        "qualifier.approx": "nearly {value}",
        "qualifier.range": "{value}–{high}",
        "qualifier.exact": "{value}",
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
        "national.table_missing": (
            "The stored sources hold {count} of {of} provinces and cities; the others are not in them."
        ),
        "national.kontum_heading": "Kon Tum (now part of Quảng Ngãi)",
        "national.kontum_lead": (
            "Since 1 July 2025 Kon Tum province has been merged into Quảng Ngãi (Resolution 202/2025/QH15). "
            "Kon Tum's earlier DTI results are kept separate, never added to Quảng Ngãi's."
        ),
        "national.kontum_chart": "Kon Tum: provincial DTI rank (1 is best)",
        "national.no_data": "No national ranking figures yet.",
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
        "measure.points": "points",
        "measure.percent": "%",
        "measure.index": "index 0–1",
        "measure.count": "count",
        "measure.rank": "rank",
    },
}
