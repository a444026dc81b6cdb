"""Write assets/vendor/bootstrap.subset.min.css: Bootstrap with only the rules the dashboard's markup can use.

The full stylesheet (assets/vendor/bootstrap.min.css: 232 KB, 23 KB as brotli) was the biggest stylesheet of
a first visit, and the pages use a few dozen of its classes. A selector is kept when every class and
attribute it requires (a class inside `:not()` is not required) is a word of a file that can write markup:
our code (dashboard/ less its text catalogues and templates, assets/) and the scripts of the component
libraries the pages draw with (dcc, html, dash-renderer, dash-ag-grid). A class built with a variable
part (`f"ps-{depth}"`, `` `kind-${kind}` ``) keeps every class of that prefix. Custom properties and
keyframes that nothing kept reads are dropped, and so is the source-map comment (the map is not shipped);
the licence comment stays.

The Dash pages list the subset; the admin pages and the publishers' guide keep the full file.
tests/unit/test_first_visit.py fails when the subset is not what this script writes from today's sources:
run it after using a Bootstrap class for the first time (or upgrading dash or dash-ag-grid).

Usage: .venv/bin/python scripts/bootstrap_subset.py
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

import tinycss2

REPO = Path(__file__).resolve().parents[1]
FULL = REPO / "assets" / "vendor" / "bootstrap.min.css"
SUBSET = REPO / "assets" / "vendor" / "bootstrap.subset.min.css"

_WORD = re.compile(r"[A-Za-z_][\w-]*")
# `ps-{`, `kind-${`: a class name completed at run time.
_PREFIX = re.compile(r"(?<![\w-])([A-Za-z][\w-]*-)\$?\{")  # anchored: linear on minified scripts
_NOT = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ATTRIBUTE = re.compile(r"\[([\w-]+)")
_VARIABLE_USE = re.compile(r"var\((--[\w-]+)")
_DECLARATION = re.compile(r"(?<=[{;])(--[\w-]+):[^;}]*(;|(?=}))")  # a custom property declared
_NESTED = ("media", "supports", "container", "layer")


def markup_sources(repo: Path = REPO) -> tuple[list[Path], list[Path]]:
    """Our files that can write markup, and the component libraries' scripts (less development builds)."""
    import dash
    import dash_ag_grid

    # Not the text catalogues (prose, no markup) nor the signed-in pages' templates (they link the full
    # file): their words would only keep rules no Dash page uses.
    ours = [
        p
        for p in (repo / "dashboard").rglob("*")
        if p.suffix in (".py", ".js") and "i18n" not in p.parts and "templates" not in p.parts
    ]
    ours += [p for p in (repo / "assets").glob("*") if p.suffix in (".js", ".css")]
    dash_dir = Path(dash.__file__).parent
    libraries = [dash_dir / "dcc", dash_dir / "html", dash_dir / "dash-renderer" / "build"]
    libraries.append(Path(dash_ag_grid.__file__).parent)
    scripts = [p for folder in libraries for p in folder.glob("*.js") if ".dev." not in p.name]
    return sorted(ours), sorted(scripts)


class Vocabulary:
    """The words of the markup sources, what a selector may require; class prefixes from our own code
    only (the libraries build class names of their own namespaces: `ag-`, `dash-`)."""

    def __init__(self, ours: Iterable[str], libraries: Iterable[str] = ()) -> None:
        self.words: set[str] = set()
        prefixes: set[str] = set()
        for text in ours:
            self.words.update(_WORD.findall(text))
            prefixes.update(_PREFIX.findall(text))
        for text in libraries:
            self.words.update(_WORD.findall(text))
        self.prefixes = tuple(sorted(prefixes))

    def has(self, name: str) -> bool:
        return name in self.words or name.startswith(self.prefixes)

    def allows(self, selector: str) -> bool:
        required = _NOT.sub("", selector)
        names = _CLASS.findall(required) + _ATTRIBUTE.findall(required)
        return all(self.has(name) for name in names)


def _top_level_split(prelude: str) -> list[str]:
    """The selectors of a selector list (commas inside parentheses belong to one selector)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    return [*parts, prelude[start:]]


def _kept_rules(rules: list, vocabulary: Vocabulary) -> list[str]:
    """Each rule as text, with only the selectors the vocabulary allows (None: the rule goes)."""
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            prelude = tinycss2.serialize(rule.prelude)
            selectors = [s for s in _top_level_split(prelude) if vocabulary.allows(s)]
            if selectors:
                kept.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in _NESTED and rule.content is not None:
            inner = _kept_rules(tinycss2.parse_rule_list(rule.content, skip_whitespace=True), vocabulary)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type == "at-rule" or (rule.type == "comment" and rule.value.startswith("!")):  # licence
            kept.append(tinycss2.serialize([rule]))
    return kept


def _without_unread(css: str, read_by_ours: set[str]) -> str:
    """Drop custom-property declarations and keyframes that nothing left reads (a dropped declaration can
    be the only reader of another: repeated until nothing changes)."""
    while True:
        before = css
        unread = set(re.findall(r"[{;](--[\w-]+):", css)) - set(_VARIABLE_USE.findall(css)) - read_by_ours
        css = _DECLARATION.sub(lambda m, unread=unread: "" if m[1] in unread else m[0], css)
        css = css.replace(";}", "}")
        animations = " ".join(re.findall(r"animation(?:-name)?:([^;}]+)", css))
        for name in set(re.findall(r"@keyframes ([\w-]+)", css)) - set(_WORD.findall(animations)):
            css = re.sub(r"@keyframes " + re.escape(name) + r"\{(?:[^{}]|\{[^{}]*\})*\}", "", css)
        if css == before:
            return css


def subset(full_css: str, ours: Iterable[str], libraries: Iterable[str] = ()) -> str:
    """The rules of `full_css` that markup written by our texts or the libraries' can match."""
    ours = list(ours)
    vocabulary = Vocabulary(ours, libraries)
    rules = tinycss2.parse_stylesheet(full_css, skip_comments=False, skip_whitespace=True)
    css = "".join(_kept_rules(rules, vocabulary))
    read_by_ours = {name for text in ours for name in re.findall(r"--bs-[\w-]+", text)}
    return _without_unread(css, read_by_ours) + "\n"


def build(repo: Path = REPO) -> str:
    """The subset for today's sources."""
    ours, libraries = markup_sources(repo)

    def texts(paths: list[Path]) -> Iterable[str]:
        return (path.read_text(encoding="utf-8", errors="replace") for path in paths)

    return subset(FULL.read_text(encoding="utf-8"), texts(ours), texts(libraries))


def main() -> int:
    css = build()
    SUBSET.write_text(css, encoding="utf-8")
    print(f"wrote {SUBSET.relative_to(REPO)}: {len(css.encode()):,} bytes (full: {FULL.stat().st_size:,})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
