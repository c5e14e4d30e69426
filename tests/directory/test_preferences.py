"""What a person chose to keep: language and area, under a pseudonym, erasable."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from directory.errors import UnknownPartnership
from directory.models import UserPreference
from directory.preferences import (
    Preferences,
    choose_area,
    choose_language,
    forget,
    load_preferences,
)

SUBJECT = "a" * 64


def rows(session: Session) -> list[UserPreference]:
    return list(session.scalars(select(UserPreference)))


def test_nothing_is_kept_until_the_person_chooses(session: Session) -> None:
    assert load_preferences(session, SUBJECT) == Preferences()
    assert load_preferences(session, SUBJECT).empty
    assert rows(session) == []


def test_language_and_area_are_kept_and_read_back(session: Session) -> None:
    choose_language(session, SUBJECT, "pl")
    kept = choose_area(session, SUBJECT, "tang-hall")
    assert kept.language == "pl" and kept.area == "tang-hall"
    assert kept.area_name == "Tang Hall Big Local"
    assert load_preferences(session, SUBJECT) == kept
    [row] = rows(session)
    assert row.subject == SUBJECT  # keyed by the pseudonym only


def test_going_back_to_automatic_leaves_no_row_behind(session: Session) -> None:
    choose_language(session, SUBJECT, "ar")
    assert choose_language(session, SUBJECT, None) == Preferences()
    assert rows(session) == []


def test_forget_erases_everything(session: Session) -> None:
    choose_language(session, SUBJECT, "uk")
    choose_area(session, SUBJECT, "keighley")
    assert forget(session, SUBJECT) is True
    assert load_preferences(session, SUBJECT) == Preferences()
    assert forget(session, SUBJECT) is False


def test_unknown_choices_change_nothing(session: Session) -> None:
    choose_language(session, SUBJECT, "pl")
    with pytest.raises(UnknownPartnership):
        choose_area(session, SUBJECT, "atlantis")
    with pytest.raises(ValueError, match="unsupported"):
        choose_language(session, SUBJECT, "de")
    assert load_preferences(session, SUBJECT) == Preferences(language="pl")
