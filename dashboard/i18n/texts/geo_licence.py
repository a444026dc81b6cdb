"""Texts of the licence gate on map layers and of the shipped geo files' credits (dashboard/geo/)."""

# Word for word as geo/README.md gives it (CC-BY asks for the credit); the same in both languages.
COMMUNE_POINTS_ATTRIBUTION = "Commune points: open-admin-data/vietnam-administrative-divisions, CC-BY-4.0"

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "map.withheld_note": (
            "Ranh giới hành chính đã nạp không được vẽ vì giấy phép của chúng ({licence}) không cho phép "
            "phân phối lại."
        ),
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
        "map.withheld_note": (
            "The imported administrative boundaries are not drawn because their licence ({licence}) does "
            "not allow redistribution."
        ),
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
