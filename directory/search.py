"""The one entry point for finding help, used alike by the bot, the console and the CLI."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from directory.catalogue import Catalogue
from directory.errors import UnknownPartnership
from directory.matching import (
    MatchResult,
    NeedScore,
    Situation,
    Status,
    match,
    offers_for_needs,
)
from directory.models import UnmetReason
from directory.needs import Need
from directory.ranking import Position
from directory.unmet import record_unmet_need

DEFAULT_LIMIT = 5

_UNMET_REASONS = {
    Status.NOT_UNDERSTOOD: UnmetReason.NOT_UNDERSTOOD,
    Status.SUPPLY_GAP: UnmetReason.SUPPLY_GAP,
}


def find_help(
    session: Session,
    catalogue: Catalogue,
    text: str,
    *,
    area: str | None = None,
    near: Position | None = None,
    language: str = "en",
    limit: int = DEFAULT_LIMIT,
    record_unmet: bool = True,
    now: datetime | None = None,
) -> MatchResult:
    """Understand a message and find offers for it; log what could not be understood or met.

    ``language`` is the reply language to use when the message itself does not show one.
    """
    _check_area(session, catalogue, area)
    moment = now or datetime.now(UTC)
    result = match(
        catalogue.detector,
        catalogue.index(session),
        text,
        situation=Situation(area=area, near=near, now=moment),
        language=language,
        limit=limit,
    )
    if record_unmet:
        _record(session, result, area, moment)
    return result


def find_offers_for_need(
    session: Session,
    catalogue: Catalogue,
    need: Need,
    *,
    area: str | None = None,
    near: Position | None = None,
    language: str = "en",
    limit: int = DEFAULT_LIMIT,
    record_unmet: bool = True,
    now: datetime | None = None,
) -> MatchResult:
    """Offers for a need a person picked from a menu rather than typed."""
    _check_area(session, catalogue, area)
    moment = now or datetime.now(UTC)
    result = offers_for_needs(
        catalogue.index(session),
        (NeedScore(need, 1.0),),
        situation=Situation(area=area, near=near, now=moment),
        language=language,
        limit=limit,
    )
    if record_unmet:
        _record(session, result, area, moment)
    return result


def _check_area(session: Session, catalogue: Catalogue, area: str | None) -> None:
    if area is not None and area not in catalogue.partnerships(session):
        raise UnknownPartnership(area)


def _record(session: Session, result: MatchResult, area: str | None, now: datetime) -> None:
    reason = _UNMET_REASONS.get(result.status)
    if reason is None or result.small_talk:
        return
    record_unmet_need(
        session,
        needs=[score.need.value for score in result.needs],
        reason=reason,
        language=result.language,
        area=area,
        now=now,
    )
