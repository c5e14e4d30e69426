"""Cards as people read them: escaped, within limits, readable right to left."""

from __future__ import annotations

from datetime import UTC, date, datetime
from html.parser import HTMLParser

import pytest

from bot.i18n import Catalogs, Html, Translator
from bot.render import MESSAGE_LIMIT, Reply, pack
from bot.render.cards import offer_card as render_card
from bot.render.replies import Showing, crisis_block, help_text, results, safety_line, welcome
from directory.languages import SUPPORTED_LANGUAGES
from directory.matching import MatchResult, NeedScore, Status
from directory.needs import Need
from directory.ranking import RankedOffer
from directory.summaries import OfferSummary

TUESDAY_11 = datetime(2026, 11, 24, 11, 0, tzinfo=UTC)


def offer_card(t: Translator, offer: OfferSummary, distance_km: float | None = None) -> str:
    ranked = RankedOffer(offer, 1.0, offer.needs, distance_km)
    return render_card(t, ranked, number=1, now=TUESDAY_11, timezone="Europe/London")


def summary(**overrides: object) -> OfferSummary:
    values: dict[str, object] = {
        "id": "x",
        "name": "Hug a Mug",
        "description": "Tea and a chat.",
        "organisation": "Ewanrigg",
        "needs": ("loneliness",),
        "partnership_slug": "ewanrigg",
        "partnership_name": "Ewanrigg",
        "address": "Maryport",
        "postcode": "CA15",
        "latitude": None,
        "longitude": None,
        "opening_hours": "Tu 10:00-14:00",
        "phone": "0300 123 3393",
        "email": None,
        "website": "https://example.org",
        "cost": "Free",
        "languages": ("en",),
        "audience": "Adults",
        "access": "Drop in",
        "verified_on": date(2026, 11, 1),
        "safety_net": False,
        "is_sample": False,
    }
    values.update(overrides)
    return OfferSummary(**values)  # type: ignore[arg-type]


def test_arabic_and_urdu_cards_isolate_latin_names_and_numbers() -> None:
    for language in ("ar", "ur"):
        card = offer_card(Catalogs().get(language), summary())
        assert "\u2068Hug a Mug\u2069" in card
        assert "\u20680300 123 3393\u2069" in card
        assert "Where:" not in card  # labels are translated


def test_left_to_right_cards_have_no_isolates() -> None:
    card = offer_card(Catalogs().get("en"), summary())
    assert "\u2068" not in card
    assert "<b>Hug a Mug</b>" in card


def test_card_month_is_in_the_readers_language() -> None:
    assert "November 2026" in offer_card(Catalogs().get("en"), summary())
    assert "listopada 2026" in offer_card(Catalogs().get("pl"), summary())


def test_hostile_fields_are_escaped_and_long_ones_clipped() -> None:
    card = offer_card(
        Catalogs().get("en"),
        summary(name="<a href='x'>Free</a>", description="word " * 2000, website='https://x/"><b>'),
    )
    assert "&lt;a href='x'&gt;Free&lt;/a&gt;" in card
    assert 'href="https://x/&quot;&gt;&lt;b&gt;"' in card
    assert len(card) < 2000


def test_pack_never_exceeds_the_message_limit() -> None:
    parts = ["x" * 1500] * 7
    messages = pack(parts)
    assert all(len(message) <= MESSAGE_LIMIT for message in messages)
    assert "".join(messages).count("x") == 1500 * 7


def test_card_says_open_now_until_and_the_weeks_hours() -> None:
    card = offer_card(Catalogs().get("en"), summary(opening_hours="Tu,Th 10:00-14:00"))
    assert "<b>open now</b> until 14:00 · Tue, Thu 10:00–14:00" in card


def test_card_says_when_a_closed_place_opens_in_the_readers_language() -> None:
    thursday_only = summary(opening_hours="Th 10:00-14:00")
    assert "opens Thursday at 10:00" in offer_card(Catalogs().get("en"), thursday_only)
    assert "otwiera w czwartek o 10:00" in offer_card(Catalogs().get("pl"), thursday_only)
    assert "opens tomorrow at 10:00" in offer_card(
        Catalogs().get("en"), summary(opening_hours="We 10:00-14:00")
    )


def test_unreadable_hours_are_shown_as_written_and_escaped() -> None:
    card = offer_card(Catalogs().get("en"), summary(opening_hours="<b>ring</b> first"))
    assert "&lt;b&gt;ring&lt;/b&gt; first" in card


def test_right_to_left_cards_isolate_times_and_distances() -> None:
    for language in ("ar", "ur"):
        card = offer_card(
            Catalogs().get(language), summary(opening_hours="Tu 10:00-14:00"), distance_km=4.0
        )
        assert "\u2068" in card.split("\n")[3]  # the hours line
        assert "\u20682\u2069" in card  # two miles, isolated inside the sentence


def test_distance_is_in_miles_with_a_walking_time_when_walkable() -> None:
    english = Catalogs().get("en")
    assert "under a mile away, about 6 minutes on foot" in offer_card(english, summary(), 0.5)
    assert "2 miles away" in offer_card(english, summary(), 3.5)
    assert "on foot" not in offer_card(english, summary(), 3.5)
    assert "5 mil od Ciebie" in offer_card(Catalogs().get("pl"), summary(), 8.0)


class _TelegramHtml(HTMLParser):
    """Fails on what Telegram would reject: unknown or unbalanced tags."""

    ALLOWED = frozenset({"b", "i", "a"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in self.ALLOWED, tag
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, tag


def well_formed(text: str) -> bool:
    parser = _TelegramHtml()
    parser.feed(text)
    parser.close()
    return not parser.open


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_language_renders_well_formed_answers_with_its_own_labels(language: str) -> None:
    t = Catalogs().get(language)
    offers = tuple(
        RankedOffer(summary(id=f"o{i}", name=f"<Place & {i}>"), 1.0, ("food",), 0.8 * i)
        for i in range(1, 6)
    )
    result = MatchResult(Status.MATCHED, language, (NeedScore(Need.FOOD, 0.9),), offers)
    showing = Showing(key="k", now=TUESDAY_11, timezone="Europe/London", ask_where=True)
    replies = [*results(t, result, showing), Reply(crisis_block(t)), welcome(t), help_text(t)]
    for reply in replies:
        assert well_formed(reply.text), reply.text
        assert len(reply.text) <= MESSAGE_LIMIT
    page = replies[0].text
    assert t("💷 <b>Cost:</b> {cost}", cost=Html("")).strip() in page
    assert "&lt;Place &amp; 1&gt;" in page
    assert safety_line(t) in page
    if language != "en":
        assert "Where:" not in page and "Report a problem" not in str(replies[0].keyboard)
    for number in ("999", "116 123", "85258", "0800 1111"):
        assert number in replies[-3].text


def test_card_says_who_the_offer_is_for() -> None:
    card = offer_card(Catalogs().get("en"), summary(audience="Women only, 16 and over"))
    assert "👥 <b>Who for:</b> Women only, 16 and over" in card
    assert "Dla kogo:" in offer_card(Catalogs().get("pl"), summary())
