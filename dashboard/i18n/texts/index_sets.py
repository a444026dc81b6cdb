"""Texts of the stored index sets: decisions, maxima per unit group, class schemes, method corrections, and
the officer's import of an index-set file (command line and /quan-tri)."""

from __future__ import annotations

TEXTS = {
    "vi": {
        "methods.decision": "Quyết định ban hành",
        "methods.threshold_points": "{label} ≥ {value} điểm",
        "methods.corrections": "Đính chính bộ chỉ số:",
        "methods.correction": "{item} – {field}: {old} → {new} ({document}, ghi nhận {when})",
        "methods.out_of": "{value}/{max}",
    },
    "en": {
        "methods.decision": "Issuing decision",
        "methods.threshold_points": "{label} ≥ {value} points",
        "methods.corrections": "Corrections to the index set:",
        "methods.correction": "{item} – {field}: {old} → {new} ({document}, recorded {when})",
        "methods.out_of": "{value}/{max}",
    },
}

# Download fields the stored index sets add (appended after the published contract's columns).
_FIELDS = {
    "observations": {
        "unit_group": (
            "Nhóm đơn vị: nhóm của bộ chỉ số mà dòng thuộc về (nhóm có điểm tối đa riêng); trống: nhóm chung",
            "Unit group: the index set's group the row belongs to (a group with its own maxima); empty: the "
            "common one",
        ),
        "max_value": (
            "Điểm tối đa: điểm tối đa bộ chỉ số quy định cho chỉ số của dòng và nhóm đơn vị đó",
            "Maximum: the maximum the index set gives the row's indicator for that unit group",
        ),
    },
    "methodologies": {
        "decision_issuer": (
            "Cơ quan ban hành: cơ quan ban hành bộ chỉ số",
            "Issuer: who issued the index set",
        ),
        "decision_number": (
            "Số quyết định: số văn bản ban hành bộ chỉ số",
            "Decision number: the issuing document",
        ),
        "decision_date": (
            "Ngày quyết định: như đã công bố (năm, tháng hoặc ngày)",
            "Decision date: as published (year, month or day)",
        ),
        "decision_url": (
            "Liên kết quyết định: nơi công bố văn bản",
            "Decision link: where the document is published",
        ),
        "class_basis": (
            "Cơ sở xếp loại: percent (% điểm tối đa) hoặc points (điểm); trống: không xếp loại",
            "Class basis: percent (of the maximum) or points; empty: the method defines no classes",
        ),
    },
}
for _resource, _fields in _FIELDS.items():
    for _name, (_vi, _en) in _fields.items():
        TEXTS["vi"][f"data.field.{_resource}.{_name}"] = _vi
        TEXTS["en"][f"data.field.{_resource}.{_name}"] = _en
