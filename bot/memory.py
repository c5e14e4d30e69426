"""What the bot remembers about a conversation between messages: in memory only, briefly.

Results are remembered so that "more", "report a problem" and "did this help?" buttons can
refer to them; where the person is (a shared location or a typed postcode) is remembered for
an hour so the next search is nearest first. None of it is written to the database, none of
it is message text, and /forget clears it at once.
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from directory.matching import MatchResult
from directory.needs import Need
from directory.postcodes import Postcode
from directory.ranking import Position

MEMORY_KEY = "memory"
# Results a person can still page through or act on; older buttons go stale.
RESULTS_KEPT = 5
# How long a shared location or typed postcode is used for.
WHEREABOUTS_SECONDS = 60 * 60


@dataclass
class RememberedResult:
    result: MatchResult
    area: str | None
    answered: bool = False  # "did this help?" was answered: asked once, recorded once

    @property
    def needs(self) -> tuple[Need, ...]:
        return tuple(score.need for score in self.result.needs if score.need is not Need.CRISIS)


@dataclass
class ConversationMemory:
    results: OrderedDict[str, RememberedResult] = field(default_factory=OrderedDict)
    position: Position | None = None
    postcode: Postcode | None = None
    whereabouts_until: float = 0.0
    last_needs: tuple[Need, ...] = ()
    # The language this conversation's messages were clearly written in, so that the buttons
    # under an answer go on in it.
    language: str | None = None
    asked_where: bool = False
    reported: set[tuple[str, str]] = field(default_factory=set)  # (offer id, kind) this session

    def remember(self, result: MatchResult, area: str | None) -> str:
        key = secrets.token_hex(4)
        self.results[key] = RememberedResult(result, area)
        while len(self.results) > RESULTS_KEPT:
            self.results.popitem(last=False)
        needs = tuple(score.need for score in result.needs if score.need is not Need.CRISIS)
        if result.crisis:
            # Never answer a later location or postcode by re-running an earlier search:
            # after a crisis message that would be a jarring reply.
            self.last_needs = ()
        elif needs:
            self.last_needs = needs
        return key

    def recall(self, key: str) -> RememberedResult | None:
        return self.results.get(key)

    def place(self, *, position: Position | None = None, postcode: Postcode | None = None) -> None:
        """Where the person is now: a new place replaces the old one entirely."""
        self.position, self.postcode = position, postcode
        self.whereabouts_until = time.monotonic() + WHEREABOUTS_SECONDS

    def whereabouts(self) -> tuple[Position | None, Postcode | None]:
        if time.monotonic() > self.whereabouts_until:
            self.position = self.postcode = None
        return self.position, self.postcode

    @property
    def knows_where(self) -> bool:
        position, postcode = self.whereabouts()
        return position is not None or postcode is not None


def memory_of(user_data: dict[Any, Any] | None) -> ConversationMemory:
    """The person's conversation memory, made on first use."""
    if user_data is None:  # updates without a user (channel posts) have nowhere to keep it
        return ConversationMemory()
    memory = user_data.get(MEMORY_KEY)
    if not isinstance(memory, ConversationMemory):
        memory = user_data[MEMORY_KEY] = ConversationMemory()
    return memory


def forget_conversation(user_data: dict[Any, Any] | None) -> None:
    if user_data is not None:
        user_data.clear()
