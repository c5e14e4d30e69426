"""An offer as a card: what it is, where, when, cost, how to get in, contact, when checked."""

from __future__ import annotations

import html

from babel.dates import format_date

from bot.i18n import Html, Translator, isolate
from directory.summaries import OfferSummary

# Keeps a card well inside one message, whatever the directory holds.
_LIMITS = {"description": 600, "access": 400, "default": 250}


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def field(t: Translator, value: str, limit: int = _LIMITS["default"]) -> Html:
    """A directory value made safe for HTML, isolated when the reader's text runs right to left."""
    escaped = html.escape(clip(value, limit), quote=False)
    if t.right_to_left:
        escaped = isolate(escaped)
    return Html(escaped)


def offer_card(t: Translator, offer: OfferSummary) -> str:
    lines = [f"<b>{field(t, offer.name)}</b>"]
    if offer.is_sample:
        lines[0] += " " + t("(sample listing)")
    lines.append(field(t, offer.description, _LIMITS["description"]))
    lines.append(t("📍 <b>Where:</b> {where}", where=_where(t, offer)))
    lines.append(t("🕒 <b>When:</b> {hours}", hours=field(t, offer.opening_hours)))
    lines.append(t("💷 <b>Cost:</b> {cost}", cost=field(t, offer.cost)))
    lines.append(
        t("➡️ <b>How to get in:</b> {access}", access=field(t, offer.access, _LIMITS["access"]))
    )
    contact = _contact(t, offer)
    if contact:
        lines.append(t("📞 <b>Contact:</b> {contact}", contact=contact))
    checked = format_date(offer.verified_on, "MMMM y", locale=t.language)
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


def _where(t: Translator, offer: OfferSummary) -> Html:
    if offer.is_national:
        return t("phone or online, anywhere in England")
    parts = [part for part in (offer.address, offer.postcode) if part]
    return field(t, ", ".join(parts)) if parts else t("ask the organisers")


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
