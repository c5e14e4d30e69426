"""/privacy says what is kept and why, and shows it; /forget erases it after a confirmation."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.buttons import pressed
from bot.callback_data import Action, pattern
from bot.context import BotContext
from bot.memory import forget_conversation
from bot.render.replies import forget_cancelled, forget_question, forgotten, privacy_notice
from bot.replying import send_replies
from directory.preferences import Preferences, forget


async def on_privacy(update: Update, context: BotContext) -> None:
    if update.effective_message is not None:
        position, postcode = context.memory.whereabouts()
        place = str(postcode) if postcode is not None else None
        notice = privacy_notice(
            context.t, context.preferences, shared_location=position is not None, postcode=place
        )
        await send_replies(update.effective_message, [notice])


async def on_forget(update: Update, context: BotContext) -> None:
    if update.effective_message is not None:
        await send_replies(update.effective_message, [forget_question(context.t)])


async def on_forget_answer(update: Update, context: BotContext) -> None:
    press = await pressed(update, context, Action.FORGET)
    if press is None or context.subject is None:
        return
    t = context.t  # the language in use: the answer is read before the choice is gone
    if press.button.argument != "yes":
        await press.message.edit_text(forget_cancelled(t))
        return
    subject = context.subject
    await context.in_transaction(lambda session: forget(session, subject))
    forget_conversation(context.user_data)
    context.kept(Preferences())
    await press.message.edit_text(forgotten(t))


HANDLERS = [
    CommandHandler("privacy", on_privacy, filters.ChatType.PRIVATE),
    CommandHandler("forget", on_forget, filters.ChatType.PRIVATE),
    CallbackQueryHandler(on_forget_answer, pattern=pattern(Action.FORGET)),
]
