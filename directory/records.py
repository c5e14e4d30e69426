"""The file format of the directory: one validated record per offer or partnership.

CSV columns, in order (lists are separated by ``;``, booleans are true/false, empty is none):
id, name, description, organisation, needs, partnership, address, postcode, latitude,
longitude, opening_hours, phone, email, website, cost, languages, audience, access,
verified_on, status, safety_net, is_sample
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from opening_hours import OpeningHours, ParserError
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from directory.models import Offer, OfferStatus, Partnership
from directory.needs import Need

LIST_SEPARATOR = ";"

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "description",
    "organisation",
    "needs",
    "partnership",
    "address",
    "postcode",
    "latitude",
    "longitude",
    "opening_hours",
    "phone",
    "email",
    "website",
    "cost",
    "languages",
    "audience",
    "access",
    "verified_on",
    "status",
    "safety_net",
    "is_sample",
)


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _split_list(value: Any) -> Any:
    if isinstance(value, str):
        return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
    return value


def _check_opening_hours(value: str) -> str:
    try:
        OpeningHours(value)
    except (ParserError, ValueError):
        raise ValueError(
            "is not in OpenStreetMap opening_hours syntax (e.g. 'Mo-Fr 10:00-16:00; PH off')"
        ) from None
    return value


def _check_website(value: str | None) -> str | None:
    if value is not None and not value.startswith(("https://", "http://")):
        raise ValueError("must start with https:// or http://")
    return value


def _check_email(value: str | None) -> str | None:
    if value is not None and ("@" not in value or " " in value):
        raise ValueError("is not an email address")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _optional(inner: Any) -> Any:
    """An optional field whose constraints apply only when a value is given."""
    return Annotated[inner | None, BeforeValidator(_blank_to_none)]


def _limited(max_length: int) -> Any:
    return Annotated[str, StringConstraints(strip_whitespace=True, max_length=max_length)]


Slug = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)
]

# A partnership's slug travels in deep links ("/start area_<slug>", 64 characters at most)
# and in button data (64 bytes), so it is kept well inside both.
AREA_SLUG_MAX = 48


class PartnershipRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slug: Annotated[Slug, StringConstraints(max_length=AREA_SLUG_MAX)]
    name: Annotated[Text, StringConstraints(max_length=200)]
    postcode_districts: Annotated[list[str], BeforeValidator(_split_list)] = []
    is_sample: bool = False

    @field_validator("postcode_districts")
    @classmethod
    def _districts(cls, value: list[str]) -> list[str]:
        return [district.strip().upper() for district in value]


class OfferRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Annotated[Slug, StringConstraints(max_length=80)]
    name: Annotated[Text, StringConstraints(max_length=200)]
    description: Annotated[Text, StringConstraints(max_length=2000)]
    organisation: Annotated[Text, StringConstraints(max_length=200)]
    needs: Annotated[list[Need], BeforeValidator(_split_list), Field(min_length=1)]
    partnership: Annotated[Slug | None, BeforeValidator(_blank_to_none)] = None
    address: _optional(_limited(300)) = None
    postcode: _optional(_limited(10)) = None
    latitude: _optional(Annotated[float, Field(ge=-90, le=90)]) = None
    longitude: _optional(Annotated[float, Field(ge=-180, le=180)]) = None
    opening_hours: Annotated[
        Text, StringConstraints(max_length=500), AfterValidator(_check_opening_hours)
    ]
    phone: _optional(_limited(40)) = None
    email: Annotated[_optional(_limited(200)), AfterValidator(_check_email)] = None
    website: Annotated[_optional(_limited(500)), AfterValidator(_check_website)] = None
    cost: Annotated[Text, StringConstraints(max_length=200)]
    languages: Annotated[list[str], BeforeValidator(_split_list)] = []
    audience: Annotated[Text, StringConstraints(max_length=300)]
    access: Annotated[Text, StringConstraints(max_length=2000)]
    verified_on: date
    status: OfferStatus = OfferStatus.ACTIVE
    safety_net: Annotated[bool, BeforeValidator(_blank_to_none)] = False
    is_sample: Annotated[bool, BeforeValidator(_blank_to_none)] = False

    @field_validator("needs")
    @classmethod
    def _unique_needs(cls, value: list[Need]) -> list[Need]:
        return sorted(set(value), key=lambda need: need.value)

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, value: str | None) -> str | None:
        return " ".join(value.upper().split()) if value else value

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str]) -> list[str]:
        for code in value:
            if not (2 <= len(code) <= 3 and code.isalpha() and code.isascii()):
                raise ValueError(f"{code!r} is not a two- or three-letter language code")
        return [code.lower() for code in value]

    def row_values(self) -> dict[str, Any]:
        """The values as they are stored on an Offer row (needs and partnership aside)."""
        return self.model_dump(exclude={"id", "needs", "partnership"})


def offer_record(offer: Offer) -> OfferRecord:
    """The record that describes an offer as it is stored."""
    return OfferRecord.model_validate(
        {
            "id": offer.id,
            "needs": offer.needs,
            "partnership": offer.partnership.slug if offer.partnership else None,
            **{
                name: getattr(offer, name)
                for name in OfferRecord.model_fields
                if name not in {"id", "needs", "partnership"}
            },
        }
    )


def partnership_record(partnership: Partnership) -> PartnershipRecord:
    return PartnershipRecord(
        slug=partnership.slug,
        name=partnership.name,
        postcode_districts=list(partnership.postcode_districts),
        is_sample=partnership.is_sample,
    )


def describe_error(error: dict[str, Any]) -> str:
    """One readable line for one pydantic error: the field, then what is wrong."""
    field = ".".join(str(part) for part in error["loc"]) or "record"
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "missing":
        return f"{field} is missing"
    if error["type"] == "extra_forbidden":
        return f"{field} is not a known column"
    return f"{field}: {message}"
