"""/start (with an optional area deep link, "/start area_<slug>") and /help."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, filters

from bot.answering import areas
from bot.context import BotContext
from bot.render.replies import area_menu, help_text, welcome
from bot.replying import send_replies
from directory.errors import UnknownPartnership
from directory.preferences import choose_area

AREA_LINK_PREFIX = "area_"


async def start(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None:
        return
    payload = context.args[0] if context.args else ""
    if not payload.startswith(AREA_LINK_PREFIX) or context.subject is None:
        await send_replies(message, [welcome(context.t)])
        return
    subject, slug = context.subject, payload.removeprefix(AREA_LINK_PREFIX)
    try:
        preferences = await context.in_transaction(
            lambda session: choose_area(session, subject, slug)
        )
    except UnknownPartnership:
        t = context.t
        await send_replies(message, [area_menu(t, await areas(context), unknown_link=True)])
        return
    context.kept(preferences)
    await send_replies(message, [welcome(context.t, area_name=preferences.area_name)])


async def help_command(update: Update, context: BotContext) -> None:
    if update.effective_message is not None:
        await send_replies(update.effective_message, [help_text(context.t)])


HANDLERS = [
    CommandHandler("start", start, filters.ChatType.PRIVATE),
    CommandHandler("help", help_command, filters.ChatType.PRIVATE),
]
