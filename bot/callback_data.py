"""What inline buttons carry: a short action code and its arguments, within Telegram's 64 bytes.

Button data comes back from the user's phone, so it is treated as untrusted input: every
action states the exact shape of its arguments, and anything else decodes to None (an old
button from a previous version, or data that was tampered with).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import regex

from directory.languages import SUPPORTED_LANGUAGES
from directory.models import ProblemKind
from directory.needs import Need

MAX_BYTES = 64
_SEPARATOR = ":"
_ARGUMENT_SEPARATOR = "."
# Automatic language: follow Telegram and the person's messages again.
AUTOMATIC = "auto"
# No area: all of England.
NO_AREA = "-"


class Action(StrEnum):
    NEED = "n"  # show offers for a need
    MENU = "m"  # show the need menu
    LANGUAGE = "l"  # choose a language
    AREA = "a"  # choose an area
    AREAS = "al"  # a page of the list of areas
    MORE = "p"  # the next page of a result: result key, page
    REPORT = "r"  # report a problem with an offer: result key, card number
    REPORT_KIND = "rk"  # ... of this kind: result key, card number, kind
    FEEDBACK = "f"  # did this help: result key, yes or no
    FORGET = "x"  # confirm or cancel erasing what is kept


_RESULT_KEY = r"[0-9a-z]{1,12}"
_NUMBER = r"[0-9]{1,3}"
_KINDS = "|".join(regex.escape(kind.value) for kind in ProblemKind)
_LANGUAGES = "|".join([*SUPPORTED_LANGUAGES, AUTOMATIC])
_ARGUMENTS: dict[Action, str] = {
    Action.NEED: "|".join(need.value for need in Need),
    Action.MENU: "",
    Action.LANGUAGE: _LANGUAGES,
    Action.AREA: rf"[a-z0-9][a-z0-9-]{{0,47}}|{regex.escape(NO_AREA)}",
    Action.AREAS: _NUMBER,
    Action.MORE: rf"{_RESULT_KEY}\.{_NUMBER}",
    Action.REPORT: rf"{_RESULT_KEY}\.{_NUMBER}",
    Action.REPORT_KIND: rf"{_RESULT_KEY}\.{_NUMBER}\.(?:{_KINDS})",
    Action.FEEDBACK: rf"{_RESULT_KEY}\.[yn]",
    Action.FORGET: "yes|no",
}
_PATTERNS = {action: regex.compile(f"(?:{shape})") for action, shape in _ARGUMENTS.items()}


@dataclass(frozen=True)
class Button:
    action: Action
    arguments: tuple[str, ...] = ()

    def encode(self) -> str:
        data = f"{self.action.value}{_SEPARATOR}{_ARGUMENT_SEPARATOR.join(self.arguments)}"
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
        return data

    @property
    def argument(self) -> str:
        return self.arguments[0] if self.arguments else ""


def button(action: Action, *arguments: object) -> str:
    return Button(action, tuple(str(argument) for argument in arguments)).encode()


def need_button(need: Need) -> str:
    return button(Action.NEED, need.value)


def menu_button() -> str:
    return button(Action.MENU)


def pattern(action: Action) -> str:
    """The regular expression a CallbackQueryHandler uses to pick this action's buttons."""
    return f"^{regex.escape(action.value)}{_SEPARATOR}"


def decode(data: str | None) -> Button | None:
    """The button, or None when the data is from an old version or was tampered with."""
    if not data or _SEPARATOR not in data or len(data.encode()) > MAX_BYTES:
        return None
    code, argument = data.split(_SEPARATOR, 1)
    try:
        action = Action(code)
    except ValueError:
        return None
    if _PATTERNS[action].fullmatch(argument) is None:
        return None
    if action is Action.AREA:  # a slug may hold the argument separator's neighbours, not it
        return Button(action, (argument,))
    return Button(action, tuple(argument.split(_ARGUMENT_SEPARATOR)) if argument else ())


def need_of(decoded: Button) -> Need:
    return Need(decoded.argument)
