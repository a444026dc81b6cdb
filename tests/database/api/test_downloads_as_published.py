"""Downloads of the served data: generated figures carry no as-published value and say so; published
figures keep the value as printed and its document."""

from __future__ import annotations


def test_downloads_of_generated_figures_have_no_as_published_value_and_say_so(client):
    import csv
    import io

    response = client.get("/api/v1/observations.csv?dataset=illustrative-edoc-by-unit")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows and {r["data_kind"] for r in rows} == {"illustrative"}
    assert {r["value_published"] for r in rows} == {""}
    assert response.headers["X-Data-Illustrative"] == "true"
    package = client.get("/api/v1/datapackage.json?lang=en").get_json()
    assert "ILLUSTRATIVE" in package["description"]


def test_downloads_of_published_figures_keep_the_printed_value_and_document(client):
    import csv
    import io

    response = client.get("/api/v1/observations.csv?dataset=edoc-province")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    printed = {(r["period"], r["gov_level"], r["value_published"]) for r in rows}
    assert ("9 tháng 2024", "provincial", "trên 99%") in printed
    assert {r["source_document"] for r in rows if "nhansu.vn" in r["source_url"]} == {"Kế hoạch 121/KH-UBND"}
    assert response.headers["X-Data-Illustrative"] == "false"
