"""The console chat: the real bot in a terminal, through the real handlers, with no network.

Each line typed (or piped in) becomes a Telegram update for the same Application the bot
runs; what the bot would send is printed. Type a button's number to press it, and
"location <latitude> <longitude>" to share a location as the phone's button would.
"""

from __future__ import annotations

import asyncio
import json
import sys
from html.parser import HTMLParser
from typing import Any, TextIO

from telegram import Update

from bot.app import BotApplication
from bot.offline_api import (
    ApiCall,
    OfflineBotApi,
    button_update,
    location_update,
    private_user,
    text_update,
)

CONSOLE_USER_ID = 424242
QUIT_WORDS = frozenset({"/quit", "/exit"})
LOCATION_WORD = "location"


class _TerminalText(HTMLParser):
    """Telegram HTML to terminal text: bold stays bold on a terminal, links show their address."""

    def __init__(self, styled: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.styled = styled
        self.parts: list[str] = []
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href")
        elif tag == "b" and self.styled:
            self.parts.append("\033[1m")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href:
            self.parts.append(f" <{self._href}>")
            self._href = None
        elif tag == "b" and self.styled:
            self.parts.append("\033[0m")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def terminal_text(html_text: str, *, styled: bool = False) -> str:
    parser = _TerminalText(styled)
    parser.feed(html_text)
    parser.close()
    return "".join(parser.parts)


class ConsoleChat:
    def __init__(
        self,
        application: BotApplication,
        api: OfflineBotApi,
        *,
        language: str | None,
        out: TextIO = sys.stdout,
    ) -> None:
        self.application = application
        self.api = api
        self.out = out
        self.styled = out.isatty()
        self.user = private_user(CONSOLE_USER_ID, language)
        self._printed = 0
        self._buttons: list[tuple[str, dict[str, Any]]] = []  # (callback data, its message)

    async def say(self, line: str) -> None:
        """Send one line as the resident, then print everything the bot answered."""
        line = line.strip()
        if not line:
            return
        position = _location(line)
        if line.isdigit() and 1 <= int(line) <= len(self._buttons):
            data, message = self._buttons[int(line) - 1]
            update = button_update(data, self.user, message)
        elif line.isdigit() and len(line) <= 2:
            print(
                f"  (there is no button {line}: the last buttons are 1 to {len(self._buttons)})",
                file=self.out,
            )
            return
        elif position is not None:
            update = location_update(*position, self.user)
        elif line.split(maxsplit=1)[0].casefold() == LOCATION_WORD:
            print(
                f"  (to share a location: {LOCATION_WORD} <latitude> <longitude>, "
                "e.g. location 53.964 -1.056)",
                file=self.out,
            )
            return
        else:
            update = text_update(line, self.user)
        await self.application.process_update(Update.de_json(update, self.application.bot))
        self._print_new_calls()

    def _print_new_calls(self) -> None:
        calls = self.api.calls[self._printed :]
        self._printed = len(self.api.calls)
        for call in calls:
            self._print_call(call)

    def _print_call(self, call: ApiCall) -> None:
        if call.method == "answerCallbackQuery" and call.params.get("text"):
            print(f"  ({call.params['text']})", file=self.out)
        if call.method not in {"sendMessage", "editMessageText"}:
            return
        print(terminal_text(str(call.params["text"]), styled=self.styled), file=self.out)
        keyboard = _keyboard_of(call)
        if keyboard:
            self._buttons = []
            for button in keyboard:
                if "callback_data" in button:
                    self._buttons.append((button["callback_data"], call.result))
                    print(f"  [{len(self._buttons)}] {button['text']}", file=self.out)
                elif "url" in button:
                    print(f"  [link] {button['text']}: {button['url']}", file=self.out)
        for button in _reply_keyboard_of(call):
            if button.get("request_location"):
                print(f"  [{LOCATION_WORD} <latitude> <longitude>] {button['text']}", file=self.out)
        print(file=self.out)

    async def run(self, source: TextIO, *, interactive: bool) -> None:
        if interactive:
            print(
                "wellplaced console: type as a resident would; a number presses a button; "
                "'location <latitude> <longitude>' shares a location; /quit to leave.\n",
                file=self.out,
            )
            await self.say("/start")
        while True:
            if interactive:
                print("> ", end="", file=self.out, flush=True)
            line = await asyncio.to_thread(source.readline)
            if not line or line.strip() in QUIT_WORDS:
                return
            if not interactive:
                print(f"> {line.strip()}", file=self.out)
            await self.say(line)


def _markup_of(call: ApiCall) -> dict[str, Any]:
    markup = call.params.get("reply_markup")
    if not markup:
        return {}
    data = json.loads(markup) if isinstance(markup, str) else markup
    return data if isinstance(data, dict) else {}


def _keyboard_of(call: ApiCall) -> list[dict[str, Any]]:
    return [button for row in _markup_of(call).get("inline_keyboard", []) for button in row]


def _reply_keyboard_of(call: ApiCall) -> list[dict[str, Any]]:
    rows = _markup_of(call).get("keyboard", [])
    return [
        button if isinstance(button, dict) else {"text": button} for row in rows for button in row
    ]


def _location(line: str) -> tuple[float, float] | None:
    """ "location 53.97 -1.05" (a comma is fine too) as a latitude and longitude."""
    word, _, rest = line.partition(" ")
    if word.casefold() != LOCATION_WORD:
        return None
    parts = rest.replace(",", " ").split()
    try:
        latitude, longitude = (float(part) for part in parts)
    except ValueError:
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude
