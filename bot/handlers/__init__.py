"""The handler table: every handler the bot has, in the one order they are tried."""

from __future__ import annotations

from telegram.ext import BaseHandler

from bot.handlers import (
    area,
    browse,
    buttons,
    fallback,
    language,
    location,
    person,
    privacy,
    results,
    search,
    start,
)

# Order matters: commands before free text, each button action before the catch-all for
# stale buttons, and the catch-all fallbacks last.
HANDLER_TABLE: list[BaseHandler] = [
    *start.HANDLERS,
    *language.HANDLERS,
    *area.HANDLERS,
    *privacy.HANDLERS,
    *browse.HANDLERS,
    *results.HANDLERS,
    *buttons.FALLBACK,
    *location.HANDLERS,
    *search.HANDLERS,
    *fallback.HANDLERS,
]

# Run for every update before the table: what the person chose to keep.
BEFORE_ALL = (person.GROUP, person.HANDLERS)
