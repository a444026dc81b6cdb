"""Texts of the open-data pages and downloads."""

TEXTS: dict[str, dict[str, str]] = {
    "vi": {},
    "en": {},
}
