"""The anonymised log of needs the directory could not understand or meet."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from directory.models import Partnership, UnmetNeed, UnmetReason


def rounded_to_hour(moment: datetime) -> datetime:
    """Coarsen a time so that an event cannot be lined up with one person's message."""
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def record_unmet_need(
    session: Session,
    *,
    needs: Iterable[str],
    reason: UnmetReason,
    language: str,
    area: str | None,
    now: datetime | None = None,
) -> UnmetNeed:
    """Log an unmet need. Takes no text and no identity, so none can be stored."""
    partnership_id = (
        session.scalar(select(Partnership.id).where(Partnership.slug == area)) if area else None
    )
    event = UnmetNeed(
        occurred_at=rounded_to_hour(now or datetime.now(UTC)),
        needs=sorted(set(needs)),
        reason=reason,
        language=language,
        partnership_id=partnership_id,
    )
    session.add(event)
    return event
