"""Opening hours in OpenStreetMap syntax, evaluated in local time with UK bank holidays."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from opening_hours import OpeningHours, ParserError

COUNTRY = "GB"


@lru_cache(maxsize=4096)
def parsed_hours(hours: str, timezone: str) -> OpeningHours | None:
    """Parsed once per distinct text: directories repeat the same few patterns many times."""
    try:
        return OpeningHours(hours, timezone=ZoneInfo(timezone), country=COUNTRY)
    except (ParserError, ValueError):
        return None


def is_open(hours: str, moment: datetime, timezone: str) -> bool | None:
    """Whether the place is open at `moment`; None when its hours cannot be read."""
    parsed = parsed_hours(hours, timezone)
    if parsed is None:
        return None
    return bool(parsed.is_open(moment.astimezone(ZoneInfo(timezone))))
