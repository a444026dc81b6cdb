"""Ranking displays: the full grid of the rankings page (dash-ag-grid: sort, filter) and the overview's
compact table (plain HTML: no grid script on the landing page, and read well by screen readers)."""

from __future__ import annotations

import re

import dash_ag_grid as dag
from dash import dcc, html

from dashboard import urls
from dashboard.assemble import methodology
from dashboard.assemble.search import search_text
from dashboard.domain.methods import ClassScheme
from dashboard.figures.map_scale import text_colour
from dashboard.figures.map_values import class_colours
from dashboard.i18n import format_number, t
from dashboard.views import published
from dashboard.views.ranking import ViewData
from dashboard.views.screen_table import Column, ranking_columns, shown_rows

GRID_BUNDLE = "dash_ag_grid.min.js"
GRID_PAGES = (urls.PAGE_PATHS["rankings"], urls.PAGE_PATHS["national"])  # the pages that draw a grid


def load_on_demand() -> None:
    """Leave AG Grid's bundle out of every page's scripts: assets/grid-loader.js fetches it the first
    time a grid is drawn, so pages without a grid never load it. Dash still serves the file: a 'dynamic'
    resource is registered, only not listed (dash/resources.py)."""
    for resource in dag._js_dist:  # the library's own list, read by Dash for every page
        if resource.get("relative_package_path") == GRID_BUNDLE:
            resource["dynamic"] = True


def preload_link(path: str) -> str:
    """On a page that draws a grid, a <link rel=preload> of the grid bundle: it downloads with the page's
    own scripts instead of after the first render (grid-loader.js then finds it in the cache)."""
    if (path.rstrip("/") or "/") not in GRID_PAGES:
        return ""
    return f'<link rel="preload" as="script" href="/_dash-component-suites/dash_ag_grid/{GRID_BUNDLE}">'


# AG Grid's own texts in Vietnamese (filter menus, empty grid, pagination).
LOCALE_VI = {
    "noRowsToShow": "Không có dòng nào",
    "loadingOoo": "Đang tải…",
    "filterOoo": "Lọc…",
    "searchOoo": "Tìm…",
    "equals": "Bằng",
    "notEqual": "Khác",
    "contains": "Có chứa",
    "notContains": "Không chứa",
    "startsWith": "Bắt đầu bằng",
    "endsWith": "Kết thúc bằng",
    "lessThan": "Nhỏ hơn",
    "greaterThan": "Lớn hơn",
    "lessThanOrEqual": "Nhỏ hơn hoặc bằng",
    "greaterThanOrEqual": "Lớn hơn hoặc bằng",
    "inRange": "Trong khoảng",
    "blank": "Trống",
    "notBlank": "Không trống",
    "andCondition": "VÀ",
    "orCondition": "HOẶC",
    "applyFilter": "Áp dụng",
    "resetFilter": "Đặt lại",
    "clearFilter": "Xóa",
    "page": "Trang",
    "of": "của",
    "to": "đến",
    "more": "thêm",
    "ariaSortAscending": "tăng dần",
    "ariaSortDescending": "giảm dần",
    "ariaSortNone": "chưa sắp xếp",
    "pageSizeSelectorLabel": "Số dòng mỗi trang:",
    "firstPage": "Trang đầu",
    "previousPage": "Trang trước",
    "nextPage": "Trang sau",
    "lastPage": "Trang cuối",
    "selectAll": "(Chọn tất cả)",
    "selectAllSearchResults": "(Chọn tất cả kết quả tìm)",
    "noMatches": "Không có kết quả phù hợp",
    "ariaFilterInput": "Ô nhập bộ lọc",
    "ariaFilterValue": "Giá trị lọc",
    "ariaColumnFiltered": "Cột đang được lọc",
    "ariaMenuColumn": "Nhấn Alt + mũi tên xuống để mở trình đơn cột",
    "columnMenuFilter": "Lọc",
    "ariaRowSelect": "Nhấn Space để chọn dòng này",
    "ariaSearch": "Tìm",
}


def class_looks(scheme: ClassScheme | None) -> dict[str, dict[str, str]]:
    """Each class of the shown set's scheme as its cell is drawn: the fill the map's class mode gives it (one
    class, one colour, on the map and in the table) and the text colour that reads on it. The cell's
    text is the class's own label, so the colour never carries the class alone. Empty without classes."""
    if scheme is None or not scheme.bands:
        return {}
    return {
        code: {"backgroundColor": fill, "color": text_colour(fill)}
        for code, fill in class_colours(scheme).items()
    }


def _scheme(data: ViewData) -> ClassScheme | None:
    """The class scheme of the method the view ranks under (None: the method defines no classes)."""
    found = methodology.index_set(data.view.methodology)
    return found.scheme if found is not None and data.has_classes else None


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~])")


def markdown_text(name: str) -> str:
    """A name as literal text inside the grid's markdown cells: an imported name cannot add links,
    images or HTML (every markdown punctuation character is backslash-escaped)."""
    return _MARKDOWN.sub(r"\\\1", str(name))


def row_data(data: ViewData, *, lang: str) -> list[dict[str, object]]:
    """Rows for the grid: the shown values, the unit as a markdown link, its search text, sub-indices."""
    rows = shown_rows(data, lang=lang, extra=tuple(code for code, _ in data.sub_columns))
    scheme = _scheme(data)
    codes = scheme.codes if scheme is not None else ()
    for row in rows:
        # The class's place in its scheme (best first), which the class column's style reads: the grid's
        # conditions then never hold an imported code.
        row["class_order"] = codes.index(row["class_code"]) if row["class_code"] in codes else None
        row["unit"] = f"[{markdown_text(row['unit_name'])}]({urls.unit_profile(row['unit_code'], lang=lang)})"
        row["search"] = search_text(row["unit_name"], row["unit_code"])
        for code, _ in data.sub_columns:
            row[f"{code}_text"] = format_number(row[code], lang, decimals=2)
    return rows


def _column_def(column: Column, lang: str, scheme: ClassScheme | None = None) -> dict[str, object]:
    """How the grid draws one column of the table on screen."""
    number = {"type": "numericColumn", "filter": "agNumberColumnFilter"}
    if column.key == "rank":
        return {
            "field": "rank",
            "headerName": column.label,
            "valueFormatter": {"function": "params.data.rank_text"},
            "tooltipField": "note",
            "width": 110,
            # 'Hạng' stays on one line; 'Hạng (tính từ điểm)' wraps rather than being cut.
            "wrapHeaderText": column.label != t("table.rank", lang),
            "sort": "asc",
            "type": "numericColumn",
            "filter": False,
            "suppressHeaderMenuButton": True,
            "suppressHeaderFilterButton": True,
        }
    if column.key == "unit_name":
        return {
            "field": "unit",
            "headerName": column.label,
            "cellRenderer": "markdown",
            "flex": 2,
            "minWidth": 170,
            "filter": "agTextColumnFilter",
            "filterValueGetter": {"function": "params.data.unit_name"},
            "getQuickFilterText": {"function": "params.data.search"},
            "comparator": {
                "function": "(a, b, na, nb) => na.data.unit_name.localeCompare(nb.data.unit_name, 'vi')"
            },
        }
    if column.key == "value":
        return {
            "field": "value",
            "headerName": column.label,
            "width": 100,
            "valueFormatter": {"function": "params.data.value_text"},
            **number,
        }
    if column.key == "class":
        return {
            "field": "class",
            "headerName": column.label,
            "width": 120,
            "cellClass": "class-cell",
            "cellStyle": {
                "styleConditions": [
                    {"condition": f"params.data.class_order === {order}", "style": look}
                    for order, look in enumerate(class_looks(scheme).values())
                ]
            },
            "filter": "agTextColumnFilter",
        }
    if column.key == "change":
        return {
            "field": "change",
            "headerName": column.label,
            "minWidth": 150,
            "flex": 1,
            "filter": "agTextColumnFilter",
        }
    if column.key == "note":
        return {
            "field": "note",
            "headerName": column.label,
            "minWidth": 220,
            "flex": 2,
            "wrapText": True,
            "autoHeight": True,
            "filter": "agTextColumnFilter",
        }
    return {  # a sub-index
        "field": column.key,
        "headerName": column.label,
        "minWidth": 120,
        "flex": 1,
        "valueFormatter": {"function": f"params.data['{column.key}_text']"},
        **number,
    }


def column_defs(data: ViewData, *, lang: str) -> list[dict[str, object]]:
    """Rank (as published, marked), unit (link to profile), score, class as a text badge, change in words,
    a note column when a rank needs explaining, then sub-indices: the columns of views/screen_table.py,
    which the "table on screen" download writes in the same order."""
    rows = row_data(data, lang=lang)
    scheme = _scheme(data)
    return [_column_def(column, lang, scheme) for column in ranking_columns(data, rows, lang=lang)]


def ranking_grid(grid_id: str, data: ViewData, *, lang: str) -> dag.AgGrid:
    """The grid component."""
    return dag.AgGrid(
        id=grid_id,
        rowData=row_data(data, lang=lang),
        columnDefs=column_defs(data, lang=lang),
        defaultColDef={
            "sortable": True,
            "resizable": True,
            "wrapHeaderText": True,
            "autoHeaderHeight": True,
            # Filters ignore diacritics and case ("son tay" finds "Sơn Tây"): fold() is in assets/a11y.js.
            "filterParams": {"textFormatter": {"function": "fold(params)"}},
            "getQuickFilterText": {"function": "fold(params.value)"},
        },
        dashGridOptions={
            "localeText": LOCALE_VI if lang == "vi" else {},
            "domLayout": "autoHeight",
            "animateRows": False,
            "enableCellTextSelection": True,
            "ensureDomOrder": True,
        },
        className="ag-theme-alpine ranking-grid",
        style={"width": "100%"},
    )


def rank_legend(shown: list[published.RankShown], *, lang: str) -> html.Div | None:
    """The lines that explain the rank marks a table uses (none when every rank is simply published)."""
    lines = published.rank_legend(shown, lang=lang)
    if not lines:
        return None
    return html.Div(
        [
            html.Span(t("rank.legend_label", lang) + ":", className="fw-semibold"),
            html.Ul([html.Li(line) for line in lines], className="mb-0"),
        ],
        className="rank-legend small text-muted",
    )


def _element(tag: str, children: object, *, namespace: str = "dash_html_components", **props: object) -> dict:
    """A component as Dash sends it to the browser (type, namespace, props), without the Python object:
    building and validating some 170 cells a view was a third of a never-seen overview (bench_overview)."""
    return {"type": tag, "namespace": namespace, "props": {"children": children, **props}}


def _ranking_row(
    row: dict[str, object], *, lang: str, looks: dict[str, dict[str, str]] | None, notes: bool
) -> dict:
    """One row of the overview's table: rank (the note as its title), unit linked to its profile (a row
    header), score, class (`looks`: each class's colours; None when the method has no classes), change,
    note."""
    link = _element(
        "Link",
        row["unit_name"],
        namespace="dash_core_components",
        href=urls.unit_profile(row["unit_code"], lang=lang),
    )
    cells = [
        _element("Td", row["rank_text"], className="text-end", title=row["note"] or None),
        _element("Th", link, scope="row"),
        _element("Td", row["value_text"], className="text-end"),
    ]
    if looks is not None:
        look = looks.get(str(row["class_code"]))
        cells.append(_element("Td", row["class"], className="class-cell", style=look))
    cells.append(_element("Td", row["change"]))
    if notes:
        cells.append(_element("Td", row["note"]))
    return _element("Tr", cells)


def ranking_table(data: ViewData, *, lang: str, full_url: str) -> html.Div:
    """The overview's compact ranking: rank, unit (link to its profile), score, class, change, and a note
    column with a legend when a rank is computed, differs from the published one, or is flagged."""
    shown = published.ranks_shown(data.table, lang=lang)  # rows and legend read the same marks
    rows = shown_rows(data, lang=lang, shown=shown)
    columns = ranking_columns(data, rows, lang=lang, subs=False)  # the overview's download has the same
    notes = any(c.key == "note" for c in columns)
    head = html.Thead(
        html.Tr(
            [
                html.Th(c.label, scope="col", className="text-end" if c.key in ("rank", "value") else None)
                for c in columns
            ]
        )
    )
    looks = class_looks(_scheme(data)) if data.has_classes else None
    body = html.Tbody([_ranking_row(row, lang=lang, looks=looks, notes=notes) for row in rows])
    return html.Div(
        [
            html.Div(
                html.Table([head, body], className="table table-sm ranking-table"),
                className="table-responsive",
            ),
            rank_legend(shown, lang=lang),
            dcc.Link(t("table.full", lang), href=full_url, className="table-more"),
        ]
    )
