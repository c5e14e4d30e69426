"""Free text: understand the need and answer with offers, crisis lines first when needed."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import MessageHandler, filters

from bot.context import BotContext
from bot.render.replies import results
from bot.replying import send_replies
from directory.search import find_help

# Telegram allows 4096 characters; matching more than this adds nothing but work.
MAX_TEXT = 4096


async def on_text(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None or message.text is None:
        return
    await message.reply_chat_action(ChatAction.TYPING)
    text = message.text[:MAX_TEXT]
    result = await context.in_transaction(
        lambda session: find_help(
            session, context.deps.catalogue, text, language=context.t.language, limit=5
        )
    )
    t = context.t_for_message(result.language if result.language_detected else None)
    await send_replies(message, results(t, result))


HANDLERS = [
    MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, on_text),
]
