"""Before any handler: read what the person chose to keep, so every reply follows it."""

from __future__ import annotations

from telegram import Update
from telegram.ext import TypeHandler

from bot.context import BotContext

# Runs in a group before every other handler, for every update.
GROUP = -1


async def load_person(update: Update, context: BotContext) -> None:
    await context.load_person()


HANDLERS = [TypeHandler(Update, load_person)]
