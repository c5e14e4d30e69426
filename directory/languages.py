"""The languages wellplaced speaks, as ISO 639-1 codes."""

from __future__ import annotations

import regex

# Order is the order of the language menu: English first, then by number of speakers in England.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "pl", "ro", "ur", "bn", "pt", "es", "ar", "uk", "cy")

RIGHT_TO_LEFT: frozenset[str] = frozenset({"ar", "ur"})

# Each language in its own name, as a person looking for their language will recognise it.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "pl": "Polski",
    "ro": "Română",
    "ur": "اردو",
    "bn": "বাংলা",
    "pt": "Português",
    "es": "Español",
    "ar": "العربية",
    "uk": "Українська",
    "cy": "Cymraeg",
}


def supported_language(code: str | None) -> str | None:
    """Return the supported language for a code such as ``pt-BR`` or ``en_GB``, else None."""
    if not code:
        return None
    base = code.replace("_", "-").split("-", 1)[0].casefold()
    return base if base in SUPPORTED_LANGUAGES else None


# Letters that only one supported language uses, among those written in its script.
_SCRIPT_LETTERS: tuple[tuple[str, str], ...] = (
    ("bn", r"\p{Bengali}"),
    ("uk", r"\p{Cyrillic}"),
    ("ur", "[ٹڈڑںےۓھہۃ]"),
    ("ar", "[ةىكيأإؤئ]"),
    ("pl", "[ąęłńśźżĄĘŁŃŚŹŻ]"),
    ("ro", "[șțăȘȚĂşţ]"),
    ("pt", "[ãõçÃÕÇ]"),
    ("es", "[ñ¿¡Ñ]"),
    ("cy", "[ŵŷŴŶ]"),
)
_SCRIPT_PATTERNS = [(code, regex.compile(pattern)) for code, pattern in _SCRIPT_LETTERS]
# Arabic letters shared by Arabic and Urdu: Arabic unless an Urdu-only letter is present.
_ARABIC_SCRIPT = regex.compile(r"\p{Arabic}")
SCRIPT_EVIDENCE = 2.0


def script_evidence(text: str) -> dict[str, float]:
    """Languages that the letters of a message point to, before any word is read."""
    found = {code: SCRIPT_EVIDENCE for code, pattern in _SCRIPT_PATTERNS if pattern.search(text)}
    if "ur" in found:
        found.pop("ar", None)
    elif _ARABIC_SCRIPT.search(text):
        found["ar"] = SCRIPT_EVIDENCE
    return found


def clear_winner(
    scores: dict[str, float], *, least: float = 0.9, margin: float = 1.5
) -> str | None:
    """The language with clearly the most evidence, or None when it is not clear."""
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < least:
        return None
    if len(ranked) > 1 and ranked[0][1] < margin * ranked[1][1]:
        return None
    return ranked[0][0]
