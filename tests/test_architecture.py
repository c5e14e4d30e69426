"""The shape of the code: the domain never depends on Telegram, handlers never on each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "directory").rglob("*.py")), ids=str)
def test_directory_never_imports_telegram_babel_or_bot(path: Path) -> None:
    forbidden = {
        m for m in imported_modules(path) if m.split(".")[0] in {"telegram", "babel", "bot"}
    }
    assert forbidden == set()


@pytest.mark.parametrize("path", sorted((ROOT / "bot" / "handlers").glob("*.py")), ids=str)
def test_handler_modules_do_not_import_each_other(path: Path) -> None:
    if path.name == "__init__.py":
        return
    others = {m for m in imported_modules(path) if m.startswith("bot.handlers")}
    assert others == set()


def test_matching_does_no_database_work() -> None:
    modules = imported_modules(ROOT / "directory" / "matching.py")
    assert not any(
        m.startswith(("sqlalchemy", "directory.db", "directory.models")) for m in modules
    )
