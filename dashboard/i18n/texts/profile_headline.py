"""Texts of a unit profile's headline (views/unit_headline.py): rank, change under the reform rules, class."""

TEXTS = {
    "vi": {
        "headline.sentence": "Năm {year}, {name} xếp hạng {rank} trong các {group}, đạt {score}",
        "headline.sentence_not_ranked": "Năm {year}, {name} có tên trong danh sách các {group} nhưng không được xếp hạng (văn bản ghi “{rank}”)",
        "headline.reached": ", đạt {score}",
        "headline.score_points": "{score} điểm (tối đa {max})",
        "headline.score_percent": "{score} % điểm tối đa",
        "headline.change.up": "tăng {places} so với năm {previous}",
        "headline.change.down": "giảm {places} so với năm {previous}",
        "headline.change.same": "giữ nguyên thứ hạng so với năm {previous}",
        "headline.change.new": "là đơn vị mới, không có thứ hạng năm {previous} để so sánh",
        "headline.change.new_method": (
            "năm {year} chấm theo phương pháp mới nên thứ hạng không so sánh với năm {previous}"
        ),
        "headline.change.merged": (
            "đơn vị nhận sáp nhập trong năm {year} nên thứ hạng không so sánh với năm {previous}"
        ),
        "headline.class": "xếp loại {name}",
        "headline.rank": "Thứ hạng {year}",
        "headline.score": "Điểm {year}",
        "headline.change": "So với năm {previous}",
        "headline.class_label": "Xếp loại",
        "headline.heading": "Tóm tắt",
        "headline.rank_computed": "{rank} (tính từ điểm, không có hạng công bố)",
        "headline.rank_differs": "{rank} (theo công bố; tính từ điểm: {computed})",
    },
    "en": {
        "headline.sentence": "In {year}, {name} ranked {rank} among the {group}, with {score}",
        "headline.sentence_not_ranked": "In {year}, {name} was listed among the {group} but not ranked (the document says “{rank}”)",
        "headline.reached": ", with {score}",
        "headline.score_points": "{score} points (out of {max})",
        "headline.score_percent": "{score} % of the maximum score",
        "headline.change.up": "up {places} on {previous}",
        "headline.change.down": "down {places} on {previous}",
        "headline.change.same": "the same rank as in {previous}",
        "headline.change.new": "a new unit, with no {previous} rank to compare",
        "headline.change.new_method": (
            "{year} was scored under a new method, so its rank is not compared with {previous}"
        ),
        "headline.change.merged": (
            "the unit absorbed another in {year}, so its rank is not compared with {previous}"
        ),
        "headline.class": "class {name}",
        "headline.rank": "Rank {year}",
        "headline.score": "Score {year}",
        "headline.change": "Against {previous}",
        "headline.class_label": "Class",
        "headline.heading": "Summary",
        "headline.rank_computed": "{rank} (computed from the scores: no rank was published)",
        "headline.rank_differs": "{rank} (as published; {computed} by the scores)",
    },
}
