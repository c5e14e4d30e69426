"""The languages wellplaced speaks, as ISO 639-1 codes."""

from __future__ import annotations

# Order is the order of the language menu: English first, then by number of speakers in England.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "pl", "ro", "ur", "bn", "pt", "es", "ar", "uk", "cy")

RIGHT_TO_LEFT: frozenset[str] = frozenset({"ar", "ur"})


def supported_language(code: str | None) -> str | None:
    """Return the supported language for a code such as ``pt-BR`` or ``en_GB``, else None."""
    if not code:
        return None
    base = code.replace("_", "-").split("-", 1)[0].casefold()
    return base if base in SUPPORTED_LANGUAGES else None
