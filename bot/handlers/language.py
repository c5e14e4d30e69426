"""/language: each language in its own name; the choice is kept until changed or forgotten."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.buttons import pressed
from bot.callback_data import AUTOMATIC, Action, pattern
from bot.context import BotContext
from bot.render.replies import language_chosen, language_menu
from bot.replying import send_replies
from directory.preferences import choose_language


async def on_language_command(update: Update, context: BotContext) -> None:
    if update.effective_message is not None:
        await send_replies(update.effective_message, [language_menu(context.t)])


async def on_language_chosen(update: Update, context: BotContext) -> None:
    press = await pressed(update, context, Action.LANGUAGE)
    if press is None or context.subject is None:
        return
    subject, code = context.subject, press.button.argument
    language = None if code == AUTOMATIC else code
    preferences = await context.in_transaction(
        lambda session: choose_language(session, subject, language)
    )
    context.kept(preferences)
    await send_replies(press.message, [language_chosen(context.t, automatic=language is None)])


HANDLERS = [
    CommandHandler("language", on_language_command, filters.ChatType.PRIVATE),
    CallbackQueryHandler(on_language_chosen, pattern=pattern(Action.LANGUAGE)),
]
