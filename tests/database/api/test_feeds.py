"""Atom feeds of new datasets and corrections: valid Atom (the RFC 4287 elements every feed and entry
must have, checked with xml.etree), linked from the pages they concern, and a correction published
through the importer appears in them."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from sqlalchemy import Engine, delete

from dashboard import db
from dashboard.ingest.importer import import_files

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
DATA = Path(__file__).resolve().parents[3] / "data" / "observations"
FEEDS = (
    "/feeds/du-lieu.atom",
    "/feeds/dinh-chinh.atom",
    "/feeds/dinh-chinh/51.atom",
    "/feeds/dinh-chinh/21211.atom",
)


def parsed(client, url: str) -> ElementTree.Element:
    """The feed at `url`, checked against what RFC 4287 requires of a feed and of each entry."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ElementTree.fromstring(response.data)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):  # exactly one each (4.1.1)
        assert len(feed.findall(f"{ATOM}{name}")) == 1, (url, name)
    assert RFC3339.match(feed.findtext(f"{ATOM}updated"))
    assert feed.find(f"{ATOM}author/{ATOM}name").text  # entries inherit it (4.1.1: author required)
    selves = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(selves) == 1 and selves[0].get("href").endswith(url)
    ids = [feed.findtext(f"{ATOM}id")]
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, (url, name)
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        alternates = [
            link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"
        ]
        assert len(alternates) == 1 and alternates[0].get("href").startswith("http")  # 4.1.2: no content
        assert entry.findtext(f"{ATOM}summary")
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids)) and all(i.startswith("tag:") for i in ids)
    return feed


@pytest.mark.parametrize("url", FEEDS)
def test_every_feed_is_valid_atom(client, url: str) -> None:
    parsed(client, url)


def test_datasets_feed_has_every_dataset_with_its_download_and_label(client, app) -> None:
    feed = parsed(client, "/feeds/du-lieu.atom")
    entries = {e.findtext(f"{ATOM}id").rsplit("/", 1)[-1]: e for e in feed.findall(f"{ATOM}entry")}
    assert "edoc-province" in entries and "illustrative-readiness-2024" in entries
    generated = entries["illustrative-readiness-2024"]
    assert generated.findtext(f"{ATOM}title").startswith("MINH HỌA – ")
    links = {
        link.get("rel", "alternate"): link.get("href")
        for link in entries["edoc-province"].findall(f"{ATOM}link")
    }
    assert links["alternate"].endswith("/api/v1/observations.csv?dataset=edoc-province")
    assert links["related"].startswith("http")  # a source document


def test_feed_of_an_unknown_unit_is_a_404(client) -> None:
    response = client.get("/feeds/dinh-chinh/khong-co.atom")
    assert response.status_code == 404 and response.get_json()["error"]["parameter"] == "unit"


def test_pages_announce_their_feeds_in_head(client) -> None:
    data = client.get("/du-lieu").get_data(as_text=True)
    head = data.split("</head>", 1)[0]
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert 'href="/feeds/du-lieu.atom"' in head and 'href="/feeds/dinh-chinh.atom"' in head
    profile = client.get("/don-vi/21211?lang=en").get_data(as_text=True).split("</head>", 1)[0]
    assert 'href="/feeds/dinh-chinh/21211.atom?lang=en"' in profile
    assert "/feeds/" not in client.get("/xep-hang").get_data(as_text=True).split("</head>", 1)[0]


@pytest.fixture
def published_correction(app, built_engine: Engine, tmp_path: Path) -> Iterator[None]:
    """A re-import of the province's e-document figures that corrects one of them (gần 88 % -> gần 89 %),
    through the importer as a publisher would; the original is imported back afterwards."""
    for name in ("edoc_province.csv", "edoc_province.meta.json"):
        shutil.copy(DATA / name, tmp_path / name)
    corrected = tmp_path / "edoc_province.csv"
    text = corrected.read_text(encoding="utf-8")
    assert text.count("EDOC_PROCESSED_ONLINE_SHARE,88,,approx,gần 88%") == 1
    corrected.write_text(
        text.replace("SHARE,88,,approx,gần 88%", "SHARE,89,,approx,gần 89%"), encoding="utf-8"
    )
    report = import_files(built_engine, [corrected])
    assert report.corrections == 1
    yield
    import_files(built_engine, [DATA / "edoc_province.csv"])
    with built_engine.begin() as connection:
        connection.execute(delete(db.corrections).where(db.corrections.c.dataset_id == "edoc-province"))
        db.bump_data_version(connection)


def _titles(feed: ElementTree.Element) -> list[str]:
    return [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]


def test_a_published_correction_reaches_the_feeds(client, built_engine, request) -> None:
    before = len(parsed(client, "/feeds/dinh-chinh.atom").findall(f"{ATOM}entry"))
    assert _titles(parsed(client, "/feeds/dinh-chinh/51.atom")) == []
    request.getfixturevalue("published_correction")
    feed = parsed(client, "/feeds/dinh-chinh.atom")
    assert len(feed.findall(f"{ATOM}entry")) == before + 1
    entry = feed.find(f"{ATOM}entry")  # newest first
    title = entry.findtext(f"{ATOM}title")
    assert title.startswith("Đính chính: Tỉnh Quảng Ngãi") and "giá trị: gần 88% → gần 89%" in title, title
    links = [link.get("href") for link in entry.findall(f"{ATOM}link")]
    assert any(h.endswith("/du-lieu#dinh-chinh") for h in links)
    assert any(h.endswith("/don-vi/51") for h in links)
    document = json.loads((DATA / "edoc_province.meta.json").read_text(encoding="utf-8"))["sources"][0]["url"]
    assert document in links  # the source document the correction was published with
    unit_feed = parsed(client, "/feeds/dinh-chinh/51.atom")
    assert _titles(unit_feed) == [title]
    assert unit_feed.find(f"{ATOM}entry/{ATOM}id").text == entry.findtext(f"{ATOM}id")  # one id everywhere
    assert _titles(parsed(client, "/feeds/dinh-chinh/21211.atom")) == []
    english = parsed(client, "/feeds/dinh-chinh.atom?lang=en").find(f"{ATOM}entry")
    assert english.findtext(f"{ATOM}title").startswith("Correction: ")
