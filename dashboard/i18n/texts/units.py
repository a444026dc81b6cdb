"""Texts of the domain's units: the kinds of unit and the groups they are ranked in."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "kind.province": "Tỉnh, thành phố",
        "kind.department": "Sở, ban, ngành",
        "kind.district": "Đơn vị hành chính cấp huyện",
        "kind.commune": "Đơn vị hành chính cấp xã",
        "kind.country": "Quốc gia",
        "group.district": "UBND cấp huyện",
        "group.department": "Sở, ban, ngành",
        "group.commune": "Cấp xã",
        "group.district.plural": "UBND cấp huyện",
        "group.department.plural": "sở, ban, ngành",
        "group.commune.plural": "xã, phường, đặc khu",
    },
    "en": {
        "kind.province": "Province or city",
        "kind.department": "Department or agency",
        "kind.district": "District-level unit",
        "kind.commune": "Commune-level unit",
        "kind.country": "Country",
        "group.district": "District committees",
        "group.department": "Departments and agencies",
        "group.commune": "Communes",
        "group.district.plural": "district-level People's Committees",
        "group.department.plural": "departments and agencies",
        "group.commune.plural": "communes, wards and special zones",
    },
}
