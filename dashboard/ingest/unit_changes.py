"""The officer's units file, row by row: read one change (add, rename, merge, split, end, alias), check it
against the units as they stand (the rows above it already applied), and apply it. Every problem names the
file, the row and the column.

The date of a row is the day the change takes effect ("từ ngày"): a unit added, renamed or split off exists
under its name from that day; a unit ended, or merged into another, exists until the day before. A split
forms a new unit from part of one or more units, which go on (an `end` row ends one split up wholly).

May import: db, domain, ingest. Run inside unit_store's transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from sqlalchemy import Connection, func, insert, select, update

from dashboard import db
from dashboard.domain import PROVINCE_CODE
from dashboard.ingest.catalogue import exact_key
from dashboard.ingest.cells import text_cell
from dashboard.ingest.names import fold
from dashboard.ingest.parsing import Problem, Row, parse_date

ACTIONS = ("add", "rename", "merge", "split", "end", "alias")
JOINING = ("merge", "split")  # the actions that name the units a unit comes from (from_codes)
COLUMNS = ("action", "code", "kind", "parent_code", "name_vi", "name_en", "date", "from_codes", "alias",
           "legal_basis", "source_url", "issuer")  # fmt: skip
REQUIRED_COLUMNS = ("action", "code")
CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")
KINDS = ("department", "commune")  # what the province itself adds: its agencies and its communes
WEB = ("http://", "https://")
# problem(column, value, rule, message): one problem of the row being read or checked
ReportProblem = Callable[[str, str | None, str, str], None]
# A commune's type, from how its name begins (as units.csv writes it).
_SUBTYPES = (("Phường", "ward"), ("Đặc khu", "special zone"), ("Thị trấn", "township"))


@dataclass
class Change:
    """One row of the units file as checked."""

    action: str
    code: str
    row: int
    date: str | None = None  # ISO day the change takes effect
    kind: str = ""
    parent_code: str = PROVINCE_CODE
    name_vi: str = ""
    name_en: str = ""
    from_codes: list[str] = field(default_factory=list)
    alias: str = ""
    legal_basis: str = ""
    source_url: str = ""
    issuer: str = ""

    def to_json(self) -> str:
        """The change as the journal keeps it."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Change:
        return cls(**json.loads(text))

    @property
    def creates_unit(self) -> bool:
        """Whether the change makes a new unit (a merge may instead name the unit that takes the others)."""
        return self.action in ("add", "split") or (self.action == "merge" and bool(self.name_vi))

    @property
    def day(self) -> dt.date:  # dt: the field `date` shadows the type inside the class
        return dt.date.fromisoformat(self.date or "")


def read_change(row: Row, file: str, problems: list[Problem]) -> Change | None:
    """The change a row describes, with its own problems (cells missing or malformed); None if unusable."""

    def problem(column: str, value: str | None, rule: str, message: str) -> None:
        problems.append(Problem(file, row.number, column, value, rule, message))

    action, code = text_cell(row, "action").lower(), text_cell(row, "code")
    if action not in ACTIONS:
        problem("action", action, "action", f"must be one of {', '.join(ACTIONS)}")
        return None
    if not CODE.match(code):
        problem("code", code, "code" if code else "required-value", "a unit code: letters, digits, '-'")
        return None
    change = Change(action=action, code=code, row=row.number)
    for name in ("kind", "name_vi", "name_en", "alias", "legal_basis", "source_url", "issuer"):
        setattr(change, name, text_cell(row, name))
    change.parent_code = text_cell(row, "parent_code") or PROVINCE_CODE
    change.from_codes = [c.strip() for c in text_cell(row, "from_codes").split(";") if c.strip()]
    before = len(problems)
    _check_when_and_why(row, change, problem)
    _check_names_and_kind(change, problem)
    return change if len(problems) == before else None


def _check_when_and_why(row: Row, change: Change, problem: ReportProblem) -> None:
    """A change takes effect on a day and by a document; an alias needs the name an annex writes."""
    if change.action != "alias":
        raw = text_cell(row, "date")[:10]
        try:
            day = parse_date(raw) if len(raw) == 10 else None
        except ValueError:
            day = None
        if day is None:
            problem("date", raw, "date" if raw else "required-value", "the day it takes effect: YYYY-MM-DD")
        else:
            change.date = day.isoformat()
        if not change.legal_basis:
            problem("legal_basis", None, "required-value", "the document that decides it")
    elif not change.alias:
        problem("alias", None, "required-value", "how an annex writes the unit's name")
    if change.source_url and not change.source_url.lower().startswith(WEB):
        problem("source_url", change.source_url, "url", "not an http(s) link")


def _check_names_and_kind(change: Change, problem: ReportProblem) -> None:
    """A new or renamed unit has both names and a known kind; a merge or split names what it joins."""
    action = change.action
    if action in ("add", "merge", "split", "rename"):
        needed = ("name_vi", "name_en") if action != "merge" or change.name_vi else ()
        for column in needed:
            if not getattr(change, column):
                problem(column, None, "required-value", f"{column} is missing")
    if (action in ("add", "split") or (action == "merge" and change.kind)) and change.kind not in KINDS:
        problem("kind", change.kind, "unit-kind", f"kind must be one of {', '.join(KINDS)}")
    if action in JOINING and not change.from_codes:
        what = "merged" if action == "merge" else "split"
        problem("from_codes", None, "required-value", f"the units {what}, separated by ';'")


def _unit(connection: Connection, code: str) -> dict | None:
    row = connection.execute(select(db.units).where(db.units.c.code == code)).mappings().first()
    return dict(row) if row else None


def _valid_on(unit: dict, day: date) -> bool:
    return (unit["valid_from"] is None or unit["valid_from"] <= day) and (
        unit["valid_to"] is None or unit["valid_to"] >= day
    )


def check_change(
    connection: Connection, change: Change, file: str, aliases: dict[str, set[str]]
) -> list[Problem]:
    """What stops the change, given the units as they stand: a reused code, an unknown unit, validity that
    would overlap, a merge or split whose predecessors did not exist the day before, an alias naming another
    unit."""
    problems: list[Problem] = []

    def problem(column: str, value: str | None, rule: str, message: str) -> None:
        problems.append(Problem(file, change.row, column, value, rule, message))

    unit = _unit(connection, change.code)
    if change.creates_unit:
        if unit is not None:
            problem("code", change.code, "duplicate", f"code already used by {unit['name_vi']}")
        if change.parent_code and _unit(connection, change.parent_code) is None:
            problem("parent_code", change.parent_code, "unknown-unit", "parent unit is not known")
    elif unit is None:
        problem("code", change.code, "unknown-unit", "no unit has this code")
        return problems
    if change.action in JOINING:
        _check_joined(connection, change, unit, problem)
    elif change.action in ("rename", "end") and unit is not None:
        _check_validity(connection, change, unit, problem)
    elif change.action == "alias":
        others = aliases.get(exact_key(change.alias), set()) - {change.code}
        if others:
            problem("alias", change.alias, "ambiguous-unit", "already names " + "; ".join(sorted(others)))
    return problems


def _check_joined(connection: Connection, change: Change, unit: dict | None, problem: ReportProblem) -> None:
    """A merge or split joins units that existed the day before, into one that exists on the day."""
    before = change.day - timedelta(days=1)
    for code in change.from_codes:
        old = _unit(connection, code)
        if old is None or code == change.code:
            problem("from_codes", code, "unknown-unit", "no unit has this code")
        elif not _valid_on(old, before):
            problem("from_codes", code, "lineage", f"{old['name_vi']} did not exist on {before}")
    if unit is not None and not change.name_vi and not _valid_on(unit, change.day):
        problem("code", change.code, "lineage", f"{unit['name_vi']} does not exist on {change.date}")


def _check_validity(connection: Connection, change: Change, unit: dict, problem: ReportProblem) -> None:
    """A rename or an end falls after the unit's latest version began and before it ended."""
    latest = connection.execute(
        select(func.max(db.unit_versions.c.valid_from)).where(db.unit_versions.c.unit_code == change.code)
    ).scalar()
    if (latest and change.day <= latest) or (unit["valid_from"] and change.day <= unit["valid_from"]):
        problem("date", change.date, "validity", f"overlaps the version valid from {latest}")
    elif unit["valid_to"] is not None and unit["valid_to"] < change.day:
        problem("date", change.date, "validity", f"{unit['name_vi']} ended on {unit['valid_to']}")


def _subtype(change: Change) -> tuple[str, str]:
    if change.kind == "department":
        return "Sở, ban, ngành", "Provincial agency"
    folded = fold(change.name_vi)
    return next(((vi, en) for vi, en in _SUBTYPES if folded.startswith(fold(vi) + " ")), ("Xã", "commune"))


def _end(connection: Connection, code: str, last_day: date) -> None:
    """The unit, and its open name, exist until last_day."""
    versions = db.unit_versions.c
    connection.execute(update(db.units).where(db.units.c.code == code).values(valid_to=last_day))
    connection.execute(
        update(db.unit_versions)
        .where(versions.unit_code == code, versions.valid_to.is_(None) | (versions.valid_to > last_day))
        .values(valid_to=last_day)
    )


def apply_to(connection: Connection, change: Change, code: str, source_id: str | None) -> None:
    """Apply what the change does to one unit (the journal replays a change unit by unit)."""
    if change.creates_unit and code == change.code:
        subtype_vi, subtype_en = _subtype(change)
        connection.execute(
            insert(db.units).values(
                code=code,
                kind=change.kind,
                parent_code=change.parent_code,
                name_vi=change.name_vi,
                name_en=change.name_en,
                valid_from=change.day if change.date else None,  # an annex's new unit: from when, unsaid
                source_id=source_id,
            )
        )
        connection.execute(
            insert(db.unit_versions).values(
                unit_code=code,
                name_vi=change.name_vi,
                name_en=change.name_en,
                subtype_vi=subtype_vi,
                subtype_en=subtype_en,
                valid_from=change.day if change.date else None,
                note=change.legal_basis,
            )
        )
    elif (change.action == "merge" and code in change.from_codes) or change.action == "end":
        _end(connection, code, change.day - timedelta(days=1))
    elif change.action == "rename":
        versions = db.unit_versions.c
        latest = (
            connection.execute(
                select(db.unit_versions)
                .where(versions.unit_code == code)
                .order_by(versions.valid_from.desc().nulls_last())
            )
            .mappings()
            .first()
        )
        subtype = (latest["subtype_vi"], latest["subtype_en"]) if latest else ("", "")
        connection.execute(
            update(db.unit_versions)
            .where(versions.unit_code == code, versions.valid_to.is_(None))
            .values(valid_to=change.day - timedelta(days=1))
        )
        connection.execute(
            insert(db.unit_versions).values(
                unit_code=code,
                name_vi=change.name_vi,
                name_en=change.name_en,
                subtype_vi=subtype[0],
                subtype_en=subtype[1],
                valid_from=change.day,
                note=change.legal_basis,
            )
        )
        names = {"name_vi": change.name_vi, "name_en": change.name_en}
        connection.execute(update(db.units).where(db.units.c.code == code).values(**names))
    elif change.action == "alias":
        exists = connection.execute(
            select(db.unit_aliases).where(
                db.unit_aliases.c.unit_code == code, db.unit_aliases.c.alias == change.alias
            )
        ).first()
        if not exists:
            connection.execute(insert(db.unit_aliases).values(unit_code=code, alias=change.alias))


def units_touched(change: Change) -> list[str]:
    """The units a change acts on (a merge: its predecessors and the unit formed; a split: the unit formed,
    as its predecessors go on unchanged)."""
    return [*change.from_codes, change.code] if change.action == "merge" else [change.code]


def lineage_rows(change: Change, source_id: str | None) -> list[dict]:
    """A merge's or a split's lineage: each predecessor merged into the unit (or part of it split off to
    form it), on the day, by the document."""
    if change.action not in JOINING:
        return []
    return [
        {
            "from_code": code,
            "to_code": change.code,
            "event": "merged_into" if change.action == "merge" else "split_into",
            "event_date": change.day,
            "legal_basis": change.legal_basis,
            "indicative": False,
            "note": None,
            "source_id": source_id,
        }
        for code in change.from_codes
    ]
