"""A source's own words in the page's language: the connectives of an issuer ("citing", "đăng lại trên"),
stored "vi / en" pairs, licences, and the language a figure was printed in (for its quote's `lang`).

Pure: plain text in, text out. May import: i18n.
"""

from __future__ import annotations

import re

from dashboard.i18n import CATALOGS, normalize_language

# How a stored issuer says whom an article cites or republishes ("Dân trí (citing Bộ KH&CN)"), in each
# language; the names around these words stay as published. Longest first, so that "republishing" is
# never read as "republished" + "ing".
ISSUER_WORDS = (
    ("community dataset on GitHub", "bộ dữ liệu cộng đồng trên GitHub"),
    ("republishing", "đăng lại bài của"),
    ("republished on", "đăng lại trên"),
    ("republished", "đăng lại"),
    ("cited in", "dẫn trong"),
    ("aggregating", "tổng hợp"),
    ("citing", "dẫn"),
)
_BRACKETS = re.compile(r"\(([^()]*)\)")


def issuer_in(issuer: str, lang: str) -> str:
    """An issuer with its bracketed connectives ("citing", "đăng lại trên") in the page's language."""
    vietnamese = normalize_language(lang) == "vi"
    pairs = sorted(ISSUER_WORDS, key=lambda pair: -len(pair[0 if vietnamese else 1]))

    def translated(match: re.Match[str]) -> str:
        text = match[1]
        for english, vietnamese_words in pairs:
            wrong, right = (english, vietnamese_words) if vietnamese else (vietnamese_words, english)
            text = re.sub(rf"(?<!\w){re.escape(wrong)}(?!\w)", right, text)
        return f"({text})"

    return _BRACKETS.sub(translated, issuer)


def in_language(text: object, lang: str) -> str:
    """A stored 'Vietnamese / English' pair (licences, labels) in the page's language; else as stored."""
    if text is None or (isinstance(text, float) and text != text):  # None or NaN
        return ""
    parts = str(text).split(" / ")
    if len(parts) != 2:
        return str(text)
    return parts[0] if normalize_language(lang) == "vi" else parts[1]


_VIETNAMESE_LETTER = re.compile(r"[À-ỹĐđ]")
_LOWERCASE_WORD = re.compile(r"\b[a-z]{2,}\b")
_WORD = re.compile(r"\b[^\W\d_]{2,}\b")


def printed_language(printed: str) -> str:
    """The language a source printed a figure in ('trên 99%' vi, '100 percent' en), for its quote's `lang`:
    English-language pages are quoted as they printed, and say so to a screen reader."""
    # By its words, not its names: "Quảng Ngãi scored 82.01 points" is English with a Vietnamese name in it.
    words = [word for word in _WORD.findall(printed) if word[0].islower()]
    if not words or not _LOWERCASE_WORD.search(printed):
        return "vi"
    vietnamese = sum(1 for word in words if _VIETNAMESE_LETTER.search(word))
    return "vi" if vietnamese * 2 >= len(words) else "en"


def licence_in(licence: object, lang: str) -> str:
    """A stored licence in the page's language (i18n/texts/licences.py), or its 'vi / en' half."""
    key = f"licence_text.{licence}"
    return CATALOGS[normalize_language(lang)].get(key) or in_language(licence, lang)
