"""The tables on screen of the e-documents, national and unit pages, and their citations, from frames built
here (views/edocs.py, views/national_table.py, views/unit_scores.py, views/cited.py): no app, no database."""

from __future__ import annotations

import pandas as pd

from dashboard.views import cited, edocs, national_table, search, unit_scores
from dashboard.views.published import generated_source_line, rank_shown

SOURCES = pd.DataFrame(
    {
        "id": [1, 2],
        "kind": ["official", "illustrative"],
        "title": ["Báo cáo DTI 2022", "Số liệu minh họa"],
        "issuer": ["UBND tỉnh", ""],
        "document_number": ["12/BC-UBND", ""],
        "url": ["javascript:alert(1)", ""],
    }
)


def test_each_row_cites_its_own_documents_and_only_web_links():
    frame = pd.DataFrame({"year": [2021, 2022, 2022], "source_id": [1, 1, 2]})
    by_year = cited.sources_by(frame, ["year"], "vi", sources=SOURCES)
    assert "javascript" not in by_year[2021] and "12/BC-UBND" in by_year[2021]
    # The generated figures are named first, never cited as a source; the document follows.
    assert by_year[2022] == f"{generated_source_line('vi')}; {by_year[2021]}"
    assert cited.sources_by(frame.iloc[0:0], ["year"], "vi", sources=SOURCES) == {}


def test_an_edocs_query_names_only_what_is_held():
    assert edocs.unknown({"year": "2019"}, [2022, 2023]) == ("year", "2019")
    assert edocs.unknown({"group": "commune"}, [2023]) == ("group", "commune")
    assert edocs.unknown({"year": "2023", "group": "district"}, [2023]) is None
    assert edocs.resolve({}, [2022, 2023]) == ("district", edocs.DEFAULT_INDEX, 2023)
    assert edocs.resolve({"year": "1999"}, []) == ("district", edocs.DEFAULT_INDEX, None)


def test_the_edocs_unit_table_orders_units_by_share():
    numerator, denominator = edocs.UNIT_SHARES[edocs.DEFAULT_INDEX]
    rows = []
    for code, share in (("522", 40.0), ("525", 80.0), ("526", 99.49)):
        for indicator, value in ((edocs.DEFAULT_INDEX, share), (numerator, share), (denominator, 100.0)):
            rows.append(
                {
                    "year": 2023,
                    "unit_code": code,
                    "unit_name_vi": f"Huyện {code}",
                    "unit_name_en": code,
                    "indicator_code": indicator,
                    "value": value,
                    "source_id": 2,
                }
            )
    table = edocs.unit_rows(pd.DataFrame(rows), edocs.DEFAULT_INDEX, 2023, "vi", sources=SOURCES)
    # Each share with the decimals it is stored with, as the download gives it: 99.49 is not 99,5.
    assert [(r["unit_code"], r["text"], r["denominator_text"]) for r in table] == [
        ("526", "99,49 %", "100"),
        ("525", "80 %", "100"),
        ("522", "40 %", "100"),
    ]
    names = {numerator: "Văn bản điện tử", denominator: "Văn bản ban hành"}
    columns = edocs.unit_columns(edocs.DEFAULT_INDEX, names, "vi")
    screen = edocs.screen_table(table, columns, "vi")
    assert [c.key for c in screen.columns] == [
        "label",
        "unit_code",
        "value",
        "numerator",
        "denominator",
        "source",
    ]


def test_the_default_national_table_is_the_latest_that_lists_nearly_every_province():
    frame = pd.DataFrame(
        {
            "indicator_code": ["NAT_DTI"] * 31 + ["NAT_DTI"] * 2,
            "year": [2021] * 31 + [2023] * 2,
            "unit_code": [str(n) for n in range(31)] + ["51", "62"],
            "unit_kind": ["province"] * 33,
        }
    )
    choices = national_table.table_choices(frame)
    assert choices == [("NAT_DTI", 2021), ("NAT_DTI", 2023)]
    assert national_table.default_table(choices, frame) == ("NAT_DTI", 2021)
    assert national_table.find_table("NAT_DTI-2023", choices) == ("NAT_DTI", 2023)
    assert national_table.find_table("NAT_DTI-2022", choices) is None


def test_a_rank_is_of_the_published_count_only_when_published():
    published = rank_shown(3, 3, note=None, lang="vi")
    computed = rank_shown(None, 4, note=None, lang="vi")
    assert unit_scores.rank_text(published, 20) == "3/20"
    assert unit_scores.rank_text(computed, 20).startswith("4") and "/" not in unit_scores.rank_text(
        computed, 20
    )
    assert unit_scores.rank_text(rank_shown(None, None, note=None, lang="vi"), 20) == "–"


def test_former_names_are_searched_written_and_folded():
    versions = pd.DataFrame({"unit_code": ["21334"], "name_vi": ["Xã Tịnh Khê"]})
    predecessors = pd.DataFrame({"to_code": ["21334"], "old_name_vi": ["Xã Tịnh Kỳ"]})
    former = search.former_names_of(versions, predecessors)
    assert "tinh ky" in former["21334"] and "Xã Tịnh Kỳ" in former["21334"]
    assert search.search_text("Xã Tịnh Khê", former["21334"]).startswith("Xã Tịnh Khê xa tinh khe")
    assert search.search_text("Sở Y tế") == "Sở Y tế so y te"
