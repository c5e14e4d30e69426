"""What inline buttons carry: a short action code and one argument, within Telegram's 64 bytes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from directory.needs import Need

MAX_BYTES = 64
_SEPARATOR = ":"


class Action(StrEnum):
    NEED = "n"  # show offers for a need
    MENU = "m"  # show the need menu


@dataclass(frozen=True)
class Button:
    action: Action
    argument: str = ""

    def encode(self) -> str:
        data = f"{self.action.value}{_SEPARATOR}{self.argument}"
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
        return data


def need_button(need: Need) -> str:
    return Button(Action.NEED, need.value).encode()


def menu_button() -> str:
    return Button(Action.MENU).encode()


def decode(data: str | None) -> Button | None:
    """The button, or None when the data is from an old version or was tampered with."""
    if not data or _SEPARATOR not in data:
        return None
    code, argument = data.split(_SEPARATOR, 1)
    try:
        action = Action(code)
    except ValueError:
        return None
    if action is Action.NEED and argument not in Need.__members__.values():
        return None
    if action is Action.MENU and argument:
        return None
    return Button(action, argument)


def need_of(button: Button) -> Need:
    return Need(button.argument)
