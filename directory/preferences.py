"""What a person chose to keep (their language and their area), keyed by a pseudonym.

Nothing here sees a Telegram id: callers turn it into a subject with `directory.privacy`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from directory.errors import UnknownPartnership
from directory.languages import supported_language
from directory.models import Partnership, UserPreference


@dataclass(frozen=True, slots=True)
class Preferences:
    """Everything stored about one person: shown to them in full by /privacy."""

    language: str | None = None
    area: str | None = None  # partnership slug
    area_name: str | None = None

    @property
    def empty(self) -> bool:
        return self.language is None and self.area is None


def load_preferences(session: Session, subject: str) -> Preferences:
    row = session.get(UserPreference, subject)
    if row is None:
        return Preferences()
    partnership = session.get(Partnership, row.partnership_id) if row.partnership_id else None
    return Preferences(
        language=supported_language(row.language),
        area=partnership.slug if partnership else None,
        area_name=partnership.name if partnership else None,
    )


def choose_language(session: Session, subject: str, language: str | None) -> Preferences:
    """Keep a language choice; None goes back to following Telegram and the messages."""
    chosen = supported_language(language) if language is not None else None
    if language is not None and chosen is None:
        raise ValueError(f"unsupported language: {language}")
    row = _row(session, subject)
    row.language = chosen
    return _tidy(session, subject, row)


def choose_area(session: Session, subject: str, slug: str | None) -> Preferences:
    """Keep an area choice; None means all of England."""
    partnership_id = None
    if slug is not None:
        partnership_id = session.scalar(select(Partnership.id).where(Partnership.slug == slug))
        if partnership_id is None:
            raise UnknownPartnership(slug)
    row = _row(session, subject)
    row.partnership_id = partnership_id
    return _tidy(session, subject, row)


def forget(session: Session, subject: str) -> bool:
    """Erase everything kept about a person; True when there was something to erase."""
    deleted = session.execute(delete(UserPreference).where(UserPreference.subject == subject))
    return bool(getattr(deleted, "rowcount", 0))


def _row(session: Session, subject: str) -> UserPreference:
    row = session.get(UserPreference, subject)
    if row is None:
        row = UserPreference(subject=subject)
        session.add(row)
    return row


def _tidy(session: Session, subject: str, row: UserPreference) -> Preferences:
    # A row with nothing left in it is deleted: no record that a person ever chose anything.
    if row.language is None and row.partnership_id is None:
        if row in session.new:
            session.expunge(row)
        else:
            session.delete(row)
        session.flush()
        return Preferences()
    session.flush()
    return load_preferences(session, subject)
