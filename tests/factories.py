"""Builders for test data: offer records with sensible defaults."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from directory.importer import ImportReport, ParsedFile, apply
from directory.records import OfferRecord, PartnershipRecord


def offer_record(**overrides: Any) -> OfferRecord:
    values: dict[str, Any] = {
        "id": "test-offer",
        "name": "Test drop-in",
        "description": "A test offer.",
        "organisation": "Test Big Local",
        "needs": ["food"],
        "partnership": None,
        "opening_hours": "Mo-Fr 10:00-16:00",
        "cost": "Free",
        "audience": "Everyone",
        "access": "Just drop in",
        "verified_on": date(2026, 11, 1),
    }
    values.update(overrides)
    return OfferRecord.model_validate(values)


def add_offers(
    session: Session,
    *offers: OfferRecord,
    partnerships: tuple[PartnershipRecord, ...] = (),
) -> ImportReport:
    parsed = ParsedFile([(n, p) for n, p in enumerate(partnerships, 1)], list(enumerate(offers, 1)))
    return apply(session, parsed, actor="test")
