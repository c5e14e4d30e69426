"""Text normalisation and tokens, shared by the lexicon, the matcher and the offer index."""

from __future__ import annotations

import unicodedata

import regex

# \w in `regex` keeps combining marks inside words, so Indic and Arabic words stay whole.
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*")
_REPEATS = regex.compile(r"(\p{L})\1{2,}")
# Arabic vowel marks (harakat) and the superscript alef: optional in writing, so dropped.
_ARABIC_MARKS = regex.compile(r"[\u064B-\u065F\u0670]")

# Arabic-script letters that people type interchangeably, folded to one form.
_ARABIC_FOLDS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ے": "ي",
        "ك": "ک",
        "ة": "ه",
        "ۃ": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ـ": None,
    }
)


def normalise(text: str) -> str:
    """Fold text to the form every comparison uses: NFKC, casefolded, repeats squeezed."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_ARABIC_FOLDS)
    folded = _ARABIC_MARKS.sub("", folded).replace("’", "'")
    return _REPEATS.sub(r"\1\1", folded)


_LATIN_WORD = regex.compile(r"[\p{Latin}\p{M}\p{N}']+")


def fold_accents(word: str) -> str:
    """Drop diacritics from a Latin-script word ("jeść" → "jesc").

    Other scripts keep their marks: in Bengali or Devanagari the vowel signs are letters.
    """
    if word.isascii() or not _LATIN_WORD.fullmatch(word):
        return word
    decomposed = unicodedata.normalize("NFD", word.replace("ł", "l").replace("ß", "ss"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Where Latin letters meet another script inside one "word" ("الGP"), it is two words.
_SCRIPT_BOUNDARY = regex.compile(
    r"(?<=\p{Latin})(?=[^\p{Latin}\p{N}'])|(?<=[^\p{Latin}\p{N}'])(?=\p{Latin})"
)


def tokens(text: str) -> list[str]:
    """The words of already normalised text: accents folded, a possessive 's dropped."""
    return [
        fold_accents(part.removesuffix("'s"))
        for match in _WORD.findall(text)
        for part in _SCRIPT_BOUNDARY.split(match)
        if part
    ]
