"""An offer as a card: what it is, where (and how far), when, cost, how to get in, contact, and
when the details were last checked."""

from __future__ import annotations

import html
from datetime import datetime
from urllib.parse import urlencode

from babel.dates import format_date

from bot.i18n import Html, Translator
from bot.render import field
from bot.render.when import distance, when_open
from directory.ranking import RankedOffer
from directory.summaries import OfferSummary

# Longer fields get more room; everything else is cut at FIELD_LIMIT.
DESCRIPTION_LIMIT = 600
ACCESS_LIMIT = 400
MAPS_URL = "https://www.google.com/maps/dir/"


def offer_card(
    t: Translator, ranked: RankedOffer, *, number: int, now: datetime, timezone: str
) -> str:
    offer = ranked.offer
    heading = t("{number}. {name}", number=number, name=Html(f"<b>{field(t, offer.name)}</b>"))
    if offer.is_sample:
        sample = t("(sample listing)")
        heading = Html(f"{heading} {sample}")
    lines = [heading, field(t, offer.description, DESCRIPTION_LIMIT)]
    lines.append(t("📍 <b>Where:</b> {where}", where=_where(t, ranked)))
    lines.append(
        t("🕒 <b>When:</b> {hours}", hours=when_open(t, offer.opening_hours, now, timezone))
    )
    if offer.audience:
        lines.append(t("👥 <b>Who for:</b> {audience}", audience=field(t, offer.audience)))
    lines.append(t("💷 <b>Cost:</b> {cost}", cost=field(t, offer.cost)))
    lines.append(t("➡️ <b>How to get in:</b> {access}", access=field(t, offer.access, ACCESS_LIMIT)))
    contact = _contact(t, offer)
    if contact:
        lines.append(t("📞 <b>Contact:</b> {contact}", contact=contact))
    checked = format_date(offer.verified_on, "MMMM y", locale=t.locale)
    lines.append(
        "<i>"
        + t(
            "{organisation} · checked {month}",
            organisation=field(t, offer.organisation),
            month=checked,
        )
        + "</i>"
    )
    return "\n".join(lines)


def directions_url(offer: OfferSummary) -> str | None:
    """A map link with the place as destination; the phone's own location is the start."""
    if offer.latitude is not None and offer.longitude is not None:
        destination = f"{offer.latitude:.5f},{offer.longitude:.5f}"
    elif offer.address or offer.postcode:
        destination = ", ".join(part for part in (offer.address, offer.postcode) if part)
    else:
        return None
    return f"{MAPS_URL}?{urlencode({'api': '1', 'destination': destination})}"


def _where(t: Translator, ranked: RankedOffer) -> Html:
    offer = ranked.offer
    if offer.is_national:
        return t("phone or online, anywhere in England")
    parts = [part for part in (offer.address, offer.postcode) if part]
    where = field(t, ", ".join(parts)) if parts else t("ask the organisers")
    if ranked.distance_km is None:
        return where
    return Html(f"{where} · {distance(t, ranked.distance_km)}")


def _contact(t: Translator, offer: OfferSummary) -> Html:
    parts: list[str] = []
    if offer.phone:
        parts.append(field(t, offer.phone))
    if offer.email:
        parts.append(field(t, offer.email))
    if offer.website:
        href = html.escape(offer.website, quote=True)
        label = field(t, offer.website.split("://", 1)[-1].removeprefix("www.").rstrip("/"), 60)
        parts.append(f'<a href="{href}">{label}</a>')
    return Html(" · ".join(parts))
