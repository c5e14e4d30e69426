"""/start and /help: a warm welcome and the topics."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, filters

from bot.context import BotContext
from bot.render import Reply
from bot.render.replies import help_text, welcome


async def start(update: Update, context: BotContext) -> None:
    await _send(update, welcome(context.t))


async def help_command(update: Update, context: BotContext) -> None:
    await _send(update, help_text(context.t))


async def _send(update: Update, reply: Reply) -> None:
    if update.effective_message is not None:
        await update.effective_message.reply_html(reply.text, reply_markup=reply.keyboard)


HANDLERS = [
    CommandHandler("start", start, filters.ChatType.PRIVATE),
    CommandHandler("help", help_command, filters.ChatType.PRIVATE),
]
