"""What the annex preview offers for a unit the annex names but the catalogue lacks: take the written name
as an alias of a near unit, or add it as a new unit, published with the annex in one transaction (or not
at all). Never silent: only what the officer chose is applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from dashboard.ingest.names import fold
from dashboard.ingest.parsing import Problem
from dashboard.ingest.unit_changes import KINDS, Change
from dashboard.ingest.unit_store import apply_changes

_LABEL_CODE = re.compile(r"\(([^()]+)\)$")


@dataclass(frozen=True)
class Unknown:
    """A name the annex uses that names no unit, with the near units it could be."""

    name: str
    near: tuple[tuple[str, str], ...]  # (code, label)


def unknown_units(problems: list[Problem]) -> list[Unknown]:
    """The distinct unknown names of a preview's problems, with the closest units its message lists."""
    found: dict[str, Unknown] = {}
    for problem in problems:
        if problem.rule != "unknown-unit" or not problem.value or problem.value in found:
            continue
        labels = (
            problem.message.split("closest: ", 1)[1].split("; ") if "closest: " in problem.message else []
        )
        near = tuple((m.group(1), label) for label in labels if (m := _LABEL_CODE.search(label)))
        found[problem.value] = Unknown(problem.value, near)
    return list(found.values())


def encode(choices: dict[str, str]) -> str:
    """The officer's choices as one hidden field: a line 'choice<TAB>name' each ('alias:CODE', 'add:KIND')."""
    return "\n".join(f"{choice}\t{name}" for name, choice in sorted(choices.items()) if choice)


def decode(text: str) -> dict[str, str]:
    """The choices back from the hidden field (malformed lines are ignored: they change nothing)."""
    pairs = (line.split("\t", 1) for line in (text or "").splitlines() if "\t" in line)
    return {
        name: choice
        for choice, name in pairs
        if re.fullmatch(r"(alias:[A-Za-z0-9-]{1,40}|add:[a-z]+)", choice)
    }


def changes(choices: dict[str, str], *, document: str, source_url: str, issuer: str) -> list[Change]:
    """The unit changes the choices make: an alias of the chosen unit, or a new unit whose legal basis is
    the annex's own document (it lists the unit); its start date is left unknown, never made up."""
    made = []
    for row, (name, choice) in enumerate(sorted(choices.items()), start=1):
        action, target = choice.split(":", 1)
        if action == "alias":
            made.append(Change(action="alias", code=target, row=row, alias=name))
        elif target in KINDS:
            code = fold(name).replace(" ", "-")[:40].strip("-")
            made.append(
                Change(
                    action="add",
                    code=code,
                    row=row,
                    kind=target,
                    name_vi=name,
                    name_en=name,
                    legal_basis=document,
                    source_url=source_url,
                    issuer=issuer,
                )
            )
    return made


def preparer(path: Path, made: list[Change]):
    """The import's first step: apply the chosen changes in its transaction (None when nothing was chosen)."""
    if not made:
        return None

    def prepare(connection: Connection) -> None:
        apply_changes(connection, path, made)

    return prepare
