"""The directory's tables, as SQLAlchemy 2 typed ORM classes. Schema changes go through Alembic."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so migrations can alter them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _enum(enum_class: type[StrEnum], name: str) -> Enum:
    # Stored as the enum's values in a checked VARCHAR: portable, and readable in a SQL shell.
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda members: [member.value for member in members],
    )


class OfferStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"


class UnmetReason(StrEnum):
    NOT_UNDERSTOOD = "not_understood"
    SUPPLY_GAP = "supply_gap"
    DECLINED = "declined"


class ProblemKind(StrEnum):
    CLOSED = "closed"
    WRONG_DETAILS = "wrong_details"
    OTHER = "other"


class Role(StrEnum):
    SUPERADMIN = "superadmin"
    ADMIN = "admin"
    LINK_WORKER = "link_worker"


class Partnership(Base):
    """A Big Local partnership and the area it serves."""

    __tablename__ = "partnerships"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Outward codes such as "CA15": how a typed postcode finds its partnership.
    postcode_districts: Mapped[list[str]] = mapped_column(JSON, default=list)
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    offers: Mapped[list[Offer]] = relationship(back_populates="partnership")


class Offer(Base):
    """Something a person can go to or call: a local activity, a service or a national line."""

    __tablename__ = "offers"

    # A readable, stable id such as "parbay-community-larder": used in files, links and buttons.
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    # None for a national offer.
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(10))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # OpenStreetMap opening_hours syntax, e.g. "Mo-Fr 10:00-16:00; PH off".
    opening_hours: Mapped[str] = mapped_column(String(500))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(500))
    cost: Mapped[str] = mapped_column(String(200))
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    audience: Mapped[str] = mapped_column(String(300))
    access: Mapped[str] = mapped_column(Text)
    verified_on: Mapped[date] = mapped_column(Date)
    status: Mapped[OfferStatus] = mapped_column(
        _enum(OfferStatus, "offer_status"), default=OfferStatus.ACTIVE, index=True
    )
    # Offered when a need is understood but nothing fits it.
    safety_net: Mapped[bool] = mapped_column(Boolean, default=False)
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )

    partnership: Mapped[Partnership | None] = relationship(back_populates="offers")
    need_tags: Mapped[list[OfferNeed]] = relationship(
        back_populates="offer", cascade="all, delete-orphan", order_by="OfferNeed.need"
    )

    @property
    def needs(self) -> list[str]:
        return [tag.need for tag in self.need_tags]


class OfferNeed(Base):
    """One need an offer meets (an offer meets one or more)."""

    __tablename__ = "offer_needs"

    offer_id: Mapped[str] = mapped_column(
        ForeignKey("offers.id", ondelete="CASCADE"), primary_key=True
    )
    need: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)

    offer: Mapped[Offer] = relationship(back_populates="need_tags")


class UnmetNeed(Base):
    """An anonymised need the bot could not understand or meet.

    Deliberately holds no message text and nothing that identifies a person: the time is
    rounded to the hour, and there is no user, chat or message reference of any kind.
    """

    __tablename__ = "unmet_needs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    needs: Mapped[list[str]] = mapped_column(JSON, default=list)
    reason: Mapped[UnmetReason] = mapped_column(_enum(UnmetReason, "unmet_reason"))
    language: Mapped[str] = mapped_column(String(8))
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="SET NULL"), index=True
    )


class ProblemReport(Base):
    """A resident's report that an offer is closed or its details are wrong, queued for the
    admins of the offer's partnership. Holds nothing about who reported it, and the time is
    rounded to the hour."""

    __tablename__ = "problem_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    offer_id: Mapped[str] = mapped_column(ForeignKey("offers.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ProblemKind] = mapped_column(_enum(ProblemKind, "problem_kind"))
    reported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    offer: Mapped[Offer] = relationship()


class UserPreference(Base):
    """What a person chose to keep: keyed by a keyed hash of their Telegram id, never the id."""

    __tablename__ = "user_preferences"

    subject: Mapped[str] = mapped_column(String(64), primary_key=True)
    language: Mapped[str | None] = mapped_column(String(8))
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="SET NULL")
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )


class RoleGrant(Base):
    """A role held by a pseudonymous subject, for one partnership or (superadmin) for all."""

    __tablename__ = "role_grants"
    __table_args__ = (UniqueConstraint("subject", "role", "partnership_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject: Mapped[str] = mapped_column(String(64), index=True)
    role: Mapped[Role] = mapped_column(_enum(Role, "role"))
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="CASCADE")
    )
    granted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    granted_by: Mapped[str] = mapped_column(String(80))


class AuditEntry(Base):
    """One change to the directory: who (a pseudonym or a tool), what, and the fields changed."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now, index=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(24))
    entity: Mapped[str] = mapped_column(String(24))
    entity_id: Mapped[str] = mapped_column(String(80))
    changes: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


class InstanceState(Base):
    """The single row of state every worker shares."""

    __tablename__ = "instance_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Bumped on every directory change, so that workers know to rebuild their match index.
    directory_version: Mapped[int] = mapped_column(Integer, default=0)
    # Used only when the PSEUDONYM_KEY setting is unset.
    pseudonym_key: Mapped[str] = mapped_column(String(64))
