"""The one error handler: log an incident reference (never message text) and apologise."""

from __future__ import annotations

import logging
import secrets

from telegram import Update

from bot.context import BotContext
from bot.render.replies import apology

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    reference = secrets.token_hex(4)
    update_id = update.update_id if isinstance(update, Update) else None
    # The update itself is not logged: it may hold what a vulnerable person wrote.
    log.error(
        "incident %s while handling update %s",
        reference,
        update_id,
        exc_info=context.error,
    )
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, apology(context.t, reference))
        except Exception:  # the apology itself failed: logging is all that is left
            log.exception("incident %s: could not send the apology", reference)
