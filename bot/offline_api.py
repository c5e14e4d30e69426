"""A Bot API that answers locally: for the console chat, and for tests that must not touch Telegram.

It answers the methods wellplaced calls the way Telegram would, remembers every call, and
keeps message ids consistent, so the real handlers run unchanged on top of it.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_USER = {
    "id": 7000000001,
    "is_bot": True,
    "first_name": "wellplaced",
    "username": "wellplaced_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}

_ANSWERED_TRUE = frozenset(
    {
        "answerCallbackQuery",
        "sendChatAction",
        "setMyCommands",
        "deleteMyCommands",
        "deleteWebhook",
        "deleteMessage",
        "setChatMenuButton",
        "close",
        "logOut",
    }
)


@dataclass(frozen=True)
class ApiCall:
    method: str
    params: dict[str, Any]
    result: Any  # what the call returned, e.g. the message that was sent


class OfflineBotApi:
    """Answers Bot API calls from memory and records them. Thread-safe."""

    def __init__(self) -> None:
        self.calls: list[ApiCall] = []
        self._message_ids = itertools.count(1000)
        self._lock = threading.Lock()

    def answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """The JSON body Telegram would return for this call."""
        with self._lock:
            body = self._body(method, params, next(self._message_ids))
            self.calls.append(ApiCall(method, params, body.get("result")))
        return body

    def _body(self, method: str, params: dict[str, Any], message_id: int) -> dict[str, Any]:
        if method == "getMe":
            return _ok(BOT_USER)
        if method in _ANSWERED_TRUE:
            return _ok(True)
        if method in {"sendMessage", "editMessageText", "editMessageReplyMarkup"}:
            return _ok(self._message(params, message_id))
        return {"ok": False, "error_code": 404, "description": f"Not Found: {method}"}

    @staticmethod
    def _message(params: dict[str, Any], message_id: int) -> dict[str, Any]:
        chat_id = int(params.get("chat_id", 0))
        message: dict[str, Any] = {
            "message_id": int(params.get("message_id", message_id)),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": BOT_USER,
            "text": str(params.get("text", "")),
        }
        if "reply_markup" in params:
            markup = params["reply_markup"]
            markup = json.loads(markup) if isinstance(markup, str) else markup
            # As Telegram does, a message carries only an inline keyboard, never a reply one.
            if isinstance(markup, dict) and "inline_keyboard" in markup:
                message["reply_markup"] = markup
        return message

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        """Texts of sendMessage calls, oldest first."""
        return [
            str(call.params["text"])
            for call in self.calls
            if call.method == "sendMessage"
            and (chat_id is None or int(call.params["chat_id"]) == chat_id)
        ]


def _ok(result: Any) -> dict[str, Any]:
    return {"ok": True, "result": result}


def decoded_parameters(request_data: RequestData | None) -> dict[str, Any]:
    """The call's parameters as Telegram receives them (nested objects as JSON text)."""
    return dict(request_data.json_parameters) if request_data is not None else {}


class OfflineRequest(BaseRequest):
    """A python-telegram-bot request object that sends every call to an OfflineBotApi."""

    def __init__(self, api: OfflineBotApi | None = None) -> None:
        self.api = api or OfflineBotApi()

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        body = self.api.answer(api_method, decoded_parameters(request_data))
        status = 200 if body["ok"] else int(body["error_code"])
        return status, json.dumps(body).encode()


# Updates as Telegram would deliver them, for the console chat and for tests.

_update_ids = itertools.count(1)


def private_user(user_id: int, language_code: str | None = "en") -> dict[str, Any]:
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": "Resident"}
    if language_code:
        user["language_code"] = language_code
    return user


def text_update(text: str, user: dict[str, Any], *, message_id: int = 1) -> dict[str, Any]:
    """A private message; a leading /command is marked as one, as Telegram does."""
    message: dict[str, Any] = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": {"id": user["id"], "type": "private"},
        "from": user,
        "text": text,
    }
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0]
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return {"update_id": next(_update_ids), "message": message}


def location_update(
    latitude: float, longitude: float, user: dict[str, Any], *, message_id: int = 1
) -> dict[str, Any]:
    """A shared location, as the "share my location" button sends it."""
    return {
        "update_id": next(_update_ids),
        "message": {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": user["id"], "type": "private"},
            "from": user,
            "location": {"latitude": latitude, "longitude": longitude},
        },
    }


def button_update(data: str, user: dict[str, Any], message: dict[str, Any]) -> dict[str, Any]:
    """A press on an inline button of ``message`` (a message the bot sent)."""
    return {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": str(next(_update_ids)),
            "from": user,
            "chat_instance": str(user["id"]),
            "data": data,
            "message": message,
        },
    }
