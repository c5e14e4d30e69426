"""Topic buttons: offers for a need chosen from the menu, and the menu itself."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import CallbackQueryHandler

from bot.answering import search_needs, show
from bot.buttons import pressed
from bot.callback_data import Action, need_of, pattern
from bot.context import BotContext
from bot.render.replies import need_menu


async def on_menu(update: Update, context: BotContext) -> None:
    press = await pressed(update, context, Action.MENU)
    if press is None:
        return
    t = context.t
    await press.message.reply_html(t("What would you like help with?"), reply_markup=need_menu(t))


async def on_need(update: Update, context: BotContext) -> None:
    press = await pressed(update, context, Action.NEED)
    if press is None:
        return
    await press.message.reply_chat_action(ChatAction.TYPING)
    result = await search_needs(context, [need_of(press.button)])
    await show(press.message, context, context.t, result)


HANDLERS = [
    CallbackQueryHandler(on_menu, pattern=pattern(Action.MENU)),
    CallbackQueryHandler(on_need, pattern=pattern(Action.NEED)),
]
