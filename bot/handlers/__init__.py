"""The handler table: every handler the bot has, in the one order they are tried."""

from __future__ import annotations

from telegram.ext import BaseHandler

from bot.handlers import browse, fallback, search, start

# Order matters: commands before free text, and the catch-all fallbacks last.
HANDLER_TABLE: list[BaseHandler] = [
    *start.HANDLERS,
    *browse.HANDLERS,
    *search.HANDLERS,
    *fallback.HANDLERS,
]
