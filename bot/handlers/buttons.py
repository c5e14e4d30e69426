"""Buttons no other handler claimed: from an old version of the bot, or tampered with."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.buttons import stale
from bot.context import BotContext


async def on_unknown_button(update: Update, context: BotContext) -> None:
    await stale(update, context)


# Last among button handlers: whatever no other handler claimed.
FALLBACK = [CallbackQueryHandler(on_unknown_button)]
