"""Buttons under an answer: more results, report a problem with an offer, did this help."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.buttons import pressed, stale
from bot.callback_data import Action, pattern
from bot.context import BotContext
from bot.render.replies import (
    Showing,
    card_offers,
    declined_thanks,
    feedback_thanks,
    page_count,
    report_question,
    report_thanks,
    result_page,
)
from bot.replying import send_replies
from directory.errors import UnknownOffer
from directory.matching import RankedOffer, Status
from directory.models import ProblemKind
from directory.reports import report_problem
from directory.search import decline_offers


async def on_more(update: Update, context: BotContext) -> None:
    press = await pressed(update, context, Action.MORE)
    if press is None:
        return
    key, page = press.button.arguments[0], int(press.button.arguments[1])
    remembered = context.memory.recall(key)
    if remembered is None or page >= page_count(remembered.result):
        await stale(update, context, answered=True)
        return
    showing = Showing(
        key=key, now=datetime.now(UTC), timezone=context.deps.settings.TIMEZONE, page=page
    )
    await send_replies(press.message, result_page(context.t, remembered.result, showing))


async def on_report(update: Update, context: BotContext) -> None:
    press = await pressed(update, context, Action.REPORT)
    if press is None:
        return
    key, number = press.button.arguments[0], int(press.button.arguments[1])
    offer = _card(context, key, number)
    if offer is None:
        await stale(update, context, answered=True)
        return
    await send_replies(press.message, [report_question(context.t, key, number, offer.offer.name)])


async def on_report_kind(update: Update, context: BotContext) -> None:
    press = await pressed(update, context, Action.REPORT_KIND)
    if press is None:
        return
    key, number, kind = press.button.arguments
    offer = _card(context, key, int(number))
    if offer is None:
        await stale(update, context, answered=True)
        return
    report = (offer.offer.id, kind)
    memory = context.memory
    if report not in memory.reported:  # a second tap is thanked, not counted twice
        try:
            await context.in_transaction(
                lambda session: report_problem(session, offer.offer.id, ProblemKind(kind))
            )
        except UnknownOffer:  # taken out of the directory since it was shown
            await stale(update, context, answered=True)
            return
        memory.reported.add(report)
    await press.message.edit_text(report_thanks(context.t, offer.offer.name))


async def on_feedback(update: Update, context: BotContext) -> None:
    press = await pressed(update, context, Action.FEEDBACK)
    if press is None:
        return
    key, answer = press.button.arguments
    remembered = context.memory.recall(key)
    if remembered is None:
        await stale(update, context, answered=True)
        return
    t = context.t
    if answer == "y":
        remembered.answered = True
        await press.message.reply_html(feedback_thanks(t))
        return
    if not remembered.answered and remembered.result.status is not Status.CRISIS:
        needs = remembered.needs
        await context.in_transaction(
            lambda session: decline_offers(
                session, needs, language=remembered.result.language, area=remembered.area
            )
        )
    remembered.answered = True
    reply = declined_thanks(t)
    await press.message.reply_html(reply.text, reply_markup=reply.keyboard)


def _card(context: BotContext, key: str, number: int) -> RankedOffer | None:
    """The offer shown as card `number` of a remembered answer."""
    remembered = context.memory.recall(key)
    if remembered is None:
        return None
    offers = card_offers(remembered.result)
    return offers[number - 1] if 1 <= number <= len(offers) else None


HANDLERS = [
    CallbackQueryHandler(on_more, pattern=pattern(Action.MORE)),
    CallbackQueryHandler(on_report_kind, pattern=pattern(Action.REPORT_KIND)),
    CallbackQueryHandler(on_report, pattern=pattern(Action.REPORT)),
    CallbackQueryHandler(on_feedback, pattern=pattern(Action.FEEDBACK)),
]
