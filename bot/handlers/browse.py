"""Topic buttons: offers for a need chosen from the menu, and the menu itself."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.callback_data import Action, decode, need_of
from bot.context import BotContext
from bot.render.replies import need_menu, results, stale_button
from bot.replying import send_replies
from directory.search import find_offers_for_need


async def on_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    if query is None:
        return
    t = context.t
    button = decode(query.data)
    message = query.message if query.message and query.message.is_accessible else None
    if button is None or message is None:
        # An old button from before an update, or data that was tampered with.
        await query.answer(stale_button(t), show_alert=False)
        if message is not None:
            await message.reply_html(stale_button(t), reply_markup=need_menu(t))
        return
    await query.answer()
    if button.action is Action.MENU:
        await message.reply_html(t("What would you like help with?"), reply_markup=need_menu(t))
        return
    need = need_of(button)
    result = await context.in_transaction(
        lambda session: find_offers_for_need(
            session, context.deps.catalogue, need, language=t.language
        )
    )
    await send_replies(message, results(t, result))


HANDLERS = [CallbackQueryHandler(on_button)]
