"""The dependency direction of the package, as import-linter contracts in pyproject.toml."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
PACKAGE = REPO / "dashboard"
MAX_LINES = 400
MAX_FUNCTION_LINES = 80  # with ruff's C901 at complexity 15 (pyproject.toml): a function reads in one screen


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    if not lint_imports.exists():
        pytest.skip("import-linter is not installed")
    # PYTHONPATH: analyse this checkout's package, not whichever one the environment has installed.
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=REPO, env=env, capture_output=True, text=True, timeout=90
    )
    assert result.returncode == 0, result.stdout[-4000:]


def test_every_subpackage_says_what_it_is_for():
    for init in PACKAGE.rglob("__init__.py"):
        text = init.read_text(encoding="utf-8").lstrip()
        assert text.startswith('"""'), f"{init.relative_to(REPO)} has no docstring"


# Modules still over MAX_LINES, each with the work that splits it; the list may only shrink.
OVERSIZED: set[str] = set()
SUBPACKAGES = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
TOP_MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__"))


def test_no_module_grows_past_the_limit():
    sizes = {
        str(path.relative_to(REPO)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    over = {path for path, lines in sizes.items() if lines > MAX_LINES}
    assert over <= OVERSIZED, f"over {MAX_LINES} lines: {sorted(over - OVERSIZED)}"


def _long_functions(source: str, name: str) -> list[str]:
    """Functions (nested ones too) longer than MAX_FUNCTION_LINES, from `def` to their last line."""
    return [
        f"{name}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]


def test_the_function_length_check_measures_def_to_last_line():
    fits = "def fits():\n" + "    x = 1\n" * (MAX_FUNCTION_LINES - 1)  # 80 lines with its def
    assert _long_functions(fits, "m") == []
    nested = "def outer():\n" + textwrap.indent(fits.replace("fits", "inner") + "    x = 2\n", "    ")
    assert [found.split()[1] for found in _long_functions(nested, "m")] == ["outer", "inner"]


def test_no_function_is_longer_than_the_limit():
    long = [
        found
        for path in sorted(PACKAGE.rglob("*.py"))
        for found in _long_functions(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))
    ]
    assert long == [], f"over {MAX_FUNCTION_LINES} lines, split into named steps: {long}"


def _declared_imports(docstring: str) -> set[str] | None:
    """The names after 'May import' in a docstring ('imports nothing of ours' is the empty set)."""
    if "imports nothing of ours" in docstring.lower():
        return set()
    start = docstring.find("May import")
    if start < 0:
        return None
    rest = docstring[start + len("May import") :].replace("dashboard.", "")
    sentence = rest.split(".", 1)[0].split(";", 1)[0]  # up to the end of the sentence or a "; never"
    words = sentence.replace(",", " ").replace(":", " ").split()
    return {w for w in words if w in SUBPACKAGES or w in TOP_MODULES}


def test_every_subpackage_imports_exactly_what_its_docstring_says():
    grimp = pytest.importorskip("grimp")
    env_path = sys.path[:]
    sys.path.insert(0, str(REPO))  # analyse this checkout's package
    try:
        graph = grimp.build_graph("dashboard")
    finally:
        sys.path[:] = env_path
    for name in SUBPACKAGES:
        package = f"dashboard.{name}"
        docstring = (PACKAGE / name / "__init__.py").read_text(encoding="utf-8").split('"""')[1]
        declared = _declared_imports(docstring)
        assert declared is not None, f"{package}: the docstring has no 'May import' line"
        imported = {
            target.split(".")[1]
            for module in graph.modules
            if module == package or module.startswith(package + ".")
            for target in graph.find_modules_directly_imported_by(module)
            if target.startswith("dashboard.") and target.split(".")[1] != name
        }
        assert imported <= declared, f"{package} imports {sorted(imported - declared)} beyond its docstring"
        assert declared <= imported, f"{package}'s docstring names {sorted(declared - imported)} unused"
