"""What the importer checks against: units with their validity, indicators and methodologies.

May import: db, domain, names, parsing. Loaded from the database inside the import transaction.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from dashboard import db
from dashboard.db.index_sets import read_index_sets
from dashboard.domain import PROVINCE_CODE, RANKED_KINDS, valid_in_year
from dashboard.domain.methods import IndexSet
from dashboard.ingest.names import NameIndex, fold, name_keys
from dashboard.ingest.parsing import Problem

# Kinds resolved only among the units of Quảng Ngãi (parent PROVINCE_CODE), never of another province.
LOCAL_KINDS = frozenset(RANKED_KINDS)


def exact_key(text: str) -> str:
    """A name as written, compared without case or extra spaces (diacritics kept)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass
class Catalogue:
    """Reference data the importer validates against."""

    units: dict[str, dict] = field(default_factory=dict)
    indicators: dict[str, dict] = field(default_factory=dict)
    methodologies: dict[str, dict] = field(default_factory=dict)
    names: NameIndex = field(default_factory=NameIndex)
    _lookups: dict[tuple, tuple[str | None, str, str]] = field(default_factory=dict, repr=False)
    _by_kind: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _province_forms: list[tuple[str, str]] = field(default_factory=list, repr=False)
    # Names and aliases as written (case and spacing aside, diacritics kept): they decide where folding
    # cannot ("Xã Ba Tô" is not Xã Ba Tơ; the alias "UBND xã Ba Tơ" is Xã Ba Tơ).
    aliases: dict[str, set[str]] = field(default_factory=dict, repr=False)
    exact: dict[str, set[str]] = field(default_factory=dict, repr=False)  # names and aliases as written
    unit_groups: dict[str, list[dict]] = field(default_factory=dict)  # methodology -> its groups, in order
    index_sets: dict[str, IndexSet] = field(default_factory=dict)  # methodology -> its stored set
    versions: dict[str, list[dict]] = field(default_factory=dict, repr=False)  # code -> its names over time

    @classmethod
    def load(cls, connection: Connection) -> Catalogue:
        """Read units, names, indicators and methodologies."""
        catalogue = cls()
        for row in connection.execute(select(db.units)).mappings():
            catalogue.units[row["code"]] = dict(row)
        names: dict[str, set[str]] = {
            code: {u["name_vi"], u["name_en"]} for code, u in catalogue.units.items()
        }
        for row in connection.execute(select(db.unit_versions)).mappings():
            names[row["unit_code"]].update((row["name_vi"], row["name_en"]))
            catalogue.versions.setdefault(row["unit_code"], []).append(dict(row))
        for row in connection.execute(select(db.unit_aliases)).mappings():
            names[row["unit_code"]].add(row["alias"])
            catalogue.aliases.setdefault(exact_key(row["alias"]), set()).add(row["unit_code"])
        for code, written in names.items():
            for name in written:
                catalogue.exact.setdefault(exact_key(name), set()).add(code)
        for code in sorted(names):  # the current Vietnamese name first: it labels the unit in messages
            current = catalogue.units[code]["name_vi"]
            catalogue.names.add(code, [current, *sorted(names[code] - {current})])
        for row in connection.execute(select(db.indicators)).mappings():
            catalogue.indicators[row["code"]] = dict(row)
        for row in connection.execute(select(db.methodologies)).mappings():
            catalogue.methodologies[row["code"]] = dict(row)
        groups = select(db.unit_groups).order_by(db.unit_groups.c.sort_order)
        for row in connection.execute(groups).mappings():
            catalogue.unit_groups.setdefault(row["methodology"], []).append(dict(row))
        catalogue.index_sets = read_index_sets(connection)
        return catalogue

    def index_set_of(self, indicator: str) -> IndexSet | None:
        """The stored set an indicator belongs to (its classes and maxima per group), or None."""
        return self.index_sets.get(self.indicators[indicator]["methodology"])

    def unit_group(self, methodology: str, heading: str) -> str | None:
        """The method's unit group a block heading names ('II. Sở, ban, ngành không có thủ tục hành
        chính'), the longest name that fits; None: the default group (the method's common maxima)."""
        words = f" {fold(heading)} "
        fitting = [g for g in self.unit_groups.get(methodology, []) if f" {fold(g['name_vi'])} " in words]
        return max(fitting, key=lambda g: len(g["name_vi"]))["code"] if fitting else None

    def codes_valid_in(self, year: int, kind: str | None = None) -> set[str]:
        """Codes of the units (of a kind) that existed on 31 December of the year."""
        return {
            code
            for code, unit in self.units.items()
            if (kind is None or unit["kind"] == kind)
            and valid_in_year(unit["valid_from"], unit["valid_to"], year)
        }

    def _span(self, code: str) -> str:
        unit = self.units[code]
        # The dates as the source prints them ("2020"), not the bounds that decide validity.
        start, end = (unit.get(f"{e}_shown") or unit[e] or "…" for e in ("valid_from", "valid_to"))
        return f"{self.names.label(code)} valid {start} – {end}"

    def lookup_unit(self, text: str, *, year: int | None, kind: str | None) -> tuple[str | None, str, str]:
        """Return (code, rule, message) for a code or name: a code, or None with the rule broken and why.

        Never guesses: the most specific written form decides (see NameIndex.matches); among the units it
        names, only those of the expected kind that existed in the year count, and exactly one must remain.
        """
        key = (text, year, kind)
        if key not in self._lookups:
            self._lookups[key] = self._lookup(text, year=year, kind=kind)
        return self._lookups[key]

    def _candidates(self, kind: str | None) -> set[str] | None:
        """Units a name of this kind may name: a local kind only within the province; None for any."""
        if kind is None:
            return None
        if kind not in self._by_kind:
            self._by_kind[kind] = {
                code
                for code, unit in self.units.items()
                if unit["kind"] == kind and (kind not in LOCAL_KINDS or unit["parent_code"] == PROVINCE_CODE)
            }
        return self._by_kind[kind]

    def _other_province(self, text: str) -> str | None:
        """The other province a name ends with ('Sở Y tế tỉnh Bình Định' -> 'Tỉnh Bình Định (52)')."""
        if not self._province_forms:
            self._province_forms = [
                (f" {form}", code)
                for code in sorted(self._candidates("province") or ())
                if code != PROVINCE_CODE
                for form in name_keys(self.units[code]["name_vi"])
                if len(form) > 4  # never a bare word that ends many names
            ]
        folded = f" {fold(text)}"
        return next(
            (self.names.label(code) for form, code in self._province_forms if folded.endswith(form)), None
        )

    def _lookup(self, text: str, *, year: int | None, kind: str | None) -> tuple[str | None, str, str]:
        codes = {text} if text in self.units else set(self.exact.get(exact_key(text), ()))
        codes = codes or self.names.matches(text)
        allowed = self._candidates(kind)
        if not codes:
            closest = self.names.closest(text, among=allowed)
            suggestion = f"; closest: {'; '.join(closest)}" if closest else ""
            province = self._other_province(text) if kind in LOCAL_KINDS else None
            if province:
                return None, "other-province", f"names a unit of {province}, not of Quảng Ngãi{suggestion}"
            return None, "unknown-unit", "unknown unit" + suggestion
        of_kind = {c for c in codes if kind is None or self.units[c]["kind"] == kind}
        if of_kind and allowed is not None and of_kind.isdisjoint(allowed):
            found = "; ".join(self.names.label(c) for c in sorted(of_kind))
            closest = self.names.closest(text, among=allowed)
            return (
                None,
                "other-province",
                f"not a unit of Quảng Ngãi: {found}"
                + (f"; closest: {'; '.join(closest)}" if closest else ""),
            )
        if allowed is not None:
            of_kind &= allowed
        if not of_kind:
            found = "; ".join(f"{self.names.label(c)} is a {self.units[c]['kind']}" for c in sorted(codes))
            return None, "unit-kind", f"expected a {kind}: {found}"
        valid = {c for c in of_kind if year is None or valid_in_year(**self._validity(c), year=year)}
        if len(valid) > 1 and year is not None:
            valid = self._named_so_in(text, valid, year) or valid
        if len(valid) == 1:
            return next(iter(valid)), "", ""
        if valid:
            return (
                None,
                "ambiguous-unit",
                "ambiguous unit name; candidates: " + "; ".join(sorted(self.names.label(c) for c in valid)),
            )
        spans = "; ".join(self._span(c) for c in sorted(of_kind))
        return None, "unit-validity", f"no such unit existed on 31 December {year} ({spans})"

    def _named_so_in(self, text: str, codes: set[str], year: int) -> set[str]:
        """The units among `codes` that bore a name fitting `text` in the year: "Lào Cai" in 2017 is Tỉnh
        Lào Cai (10), not code 15, which was Tỉnh Yên Bái until the name passed to it on 1/7/2025."""
        of_year = NameIndex()
        for code in codes:
            versions = self.versions.get(code, [])
            current = [v for v in versions if valid_in_year(v["valid_from"], v["valid_to"], year)]
            of_year.add(code, [n for v in current for n in (v["name_vi"], v["name_en"])])
        return of_year.matches(text) & codes

    def _validity(self, code: str) -> dict:
        unit = self.units[code]
        return {"valid_from": unit["valid_from"], "valid_to": unit["valid_to"]}

    def resolve_unit(
        self,
        text: str,
        *,
        year: int | None,
        kind: str | None,
        file: str,
        row: int,
        column: str,
        problems: list[Problem],
    ) -> str | None:
        """Return the code for a code or name valid in the year; append a problem and return None if not."""
        if not text:
            problems.append(Problem(file, row, column, None, "required-value", "unit is missing"))
            return None
        code, rule, message = self.lookup_unit(text, year=year, kind=kind)
        if code is None:
            problems.append(Problem(file, row, column, text, rule, message))
        return code

    def check_range(
        self, code: str, value: float | None, *, file: str, row: int, column: str, problems: list[Problem]
    ) -> None:
        """Append a problem when a value lies outside its indicator's valid range."""
        if value is None:
            return
        indicator = self.indicators[code]
        low, high = indicator["min_value"], indicator["max_value"]
        if (low is not None and value < low) or (high is not None and value > high):
            low_text = "-∞" if low is None else f"{low:g}"
            high_text = "∞" if high is None else f"{high:g}"
            problems.append(
                Problem(
                    file,
                    row,
                    column,
                    f"{value:g}",
                    "range",
                    f"{code} must lie between {low_text} and {high_text}",
                )
            )

    def children(self, code: str) -> list[str]:
        """Sub-indices of an index, in their published order."""
        return sorted(
            (c for c, i in self.indicators.items() if i["parent_code"] == code),
            key=lambda c: self.indicators[c]["sort_order"],
        )

    def check_total(
        self,
        total_code: str,
        values: dict[str, float | None],
        *,
        file: str,
        row: int,
        column: str | None = None,
    ) -> list[Problem]:
        """Compare a published total with its sub-indices where the methodology defines the sum."""
        rule = self.methodologies[self.indicators[total_code]["methodology"]]["total_rule"]
        parts = self.children(total_code)
        total = values.get(total_code)
        if (
            rule not in ("sum", "percent_of_max")
            or total is None
            or any(values.get(p) is None for p in parts)
        ):
            return []
        known = {p: float(values[p]) for p in parts}  # type: ignore[arg-type]  # none is None (above)
        # A penalty (less is better) is taken off, however it is printed (10 or -10 in "Điểm trừ").
        expected = sum(known[p] if self.indicators[p]["higher_is_better"] else -abs(known[p]) for p in parts)
        if rule == "percent_of_max":
            maxima = [self.indicators[p]["max_value"] for p in parts]
            if not parts or any(m is None for m in maxima) or not sum(maxima):
                return []
            expected = 100 * expected / sum(maxima)
        if abs(expected - total) > 0.015:  # published tables round to two decimals
            return [
                Problem(
                    file,
                    row,
                    column or total_code,
                    f"{total:g}",
                    "total",
                    f"total differs from its sub-indices ({expected:.2f})",
                    "warning",
                )
            ]
        return []
