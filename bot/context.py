"""What every handler gets: the application's dependencies, the person's kept preferences, a
per-update translator `t`, and the conversation's short-term memory."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.orm import Session, sessionmaker
from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot

from bot.i18n import Catalogs, Translator
from bot.memory import ConversationMemory, memory_of
from bot.settings import BotSettings
from directory.catalogue import Catalogue
from directory.db import transaction
from directory.languages import supported_language
from directory.preferences import Preferences, load_preferences
from directory.privacy import pseudonym, pseudonym_key

ResultT = TypeVar("ResultT")
ENGLISH = "en"
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
        self._user_id: int | None = None
        self.subject: str | None = None  # the person's pseudonym, once loaded
        self.preferences = Preferences()

    @classmethod
    def from_update(cls, update: object, application: Any) -> BotContext:
        context = super().from_update(update, application)
        if isinstance(update, Update) and update.effective_user is not None:
            context._telegram_language = update.effective_user.language_code
            context._user_id = update.effective_user.id
        return context

    @property
    def deps(self) -> Deps:
        deps: Deps = self.application.bot_data[DEPS_KEY]
        return deps

    @property
    def memory(self) -> ConversationMemory:
        return memory_of(self.user_data)

    async def load_person(self) -> None:
        """Read what the person chose to keep; run once per update, before any handler."""
        user_id = self._user_id
        if user_id is None:
            return

        def load(session: Session) -> tuple[str, Preferences]:
            subject = pseudonym(pseudonym_key(session, self.deps.settings.PSEUDONYM_KEY), user_id)
            return subject, load_preferences(session, subject)

        self.subject, self.preferences = await self.in_transaction(load)
        self._translator = None

    def kept(self, preferences: Preferences) -> None:
        """The person changed what is kept: later replies in this update follow it."""
        self.preferences = preferences
        self._translator = None

    @property
    def t(self) -> Translator:
        """The person's translator: the language they chose; else the language their messages
        in this conversation were clearly written in; else their Telegram language; else the
        default."""
        if self._translator is None:
            self._translator = self.deps.catalogs.negotiate(
                self.preferences.language,
                self.memory.language,
                self._telegram_language,
                self.deps.settings.DEFAULT_LANGUAGE,
            )
        return self._translator

    def follow_message(self, message_language: str | None) -> Translator:
        """The translator for an answer to a message, remembered for the buttons that follow.

        A chosen language always wins. Otherwise a message clearly written in a language is
        answered in it (people write in the language they read best, whatever their phone is
        set to), except that English words ("hello", "food bank") on a phone set to another
        supported language do not switch the conversation to English.
        """
        if self.preferences.language is not None or message_language is None:
            return self.t
        phone = supported_language(self._telegram_language)
        if message_language == ENGLISH and phone not in {None, ENGLISH}:
            return self.t
        if supported_language(message_language) is not None:
            self.memory.language = message_language
            self._translator = None
        return self.t

    async def in_transaction(self, work: Callable[[Session], ResultT]) -> ResultT:
        """Run one unit of domain work in a worker thread, so the event loop never blocks on I/O."""

        def run() -> ResultT:
            with transaction(self.deps.sessions) as session:
                return work(session)

        return await asyncio.to_thread(run)
