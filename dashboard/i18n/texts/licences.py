"""Licences as the data's sidecars store them (data/*/*.meta.json), said in each language: a stored licence
is in one language or mixes both ("ghi công / attribution"). The licence's name and any credit it asks for
(the quoted text) stay word for word. `views.wording.licence_in` reads these; a page test flags a licence
shown in the wrong language that has no entry here."""

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
    "vi": {f"licence_text.{stored}": vi for stored, vi, _ in _STORED},
    "en": {f"licence_text.{stored}": en for stored, _, en in _STORED},
}
