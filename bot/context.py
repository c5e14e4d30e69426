"""What every handler gets: the application's dependencies and a per-update translator `t`."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.orm import Session, sessionmaker
from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot

from bot.i18n import Catalogs, Translator
from bot.settings import BotSettings
from directory.catalogue import Catalogue
from directory.db import transaction

ResultT = TypeVar("ResultT")
DEPS_KEY = "deps"


@dataclass(frozen=True)
class Deps:
    """Built once in ``__main__`` (or a test) and owned by the application's lifetime."""

    settings: BotSettings
    sessions: sessionmaker[Session]
    catalogue: Catalogue
    catalogs: Catalogs


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """A context made fresh for each update, so a translator never leaks between users."""

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any], **kwargs: Any):
        super().__init__(application=application, **kwargs)
        self._telegram_language: str | None = None
        self._translator: Translator | None = None

    @classmethod
    def from_update(cls, update: object, application: Any) -> BotContext:
        context = super().from_update(update, application)
        if isinstance(update, Update) and update.effective_user is not None:
            context._telegram_language = update.effective_user.language_code
        return context

    @property
    def deps(self) -> Deps:
        deps: Deps = self.application.bot_data[DEPS_KEY]
        return deps

    @property
    def t(self) -> Translator:
        """The user's translator: their Telegram language where supported, else the default."""
        if self._translator is None:
            self._translator = self.deps.catalogs.negotiate(
                self._telegram_language, self.deps.settings.DEFAULT_LANGUAGE
            )
        return self._translator

    def t_for_message(self, message_language: str | None) -> Translator:
        """The translator for a reply: the message's own language when it was clearly read
        from the message (people write in the language they read best), else the user's."""
        if message_language is None:
            return self.t
        return self.deps.catalogs.negotiate(message_language, self.t.language)

    async def in_transaction(self, work: Callable[[Session], ResultT]) -> ResultT:
        """Run one unit of domain work in a worker thread, so the event loop never blocks on I/O."""

        def run() -> ResultT:
            with transaction(self.deps.sessions) as session:
                return work(session)

        return await asyncio.to_thread(run)
