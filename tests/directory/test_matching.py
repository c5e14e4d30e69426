"""What a resident's message is understood as, and which offers it gets."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from directory.catalogue import Catalogue
from directory.errors import UnknownPartnership
from directory.matching import Status
from directory.needs import Need
from directory.search import find_help
from tests.factories import add_offers, offer_record


def needs_of(catalogue: Catalogue, text: str) -> list[str]:
    return [score.need.value for score in catalogue.detector.detect(text).needs]


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("I feel so lonely", "loneliness"),
        ("I'm on me own all week", "loneliness"),
        ("lonley", "loneliness"),
        ("we need a fod bank", "food"),
        ("nothing to eat in the house", "food"),
        ("my flat is freezing", "warmth"),
        ("the leccy's run out", "warmth"),
        ("skint till payday", "money"),
        ("feeling really anxious and low", "mental_health"),
        ("I want to get fit", "physical_activity"),
        ("somewhere for my kids in the holidays", "children_young_people"),
        ("I want to learn English", "learning_skills"),
        ("can't get a GP appointment", "health_services"),
        ("landlord is evicting me", "housing"),
        ("lost my job last week", "employment"),
    ],
)
def test_everyday_wording_finds_the_need(catalogue: Catalogue, text: str, need: str) -> None:
    assert need in needs_of(catalogue, text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself",
        "i want to kil myself",
        "thinking about sucide",
        "I don't want to be alive anymore",
        "there's no point going on",
        "I've been cutting myself again",
        "I took too many pills",
        "he hits me when he's drunk",
    ],
)
def test_crisis_wording_raises_crisis(catalogue: Catalogue, session: Session, text: str) -> None:
    result = find_help(session, catalogue, text)
    assert result.status is Status.CRISIS
    assert result.crisis
    assert result.offers[0].offer.id == "national-samaritans"
    assert all("crisis" in ranked.offer.needs for ranked in result.offers[:3])


def test_two_needs_in_one_message_are_both_found(catalogue: Catalogue) -> None:
    found = needs_of(catalogue, "my flat is freezing and I can't afford the gas")
    assert {"warmth", "money"} <= set(found)


@pytest.mark.parametrize("text", ["hello", "thanks!", "what's the weather", "I had a lovely day"])
def test_chit_chat_is_not_a_need(catalogue: Catalogue, session: Session, text: str) -> None:
    result = find_help(session, catalogue, text)
    assert result.status is Status.NOT_UNDERSTOOD
    assert result.needs == ()


def test_greeting_is_small_talk_but_gibberish_is_not(
    catalogue: Catalogue, session: Session
) -> None:
    assert find_help(session, catalogue, "hiya").small_talk
    assert not find_help(session, catalogue, "qwzx vbnm").small_talk


def test_weak_hint_asks_did_you_mean(catalogue: Catalogue, session: Session) -> None:
    result = find_help(session, catalogue, "I'm bored")
    assert result.status is Status.CLARIFY
    assert [s.need for s in result.needs] == [Need.LONELINESS]
    assert result.offers == ()


def test_warm_spaces_answer_a_freezing_flat(catalogue: Catalogue, session: Session) -> None:
    result = find_help(session, catalogue, "my flat is freezing")
    assert result.status is Status.MATCHED
    ids = [ranked.offer.id for ranked in result.offers]
    assert "hava-heat-and-meet" in ids
    assert all("warmth" in ranked.needs for ranked in result.offers)


def test_within_an_area_only_its_own_and_national_offers_count(
    catalogue: Catalogue, session: Session
) -> None:
    result = find_help(session, catalogue, "I feel lonely", area="ewanrigg", limit=20)
    areas = {ranked.offer.partnership_slug for ranked in result.offers}
    assert areas == {"ewanrigg", None}


def test_in_the_area_an_offer_beats_its_national_twin(
    catalogue: Catalogue, session: Session
) -> None:
    twin = offer_record(
        id="twin-in-par-bay",
        name="Knit and natter",
        partnership="par-bay",
        needs=["loneliness"],
        description="Knitting and a natter for anyone feeling lonely.",
    )
    add_offers(
        session,
        twin,
        twin.model_copy(update={"id": "twin-in-hava", "partnership": "hava"}),
        twin.model_copy(update={"id": "twin-national", "partnership": None}),
    )
    ids = [
        r.offer.id for r in find_help(session, catalogue, "lonely", area="par-bay", limit=60).offers
    ]
    assert "twin-in-hava" not in ids
    assert ids.index("twin-in-par-bay") < ids.index("twin-national")


def test_need_with_no_local_offer_is_a_supply_gap_with_safety_nets(
    catalogue: Catalogue, session: Session
) -> None:
    # The sample Leigh partnership runs activity offers but nothing for housing.
    result = find_help(session, catalogue, "landlord is evicting me", area="leigh-neighbours")
    assert result.status is Status.SUPPLY_GAP
    ids = [ranked.offer.id for ranked in result.offers]
    assert "national-shelter-helpline" in ids or "national-citizens-advice-adviceline" in ids


def test_unknown_area_is_refused(catalogue: Catalogue, session: Session) -> None:
    with pytest.raises(UnknownPartnership):
        find_help(session, catalogue, "I feel lonely", area="atlantis")


def test_paused_offers_are_never_offered(catalogue: Catalogue, session: Session) -> None:
    add_offers(session, offer_record(id="paused-larder", needs=["food"], status="paused"))
    result = find_help(session, catalogue, "food bank", limit=100)
    assert "paused-larder" not in [ranked.offer.id for ranked in result.offers]


def test_a_new_offer_is_found_without_restarting(catalogue: Catalogue, session: Session) -> None:
    find_help(session, catalogue, "food bank")
    add_offers(session, offer_record(id="new-larder", needs=["food"], name="New larder"))
    result = find_help(session, catalogue, "food bank", limit=100)
    assert "new-larder" in [ranked.offer.id for ranked in result.offers]


def test_results_are_in_a_stable_order(catalogue: Catalogue, session: Session) -> None:
    first = find_help(session, catalogue, "lonely and skint").to_contract()
    again = find_help(session, catalogue, "lonely and skint").to_contract()
    assert first == again


def test_contract_shape(catalogue: Catalogue, session: Session) -> None:
    contract = find_help(session, catalogue, "my flat is freezing").to_contract()
    assert set(contract) == {"status", "crisis", "language", "needs", "offers"}
    assert contract["needs"][0] == {"id": "warmth", "confidence": pytest.approx(0.9, abs=0.1)}
    assert set(contract["offers"][0]) == {"id", "name", "score", "needs"}


@pytest.mark.parametrize(
    ("typed", "offer_id"),
    [
        ("hug a mug", "ewanrigg-hug-a-mug"),
        ("samaritans", "national-samaritans"),
        ("what's the number for the samaritans", "national-samaritans"),
        ("Shape Shifters", "northwood-shape-shifters"),
    ],
)
def test_typing_an_offers_name_finds_it_first(
    catalogue: Catalogue, session: Session, typed: str, offer_id: str
) -> None:
    result = find_help(session, catalogue, typed)
    assert result.offers[0].offer.id == offer_id


def test_short_words_are_never_guessed_at(catalogue: Catalogue) -> None:
    assert needs_of(catalogue, "fod") == []  # one edit from food, but too short to guess


def test_a_hint_with_a_typo_is_not_guessed(catalogue: Catalogue) -> None:
    assert needs_of(catalogue, "is this free to use") == []


def test_words_inside_a_longer_phrase_do_not_count_again(catalogue: Catalogue) -> None:
    assert needs_of(catalogue, "how does this work") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("nie mam co jeść", "pl"),
        ("mujhe bohat udaasi hai", "ur"),
        ("مجھے بہت اداسی ہے", "ur"),
        ("ما عندي أكل", "ar"),
        ("আমি খুব একা", "bn"),
        ("Мені дуже самотньо", "uk"),
        ("estou sem dinheiro", "pt"),
        ("no tengo dinero para comer", "es"),
        ("nu am bani de mâncare", "ro"),
        ("I feel so lonely", "en"),
    ],
)
def test_the_language_is_read_from_the_message(
    catalogue: Catalogue, text: str, language: str
) -> None:
    assert catalogue.detector.detect(text).language == language


def test_a_message_with_no_clear_language_reads_as_none(catalogue: Catalogue) -> None:
    assert catalogue.detector.detect("zzkq 123").language is None
