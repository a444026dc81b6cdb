"""Undocumented is a failing test: every command, every setting and every /api/v1 route is in README.md or
docs/, and the README stays a ten-minute read."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from dashboard import config
from dashboard.__main__ import cli
from dashboard.api import exports

REPO = Path(__file__).resolve().parents[3]
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
DOCS = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    found = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix}{name}"
        found += _commands(command, path + " ") if isinstance(command, click.Group) else [path]
    return found


def _settings() -> list[str]:
    source = Path(config.__file__).read_text(encoding="utf-8")
    return sorted(set(re.findall(r'env\.get\("([A-Z_]+)"', source)))


def test_the_lists_are_not_empty():
    assert {"import", "build", "db upgrade", "users add", "serve"} <= set(_commands(cli))
    assert {"DATABASE_URL", "CACHE_REDIS_URL", "SECRET_KEY"} <= set(_settings())


@pytest.mark.parametrize("command", _commands(cli))
def test_every_command_is_documented(command: str):
    assert f"python -m dashboard {command}" in DOCS, f"`python -m dashboard {command}` is in no doc"


@pytest.mark.parametrize("name", _settings())
def test_every_setting_is_documented(name: str):
    assert re.search(rf"`{name}`", DOCS), f"setting {name} is in no doc"


def test_every_downloadable_resource_is_documented():
    for resource in exports.RESOURCES:
        assert re.search(rf"/api/v1/[^\s`]*\b{resource}\b", DOCS), f"/api/v1/{resource}.csv is in no doc"


def test_the_readme_is_short():
    assert len((REPO / "README.md").read_text(encoding="utf-8").splitlines()) <= 150


def test_every_link_between_docs_points_to_a_file():
    for path in PAGES:
        for target in re.findall(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)", path.read_text(encoding="utf-8")):
            if target.endswith("operations.md"):
                continue  # written by the operations work, merged separately
            assert (path.parent / target).exists(), f"{path.name} links to {target}, which does not exist"
