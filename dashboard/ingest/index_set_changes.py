"""What a correcting file changes in a stored index set, field by field: names, maxima (per group), the
tree, groups, and the class scheme. Pure. May import: domain.
"""

from __future__ import annotations

from dashboard.domain.methods import ClassScheme, IndexSet


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _change(item: str, name: str, old: object, new: object) -> list[dict]:
    if old == new:
        return []
    return [{"item": item, "field": name, "old_value": _text(old), "new_value": _text(new)}]


def _bands(scheme: ClassScheme | None) -> dict[str, tuple[str, str, float]]:
    if scheme is None:
        return {}
    return {band.code: (band.label_vi, band.label_en, band.lower_bound) for band in scheme.bands}


def changes(old: IndexSet, new: IndexSet) -> list[dict]:
    """Every difference, as (item, field, old_value, new_value) records; item "" is the set itself."""
    found = _change("", "name_vi", old.name_vi, new.name_vi) + _change(
        "", "name_en", old.name_en, new.name_en
    )
    found += _change("", "first_year", old.first_year, new.first_year)
    found += _change("", "last_year", old.last_year, new.last_year)
    before = {indicator.code: indicator for indicator in old.indicators}
    after = {indicator.code: indicator for indicator in new.indicators}
    for code in sorted(before.keys() - after.keys()):
        found += _change(code, "index", before[code].name_vi, None)
    for code in after:
        if code not in before:
            found += _change(code, "index", None, after[code].name_vi)
            continue
        was, now = before[code], after[code]
        for name in (
            "name_vi",
            "name_en",
            "parent_code",
            "measure",
            "max_value",
            "sum_of_children",
            "higher_is_better",
        ):
            found += _change(code, name, getattr(was, name), getattr(now, name))
        for group in sorted(was.maxima.keys() | now.maxima.keys()):
            found += _change(code, f"max_value:{group}", was.maxima.get(group), now.maxima.get(group))
    groups_before = {group.code: group for group in old.groups}
    groups_after = {group.code: group for group in new.groups}
    for code in sorted(groups_before.keys() | groups_after.keys()):
        was_group, now_group = groups_before.get(code), groups_after.get(code)
        found += _change(
            f"group:{code}",
            "name_vi",
            was_group.name_vi if was_group else None,
            now_group.name_vi if now_group else None,
        )
    found += _change(
        "classes", "basis", old.scheme.basis if old.scheme else None, new.scheme.basis if new.scheme else None
    )
    bands_before, bands_after = _bands(old.scheme), _bands(new.scheme)
    for code in sorted(bands_before.keys() | bands_after.keys()):
        was_band, now_band = bands_before.get(code), bands_after.get(code)
        for position, name in enumerate(("label_vi", "label_en", "lower_bound")):
            found += _change(
                f"class:{code}",
                name,
                was_band[position] if was_band else None,
                now_band[position] if now_band else None,
            )
    return found
