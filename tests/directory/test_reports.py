"""Problem reports: queued for the partnership's admins, holding nothing about the reporter."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect
from sqlalchemy.orm import Session

from directory.errors import UnknownOffer, UnknownReport
from directory.models import ProblemKind, ProblemReport
from directory.reports import open_reports, report_problem, resolve_report

NOW = datetime(2026, 11, 23, 14, 37, tzinfo=UTC)


def test_a_report_is_queued_for_the_offers_partnership(session: Session) -> None:
    report_problem(session, "tang-hall-food-coop", ProblemKind.CLOSED, now=NOW)
    report_problem(session, "national-samaritans", ProblemKind.WRONG_DETAILS, now=NOW)
    [local] = open_reports(session, area="tang-hall")
    assert (local.offer_id, local.offer_name) == (
        "tang-hall-food-coop",
        "Tang Hall food co-operative",
    )
    assert local.kind is ProblemKind.CLOSED
    assert local.reported_at.replace(tzinfo=UTC) == datetime(2026, 11, 23, 14, tzinfo=UTC)
    assert [r.offer_id for r in open_reports(session)] == [
        "tang-hall-food-coop",
        "national-samaritans",
    ]


def test_resolving_takes_a_report_off_the_queue(session: Session) -> None:
    report = report_problem(session, "tang-hall-food-coop", ProblemKind.OTHER, now=NOW)
    resolve_report(session, report.id)
    assert open_reports(session) == []
    with pytest.raises(UnknownReport):
        resolve_report(session, report.id)


def test_an_unknown_offer_cannot_be_reported(session: Session) -> None:
    with pytest.raises(UnknownOffer):
        report_problem(session, "no-such-offer", ProblemKind.CLOSED)
    assert open_reports(session) == []


def test_the_table_has_no_column_that_could_hold_text_or_identity() -> None:
    columns = {column.key for column in inspect(ProblemReport).columns}
    assert columns == {"id", "offer_id", "kind", "reported_at", "resolved_at"}
