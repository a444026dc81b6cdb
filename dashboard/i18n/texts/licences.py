"""Texts of the open-data licence page (pages/licence.py), the licence lines of downloads, the shipped
geo files' credits, and the licences as the data's sidecars store them (data/*/*.meta.json) said in
each language: a stored licence is in one language or mixes both ("ghi công / attribution"). The
licence's name and any credit it asks for (the quoted text) stay word for word. `views.wording.licence_in`
reads these; a page test flags a licence shown in the wrong language that has no entry here."""

# Word for word as geo/README.md gives it (CC-BY asks for the credit); the same in both languages.
COMMUNE_POINTS_ATTRIBUTION = "Commune points: open-admin-data/vietnam-administrative-divisions, CC-BY-4.0"

_ATTRIBUTION = '"Đối chiếu xã cũ – xã mới: dvhcvn/20250701, MIT"'
_STORED = (  # (as stored, Vietnamese, English)
    (
        f"MIT (dvhcvn/20250701); ghi công / attribution: {_ATTRIBUTION}",
        f"MIT (dvhcvn/20250701); ghi công: {_ATTRIBUTION}",
        f"MIT (dvhcvn/20250701); attribution: {_ATTRIBUTION}",
    ),
    (
        "CC0 1.0 (illustrative, machine-generated)",
        "CC0 1.0 (số liệu minh họa, do máy tạo)",
        "CC0 1.0 (illustrative, machine-generated)",
    ),
    (
        "CC BY 4.0 (this project's own documentation)",
        "CC BY 4.0 (tài liệu của chính dự án)",
        "CC BY 4.0 (this project's own documentation)",
    ),
    (
        "© the publisher; facts quoted for reference (figures are not copyrightable)",
        "© bên công bố; dữ kiện trích để tham khảo (số liệu không thuộc đối tượng bảo hộ quyền tác giả)",
        "© the publisher; facts quoted for reference (figures are not copyrightable)",
    ),
    (
        "Văn bản hành chính nhà nước – không thuộc đối tượng bảo hộ quyền tác giả (Luật SHTT, Điều 15)",
        "Văn bản hành chính nhà nước – không thuộc đối tượng bảo hộ quyền tác giả (Luật SHTT, Điều 15)",
        "State administrative document – not protected by copyright (Law on Intellectual Property, "
        "Article 15)",
    ),
)

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "licence.short": "Dữ liệu mở – tự do sử dụng lại, ghi rõ nguồn (Nghị định 47/2020/NĐ-CP)",
        "licence.title": "Giấy phép dữ liệu mở",
        "licence.intro": "Mọi số liệu trên trang này được cung cấp dưới dạng dữ liệu mở theo tinh thần Nghị định 47/2020/NĐ-CP về quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước. Tóm tắt bằng lời của chúng tôi:",
        "licence.reuse": "Bạn được tự do sao chép, chia sẻ, chỉnh sửa và dùng dữ liệu cho mọi mục đích, kể cả thương mại và đưa tin, không cần xin phép và không mất phí.",
        "licence.cite": "Khi sử dụng, hãy ghi rõ nguồn: tên bảng điều khiển, đường dẫn và ngày cập nhật; nếu trích một con số, nên ghi cả văn bản gốc (cột source_document / source_url).",
        "licence.as_published": "Số liệu được cung cấp đúng như nguồn đã công bố. Chúng tôi không bảo đảm nguồn không có sai sót; nếu thấy sai lệch, hãy đối chiếu văn bản gốc và báo cho chúng tôi.",
        "licence.no_endorsement": "Việc sử dụng lại không được ngụ ý rằng cơ quan công bố số liệu xác nhận hay ủng hộ sản phẩm của bạn.",
        "licence.illustrative": "Số liệu có nhãn MINH HỌA (data_kind = illustrative) do máy tạo để trình diễn, KHÔNG phải số liệu thật; không được trình bày như kết quả đánh giá thật. Các số liệu này thuộc phạm vi công cộng (CC0 1.0).",
        "licence.sources_heading": "Nguồn gốc số liệu",
        "licence.sources": "Số liệu chính thức lấy từ văn bản hành chính nhà nước (không thuộc đối tượng bảo hộ quyền tác giả theo Điều 15 Luật Sở hữu trí tuệ). Số liệu từ báo chí là dữ kiện được trích dẫn; bài báo thuộc bản quyền của tòa soạn.",
        "licence.boundaries": "Bản đồ ranh giới hành chính có giấy phép riêng; chỉ các lớp được phép phân phối lại mới được vẽ trên bản đồ và có thể tải về; các lớp khác được thay bằng sơ đồ.",
        "licence.how_to_cite": "Cách trích dẫn",
        "licence.cite_example": "Ví dụ",
        "licence.commune_points": (
            "Sơ đồ ô của các xã, phường, đặc khu được xếp từ điểm gần đúng trong tệp "
            "geo/quang_ngai_2025_commune_points.csv. Ghi công:"
        ),
        "licence.commune_points_attribution": COMMUNE_POINTS_ATTRIBUTION,
        "licence.commune_points_changes": (
            "Thay đổi: ghép thêm cột tên chính thức và loại đơn vị (Công văn 1027/CTK-CSCL); không điểm nào "
            "bị dịch chuyển."
        ),
    },
    "en": {
        "licence.short": "Open data – free reuse with attribution (Decree 47/2020/NĐ-CP)",
        "licence.title": "Open data licence",
        "licence.intro": "All figures on this site are offered as open data in the spirit of Decree 47/2020/NĐ-CP on managing, connecting and sharing digital data of state agencies. In our own words:",
        "licence.reuse": "You may copy, share, adapt and use the data for any purpose, including commercial use and reporting, without asking and free of charge.",
        "licence.cite": "When you use it, cite the source: the dashboard's name, the link and the update date; when quoting a figure, also name the original document (columns source_document / source_url).",
        "licence.as_published": "Figures are provided as the source published them. We do not guarantee the sources are free of errors; if something looks wrong, check the original document and tell us.",
        "licence.no_endorsement": "Reuse must not suggest that the publishing agency endorses your work.",
        "licence.illustrative": "Figures labelled ILLUSTRATIVE (data_kind = illustrative) are machine-generated for demonstration and are NOT real; never present them as actual results. They are in the public domain (CC0 1.0).",
        "licence.sources_heading": "Where the figures come from",
        "licence.sources": "Official figures come from state administrative documents (not protected by copyright under Article 15 of the Law on Intellectual Property). Press figures are quoted facts; the articles remain the publishers' copyright.",
        "licence.boundaries": "Administrative boundary maps have their own licences; only layers whose licence allows redistribution are drawn on the maps and can be downloaded; the others are replaced by a schematic.",
        "licence.how_to_cite": "How to cite",
        "licence.cite_example": "Example",
        "licence.commune_points": (
            "The tiles of the commune map are laid out from the approximate points in "
            "geo/quang_ngai_2025_commune_points.csv. Attribution:"
        ),
        "licence.commune_points_attribution": COMMUNE_POINTS_ATTRIBUTION,
        "licence.commune_points_changes": (
            "Changes: columns of official names and unit types joined (Official Letter 1027/CTK-CSCL); no "
            "point was moved."
        ),
    },
}
for _stored, _vi, _en in _STORED:
    TEXTS["vi"][f"licence_text.{_stored}"] = _vi
    TEXTS["en"][f"licence_text.{_stored}"] = _en
