"""Texts of the rules a page states (class thresholds, maxima, the 2020 break) with their source, or the
plain statement that no source was found; and of the service index, plan targets and class counts."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "rule.not_found": "chưa tìm thấy nguồn",
        "rule.classes_not_found": "chưa tìm thấy văn bản quy định các ngưỡng này",
        "rule.classes_illustrative": "ngưỡng dùng cho số liệu minh họa",
        "rule.max_not_found": "{max} (chưa tìm thấy nguồn)",
    },
    "en": {
        "rule.not_found": "no source found",
        "rule.classes_not_found": "no document stating these thresholds was found",
        "rule.classes_illustrative": "used for illustrative figures",
        "rule.max_not_found": "{max} (no source found)",
    },
}
