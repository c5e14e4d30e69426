"""The unmet-needs log: what it records, and that it can hold nothing personal."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from directory.catalogue import Catalogue
from directory.models import Partnership, UnmetNeed, UnmetReason
from directory.needs import Need
from directory.search import decline_offers, find_help, find_offers_for_need

NOW = datetime(2026, 11, 23, 14, 37, 12, tzinfo=UTC)


def events(session: Session) -> list[UnmetNeed]:
    return list(session.scalars(select(UnmetNeed)))


def test_supply_gap_is_logged_without_text_and_with_the_hour_only(
    catalogue: Catalogue, session: Session
) -> None:
    find_help(session, catalogue, "my landlord is evicting me", area="leigh-neighbours", now=NOW)
    [event] = events(session)
    assert event.reason is UnmetReason.SUPPLY_GAP
    assert event.needs == ["housing"]
    assert event.language == "en"
    assert event.occurred_at.replace(tzinfo=UTC) == datetime(2026, 11, 23, 14, tzinfo=UTC)
    leigh = session.scalar(select(Partnership.id).where(Partnership.slug == "leigh-neighbours"))
    assert event.partnership_id == leigh


def test_not_understood_is_logged_but_small_talk_and_matches_are_not(
    catalogue: Catalogue, session: Session
) -> None:
    find_help(session, catalogue, "hello", now=NOW)
    find_help(session, catalogue, "I feel lonely", now=NOW)
    assert events(session) == []
    find_help(session, catalogue, "zzkq plorf", now=NOW)
    [event] = events(session)
    assert event.reason is UnmetReason.NOT_UNDERSTOOD
    assert event.needs == []


def test_a_topic_button_with_no_local_offer_is_logged(
    catalogue: Catalogue, session: Session
) -> None:
    find_offers_for_need(session, catalogue, Need.HOUSING, area="leigh-neighbours", now=NOW)
    assert [e.reason for e in events(session)] == [UnmetReason.SUPPLY_GAP]


def test_scripts_can_match_without_logging(catalogue: Catalogue, session: Session) -> None:
    find_help(session, catalogue, "zzkq plorf", record_unmet=False)
    assert events(session) == []


def test_the_table_has_no_column_that_could_hold_text_or_identity() -> None:
    columns = {column.key for column in inspect(UnmetNeed).columns}
    assert columns == {"id", "occurred_at", "needs", "reason", "language", "partnership_id"}


def test_none_of_these_fit_is_logged_as_declined_with_needs_only(
    catalogue: Catalogue, session: Session
) -> None:
    decline_offers(session, [Need.FOOD, Need.WARMTH], language="pl", area="tang-hall", now=NOW)
    [event] = events(session)
    assert event.reason is UnmetReason.DECLINED
    assert event.needs == ["food", "warmth"] and event.language == "pl"
    assert event.occurred_at.replace(tzinfo=UTC) == datetime(2026, 11, 23, 14, tzinfo=UTC)


def test_a_message_that_is_only_a_postcode_is_not_an_unmet_need(
    catalogue: Catalogue, session: Session
) -> None:
    result = find_help(session, catalogue, "YO31 0AB", now=NOW)
    assert str(result.postcode) == "YO31 0AB"
    assert events(session) == []
