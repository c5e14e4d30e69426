"""Loads the need lexicons: one TOML data file per language in ``lexicons/``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from directory.needs import Need
from directory.text import normalise, tokens

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
HINTS_FILE = Path(__file__).resolve().parent / "language_hints.toml"

# Pseudo-sections that are not needs.
SMALL_TALK = "small_talk"
KNOWN_WORDS = "known_words"
# A prefix term ("lonel*") needs this many letters, or it would match too many words.
# Two, because a Bengali stem such as "ঋণ" (debt) is two code points.
MIN_PREFIX = 2
# "took .. tablets" matches "took all my tablets": up to GAP_WORDS words may stand at the gap.
GAP = " .. "
GAP_WORDS = 3


class Strength(StrEnum):
    STRONG = "strong"
    WEAK = "weak"


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon entry, already normalised into tokens."""

    tokens: tuple[str, ...]
    label: str  # a Need value, or SMALL_TALK
    strength: Strength
    language: str
    prefix: bool  # the last token matches any word it begins
    # "took .. tablets": the number of words before a gap of up to GAP_WORDS other words; 0 if none.
    gap_after: int = 0

    @property
    def joined(self) -> str:
        return "".join(self.tokens)


@dataclass(frozen=True)
class Lexicon:
    terms: tuple[Term, ...]
    known_words: frozenset[str]
    # Function words that belong to exactly one language: evidence of the message's language.
    language_hints: dict[str, str] = field(default_factory=dict)

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(term.language for term in self.terms)


def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    """Read every ``*.toml`` lexicon; a malformed file fails loudly, naming itself."""
    terms: list[Term] = []
    known: set[str] = set()
    for path in sorted(directory.glob("*.toml")):
        with path.open("rb") as file:
            data = tomllib.load(file)
        language = data.get("language") or path.stem
        for section, body in data.items():
            if section == "language":
                continue
            if section == KNOWN_WORDS:
                known.update(token for word in body["words"] for token in tokens(normalise(word)))
                continue
            if section != SMALL_TALK and section not in Need.__members__.values():
                raise ValueError(f"{path.name}: [{section}] is not a need id")
            for strength in Strength:
                for raw in body.get(strength.value, []):
                    terms.append(_term(raw, section, strength, language, path))
    return Lexicon(
        terms=tuple(terms), known_words=frozenset(known), language_hints=load_language_hints()
    )


def load_language_hints(path: Path = HINTS_FILE) -> dict[str, str]:
    """Each hint word with its language; a word listed for two languages tells nothing."""
    with path.open("rb") as file:
        data = tomllib.load(file)
    languages: dict[str, set[str]] = {}
    for language, body in data.items():
        for word in body["words"]:
            for token in tokens(normalise(word)):
                languages.setdefault(token, set()).add(language)
    return {word: next(iter(found)) for word, found in languages.items() if len(found) == 1}


def _term(raw: str, label: str, strength: Strength, language: str, path: Path) -> Term:
    prefix = raw.endswith("*")
    before, gap, after = raw.rstrip("*").partition(GAP)
    words = tuple(tokens(normalise(before))) + tuple(tokens(normalise(after)))
    gap_after = len(tokens(normalise(before))) if gap else 0
    if not words or (gap and not (0 < gap_after < len(words))):
        raise ValueError(f"{path.name}: [{label}] has a malformed term {raw!r}")
    if prefix and len(words[-1]) < MIN_PREFIX:
        raise ValueError(f"{path.name}: [{label}] prefix {raw!r} is shorter than {MIN_PREFIX}")
    return Term(words, label, strength, language, prefix, gap_after)
