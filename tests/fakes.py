"""A bot wired to a recording, offline Bot API: drive it with updates, read what it sent."""

from __future__ import annotations

import json
from typing import Any

from telegram import Update

from bot.app import BotApplication, build_application
from bot.context import Deps
from bot.offline_api import (
    ApiCall,
    OfflineRequest,
    button_update,
    location_update,
    private_user,
    text_update,
)


class BotHarness:
    def __init__(self, deps: Deps) -> None:
        self.request = OfflineRequest()
        self.application: BotApplication = build_application(deps, request=self.request)

    async def __aenter__(self) -> BotHarness:
        await self.application.initialize()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.application.shutdown()

    @property
    def calls(self) -> list[ApiCall]:
        return self.request.api.calls

    async def process(self, update: dict[str, Any]) -> list[ApiCall]:
        """Feed one update; return the Bot API calls the bot made in answer."""
        before = len(self.calls)
        await self.application.process_update(Update.de_json(update, self.application.bot))
        return self.calls[before:]

    async def send(
        self, text: str, *, user_id: int = 1001, language: str | None = "en"
    ) -> list[ApiCall]:
        return await self.process(text_update(text, private_user(user_id, language)))

    async def share_location(
        self,
        latitude: float,
        longitude: float,
        *,
        user_id: int = 1001,
        language: str | None = "en",
    ) -> list[ApiCall]:
        return await self.process(
            location_update(latitude, longitude, private_user(user_id, language))
        )

    async def press(
        self,
        data: str,
        message: dict[str, Any],
        *,
        user_id: int = 1001,
        language: str | None = "en",
    ) -> list[ApiCall]:
        return await self.process(button_update(data, private_user(user_id, language), message))


def messages(calls: list[ApiCall]) -> list[ApiCall]:
    return [call for call in calls if call.method == "sendMessage"]


def texts(calls: list[ApiCall]) -> list[str]:
    return [str(call.params["text"]) for call in messages(calls)]


def markup(call: ApiCall) -> dict[str, Any]:
    raw = call.params.get("reply_markup")
    if not raw:
        return {}
    data = json.loads(raw) if isinstance(raw, str) else raw
    return data if isinstance(data, dict) else {}


def buttons(call: ApiCall) -> list[dict[str, str]]:
    return [button for row in markup(call).get("inline_keyboard", []) for button in row]


def with_buttons(calls: list[ApiCall]) -> list[ApiCall]:
    """The sent messages that carry inline buttons."""
    return [call for call in messages(calls) if buttons(call)]


def button_data(call: ApiCall, label_part: str) -> str:
    """The callback data of the first button whose label contains `label_part`."""
    for button in buttons(call):
        if label_part in button["text"] and "callback_data" in button:
            return button["callback_data"]
    raise AssertionError(f"no button with {label_part!r} in {[b['text'] for b in buttons(call)]}")
