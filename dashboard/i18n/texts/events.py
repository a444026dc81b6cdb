"""Texts of the reorganisation timeline: its events' descriptions, keyed by the date as published
(data/reference/events.csv).

Vietnamese is the source's own text (as stored); English is a translation that keeps names and document
numbers as they are. A test checks that every stored event has an entry here.
"""

_EN = {
    "2005-04-05": "Dung Quất Economic Zone Authority established",
    "2022-12-02": "Kon Tum's People's Committee issues the digital transformation index set of the province's "
    "state agencies",
    "2016": "Dung Quất Economic Zone Authority and Quảng Ngãi Industrial Parks Authority merged into the Dung "
    "Quất Economic Zone and Quảng Ngãi Industrial Parks Authority (an agency of the provincial People's "
    "Committee)",
    "2012-09-14": "Quảng Ngãi provincial web portal launched (www.quangngai.gov.vn)",
    "2020-01-10": "The NA Standing Committee reorganises district- and commune-level units of Quảng Ngãi: a new "
    "Trà Bồng district (Tây Trà merged into it), commune-level government of Lý Sơn district dissolved, "
    "Đức Phổ town established",
    "2020-03-31": "Merger of Tây Trà district into Trà Bồng district announced",
    "2020-04-01": "Lý Sơn district drops its communes (An Hải, An Vĩnh, An Bình): one-tier government",
    "2020 (đầu năm)": "Đức Phổ district recognised as a town",
    "2021-10-01": "Snapshot of the province's administrative structure",
    "2022-06-23": "The Prime Minister issues the index set for directing, managing and evaluating the quality of "
    "service to citizens and businesses in administrative procedures and public services (the service index; "
    "date as cited by Đà Nẵng's QĐ 2901/QĐ-UBND)",
    "2023-02-07": "Quảng Ngãi People's Committee issues the province's digital transformation index set (DTI); "
    "annex (indicators, points, classes) not seen",
    "2025-06-20": "Quảng Ngãi People's Committee adds electronic identification codes for its agencies, units "
    "and localities",
    "2025-02-18": "The provincial Party Committee adopts 5 plans merging and establishing departments of the "
    "provincial People's Committee; 14 departments after the reorganisation",
    "2025-04-12": "Two-tier local government; the district level ends from 01/7/2025; 34 provinces and cities "
    "(28 provinces, 6 cities); Kon Tum and Quảng Ngãi merged under the name Quảng Ngãi, with its "
    "political-administrative centre in the present Quảng Ngãi",
    "2025-06-12": "The National Assembly resolves the reorganisation of provinces; Quảng Ngãi merges with Kon Tum",
    "2025-06-16": "The NA Standing Committee reorganises the commune-level units of the new Quảng Ngãi "
    "province in 2025; in operation from 01/7/2025",
    "2025-06-25": "The General Statistics Office publishes the list and codes of the new commune-level units",
    "2025-07-01": "96 commune-level public administration service centres start operating",
    "2020-10-12": "The Ministry of Information and Communications issues the provincial digital transformation "
    "index (DTI v1)",
    "2022-05-20": "The Ministry of Information and Communications issues the provincial digital transformation "
    "index (DTI v2)",
    "2025-04-03": "The Ministry of Science and Technology issues the provincial digital transformation index "
    "(DTI v3)",
}

_VI = {
    "2005-04-05": "Thành lập Ban Quản lý Khu kinh tế Dung Quất",
    "2016": "Hợp nhất BQL KKT Dung Quất và BQL các KCN Quảng Ngãi thành Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi (cơ quan trực thuộc UBND tỉnh)",
    "2012-09-14": "Khai trương Cổng Thông tin điện tử tỉnh Quảng Ngãi (www.quangngai.gov.vn)",
    "2020-01-10": "UBTVQH sắp xếp ĐVHC cấp huyện, cấp xã tỉnh Quảng Ngãi: thành lập huyện Trà Bồng mới (nhập Tây Trà), giải thể chính quyền cấp xã của huyện Lý Sơn, thành lập thị xã Đức Phổ",
    "2020-03-31": "Công bố sáp nhập huyện Tây Trà vào huyện Trà Bồng",
    "2020-04-01": "Huyện Lý Sơn bỏ cấp xã (An Hải, An Vĩnh, An Bình), chính quyền một cấp",
    "2020 (đầu năm)": "Huyện Đức Phổ được công nhận là thị xã",
    # stored in English (a description of the source's table, not its words): said in Vietnamese here
    "2021-10-01": "Cơ cấu đơn vị hành chính của tỉnh tại thời điểm này",
    "2025-02-18": "Hội nghị BCH Đảng bộ tỉnh thông qua 5 đề án hợp nhất, thành lập các sở thuộc UBND tỉnh; sau sắp xếp có 14 sở, ngành",
    "2025-04-12": "Chủ trương chính quyền địa phương 2 cấp; kết thúc hoạt động cấp huyện từ 01/7/2025; 34 tỉnh, thành phố (28 tỉnh, 6 thành phố); hợp nhất tỉnh Kon Tum và tỉnh Quảng Ngãi, lấy tên tỉnh Quảng Ngãi, trung tâm chính trị - hành chính tại tỉnh Quảng Ngãi hiện nay",
    "2025-06-12": "Quốc hội ban hành Nghị quyết sắp xếp ĐVHC cấp tỉnh; Quảng Ngãi hợp nhất với Kon Tum",
    "2025-06-16": "UBTVQH sắp xếp ĐVHC cấp xã tỉnh Quảng Ngãi (mới) năm 2025; hoạt động từ 01/7/2025",
    "2025-06-25": "Cục Thống kê công bố danh mục và mã số ĐVHC cấp xã mới",
    "2025-07-01": "96 Trung tâm Phục vụ hành chính công cấp xã chính thức hoạt động",
    "2020-10-12": "Bộ Thông tin và Truyền thông ban hành Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI v1)",
    "2022-05-20": "Bộ Thông tin và Truyền thông ban hành Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI v2)",
    "2025-04-03": "Bộ Khoa học và Công nghệ ban hành Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI v3)",
    "2022-06-23": "Thủ tướng Chính phủ ban hành Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công (Chỉ số phục vụ; ngày theo QĐ 2901/QĐ-UBND của TP Đà Nẵng dẫn lại)",
    "2023-02-07": "UBND tỉnh Quảng Ngãi ban hành Bộ chỉ số đánh giá chuyển đổi số (DTI) tỉnh Quảng Ngãi; phụ lục (chỉ tiêu, điểm, xếp loại) chưa xem được",
    "2025-06-20": "UBND tỉnh Quảng Ngãi bổ sung mã định danh điện tử của các cơ quan, đơn vị, địa phương",
    "2022-12-02": "UBND tỉnh Kon Tum ban hành Bộ chỉ số đánh giá chuyển đổi số của các cơ quan nhà nước trên "
    "địa bàn tỉnh Kon Tum",
}

TEXTS: dict[str, dict[str, str]] = {
    "vi": {f"event.{date}": text for date, text in _VI.items()},
    "en": {f"event.{date}": text for date, text in _EN.items()},
}
