"""The report card and the meeting pack: server-rendered HTML with the profile's headline, sub-indices
against the group median, the map, history, sources and the illustrative stamp; the same pages as PDF
(one A4 page for a card); linked from the profile and the rankings page."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from dashboard.reports import svg

COMMUNE = "21211"  # Xã Tịnh Khê (2025, illustrative ranking)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def headline(app):
    from dashboard import queries
    from dashboard.assemble.unit_headline import unit_headline

    with app.server.test_request_context():
        unit = queries.units().set_index("code").loc[COMMUNE]
        return unit_headline(COMMUNE, unit["kind"], unit["name_vi"], lang="vi", year=2025)


def test_card_shows_the_profiles_headline_with_stamp_map_history_and_sources(client, headline) -> None:
    response = client.get(f"/don-vi/{COMMUNE}/the-diem?nam=2025")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    text = _text(html)
    assert "<h1>Xã Tịnh Khê</h1>" in html
    assert headline.sentence in text and headline.rank in text and headline.score in text
    assert "điểm (tối đa 1.000)" in text and headline.change in text
    assert text.count("MINH HỌA – không phải số liệu thật") == 2  # the stamp and the watermark
    assert "Chỉ số thành phần so với trung vị nhóm (96 xã, phường, đặc khu)" in text
    assert text.count("· trung vị ") == 8  # the eight sub-indices, each with the median
    assert 'class="locator"' in html and 'fill="#1f4e79" stroke="#000"' in html  # the unit on the map
    assert "hình thành từ " in text and "Nguồn số liệu" in text
    assert "http://localhost/don-vi/21211/the-diem?nam=2025" in text  # the page address, on the trusted host
    assert "<script" not in html and "http" not in re.sub(
        r'href="http[^"]+"|>http[^<]+<', "", html.split("<body>")[0]
    )


def test_card_in_english_and_for_a_district_year(client) -> None:
    english = _text(client.get(f"/don-vi/{COMMUNE}/the-diem?lang=en").get_data(as_text=True))
    assert "Tịnh Khê Commune" in english and "ILLUSTRATIVE – not real figures" in english
    assert "Report card 2025" in english and "points (out of 1,000)" in english
    district = _text(client.get("/don-vi/525/the-diem?nam=2022").get_data(as_text=True))
    assert "Thẻ điểm 2022" in district and "Năm 2022, Huyện Trà Bồng xếp hạng" in district


def test_no_card_for_an_unknown_unit_or_a_year_without_rank(client) -> None:
    assert client.get("/don-vi/khong-co/the-diem").status_code == 404
    response = client.get(f"/don-vi/{COMMUNE}/the-diem?nam=2019")
    assert response.status_code == 404
    assert "Xã Tịnh Khê không có thứ hạng năm 2019. Các năm có thẻ điểm: 2025." in response.get_data(
        as_text=True
    )


@pytest.mark.timeout(240)
def test_card_pdf_is_one_a4_page_with_name_and_score(client, headline) -> None:
    response = client.get(f"/don-vi/{COMMUNE}/the-diem.pdf?nam=2025")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = reader.pages[0].extract_text()
    assert "Xã Tịnh Khê" in text and headline.score in text and "MINH HỌA" in text


@pytest.mark.timeout(240)
def test_meeting_pack_has_every_commune_and_builds_as_pdf(client) -> None:
    html = client.get("/xep-hang/ban-in?group=commune&year=2025").get_data(as_text=True)
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert body.count("<tr>") == 96
    assert 'class="score-map"' in html and "MINH HỌA – Xếp hạng xã, phường, đặc khu năm 2025" in html
    response = client.get("/xep-hang/ban-in.pdf?group=commune&year=2025")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Xã Tịnh Khê" in text and "Đặc khu Lý Sơn" in text
    assert client.get("/xep-hang/ban-in?group=commune&year=2019").status_code == 404


def test_profile_links_its_card_and_rankings_their_pack(app) -> None:
    from dashboard.pages import rankings, unit
    from tests.database.pages.test_data_pages import _walk

    with app.server.test_request_context("/"):
        profile = [getattr(c, "href", None) for c in _walk(unit.layout(code=COMMUNE, lang="en"))]
        ranked = [getattr(c, "href", None) for c in _walk(rankings.layout(group="commune", year="2025"))]
    assert (
        f"/don-vi/{COMMUNE}/the-diem?lang=en" in profile
        and f"/feeds/dinh-chinh/{COMMUNE}.atom?lang=en" in profile
    )
    assert "/xep-hang/ban-in.pdf?group=commune&year=2025" in ranked


def test_bars_escape_their_text_and_keep_values_within_the_track() -> None:
    markup = str(svg.bars([svg.Bar("<b>A&B</b>", 150.0, 50.0, 100.0, "150/100")], title='x"y'))
    assert "&lt;b&gt;A&amp;B&lt;/b&gt;" in markup and 'aria-label="x&#x27;y"' not in markup
    assert 'width="440.0"' in markup  # a value over the maximum fills the track, never more
    assert 'aria-label="x&quot;y"' in markup
