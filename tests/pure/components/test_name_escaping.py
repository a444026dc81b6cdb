"""Unit names are text in the rankings grid's markdown cells, never links, images or HTML (issue 15)."""

from __future__ import annotations

import html

import markdown_it  # CommonMark, as the grid's react-markdown renders it
import pytest

from dashboard.components.grid import markdown_text

NAMES = [
    "Sở A ![x](http://evil.example/i.png)",
    "[click](javascript:alert(1))",
    "<b>UBND</b> & <img src=x onerror=alert(1)>",
    "**bold** _it_ `code` # heading",
    "Huyện Lý Sơn",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_renders_as_its_own_text_inside_the_profile_link(name):
    rendered = markdown_it.MarkdownIt("commonmark").render(f"[{markdown_text(name)}](/don-vi/525)")
    assert rendered.count("<a ") == 1 and 'href="/don-vi/525"' in rendered
    assert "<img" not in rendered and 'href="javascript' not in rendered and "<b>" not in rendered
    text = rendered.split(">", 2)[2].rsplit("</a>", 1)[0]  # what the link shows
    assert html.unescape(text) == name
