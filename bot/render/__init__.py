"""Pure rendering: (translator, domain summaries) → escaped Telegram HTML and keyboards."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardMarkup

# Telegram's limit for one message's text.
MESSAGE_LIMIT = 4096


@dataclass(frozen=True)
class Reply:
    """One message to send."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None


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
