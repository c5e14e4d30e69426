"""Free text: understand the need and answer with offers, crisis lines first when needed."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import MessageHandler, filters

from bot.answering import search_needs, search_text, show
from bot.context import BotContext
from bot.render.replies import need_menu, placed
from bot.replying import send_replies

# Telegram allows 4096 characters. Longer text (from elsewhere) is read up to this, never
# refused: a long message may be someone explaining a crisis.
MAX_TEXT = 4096


async def on_text(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None or message.text is None:
        return
    await message.reply_chat_action(ChatAction.TYPING)
    result = await search_text(context, message.text[:MAX_TEXT])
    t = context.follow_message(result.language if result.language_detected else None)
    if result.postcode is not None and not result.needs and not result.offers:
        # Only a postcode: the person answered "where are you?", so ask again nearest first.
        await send_replies(message, [placed(t, str(result.postcode))])
        if not context.memory.last_needs:
            await message.reply_html(t("What would you like help with?"), reply_markup=need_menu(t))
            return
        result = await search_needs(context, context.memory.last_needs, record_unmet=False)
        await show(message, context, t, result)
        return
    await show(message, context, t, result)


HANDLERS = [
    MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, on_text),
]
