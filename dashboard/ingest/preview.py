"""The dry run's HTML preview: each ranking table as it will be published, and what it changes.

Pure (returns text). May import: guards, parsing. A self-contained page: no script, no external file.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from html import escape as _escape

from dashboard.ingest.guards import Diff, shown
from dashboard.ingest.parsing import first_problems

escape = partial(_escape, quote=False)  # text nodes only: quotes in a problem stay readable
STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem}"
    "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #999;padding:.2rem .5rem}"
    "td.n{text-align:right}.added{background:#e6ffe6}.removed{background:#ffe6e6}"
)


def render(
    results: list,
    *,
    labels: dict[str, str],
    problems: list,
    class_names: dict[tuple[str, str], str] | None = None,
) -> str:
    """The preview page of a dry run: problems, ranking tables (rank order per group), the diff.
    `class_names`: (indicator, class code) -> the label of that indicator's method's class."""
    parts = [
        f"<!doctype html><html lang='vi'><meta charset='utf-8'><title>Xem trước</title><style>{STYLE}</style>"
    ]
    parts.append("<h1>Xem trước – chưa lưu gì / Preview – nothing stored</h1>")
    if problems:
        listed, more = first_problems(problems)
        parts.append("<h2>Vấn đề / Problems</h2><ul>")
        parts += [f"<li>{escape(str(p))}</li>" for p in listed]
        parts.append("</ul>")
        if more:
            parts.append(
                f"<p>… và {more} vấn đề khác không liệt kê / and {more} more problem(s) not listed "
                f"(the first {len(listed)} are shown): sửa rồi kiểm tra lại / fix these and check again.</p>"
            )
    for result in results:
        parts.append(f"<h2>{escape(result.dataset.meta.get('title_vi', result.dataset.id))}</h2>")
        parts.append(f"<p><code>{escape(result.dataset.id)}</code></p>")
        parts += _tables(result.records, labels, class_names or {})
        parts += _diff(result.diff, labels)
    return "".join(parts) + "</html>"


def _tables(
    records: list[dict], labels: dict[str, str], class_names: dict[tuple[str, str], str]
) -> list[str]:
    """One table per (indicator with ranks, year, unit group): rank, unit, value as published, class."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for record in records:
        if record["rank_of"] is not None or record["rank"] is not None:
            groups[(record["indicator_code"], record["period"], record["rank_of"])].append(record)
    out = []
    for (code, period, _), rows in sorted(groups.items(), key=lambda item: str(item[0])):
        out.append(f"<h3>{escape(labels.get(code, code))} – {escape(period)}</h3><table>")
        out.append(
            "<tr><th>Xếp hạng</th><th>Đơn vị</th><th>Giá trị</th><th>Xếp loại</th><th>Ghi chú</th></tr>"
        )
        for row in sorted(rows, key=lambda r: (r["rank"] is None, r["rank"] or 0, r["unit_code"])):
            cells = (
                str(row["rank"] or ""),
                labels.get(row["unit_code"], row["unit_code"]),
                shown(row, "value") or "–",
                class_names.get((code, row["class_label"]), row["class_label"] or ""),
                row["note"] or "",
            )
            out.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>")
        out.append("</table>")
    return out


def _diff(change: Diff, labels: dict[str, str]) -> list[str]:
    """Units added or removed and values changed, against what is stored."""
    if not change.stored:
        return [
            "<p>Chưa có dữ liệu nào được lưu cho bộ dữ liệu này / Nothing stored yet for this dataset.</p>"
        ]
    out = [f"<h3>So với dữ liệu đã lưu ({change.stored} dòng) / Against what is stored</h3><table>"]
    out.append("<tr><th></th><th>Đơn vị</th><th>Chỉ tiêu</th><th>Trường</th><th>Cũ → mới</th></tr>")
    for old, new, field in sorted(change.changed, key=lambda c: (c[0]["unit_code"], c[0]["indicator_code"])):
        out.append(_line("", old, field, f"{shown(old, field) or '–'} → {shown(new, field) or '–'}", labels))
    out += [_line("removed", r, "", f"{shown(r, 'value') or '–'} → –", labels) for r in change.removed]
    out += [_line("added", r, "", f"– → {shown(r, 'value') or '–'}", labels) for r in change.added]
    out.append("</table>")
    if not (change.changed or change.removed or change.added):
        out.append("<p>Không thay đổi / No change.</p>")
    return out


def _line(kind: str, record: dict, field: str, text: str, labels: dict[str, str]) -> str:
    mark = {"added": "+", "removed": "−"}.get(kind, "≠")
    unit = labels.get(record["unit_code"], record["unit_code"])
    indicator = labels.get(record["indicator_code"], record["indicator_code"])
    cells = "".join(f"<td>{escape(cell)}</td>" for cell in (mark, unit, indicator, field, text))
    return f"<tr class='{kind}'>{cells}</tr>"
