"""Texts of the overview page (pages/home.py): heading, key figures and the summary sentence."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "overview.heading": "Mức độ ứng dụng CNTT và chuyển đổi số của các cơ quan, đơn vị",
        "kpi.average": "Trung bình",
        "kpi.best": "Cao nhất",
        "kpi.worst": "Thấp nhất",
        "kpi.improved": "Số đơn vị tăng điểm",
        "kpi.improved_note": "so với năm {previous}",
        "kpi.not_comparable": "không so sánh được (đổi phương pháp)",
        "summary.sentence": (
            "Năm {year}, {count} {group} được đánh giá theo {index}: điểm trung bình {average}; cao nhất là "
            "{best} ({best_value}), thấp nhất là {worst} ({worst_value})."
        ),
        "summary.improved": "{improved} đơn vị tăng điểm so với năm {previous}.",
        "summary.not_comparable": "Không so sánh với năm trước vì phương pháp đánh giá đã thay đổi.",
    },
    "en": {
        "overview.heading": "IT application and digital transformation of agencies and districts",
        "kpi.average": "Average",
        "kpi.best": "Highest",
        "kpi.worst": "Lowest",
        "kpi.improved": "Units that improved",
        "kpi.improved_note": "compared with {previous}",
        "kpi.not_comparable": "not comparable (method changed)",
        "summary.sentence": (
            "In {year}, {count} {group} were evaluated on the {index}: average {average}; highest "
            "{best} ({best_value}), lowest {worst} ({worst_value})."
        ),
        "summary.improved": "{improved} units improved their score compared with {previous}.",
        "summary.not_comparable": "No comparison with the previous year: the evaluation method changed.",
    },
}
