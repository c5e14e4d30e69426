"""UK postcodes as residents type them, and how close two of them are.

When no map positions are known, offers are ordered by how much of their postcode they share
with the resident's: same full postcode, then sector ("YO31 0"), district ("YO31"), area ("YO").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import IntEnum

import regex

# The 121 postcode areas of the United Kingdom, plus the Crown dependencies (GY, IM, JE),
# which share the Royal Mail system. Checking the area keeps "OK1" or "HI5" from parsing.
POSTCODE_AREAS: frozenset[str] = frozenset(
    {
        "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA",
        "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG",
        "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G",
        "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM",
        "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL", "LN",
        "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW",
        "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA",
        "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY",
        "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD",
        "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
    }
)  # fmt: skip

# Girobank's old postcode: the one full postcode outside the usual format.
_GIRO = ("GIR", "0AA")

_ONE_LETTER = "".join(sorted(area for area in POSTCODE_AREAS if len(area) == 1))
_TWO_LETTER = "|".join(sorted(area for area in POSTCODE_AREAS if len(area) == 2))
# District numbers are written without a leading zero ("LS5", never "LS05"). A letter after
# the number (A9A, AA9A) comes from a short, fixed set for each shape.
_NUMBER = r"(?:[1-9][0-9]|[0-9])"
_OUTWARD = (
    rf"(?:[{_ONE_LETTER}](?:{_NUMBER}|[0-9][ABCDEFGHJKPSTUW])"
    rf"|(?:{_TWO_LETTER})(?:{_NUMBER}|[0-9][ABEHMNPRVWXY]))"
)
# The inward letters never include C, I, K, M, O or V: they are too easily misread.
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"

_OUTWARD_ONLY = regex.compile(_OUTWARD)
_INWARD_ONLY = regex.compile(_INWARD)
_WHOLE = regex.compile(
    rf"(?P<outward>{_OUTWARD})(?:\s*(?P<inward>{_INWARD}))?|(?P<outward>GIR)\s*(?P<inward>0AA)"
)
_EDGES = regex.compile(r"^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$")

# Inside a message a postcode must not be glued to Latin letters or digits ("ABLS5 3AB").
_FULL_IN_TEXT = regex.compile(
    rf"(?<![\p{{Latin}}\p{{N}}\p{{M}}_])"
    rf"(?:(?P<outward>{_OUTWARD})[ \t]*(?P<inward>{_INWARD})|(?P<outward>GIR)[ \t]*(?P<inward>0AA))"
    r"(?![\p{Latin}\p{N}\p{M}_@])"
)
# An outward code alone is short enough to be many other things, so its edges are stricter:
# no handle, hashtag, currency, e-mail, path or hyphenated code around it ("@m25", "B1-5").
_OUTWARD_IN_TEXT = regex.compile(
    rf"(?<![\p{{Latin}}\p{{N}}\p{{M}}\p{{Sc}}_@#/\\+&-])(?P<outward>{_OUTWARD})"
    r"(?![\p{Latin}\p{N}\p{M}_@#%])(?![-/\\.,:+][\p{Latin}\p{N}])"
)
# Outward codes that in a chat message are far more often something else: text-speak
# ("b4", "m8", "w8", "l8"), vitamins (B6, B12), a cream (E45), a mask (N95), a gas (CO2).
_LOOKALIKES = frozenset({"B4", "B6", "B12", "CO2", "E45", "L8", "M8", "N95", "W8"})
# A district followed by an ordinal in lower case ("B1 2nd floor") is not a full postcode.
_ORDINAL = regex.compile(r"1st|2nd|3rd|[04-9]th")
_SORT_PARTS = regex.compile(r"([A-Z]+)([0-9]*)([A-Z]?)")


class Closeness(IntEnum):
    """How much of the postcode two places share; higher is nearer."""

    NONE = 0
    AREA = 1
    DISTRICT = 2
    SECTOR = 3
    FULL = 4


@dataclass(frozen=True, slots=True, order=True)
class Postcode:
    """A UK postcode, or only its outward code when that is all an offer or a resident gave."""

    outward: str = field(compare=False)
    inward: str | None = field(compare=False, default=None)
    # Compared instead of the two parts: orders "LS5" before "LS12" and an outward code before
    # the full postcodes inside it, without comparing None with a string.
    _sort_key: tuple[str, int, str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        outward = self.outward.strip().upper()
        inward = self.inward.strip().upper() if self.inward is not None else None
        if (outward, inward) != _GIRO and (
            not _OUTWARD_ONLY.fullmatch(outward)
            or (inward is not None and not _INWARD_ONLY.fullmatch(inward))
        ):
            raise ValueError(f"not a UK postcode: {self.outward!r} {self.inward!r}")
        object.__setattr__(self, "outward", outward)
        object.__setattr__(self, "inward", inward)
        parts = _SORT_PARTS.fullmatch(outward)
        assert parts is not None
        area, number, suffix = parts.groups()
        key = (area, int(number) if number else -1, suffix, inward or "")
        object.__setattr__(self, "_sort_key", key)

    @property
    def area(self) -> str:
        """The leading letters ("YO", "M"): the widest level of closeness."""
        return self._sort_key[0]

    @property
    def district(self) -> str:
        """The outward code ("YO31"), which is all many offers store."""
        return self.outward

    @property
    def sector(self) -> str | None:
        """Outward code and first inward digit ("YO31 0"): a few streets."""
        return f"{self.outward} {self.inward[0]}" if self.inward else None

    @property
    def full(self) -> str | None:
        """The whole postcode in canonical form, or None for an outward code only."""
        return f"{self.outward} {self.inward}" if self.inward else None

    def __str__(self) -> str:
        return self.full or self.outward


def _fold(text: str) -> str:
    """Upper-case ASCII twin of `text`, one character for one, so spans carry over.

    Full-width letters and digits, and digits of other scripts (Arabic-Indic "٣"), become ASCII;
    every kind of space and invisible format mark (such as the right-to-left mark) becomes a
    plain space.
    """
    out: list[str] = []
    for char in text:
        if char.isascii():
            out.append(char.upper())
        elif "\uff01" <= char <= "\uff5e":
            out.append(chr(ord(char) - 0xFEE0).upper())
        elif (digit := unicodedata.decimal(char, None)) is not None:
            out.append(str(digit))
        elif char.isspace() or unicodedata.category(char) == "Cf":
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def parse_postcode(text: str) -> Postcode | None:
    """The postcode or outward code that is the whole of `text`, or None.

    For a reply to "what is your postcode?": case and spacing do not matter, and surrounding
    punctuation is ignored, but anything else in the text makes it not a postcode.
    """
    match = _WHOLE.fullmatch(_EDGES.sub("", _fold(text)))
    if match is None:
        return None
    return Postcode(match.group("outward"), match.group("inward"))


def find_postcode(text: str) -> tuple[Postcode, tuple[int, int]] | None:
    """The first full postcode in a message, or else its first outward code, with its span.

    The span lets the caller cut the postcode out before reading the rest of the message.
    """
    folded = _fold(text)
    for match in _FULL_IN_TEXT.finditer(folded):
        written = text[match.start("inward") : match.end("inward")]
        if match.group("outward") != "GIR" and _ORDINAL.fullmatch(written):
            continue
        return Postcode(match.group("outward"), match.group("inward")), match.span()
    for match in _OUTWARD_IN_TEXT.finditer(folded):
        if match.group("outward") in _LOOKALIKES:
            continue
        return Postcode(match.group("outward")), match.span()
    return None


def closeness(a: Postcode, b: Postcode) -> Closeness:
    """How much two postcodes share; an outward code alone can match at most its district."""
    if a.full is not None and a.full == b.full:
        return Closeness.FULL
    if a.sector is not None and a.sector == b.sector:
        return Closeness.SECTOR
    if a.district == b.district:
        return Closeness.DISTRICT
    if a.area == b.area:
        return Closeness.AREA
    return Closeness.NONE
