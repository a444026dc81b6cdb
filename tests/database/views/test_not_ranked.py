"""A unit the decision lists as not ranked ("Không xếp hạng") with its score printed: the score is shown
as published, but no page or download gives it a rank, counts it in its group or calls it the best."""

from __future__ import annotations

import csv
import io

from dashboard.assemble.unit_headline import unit_headline
from dashboard.components import grid
from tests.database.views.test_published_ranks import HEADER, VIEW, _view, shown  # noqa: F401 (shown: the fixture)

# Sở Y tế has the best score of the three, and the decision says it is not ranked.
ANNEX = HEADER + "1;Sở Nội vụ;95,26;1;Tốt\n2;Sở Tư pháp;80,00;2;Khá\n3;Sở Y tế;99,00;Không xếp hạng;\n"


def test_the_view_ranks_the_others_and_keeps_the_printed_words(app, shown) -> None:  # noqa: F811
    shown(ANNEX)
    data = _view(app, "vi")
    table = data.table.set_index("unit_code")
    assert table.loc["so-y-te", "value"] == 99.0 and table.loc["so-y-te", "not_ranked"] == "Không xếp hạng"
    assert table["rank"].isna().tolist() == [False, False, True] and table.index[-1] == "so-y-te"
    assert table.loc["so-y-te", ["rank_published", "rank_computed"]].isna().all()
    assert table.loc[["so-noi-vu", "so-tu-phap"], "rank_computed"].tolist() == [1, 2]
    assert table.loc[["so-noi-vu", "so-tu-phap"], "rank_of"].tolist() == [2, 2]
    assert data.headline.count == 2 and data.headline.best[0] == "Sở Nội vụ"
    rows = {r["unit_code"]: r for r in grid.row_data(data, lang="en")}
    assert rows["so-y-te"]["rank_text"] == "Không xếp hạng" and rows["so-y-te"]["value_text"] == "99.00"
    assert [rows[u]["rank_text"] for u in ("so-noi-vu", "so-tu-phap")] == ["1", "2"]


def test_the_profile_says_listed_not_ranked_with_its_score(app, shown) -> None:  # noqa: F811
    shown(ANNEX)
    with app.server.test_request_context():
        headline = unit_headline("so-y-te", "department", "Sở Y tế", lang="vi", year=2022)
        ranked = unit_headline("so-tu-phap", "department", "Sở Tư pháp", lang="vi", year=2022)
    assert headline is not None and ranked is not None
    assert headline.rank == "Không xếp hạng"
    assert headline.sentence.startswith(
        "Năm 2022, Sở Y tế có tên trong danh sách các sở, ban, ngành nhưng không được xếp hạng "
        "(văn bản ghi “Không xếp hạng”), đạt 99,00"
    )
    assert ranked.rank == "2/2"


def test_the_download_has_no_rank_for_it_and_says_why(app, shown, client) -> None:  # noqa: F811
    shown(ANNEX)
    response = client.get("/api/v1/observations.csv?year=2022&group=department")
    body = response.get_data(as_text=True).lstrip("\ufeff")
    response.close()
    rows = {r["unit_code"]: r for r in csv.DictReader(io.StringIO(body))}
    assert rows["so-y-te"]["rank"] == rows["so-y-te"]["rank_computed"] == ""
    assert rows["so-y-te"]["not_ranked"] == "Không xếp hạng" and rows["so-y-te"]["value_published"] == "99,00"
    assert [rows[u]["rank_computed"] for u in ("so-noi-vu", "so-tu-phap")] == ["1", "2"]
    assert rows["so-noi-vu"]["not_ranked"] == ""
