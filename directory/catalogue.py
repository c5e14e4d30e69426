"""The in-memory view of the directory that matching runs on, rebuilt when the directory changes."""

from __future__ import annotations

import threading

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from directory.errors import SchemaNotReady
from directory.matching import NeedDetector
from directory.models import InstanceState, Offer, OfferStatus, Partnership
from directory.needs.lexicon import load_lexicon
from directory.ranking import OfferIndex
from directory.summaries import OfferSummary, PartnershipSummary

_STATE_ID = 1


def instance_state(session: Session) -> InstanceState:
    """The shared state row, which the initial migration creates."""
    state = session.get(InstanceState, _STATE_ID)
    if state is None:
        raise SchemaNotReady(
            "the database has no instance state: run `python -m directory migrate`"
        )
    return state


def directory_version(session: Session) -> int:
    version = session.scalar(
        select(InstanceState.directory_version).where(InstanceState.id == _STATE_ID)
    )
    return version or 0


def mark_directory_changed(session: Session) -> None:
    """Tell every worker (through the database) that its match index is out of date."""
    session.execute(
        update(InstanceState)
        .where(InstanceState.id == _STATE_ID)
        .values(directory_version=InstanceState.directory_version + 1)
    )


class Catalogue:
    """Holds the need detector (built once) and the offer index (rebuilt on change).

    Each request costs one primary-key read of the directory version; the offers themselves
    are read only when that version has moved.
    """

    def __init__(self, detector: NeedDetector | None = None, *, timezone: str = "Europe/London"):
        self.detector = detector or NeedDetector(load_lexicon())
        self.timezone = timezone
        self._index = OfferIndex((), timezone=timezone)
        self._partnerships: dict[str, PartnershipSummary] = {}
        self._version: int | None = None
        self._lock = threading.Lock()

    def index(self, session: Session) -> OfferIndex:
        self._refresh(session)
        return self._index

    def partnerships(self, session: Session) -> dict[str, PartnershipSummary]:
        self._refresh(session)
        return self._partnerships

    def _refresh(self, session: Session) -> None:
        version = directory_version(session)
        if version == self._version:
            return
        offers = session.scalars(
            select(Offer)
            .where(Offer.status == OfferStatus.ACTIVE)
            .options(selectinload(Offer.need_tags), selectinload(Offer.partnership))
            .order_by(Offer.id)
        ).all()
        partnerships = session.scalars(select(Partnership).order_by(Partnership.slug)).all()
        with self._lock:
            self._index = OfferIndex(
                (OfferSummary.of(offer) for offer in offers), self.detector, timezone=self.timezone
            )
            self._partnerships = {
                p.slug: PartnershipSummary(p.slug, p.name, tuple(p.postcode_districts))
                for p in partnerships
            }
            self._version = version
