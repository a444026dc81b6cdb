"""The text catalogues (dashboard/i18n/texts/): each area of keys in one module named by page or domain
area, and every key said somewhere in the app."""

from __future__ import annotations

import ast
import importlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType

from dashboard import i18n

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "dashboard"
TEXTS = PACKAGE / "i18n" / "texts"

# A key's area is its first dotted segment, except these, which are areas of their own (the publishing
# pages and the data dictionary are too large for one module each).
AREAS_OF_THEIR_OWN = ("admin.method", "admin.units", "admin.unknown", "data.field")

# Keys the code builds at run time, by the prefix it builds them from: `t(f"kind.{kind}")` in Python,
# `t("admin.field." ~ name)` in a template. Each must be the literal start of such a built key in the
# source (else it is stale); a key under one counts as used.
DYNAMIC_PREFIXES = (
    "admin.audit.",  # the audit log's columns
    "admin.field.",  # the upload form's fields
    "admin.method.field.",  # the index-set upload form's fields
    "admin.units.action.",  # a unit change's action
    "admin.units.column.",  # the unit preview's columns
    "class.",  # a class code's shared label
    "corrections.col_",  # the corrections table's columns
    "corrections.field.",  # the corrected field
    "data.col_",  # the dataset table's columns
    "data.field.",  # the data dictionary: a resource's field
    "data.kind.",  # a dataset's data kinds
    "data.param_",  # the API's query parameters
    "data.resource.",  # a download's resource
    "dialog.",  # the download dialog's offers
    "dropdown.",  # the dropdowns' own labels
    "edocs.col.",  # the e-documents table's columns
    "event.",  # a stored event, by the date it was published
    "event_",  # a lineage event, into or out of the unit
    "group.",  # a unit group, and its plural
    "headline.change.",  # the headline's rank change
    "kind.",  # a unit kind
    "level.",  # a government level
    "licence.",  # the licence page's clauses
    "licence_text.",  # a stored licence
    "map.colour_",  # the map's colourings
    "measure.",  # an indicator's measure
    "method.col.",  # the methodology tables' columns
    "national.marker.",  # a marked province
    "national.series.",  # a national series
    "nav.",  # the navigation's pages
    "qualifier.",  # a published figure's qualifier
    "rank.",  # a rank change
    "source_kind.",  # a source kind
)

# In templates and scripts: a key-shaped string in quotes (also inside an attribute's quotes), and the
# start of a key joined at run time (Jinja `"group." ~ kind`, a JavaScript template `${}`).
_QUOTED = re.compile(r"""["']([\w.-]+)["']""")
_JOINED = re.compile(r"""["']([\w.-]+)["']\s*~|`([\w.-]+)\$\{""")


def area(key: str) -> str:
    return next((a for a in AREAS_OF_THEIR_OWN if key.startswith(f"{a}.")), key.split(".")[0])


def modules() -> dict[str, ModuleType]:
    return {name: importlib.import_module(f"dashboard.i18n.texts.{name}") for name in i18n.TEXT_MODULES}


def spread(keys_by_module: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Areas whose keys are defined in more than one module, with those modules."""
    owners = defaultdict(set)
    for name, keys in keys_by_module.items():
        for key in keys:
            owners[area(key)].add(name)
    return {a: sorted(names) for a, names in owners.items() if len(names) > 1}


def sources() -> list[Path]:
    """The app's own code, templates and scripts (not the catalogues, not vendored bundles)."""
    code = [p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".html") and TEXTS not in p.parents]
    return [*code, *sorted((ROOT / "assets").glob("*.js"))]


def said_in(paths: Iterable[Path]) -> tuple[set[str], set[str]]:
    """Strings written whole in the source, and the literal starts of strings built at run time."""
    whole: set[str] = set()
    built: set[str] = set()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if path.suffix != ".py":
            whole.update(_QUOTED.findall(text))
            built.update(a or b for a, b in _JOINED.findall(text))
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                whole.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                built.add(str(node.values[0].value))
    return whole, built


def unused(keys: Iterable[str], whole: set[str], prefixes: Iterable[str] = DYNAMIC_PREFIXES) -> list[str]:
    return sorted(k for k in keys if k not in whole and not any(k.startswith(p) for p in prefixes))


def test_each_area_of_keys_lives_in_one_module():
    keys = {
        name: [k for lang in i18n.LANGUAGES for k in module.TEXTS[lang]] for name, module in modules().items()
    }
    assert spread(keys) == {}


def test_a_prefix_spread_over_two_modules_is_found():
    keys = {"home": ["nav.home", "admin.units.title"], "shell": ["nav.data", "admin.title"]}
    assert spread(keys) == {"nav": ["home", "shell"]}


def test_each_module_says_which_page_or_area_it_holds():
    """Its docstring opens with "Texts of" and names it: every word of the module's name is in it."""
    for name, module in modules().items():
        doc = (module.__doc__ or "").lower()
        assert doc.startswith("texts of "), name
        assert all(word in doc for word in name.split("_")), (name, doc[:120])


def test_every_key_is_used_in_the_app():
    whole, _ = said_in(sources())
    assert unused(i18n.CATALOGS[i18n.DEFAULT_LANGUAGE], whole) == []


def test_every_dynamic_prefix_is_built_in_the_app_and_has_keys():
    _, built = said_in(sources())
    assert sorted(set(DYNAMIC_PREFIXES) - built) == []
    keys = i18n.CATALOGS[i18n.DEFAULT_LANGUAGE]
    assert [p for p in DYNAMIC_PREFIXES if not any(k.startswith(p) for k in keys)] == []


def test_a_key_said_nowhere_is_found(tmp_path):
    page = tmp_path / "page.py"
    page.write_text('t("compare.heading", lang)\nt(f"kind.{unit.kind}", lang)\n', encoding="utf-8")
    template = tmp_path / "card.html"
    template.write_text(
        "<th>{{ t('card.title') }}</th><td>{{ t(\"admin.field.\" ~ name) }}</td>\n", encoding="utf-8"
    )
    whole, built = said_in([page, template])
    assert {"kind.", "admin.field."} <= built
    keys = ["compare.heading", "card.title", "kind.commune", "admin.field.year", "compare.never_shown"]
    assert unused(keys, whole, prefixes=("kind.", "admin.field.")) == ["compare.never_shown"]
