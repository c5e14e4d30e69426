"""Every button press starts here: decode it, answer the spinner, or say it is out of date."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Message, Update

from bot.callback_data import Action, Button, decode
from bot.context import BotContext
from bot.render.replies import need_menu, stale_button


@dataclass(frozen=True)
class Press:
    button: Button
    message: Message  # the message the button was on


async def pressed(update: Update, context: BotContext, action: Action) -> Press | None:
    """The press, answered; or None after telling the person the button is out of date
    (an old button from a previous version, a result forgotten since, or tampered data)."""
    query = update.callback_query
    if query is None:
        return None
    decoded = decode(query.data)
    message = query.message if query.message and query.message.is_accessible else None
    if decoded is None or decoded.action is not action or message is None:
        await stale(update, context)
        return None
    await query.answer()  # at once: the spinner on the person's button stops
    return Press(decoded, message)  # type: ignore[arg-type]


async def stale(update: Update, context: BotContext, *, answered: bool = False) -> None:
    """Say the button is out of date, and show the topics. `answered`: the press was already
    acknowledged (a well-formed button whose result has been forgotten since)."""
    query = update.callback_query
    if query is None:
        return
    t = context.t
    if not answered:
        await query.answer(stale_button(t))
    message = query.message if query.message and query.message.is_accessible else None
    if message is not None:
        await message.reply_html(stale_button(t), reply_markup=need_menu(t))  # type: ignore[union-attr]
