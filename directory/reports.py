"""Residents' reports that an offer is closed or wrong, queued for the partnership's admins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from directory.errors import UnknownOffer, UnknownPartnership, UnknownReport
from directory.models import Offer, Partnership, ProblemKind, ProblemReport
from directory.unmet import rounded_to_hour


@dataclass(frozen=True, slots=True)
class OpenReport:
    id: int
    offer_id: str
    offer_name: str
    partnership: str | None  # slug; None for a national offer
    kind: ProblemKind
    reported_at: datetime


def report_problem(
    session: Session, offer_id: str, kind: ProblemKind, *, now: datetime | None = None
) -> ProblemReport:
    """Queue a report. Takes no identity, so none can be stored."""
    if session.get(Offer, offer_id) is None:
        raise UnknownOffer(offer_id)
    report = ProblemReport(
        offer_id=offer_id, kind=kind, reported_at=rounded_to_hour(now or datetime.now(UTC))
    )
    session.add(report)
    session.flush()
    return report


def open_reports(session: Session, area: str | None = None) -> list[OpenReport]:
    """Unresolved reports, oldest first; for one partnership when `area` is given."""
    query = (
        select(ProblemReport)
        .where(ProblemReport.resolved_at.is_(None))
        .options(joinedload(ProblemReport.offer).joinedload(Offer.partnership))
        .order_by(ProblemReport.reported_at, ProblemReport.id)
    )
    if area is not None:
        if session.scalar(select(Partnership.id).where(Partnership.slug == area)) is None:
            raise UnknownPartnership(area)
        query = (
            query.join(ProblemReport.offer).join(Offer.partnership).where(Partnership.slug == area)
        )
    return [
        OpenReport(
            id=report.id,
            offer_id=report.offer_id,
            offer_name=report.offer.name,
            partnership=report.offer.partnership.slug if report.offer.partnership else None,
            kind=report.kind,
            reported_at=report.reported_at,
        )
        for report in session.scalars(query).unique()
    ]


def resolve_report(session: Session, report_id: int, *, now: datetime | None = None) -> None:
    report = session.get(ProblemReport, report_id)
    if report is None or report.resolved_at is not None:
        raise UnknownReport(report_id)
    report.resolved_at = now or datetime.now(UTC)
