"""Texts of published and computed ranks in the ranking tables."""

from __future__ import annotations

TEXTS = {
    "vi": {
        "rank.header_computed": "Hạng (tính từ điểm)",
        "rank.note_computed": "Không có hạng công bố; tính từ điểm: {computed}",
        "rank.note_differs": "Xếp hạng công bố: {published}; tính từ điểm: {computed}",
        "rank.note_flagged": "Lưu đúng như công bố dù hạng hoặc xếp loại công bố không khớp với điểm",
        "rank.legend_computed": "Đơn vị không có hạng công bố: hạng được tính từ điểm (đồng điểm thì cùng hạng).",
        "rank.legend_differs": "Hạng công bố khác hạng tính từ điểm: bảng ghi hạng công bố, cột Ghi chú nêu cả hai.",
        "rank.legend_flagged": "Dòng được lưu đúng như văn bản công bố dù hạng hoặc xếp loại không khớp với điểm (người công bố đã xác nhận khi nhập).",
        "rank.legend_all_computed": "Văn bản không công bố thứ hạng cho chỉ số này: thứ hạng được tính từ điểm (đồng điểm thì cùng hạng).",
        "rank.legend_label": "Về thứ hạng",
        "table.note": "Ghi chú",
        "data.field.observations.rank_computed": "Hạng tính từ điểm: thứ hạng tính từ giá trị trong cùng năm, chỉ số và nhóm đơn vị (đồng điểm thì cùng hạng); có thể khác hạng công bố (cột rank)",
        "data.field.observations.note": "Ghi chú: ghi chú khi nhập, ví dụ 'stored as published' khi hạng hoặc xếp loại công bố không khớp với điểm",
    },
    "en": {
        "rank.header_computed": "Rank (computed from scores)",
        "rank.note_computed": "No rank published; computed from the scores: {computed}",
        "rank.note_differs": "Published rank: {published}; computed from the scores: {computed}",
        "rank.note_flagged": "Stored as published although the published rank or class does not match the scores",
        "rank.legend_computed": "No rank was published for this unit: the rank is computed from the scores (equal scores share a rank).",
        "rank.legend_differs": "The published rank differs from the rank computed from the scores: the table shows the published rank, the Note column gives both.",
        "rank.legend_flagged": "Row stored as the document published it although its rank or class does not match the scores (confirmed by the publisher at import).",
        "rank.legend_all_computed": "The document publishes no ranks for this index: ranks are computed from the scores (equal scores share a rank).",
        "rank.legend_label": "About the ranks",
        "table.note": "Note",
        "data.field.observations.rank_computed": "Rank computed: rank computed from the values within the same year, indicator and group of units (equal values share a rank); may differ from the published rank (rank column)",
        "data.field.observations.note": "Note: note kept at import, e.g. 'stored as published' where the published rank or class does not match the scores",
    },
}
