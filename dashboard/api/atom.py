"""A pure Atom 1.0 writer (RFC 4287): a feed and its entries in, UTF-8 XML out. Imports nothing of ours."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.etree import ElementTree

NAMESPACE = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Link:
    """An atom:link: where it goes and what it is to the entry or feed."""

    href: str
    rel: str = "alternate"
    type: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Entry:
    """An atom:entry (id, title and updated are required; a link or content says where it is)."""

    id: str
    title: str
    updated: datetime
    summary: str
    links: Sequence[Link] = ()
    published: datetime | None = None
    categories: Sequence[str] = ()


@dataclass(frozen=True)
class Feed:
    """An atom:feed with its self and alternate links and its author (which every entry inherits)."""

    id: str
    title: str
    updated: datetime
    author: str
    lang: str
    links: Sequence[Link] = ()
    entries: Sequence[Entry] = field(default_factory=tuple)


def timestamp(moment: datetime) -> str:
    """RFC 3339 in UTC ('2026-03-20T08:00:00Z'), as Atom's date constructs require."""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _text(parent: ElementTree.Element, name: str, text: str, **attributes: str) -> None:
    ElementTree.SubElement(parent, f"{{{NAMESPACE}}}{name}", attributes).text = text


def _links(parent: ElementTree.Element, links: Sequence[Link]) -> None:
    for link in links:
        attributes = {"rel": link.rel, "href": link.href}
        attributes |= {"type": link.type} if link.type else {}
        attributes |= {"title": link.title} if link.title else {}
        ElementTree.SubElement(parent, f"{{{NAMESPACE}}}link", attributes)


def to_xml(feed: Feed) -> bytes:
    """The feed document."""
    ElementTree.register_namespace("", NAMESPACE)
    root = ElementTree.Element(
        f"{{{NAMESPACE}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": feed.lang}
    )
    _text(root, "id", feed.id)
    _text(root, "title", feed.title)
    _text(root, "updated", timestamp(feed.updated))
    author = ElementTree.SubElement(root, f"{{{NAMESPACE}}}author")
    _text(author, "name", feed.author)
    _links(root, feed.links)
    for entry in feed.entries:
        node = ElementTree.SubElement(root, f"{{{NAMESPACE}}}entry")
        _text(node, "id", entry.id)
        _text(node, "title", entry.title)
        _text(node, "updated", timestamp(entry.updated))
        if entry.published is not None:
            _text(node, "published", timestamp(entry.published))
        for term in entry.categories:
            ElementTree.SubElement(node, f"{{{NAMESPACE}}}category", {"term": term})
        _links(node, entry.links)
        _text(node, "summary", entry.summary)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
