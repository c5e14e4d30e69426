"""Pure rendering: (translator, domain summaries) → escaped Telegram HTML and keyboards."""

from __future__ import annotations

import html
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove

from bot.i18n import Html, Translator, isolate

# Telegram's limit for one message's text.
MESSAGE_LIMIT = 4096


@dataclass(frozen=True)
class Reply:
    """One message to send."""

    text: str
    keyboard: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None = None


# A directory field's longest shown form, so that a card stays well inside one message.
FIELD_LIMIT = 250


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def field(t: Translator, value: str, limit: int = FIELD_LIMIT) -> Html:
    """Directory text made safe for HTML, isolated when the reader's text runs right to left:
    the one way any directory value reaches a message."""
    escaped = html.escape(clip(value, limit), quote=False)
    if t.right_to_left:
        escaped = isolate(escaped)
    return Html(escaped)


def pack(parts: list[str], *, separator: str = "\n\n", limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join parts into as few messages as fit Telegram's limit, never splitting a part."""
    messages: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current}{separator}{part}" if current else part
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            messages.append(current)
        current = part
    if current:
        messages.append(current)
    return messages
