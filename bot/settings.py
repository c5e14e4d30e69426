"""Settings of the bot: the directory's, plus how to reach Telegram and who administers it."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import SecretStr, field_validator
from pydantic_settings import NoDecode

from directory.settings import DirectorySettings

TELEGRAM_API = "https://api.telegram.org"
_TOKEN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{20,}$")


class MissingToken(SystemExit):
    def __init__(self) -> None:
        super().__init__(
            "wellplaced: BOT_TOKEN is not set: get one from @BotFather and set it in the "
            "environment or .env (or try `python -m bot console`, which needs none)"
        )


class BotSettings(DirectorySettings):
    BOT_TOKEN: SecretStr | None = None
    # The Bot API server: Telegram's, or a self-hosted telegram-bot-api server.
    BOT_API_BASE_URL: str = TELEGRAM_API
    # Telegram user ids that hold every role. Comma-separated.
    SUPERADMIN_IDS: Annotated[frozenset[int], NoDecode] = frozenset()

    @field_validator("BOT_TOKEN")
    @classmethod
    def _token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        if not _TOKEN.match(value.get_secret_value().strip()):
            raise ValueError("does not look like a token from @BotFather (digits:letters)")
        return SecretStr(value.get_secret_value().strip())

    @field_validator("BOT_API_BASE_URL")
    @classmethod
    def _base_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("must be an http(s) URL such as https://api.telegram.org")
        return value

    @field_validator("SUPERADMIN_IDS", mode="before")
    @classmethod
    def _ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            if not all(part.isdigit() for part in parts):
                raise ValueError("must be Telegram user ids separated by commas, e.g. 1234,5678")
            return frozenset(int(part) for part in parts)
        return value

    @property
    def bot_api_url(self) -> str:
        return f"{self.BOT_API_BASE_URL}/bot"

    @property
    def bot_file_url(self) -> str:
        return f"{self.BOT_API_BASE_URL}/file/bot"

    def token(self) -> str:
        if self.BOT_TOKEN is None:
            raise MissingToken
        return self.BOT_TOKEN.get_secret_value()
