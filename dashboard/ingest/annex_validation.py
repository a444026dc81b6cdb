"""A published annex checked against the reference data and turned into tidy records.

Pure apart from reading a mapping file. May import: annex, catalogue, checks, dataset, parsing, tables.
"""

from __future__ import annotations

from dataclasses import replace

from dashboard.config import REPO_ROOT
from dashboard.ingest.annex import AnnexRow, Mapping, locate_columns, parse_annex
from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.checks import (
    FIRST_YEAR,
    LAST_YEAR,
    add_note,
    check_ranks_and_classes,
    duplicates,
    published_class,
)
from dashboard.ingest.dataset import Dataset
from dashboard.ingest.parsing import AmbiguousNumber, Problem, parse_number
from dashboard.ingest.tables import Table

MAPPINGS_DIR = REPO_ROOT / "data" / "mappings"


def annex_year(dataset: Dataset) -> tuple[int | None, list[Problem]]:
    """The annex's year from its metadata ('2023' as text is accepted)."""
    year = dataset.meta.get("year")
    if isinstance(year, str) and year.strip().isdigit():
        year = int(year)
    if not isinstance(year, int) or isinstance(year, bool) or not FIRST_YEAR <= year <= LAST_YEAR:
        problem = Problem(
            dataset.path.name,
            None,
            "year",
            str(year),
            "metadata",
            "the annex's year is missing or implausible",
        )
        return None, [problem]
    return year, []


def resolve_mapping(dataset: Dataset, catalogue: Catalogue) -> tuple[Mapping | None, list[Problem]]:
    """The annex's mapping: the file its metadata names, else data/mappings/<methodology>.json, else the
    methodology's own indicator names (nothing to write for a new methodology)."""
    file, meta = dataset.path.name, dataset.meta
    if meta.get("mapping"):
        path = dataset.path.parent / meta["mapping"]
    elif meta.get("methodology"):
        path = MAPPINGS_DIR / f"{meta['methodology']}.json"
    else:
        return None, [
            Problem(file, None, "methodology", None, "metadata", "name the methodology (--methodology CODE)")
        ]
    if not path.is_file():
        if meta.get("mapping") or meta["methodology"] not in catalogue.methodologies:
            value = str(meta.get("mapping") or meta["methodology"])
            message = "mapping file not found" if meta.get("mapping") else "unknown methodology"
            return None, [Problem(file, None, "mapping", value, "metadata", message)]
        try:
            return Mapping.of_methodology(meta["methodology"], catalogue.indicators), []
        except ValueError as error:
            return None, [Problem(file, None, "methodology", meta["methodology"], "metadata", str(error))]
    try:
        mapping = Mapping.load(path)
    except (ValueError, KeyError, TypeError) as error:  # JSONDecodeError is a ValueError
        return None, [
            Problem(
                file, None, "mapping", str(path.name), "metadata", f"mapping file is not valid ({error!r})"
            )
        ]
    if meta.get("methodology") and meta["methodology"] != mapping.methodology:
        message = f"the mapping is for methodology {mapping.methodology}"
        return None, [Problem(file, None, "methodology", meta["methodology"], "metadata", message)]
    return mapping, []


def validate_annex(
    dataset: Dataset, table: Table, catalogue: Catalogue, mapping: Mapping, *, accept: bool = False
) -> tuple[list[dict], list[Problem]]:
    """Check a published annex and turn it into tidy records, with rank/class/total consistency."""
    file = dataset.path.name
    year, problems = annex_year(dataset)
    if year is None:
        return [], problems
    method = catalogue.methodologies.get(mapping.methodology)
    if method is None or not method["first_year"] <= year <= (method["last_year"] or LAST_YEAR):
        message = f"methodology {mapping.methodology} does not cover {year}"
        return [], [Problem(file, None, "year", str(year), "methodology", message)]
    annex_rows, problems = _parsed_rows(dataset, table, mapping, file=file)
    roles = locate_columns(table.header, mapping)
    unit_column, rank_column, class_column = (
        roles["unit"] or "Đơn vị",
        roles["rank"] or "",
        roles["class"] or "",
    )
    source = dataset.source_id(dataset.local_source_ids[0])
    index_set = catalogue.index_sets.get(mapping.methodology)
    records: list[dict] = []
    by_group: dict[str, list[tuple[dict, int | None, str | None]]] = {}
    for annex_row in annex_rows:
        unit = catalogue.resolve_unit(
            annex_row.unit_name,
            year=year,
            kind=annex_row.group_kind,
            file=file,
            row=annex_row.row,
            column=unit_column,
            problems=problems,
        )
        values = _values(annex_row, mapping, catalogue, file, problems)
        class_code = None
        if annex_row.class_label:
            class_code, message = published_class(index_set, annex_row.class_label)
            if class_code is None:
                problems.append(
                    Problem(file, annex_row.row, class_column, annex_row.class_label, "class", message)
                )
        if unit is None:
            continue
        base = {
            "row": annex_row.row,
            "unit_code": unit,
            "year": year,
            "source_id": source,
            "unit_group": catalogue.unit_group(mapping.methodology, annex_row.group_label),
        }
        row_records, total_record = _row_records(annex_row, values, base, class_code, mapping, catalogue)
        records += row_records
        if total_record is not None and annex_row.not_ranked:
            continue  # listed as published, outside the ranked group: never counted, never given a rank
        if total_record is not None:
            problems += catalogue.check_total(
                mapping.total, values, file=file, row=annex_row.row, column=annex_row.columns[mapping.total]
            )
            by_group.setdefault(annex_row.group_label, []).append((total_record, annex_row.rank, class_code))
    if any(p.severity == "error" for p in problems):  # ranks recomputed from a partly read table mislead
        return records, problems
    for group in by_group.values():
        for record, _, _ in group:
            record["rank_of"] = len(group)
        problems += check_ranks_and_classes(
            group,
            mapping.total,
            catalogue,
            file,
            rank_column=rank_column,
            class_column=class_column,
            accept=accept,
        )
    problems += duplicates(records, file)
    return records, problems


def _parsed_rows(
    dataset: Dataset, table: Table, mapping: Mapping, *, file: str
) -> tuple[list[AnnexRow], list[Problem]]:
    """The annex's unit rows; the first problem (an 'info') also says where the header was found."""
    annex_rows, problems = parse_annex(
        table.header,
        table.rows,
        mapping,
        file=file,
        declared_groups=dataset.meta.get("groups", {}),
        header_row=table.header_row,
    )
    if problems and problems[0].severity == "info":  # where the header was, before which columns
        problems[0] = replace(problems[0], message=f"{table.describe()}; {problems[0].message}")
    return annex_rows, problems


def _row_records(
    annex_row: AnnexRow,
    values: dict[str, float | None],
    base: dict,
    class_code: str | None,
    mapping: Mapping,
    catalogue: Catalogue,
) -> tuple[list[dict], dict | None]:
    """One tidy record per index of a unit's row (`base`: row, unit, year, source, group), and the total's
    record, which alone carries the published rank and class."""
    records: list[dict] = []
    total_record = None
    for code, value in values.items():
        published = annex_row.published[code]
        record = {
            "row": base["row"],
            "unit_code": base["unit_code"],
            "year": base["year"],
            "period": str(base["year"]),
            "indicator_code": code,
            "gov_level": "",
            "value": value,
            "value_high": None,
            "qualifier": "exact",
            "value_published": None if published is None else str(published),
            "rank": None,
            "rank_of": None,
            "class_label": None,
            "note": None,
            "source_id": base["source_id"],
            "unit_group": base["unit_group"],
            "not_ranked": annex_row.not_ranked,  # every index of the row: the unit is ranked on none
        }
        for mark in annex_row.footnotes:
            add_note(record, f"footnote {mark} in the published table")
        if code == mapping.total:
            record.update(rank=annex_row.rank, class_label=class_code)
            if annex_row.total_scale and annex_row.total_scale != _scale(catalogue, code):
                add_note(record, f"published in {annex_row.total_scale}: {published}")
            total_record = record
        records.append(record)
    return records, total_record


def _scale(catalogue: Catalogue, code: str) -> str:
    return "percent" if catalogue.indicators[code]["measure"] == "percent" else "points"


def _values(
    annex_row: AnnexRow, mapping: Mapping, catalogue: Catalogue, file: str, problems: list[Problem]
) -> dict[str, float | None]:
    """Parse a row's index cells; a total printed in the other scale is converted with the maximum."""
    values: dict[str, float | None] = {}
    for code, cell in annex_row.values.items():
        column = annex_row.columns[code]
        try:
            values[code] = parse_number(cell)
        except AmbiguousNumber as question:
            problems.append(
                Problem(file, annex_row.row, column, str(cell), "ambiguous-number", str(question))
            )
            continue
        except ValueError:
            problems.append(Problem(file, annex_row.row, column, str(cell), "type", "not a number"))
            continue
        if code == mapping.total and annex_row.total_scale and values[code] is not None:
            converted = _convert_total(catalogue, code, values[code], annex_row.total_scale)
            if converted is None:
                message = f"{code} is not published in {annex_row.total_scale} and its maximum is unknown"
                problems.append(Problem(file, annex_row.row, column, str(cell), "scale", message))
                del values[code]
                continue
            values[code] = converted
        catalogue.check_range(
            code, values[code], file=file, row=annex_row.row, column=column, problems=problems
        )
    return values


def _convert_total(catalogue: Catalogue, code: str, value: float, scale: str) -> float | None:
    """Express a total printed in points as percent of the maximum, or the other way round."""
    if scale == _scale(catalogue, code):
        return value
    indicator = catalogue.indicators[code]
    maxima = [catalogue.indicators[c]["max_value"] for c in catalogue.children(code)]
    maximum = sum(maxima) if maxima and None not in maxima else None
    if scale == "points":  # the methodology's total is a percentage of the maximum score
        return 100 * value / maximum if maximum else None
    return value * indicator["max_value"] / 100 if indicator["max_value"] else None
