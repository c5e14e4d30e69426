"""Anything else a person sends: unknown commands, photos, stickers, voice notes."""

from __future__ import annotations

from telegram import Update
from telegram.ext import MessageHandler, filters

from bot.context import BotContext
from bot.render.replies import need_menu, only_text


async def on_unknown_command(update: Update, context: BotContext) -> None:
    if update.effective_message is not None:
        t = context.t
        await update.effective_message.reply_html(
            t("I do not know that command. Try /help, or tell me what you need."),
            reply_markup=need_menu(t),
        )


async def on_other_message(update: Update, context: BotContext) -> None:
    if update.effective_message is not None:
        reply = only_text(context.t)
        await update.effective_message.reply_html(reply.text, reply_markup=reply.keyboard)


HANDLERS = [
    MessageHandler(filters.ChatType.PRIVATE & filters.COMMAND, on_unknown_command),
    MessageHandler(
        filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, on_other_message
    ),
]
