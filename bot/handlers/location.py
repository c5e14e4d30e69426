"""A shared location: remembered for an hour, and the last search shown again, nearest first."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import MessageHandler, filters

from bot.answering import search_needs, show
from bot.context import BotContext
from bot.render.replies import located, need_menu
from bot.replying import send_replies
from directory.ranking import Position


async def on_location(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None or message.location is None:
        return
    shared = message.location
    context.memory.place(position=Position(shared.latitude, shared.longitude))
    t = context.t
    await send_replies(message, [located(t)])
    if not context.memory.last_needs:
        await message.reply_html(t("What would you like help with?"), reply_markup=need_menu(t))
        return
    await message.reply_chat_action(ChatAction.TYPING)
    result = await search_needs(context, context.memory.last_needs, record_unmet=False)
    await show(message, context, t, result)


HANDLERS = [MessageHandler(filters.ChatType.PRIVATE & filters.LOCATION, on_location)]
