"""Texts of the overview, rankings and profile pages."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {},
    "en": {},
}
