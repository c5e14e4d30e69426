"""Pseudonyms: how a Telegram id becomes a key for preferences and roles without being stored."""

from __future__ import annotations

import hashlib
import hmac

from pydantic import SecretStr
from sqlalchemy.orm import Session

from directory.catalogue import instance_state


def pseudonym_key(session: Session, configured: SecretStr | None) -> bytes:
    """The configured PSEUDONYM_KEY, else the random key this database was created with."""
    if configured is not None:
        return configured.get_secret_value().encode()
    return instance_state(session).pseudonym_key.encode()


def pseudonym(key: bytes, telegram_user_id: int) -> str:
    """A keyed hash of a Telegram id: stable for one key, and useless without it."""
    return hmac.new(key, str(telegram_user_id).encode(), hashlib.sha256).hexdigest()
