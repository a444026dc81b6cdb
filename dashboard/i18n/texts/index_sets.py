"""Texts of index sets wherever they are shown (views/index_set_table.py, components/methods.py): their
decisions, thresholds, maxima and score scales."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "methods.decision": "Quyết định ban hành",
        "methods.threshold_points": "{label} ≥ {value} điểm",
        "methods.corrections": "Đính chính bộ chỉ số:",
        "methods.correction": "{item} – {field}: {old} → {new} ({document}, ghi nhận {when})",
        "methods.out_of": "{value}/{max}",
        "methods.heading": "Điểm tối đa và xếp loại theo từng phương pháp",
        "methods.lead": (
            "Mỗi phương pháp có thang điểm riêng; không có thang chung 0–100. Xếp loại chỉ hiển thị khi "
            "phương pháp quy định ngưỡng."
        ),
        "methods.indicator": "Chỉ số",
        "methods.max": "Tối đa",
        "methods.classes": "Xếp loại",
        "methods.no_classes": "Phương pháp không quy định xếp loại: không hiển thị xếp loại.",
        "methods.threshold": "{label} ≥ {value} %",
        "scale.points": "Điểm (tối đa {max})",
        "scale.percent": "% so với điểm tối đa",
        "scale.chart_title": "{title} ({years})",
    },
    "en": {
        "methods.decision": "Issuing decision",
        "methods.threshold_points": "{label} ≥ {value} points",
        "methods.corrections": "Corrections to the index set:",
        "methods.correction": "{item} – {field}: {old} → {new} ({document}, recorded {when})",
        "methods.out_of": "{value}/{max}",
        "methods.heading": "Maxima and classes by method",
        "methods.lead": (
            "Each method has its own scale; there is no common 0–100 scale. A class is shown only where the "
            "method defines thresholds."
        ),
        "methods.indicator": "Index",
        "methods.max": "Maximum",
        "methods.classes": "Classes",
        "methods.no_classes": "The method defines no classes: none is shown.",
        "methods.threshold": "{label} ≥ {value} %",
        "scale.points": "Points (maximum {max})",
        "scale.percent": "% of the maximum score",
        "scale.chart_title": "{title} ({years})",
    },
}
