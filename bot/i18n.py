"""Translation catalogs (compiled in memory from locales/*.po at start) and the translator `t`."""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path
from typing import Any

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from directory.languages import RIGHT_TO_LEFT, SUPPORTED_LANGUAGES, supported_language

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"


class Html(str):
    """Text that is already safe Telegram HTML, so `t` passes it through unescaped."""

    __slots__ = ()


# Babel locales for dates, times, numbers and units: the British or home-country variant,
# so that English times read "14:00" rather than "2:00 PM".
BABEL_LOCALES = {
    "en": "en_GB",
    "cy": "cy_GB",
    "pl": "pl_PL",
    "ro": "ro_RO",
    "ur": "ur_PK",
    "bn": "bn_BD",
    "pt": "pt_PT",
    "es": "es_ES",
    "ar": "ar",
    "uk": "uk_UA",
}

# Unicode isolates keep Latin names, numbers and links in order inside right-to-left text.
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def isolate(text: str) -> str:
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


@dataclass(frozen=True)
class Translator:
    """`t`: translates English source text into one language, making what it fills in safe.

    Every `{placeholder}` value that is not already `Html` is HTML-escaped, so directory
    text can never become markup, and in right-to-left languages it is isolated, so that a
    phone number or an English name keeps its order inside Arabic or Urdu text.
    """

    language: str
    translations: NullTranslations

    def __call__(self, message: str, /, **values: Any) -> Html:
        text = self.translations.gettext(message)
        return Html(text.format(**self._safe(values)) if values else text)

    def plural(self, singular: str, plural: str, n: int, /, **values: Any) -> Html:
        text = self.translations.ngettext(singular, plural, n)
        return Html(text.format(**self._safe({"n": n, **values})))

    def _safe(self, values: dict[str, Any]) -> dict[str, Any]:
        return {name: self._safe_value(value) for name, value in values.items()}

    def _safe_value(self, value: Any) -> Any:
        if isinstance(value, Html):
            return value
        text = html.escape(str(value), quote=False)
        return isolate(text) if self.right_to_left else text

    def context(self, context: str, message: str, /) -> Html:
        return Html(self.translations.pgettext(context, message))

    @property
    def right_to_left(self) -> bool:
        return self.language in RIGHT_TO_LEFT

    @property
    def locale(self) -> Locale:
        return _babel_locale(self.language)


class Catalogs:
    """Every supported language's catalog, loaded once; English is the source text itself."""

    def __init__(self, locales_dir: Path = LOCALES_DIR, default: str = "en") -> None:
        self.default = default
        self._translators: dict[str, Translator] = {}
        for language in SUPPORTED_LANGUAGES:
            po_file = locales_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"
            translations: NullTranslations = NullTranslations()
            if po_file.exists():
                translations = compile_catalog(po_file)
            self._translators[language] = Translator(language, translations)

    def get(self, language: str | None) -> Translator:
        return self._translators[supported_language(language) or self.default]

    def negotiate(self, *candidates: str | None) -> Translator:
        """The first supported language among the candidates, in order; else the default."""
        for candidate in candidates:
            language = supported_language(candidate)
            if language is not None:
                return self._translators[language]
        return self._translators[self.default]


@cache
def _babel_locale(language: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(language, language))


def compile_catalog(po_file: Path) -> Translations:
    """Compile a .po file in memory; fuzzy entries are left out, as gettext tools do."""
    with po_file.open("rb") as file:
        catalog = read_po(file, locale=po_file.parent.parent.name, domain=DOMAIN)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)
