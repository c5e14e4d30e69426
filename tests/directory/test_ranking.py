"""Ranking on a small hand-made directory: need, words, area, distance, opening hours, names."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bench.synthetic import sample_offers
from directory.postcodes import parse_postcode
from directory.ranking import OfferIndex, Position, Whereabouts, distance_km
from directory.summaries import OfferSummary

TUESDAY_NOON = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
CHRISTMAS_NOON = datetime(2026, 12, 25, 12, 0, tzinfo=UTC)
PAR = Position(50.35, -4.70)
AT_PAR = Whereabouts(position=PAR)


@pytest.fixture(scope="module")
def template() -> OfferSummary:
    return next(o for o in sample_offers() if o.id == "par-bay-community-larder")


def twin(template: OfferSummary, offer_id: str, **changes: object) -> OfferSummary:
    changes.setdefault("name", f"Larder {offer_id}")
    return replace(template, id=offer_id, **changes)


def ids(ranked: list) -> list[str]:
    return [r.offer.id for r in ranked]


def test_an_offer_open_now_comes_before_one_that_is_closed(template: OfferSummary) -> None:
    index = OfferIndex(
        [
            twin(template, "a-closed", opening_hours="Sa 10:00-12:00"),
            twin(template, "b-open", opening_hours="Tu 10:00-14:00"),
        ]
    )
    assert ids(index.rank({"food": 1.0}, now=TUESDAY_NOON)) == ["b-open", "a-closed"]


def test_bank_holidays_count_as_closed(template: OfferSummary) -> None:
    index = OfferIndex(
        [
            twin(template, "a-weekdays", opening_hours="Mo-Fr 10:00-14:00; PH off"),
            twin(template, "b-every-day", opening_hours="Mo-Su 10:00-14:00"),
        ]
    )
    assert ids(index.rank({"food": 1.0}, now=CHRISTMAS_NOON)) == ["b-every-day", "a-weekdays"]


def test_nearer_offers_come_first(template: OfferSummary) -> None:
    index = OfferIndex(
        [
            twin(template, "a-far", latitude=53.80, longitude=-1.55),  # Leeds
            twin(template, "b-near", latitude=50.36, longitude=-4.71),  # Par
        ]
    )
    ranked = index.rank({"food": 1.0}, near=AT_PAR)
    assert ids(ranked) == ["b-near", "a-far"]
    assert ranked[0].distance_km is not None and ranked[0].distance_km < 2


def test_with_a_position_places_nearby_come_nearest_first_then_phone_lines_then_far_places(
    template: OfferSummary,
) -> None:
    national = twin(
        template, "phone-line", partnership_slug=None, latitude=None, longitude=None, postcode=None
    )
    index = OfferIndex(
        [
            twin(template, "a-far", latitude=53.80, longitude=-1.55),  # Leeds
            twin(template, "b-3km", latitude=50.37, longitude=-4.67, description="Best larder."),
            twin(template, "c-1km", latitude=50.355, longitude=-4.69),
            national,
        ]
    )
    ranked = index.rank({"food": 1.0}, near=AT_PAR, now=TUESDAY_NOON)
    assert ids(ranked) == ["c-1km", "b-3km", "phone-line", "a-far"]
    assert [r.distance_km is not None for r in ranked] == [True, True, False, True]


def test_without_positions_a_typed_postcode_orders_by_sector_then_district_then_area(
    template: OfferSummary,
) -> None:
    unplaced = {"latitude": None, "longitude": None}
    index = OfferIndex(
        [
            twin(template, "a-other-area", postcode="PL24 2AA", **unplaced),
            twin(template, "b-same-area", postcode="YO10 3BB", **unplaced),
            twin(template, "c-same-district", postcode="YO31 9ZZ", **unplaced),
            twin(template, "d-same-sector", postcode="YO31 0XY", **unplaced),
            twin(template, "e-district-only", postcode="YO31", **unplaced),
        ]
    )
    postcode = parse_postcode("yo310ab")
    ranked = index.rank({"food": 1.0}, near=Whereabouts(postcode=postcode))
    assert ids(ranked) == [
        "d-same-sector",
        "c-same-district",
        "e-district-only",
        "b-same-area",
        "a-other-area",
    ]
    assert all(r.distance_km is None for r in ranked)


def test_an_offer_meeting_both_needs_beats_one_meeting_one(template: OfferSummary) -> None:
    index = OfferIndex(
        [
            twin(template, "a-food-only", needs=("food",)),
            twin(template, "b-food-and-warmth", needs=("food", "warmth")),
        ]
    )
    assert ids(index.rank({"food": 0.9, "warmth": 0.9}))[0] == "b-food-and-warmth"


def test_the_offers_own_words_break_ties(template: OfferSummary) -> None:
    index = OfferIndex(
        [
            twin(template, "a-plain", description="A weekly session."),
            twin(template, "b-pottery", description="A pottery class where you can meet people."),
        ]
    )
    ranked = index.rank({"food": 1.0}, words=["pottery", "class"])
    assert ids(ranked)[0] == "b-pottery"


def test_names_in_the_message_are_found(template: OfferSummary) -> None:
    index = OfferIndex([twin(template, "x", name="Hug a Mug"), twin(template, "y")])
    assert [index.offers[p].id for p in index.named_in(["is", "hug", "a", "mug", "open"])] == ["x"]
    assert index.named_in(["a", "mug", "of", "tea"]) == []


def test_ranking_is_deterministic(template: OfferSummary) -> None:
    offers = [twin(template, f"offer-{n}") for n in range(30)]
    first = ids(OfferIndex(offers).rank({"food": 1.0}, limit=30))
    again = ids(OfferIndex(list(reversed(offers))).rank({"food": 1.0}, limit=30))
    assert first == again


def test_distance_is_great_circle() -> None:
    assert distance_km(Position(51.5074, -0.1278), Position(53.4808, -2.2426)) == pytest.approx(
        262, abs=3
    )


def test_in_a_chosen_area_its_own_offers_come_before_national_ones(
    template: OfferSummary,
) -> None:
    national = twin(template, "a-national", partnership_slug=None, description="Food. Food!")
    local = twin(template, "b-local", partnership_slug="par-bay")
    ranked = OfferIndex([national, local]).rank({"food": 1.0}, area="par-bay")
    assert ids(ranked) == ["b-local", "a-national"]


def test_specialist_services_come_after_general_ones_unless_asked_for(
    template: OfferSummary,
) -> None:
    index = OfferIndex(
        [
            twin(template, "a-crisis-line", needs=("crisis", "food")),
            twin(template, "b-youth", needs=("children_young_people", "food")),
            twin(template, "c-general", needs=("food",)),
        ]
    )
    assert ids(index.rank({"food": 1.0})) == ["c-general", "b-youth", "a-crisis-line"]
    assert ids(index.rank({"food": 1.0, "children_young_people": 1.0}))[0] == "b-youth"


def test_a_place_opening_tomorrow_beats_one_opening_in_a_fortnight(
    template: OfferSummary,
) -> None:
    index = OfferIndex(
        [
            twin(template, "a-fortnight", opening_hours="Dec 08 10:00-12:00"),
            twin(template, "b-tomorrow", opening_hours="We 10:00-12:00"),
        ]
    )
    assert ids(index.rank({"food": 1.0}, now=TUESDAY_NOON)) == ["b-tomorrow", "a-fortnight"]
