"""/area: choose the partnership area whose local offers come first (or all of England)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.answering import areas
from bot.buttons import pressed, stale
from bot.callback_data import NO_AREA, Action, pattern
from bot.context import BotContext
from bot.render.replies import area_chosen, area_menu
from bot.replying import send_replies
from directory.errors import UnknownPartnership
from directory.preferences import choose_area


async def on_area_command(update: Update, context: BotContext) -> None:
    if update.effective_message is not None:
        await send_replies(update.effective_message, [area_menu(context.t, await areas(context))])


async def on_area_page(update: Update, context: BotContext) -> None:
    press = await pressed(update, context, Action.AREAS)
    if press is None:
        return
    page = int(press.button.argument)
    await send_replies(press.message, [area_menu(context.t, await areas(context), page=page)])


async def on_area_chosen(update: Update, context: BotContext) -> None:
    press = await pressed(update, context, Action.AREA)
    if press is None or context.subject is None:
        return
    subject, argument = context.subject, press.button.argument
    slug = None if argument == NO_AREA else argument
    try:
        preferences = await context.in_transaction(
            lambda session: choose_area(session, subject, slug)
        )
    except UnknownPartnership:  # the area left the directory since the list was shown
        await stale(update, context, answered=True)
        return
    context.kept(preferences)
    await send_replies(press.message, [area_chosen(context.t, preferences.area_name)])


HANDLERS = [
    CommandHandler("area", on_area_command, filters.ChatType.PRIVATE),
    CallbackQueryHandler(on_area_page, pattern=pattern(Action.AREAS)),
    CallbackQueryHandler(on_area_chosen, pattern=pattern(Action.AREA)),
]
