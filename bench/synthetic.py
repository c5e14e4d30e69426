"""Synthetic directories of any size, built deterministically from the sample directory."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from directory.catalogue import Catalogue
from directory.db import ensure_schema, make_engine, make_sessionmaker, transaction
from directory.matching import NeedDetector
from directory.needs.lexicon import Lexicon
from directory.seed import seed_sample_directory
from directory.summaries import OfferSummary

AREAS = 150
# England's rough bounding box, for made-up positions.
LATITUDES, LONGITUDES = (50.1, 55.8), (-5.7, 1.7)
FILLER = [
    "community",
    "volunteers",
    "friendly",
    "welcome",
    "local",
    "residents",
    "weekly",
    "group",
    "space",
    "support",
    "family",
    "people",
    "help",
    "free",
    "session",
    "centre",
    "hall",
    "church",
    "library",
    "park",
    "neighbours",
    "together",
    "refreshments",
    "tea",
    "coffee",
    "advice",
    "drop-in",
    "accessible",
    "everyone",
    "activities",
    "trained",
    "staff",
]


def sample_offers() -> list[OfferSummary]:
    """The sample directory as the bot sees it: seeded into a throwaway database and read back."""
    engine = make_engine("sqlite://")
    try:
        ensure_schema(engine)
        with transaction(make_sessionmaker(engine)) as session:
            seed_sample_directory(session)
            return list(Catalogue(NeedDetector(Lexicon((), frozenset()))).index(session).offers)
    finally:
        engine.dispose()


def synthetic_directory(size: int, seed: int = 20261123) -> list[OfferSummary]:
    """`size` offers: variations of the sample offers spread over 150 areas, 5% national."""
    rng = random.Random(seed)
    templates = sample_offers()
    local = [offer for offer in templates if not offer.is_national]
    national = [offer for offer in templates if offer.is_national]
    offers = []
    for number in range(size):
        template = rng.choice(national if rng.random() < 0.05 else local)
        area = rng.randrange(AREAS)
        filler = " ".join(rng.sample(FILLER, 6))
        is_local = not template.is_national
        offers.append(
            replace(
                template,
                id=f"{template.id}-{number}",
                name=f"{template.name} {area}" if is_local else template.name,
                description=f"{template.description} {filler}",
                partnership_slug=f"area-{area:03d}" if is_local else None,
                partnership_name=f"Area {area}" if is_local else None,
                latitude=round(rng.uniform(*LATITUDES), 4) if is_local else None,
                longitude=round(rng.uniform(*LONGITUDES), 4) if is_local else None,
                verified_on=date(2026, 11, 1),
            )
        )
    return offers
