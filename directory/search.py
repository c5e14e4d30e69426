"""The one entry point for finding help, used alike by the bot, the console and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
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
from directory.postcodes import Postcode, find_postcode
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
    postcode: Postcode | None = None,
    language: str = "en",
    limit: int = DEFAULT_LIMIT,
    record_unmet: bool = True,
    now: datetime | None = None,
) -> MatchResult:
    """Understand a message and find offers for it; log what could not be understood or met.

    ``language`` is the reply language to use when the message itself does not show one. A
    postcode in the message ("food near LS5 3AB") places the person, and is taken out before
    the words are read; the result carries it, so the caller can remember it.
    """
    _check_area(session, catalogue, area)
    moment = now or datetime.now(UTC)
    typed = find_postcode(text)
    if typed is not None:
        postcode, (start, end) = typed
        text = f"{text[:start]} {text[end:]}"
    result = match(
        catalogue.detector,
        catalogue.index(session),
        text,
        situation=Situation(
            area=area, near=near, postcode=typed[0] if typed else postcode, now=moment
        ),
        language=language,
        limit=limit,
    )
    if typed is not None:
        result = replace(result, postcode=typed[0])
        if not text.strip():
            return result  # only a postcode: nothing was asked yet, so nothing went unmet
    if record_unmet:
        _record(session, result, area, moment)
    return result


def find_offers_for_need(
    session: Session,
    catalogue: Catalogue,
    need: Need | Sequence[Need],
    *,
    area: str | None = None,
    near: Position | None = None,
    postcode: Postcode | None = None,
    language: str = "en",
    limit: int = DEFAULT_LIMIT,
    record_unmet: bool = True,
    now: datetime | None = None,
) -> MatchResult:
    """Offers for needs a person picked from a menu rather than typed, or asked for again
    (for example nearest first, once they shared where they are)."""
    _check_area(session, catalogue, area)
    moment = now or datetime.now(UTC)
    needs_asked = (need,) if isinstance(need, Need) else tuple(need)
    result = offers_for_needs(
        catalogue.index(session),
        tuple(NeedScore(asked, 1.0) for asked in needs_asked),
        situation=Situation(area=area, near=near, postcode=postcode, now=moment),
        language=language,
        limit=limit,
    )
    if record_unmet:
        _record(session, result, area, moment)
    return result


def decline_offers(
    session: Session,
    needs: Sequence[Need],
    *,
    language: str,
    area: str | None = None,
    now: datetime | None = None,
) -> None:
    """The person said none of the offers shown fit: a gap the partnership should see."""
    record_unmet_need(
        session,
        needs=[need.value for need in needs],
        reason=UnmetReason.DECLINED,
        language=language,
        area=area,
        now=now,
    )


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
