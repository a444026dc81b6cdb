"""Texts of published figures, sources and the generated-figures label (owned with views/published.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "generated.label": "MINH HỌA",
        "generated.note": "số liệu do máy tạo để trình diễn, không phải kết quả đánh giá thật",
        "generated.source_line": "{label}: {note}",
        "generated.some": "có số liệu MINH HỌA",
        "generated.issuer": "Bảng điều khiển minh bạch CNTT Quảng Ngãi (số liệu do máy tạo)",
        "generated.description": "{label}: {description} (số liệu do máy tạo, không phải kết quả thật)",
        "source.document_dated": "{number} ngày {date}",
        "published.not_found": "chưa tìm thấy trong nguồn công bố",
        "published.conflict": "nguồn mâu thuẫn",
    },
    "en": {
        "generated.label": "ILLUSTRATIVE",
        "generated.note": "machine-generated figures for demonstration, not real evaluation results",
        "generated.source_line": "{label}: {note}",
        "generated.some": "includes ILLUSTRATIVE figures",
        "generated.issuer": "Quảng Ngãi IT transparency dashboard (machine-generated figures)",
        "generated.description": "{label}: {description} (machine-generated figures, not real results)",
        "source.document_dated": "{number} of {date}",
        "published.not_found": "not found in published sources",
        "published.conflict": "sources conflict",
    },
}
TEXTS["vi"].update(
    {
        "method.years_held": "Năm có số liệu trên trang",
        "method.no_source": "chưa có nguồn được lưu cho căn cứ này",
        "national.values_chart": "Giá trị DTI cấp tỉnh: Kon Tum, giá trị quốc gia và trung bình các tỉnh",
        "national.dti2024_heading": "DTI 2024 (công bố 21/10/2025): nhóm 63 tỉnh và nhóm 34 tỉnh",
        "national.dti2024_lead": (
            "DTI 2024 được công bố theo hai cách nhóm: 63 tỉnh, thành phố trước sắp xếp và 34 tỉnh, thành phố "
            "sau ngày 1/7/2025. Giá trị của một tỉnh sau hợp nhất là trung bình các chỉ số chính của các tỉnh "
            "cũ hợp thành (Bộ KH&CN, QĐ 405/QĐ-BKHCN). Bảng dưới chỉ có các tỉnh mà nguồn nêu tên."
        ),
        "national.qn_2024": "Quảng Ngãi (mới, gồm Kon Tum), DTI 2024",
        "national.series.NAT_DTI_NATIONAL": "Giá trị quốc gia",
        "national.series.average_of": "Trung bình {count} tỉnh",
        "national.series.average_unknown": "Trung bình các tỉnh (không rõ số tỉnh)",
    }
)
TEXTS["en"].update(
    {
        "method.years_held": "Years of the figures held here",
        "method.no_source": "no source stored for this basis",
        "national.values_chart": "Provincial DTI values: Kon Tum, the national value and the provincial average",
        "national.dti2024_heading": "DTI 2024 (published 21/10/2025): 63-province and 34-province groupings",
        "national.dti2024_lead": (
            "DTI 2024 was published in two groupings: the 63 provinces before the reorganisation and the 34 "
            "from 1/7/2025. A merged province's value is the average of its former provinces' main indices "
            "(Ministry of Science and Technology, QĐ 405/QĐ-BKHCN). The table lists the provinces the sources name."
        ),
        "national.qn_2024": "Quảng Ngãi (new, incl. Kon Tum), DTI 2024",
        "national.series.NAT_DTI_NATIONAL": "National value",
        "national.series.average_of": "Average of {count} provinces",
        "national.series.average_unknown": "Provincial average (number of provinces unknown)",
    }
)
