"""Every message a user reads exists, complete and well-formed, in every supported language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.i18n import LOCALES_DIR, Catalogs
from directory.languages import SUPPORTED_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
# Must match the keywords of the extraction command in README.md.
KEYWORDS = {"t": None, "N_": None, "plural": (1, 2), "context": ((1, "c"), 2)}
TRANSLATED = [language for language in SUPPORTED_LANGUAGES if language != "en"]
PLACEHOLDER = re.compile(r"\{\w+\}")
TAG = re.compile(r"</?\w+>")


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def source_messages() -> set[str]:
    found: set[str] = set()
    for directory, pattern in (("bot", "**.py"), ("directory/needs", "__init__.py")):
        for _, _, message, _, _ in extract_from_dir(
            ROOT / directory, [(pattern, "python")], keywords=KEYWORDS
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def catalog_ids(catalog: Catalog) -> set[str]:
    return {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}


def test_template_is_current_with_the_source() -> None:
    template = catalog_ids(read(LOCALES_DIR / "messages.pot"))
    assert template == source_messages(), "run the pybabel extract and update commands in README.md"


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_is_complete_and_well_formed(language: str) -> None:
    catalog = read(LOCALES_DIR / language / "LC_MESSAGES" / "messages.po")
    assert catalog_ids(catalog) == catalog_ids(read(LOCALES_DIR / "messages.pot"))
    problems = []
    for message in catalog:
        if not message.id:
            continue
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {source!r}")
        if isinstance(message.id, tuple) and len(strings) != catalog.num_plurals:
            problems.append(f"needs {catalog.num_plurals} plural forms: {source!r}")
        for string in strings:
            if not string:
                problems.append(f"untranslated: {source!r}")
            elif set(PLACEHOLDER.findall(string)) != set(PLACEHOLDER.findall(source)):
                problems.append(f"placeholders differ: {source!r}")
            elif sorted(TAG.findall(string)) != sorted(TAG.findall(source)):
                problems.append(f"HTML tags differ: {source!r}")
    assert problems == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_crisis_numbers_survive_translation(language: str) -> None:
    from bot.render.replies import crisis_block

    block = crisis_block(Catalogs().get(language))
    for number in ("999", "116 123", "SHOUT", "85258", "111", "0800 1111"):
        assert number in block
