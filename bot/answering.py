"""Searching on a person's behalf and showing the answer: shared by typed messages, topic
buttons and a shared location, so that every way in ends in the same cards and buttons.
Also the list of areas a person can choose from."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from telegram import Message, ReplyKeyboardMarkup

from bot.context import BotContext
from bot.i18n import Translator
from bot.render.replies import RESULTS_FETCHED, Showing, results
from bot.replying import send_replies
from directory.matching import MatchResult, Status
from directory.needs import Need
from directory.search import find_help, find_offers_for_need
from directory.summaries import PartnershipSummary

_ASK_WHERE = frozenset({Status.MATCHED, Status.SUPPLY_GAP})


async def areas(context: BotContext) -> list[PartnershipSummary]:
    """The partnership areas a person can choose, by name."""
    partnerships = await context.in_transaction(
        lambda session: context.deps.catalogue.partnerships(session)
    )
    return sorted(partnerships.values(), key=lambda p: p.name.casefold())


def _situation(context: BotContext) -> dict[str, Any]:
    """What every search on the person's behalf takes from what they told us."""
    position, postcode = context.memory.whereabouts()
    return {
        "area": context.preferences.area,
        "near": position,
        "postcode": postcode,
        "language": context.t.language,
        "limit": RESULTS_FETCHED,
    }


async def search_text(context: BotContext, text: str) -> MatchResult:
    situation = _situation(context)
    result = await context.in_transaction(
        lambda session: find_help(session, context.deps.catalogue, text, **situation)
    )
    if result.postcode is not None:
        context.memory.place(postcode=result.postcode)
    return result


async def search_needs(
    context: BotContext, needs: Sequence[Need], *, record_unmet: bool = True
) -> MatchResult:
    situation = _situation(context)
    return await context.in_transaction(
        lambda session: find_offers_for_need(
            session, context.deps.catalogue, needs, record_unmet=record_unmet, **situation
        )
    )


async def show(message: Message, context: BotContext, t: Translator, result: MatchResult) -> None:
    """Remember the result (for its buttons) and send its first page."""
    memory = context.memory
    key = memory.remember(result, context.preferences.area)
    ask_where = result.status in _ASK_WHERE and not memory.knows_where and not memory.asked_where
    showing = Showing(
        key=key, now=datetime.now(UTC), timezone=context.deps.settings.TIMEZONE, ask_where=ask_where
    )
    replies = results(t, result, showing)
    if any(isinstance(reply.keyboard, ReplyKeyboardMarkup) for reply in replies):
        memory.asked_where = True  # asked once a conversation: a shared place is optional
    await send_replies(message, replies)
