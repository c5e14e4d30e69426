"""Plain, immutable views of directory rows: what matching, the CLI and the bot work with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from directory.models import Offer


@dataclass(frozen=True, slots=True)
class OfferSummary:
    id: str
    name: str
    description: str
    organisation: str
    needs: tuple[str, ...]
    partnership_slug: str | None
    partnership_name: str | None
    address: str | None
    postcode: str | None
    latitude: float | None
    longitude: float | None
    opening_hours: str
    phone: str | None
    email: str | None
    website: str | None
    cost: str
    languages: tuple[str, ...]
    audience: str
    access: str
    verified_on: date
    safety_net: bool
    is_sample: bool

    @property
    def is_national(self) -> bool:
        return self.partnership_slug is None

    @classmethod
    def of(cls, offer: Offer) -> OfferSummary:
        partnership = offer.partnership
        return cls(
            id=offer.id,
            name=offer.name,
            description=offer.description,
            organisation=offer.organisation,
            needs=tuple(offer.needs),
            partnership_slug=partnership.slug if partnership else None,
            partnership_name=partnership.name if partnership else None,
            address=offer.address,
            postcode=offer.postcode,
            latitude=offer.latitude,
            longitude=offer.longitude,
            opening_hours=offer.opening_hours,
            phone=offer.phone,
            email=offer.email,
            website=offer.website,
            cost=offer.cost,
            languages=tuple(offer.languages),
            audience=offer.audience,
            access=offer.access,
            verified_on=offer.verified_on,
            safety_net=offer.safety_net,
            is_sample=offer.is_sample,
        )


@dataclass(frozen=True, slots=True)
class PartnershipSummary:
    slug: str
    name: str
    postcode_districts: tuple[str, ...]
