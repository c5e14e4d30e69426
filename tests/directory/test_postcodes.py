import dataclasses

import pytest

from directory.postcodes import (
    POSTCODE_AREAS,
    Closeness,
    Postcode,
    closeness,
    find_postcode,
    parse_postcode,
)


def found(text: str) -> tuple[str, str] | None:
    """The postcode found in `text` and the exact text its span covers."""
    result = find_postcode(text)
    if result is None:
        return None
    postcode, (start, end) = result
    return str(postcode), text[start:end]


# --- the Postcode value -------------------------------------------------------------------------


def test_full_postcode_has_every_level() -> None:
    postcode = Postcode("YO31", "0AB")
    assert postcode.area == "YO"
    assert postcode.district == "YO31"
    assert postcode.sector == "YO31 0"
    assert postcode.full == "YO31 0AB"
    assert str(postcode) == "YO31 0AB"


def test_outward_code_alone_has_no_sector_or_full_postcode() -> None:
    postcode = Postcode("M1")
    assert postcode.inward is None
    assert postcode.area == "M"
    assert postcode.district == "M1"
    assert postcode.sector is None
    assert postcode.full is None
    assert str(postcode) == "M1"


def test_area_is_the_leading_letters_even_with_a_letter_after_the_number() -> None:
    assert Postcode("SW1A", "1AA").area == "SW"
    assert Postcode("W1A").area == "W"


def test_parts_are_stored_in_capitals() -> None:
    assert Postcode("yo31", "0ab") == Postcode("YO31", "0AB")


@pytest.mark.parametrize(("outward", "inward"), [("HELLO", None), ("YO31", "0CB"), ("A1", None)])
def test_a_postcode_cannot_be_built_from_parts_that_are_not_one(
    outward: str, inward: str | None
) -> None:
    with pytest.raises(ValueError, match="not a UK postcode"):
        Postcode(outward, inward)


def test_postcode_is_frozen_and_hashable() -> None:
    postcode = Postcode("YO31", "0AB")
    with pytest.raises(dataclasses.FrozenInstanceError):
        postcode.outward = "LS5"  # type: ignore[misc]
    assert len({postcode, Postcode("YO31", "0AB"), Postcode("YO31")}) == 2


def test_postcodes_sort_by_area_then_district_number_then_inward() -> None:
    mixed = [
        Postcode("LS12"),
        Postcode("LS5", "3AB"),
        Postcode("B1"),
        Postcode("LS5"),
        Postcode("LS5", "1AA"),
        Postcode("SW1A", "1AA"),
        Postcode("SW1"),
    ]
    assert [str(p) for p in sorted(mixed)] == [
        "B1",
        "LS5",
        "LS5 1AA",
        "LS5 3AB",
        "LS12",
        "SW1",
        "SW1A 1AA",
    ]


def test_area_list_holds_the_uk_areas_and_crown_dependencies() -> None:
    assert len(POSTCODE_AREAS) == 124
    assert {"B", "E", "G", "L", "M", "N", "S", "W"} == {a for a in POSTCODE_AREAS if len(a) == 1}
    assert {"BT", "GY", "IM", "JE", "ZE", "HS"} <= POSTCODE_AREAS


# --- parse_postcode: the whole text is a postcode --------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("LS5 3AB", "LS5 3AB"),
        ("ls53ab", "LS5 3AB"),
        ("Ls5  3ab", "LS5 3AB"),
        ("LS153AB", "LS15 3AB"),
        ("  yo31 0ab. ", "YO31 0AB"),
        ("(YO31 0AB)!", "YO31 0AB"),
        ("YO31", "YO31"),
        ("yo31?", "YO31"),
        ("M1", "M1"),
        ("m1 1aa", "M1 1AA"),
        ("B33 8TH", "B33 8TH"),
        ("CR2 6XH", "CR2 6XH"),
        ("DN55 1PT", "DN55 1PT"),
        ("SW1A1AA", "SW1A 1AA"),
        ("ec1a 1bb", "EC1A 1BB"),
        ("W1A 0AX", "W1A 0AX"),
        ("E1W", "E1W"),
        ("BT1 5GS", "BT1 5GS"),
        ("gir 0aa", "GIR 0AA"),
        ("GIR0AA", "GIR 0AA"),
        ("b4", "B4"),
        ("\u200fYO31 0AB\u200f", "YO31 0AB"),
        ("ＬＳ５ ３ＡＢ", "LS5 3AB"),
        ("LS٥ ٣AB", "LS5 3AB"),
    ],
)
def test_parses_the_shapes_residents_type(text: str, canonical: str) -> None:
    postcode = parse_postcode(text)
    assert postcode is not None
    assert str(postcode) == canonical


def test_parsed_parts() -> None:
    assert parse_postcode("ls53ab") == Postcode("LS5", "3AB")
    assert parse_postcode("YO31") == Postcode("YO31", None)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello",
        "help",
        "food",
        "me",
        "ok",
        "hi",
        "no",
        "25",
        "10:00",
        "0800 1111",
        "116 123",
        "A1",
        "X1",
        "Q1 1AA",
        "OK1",
        "HI5",
        "ZZ1 1AA",
        "LS05 3AB",
        "LS5 3",
        "CA15 8??",
        "LS 5 3AB",
        "GIR",
        "my postcode is LS5 3AB",
        "میرا YO31",
    ],
)
def test_rejects_words_numbers_times_phones_and_invalid_areas(text: str) -> None:
    assert parse_postcode(text) is None


@pytest.mark.parametrize("letter", list("CIKMOV"))
def test_inward_letters_never_include_cikmov(letter: str) -> None:
    assert parse_postcode(f"LS5 3{letter}B") is None
    assert parse_postcode(f"LS5 3B{letter}") is None
    assert find_postcode(f"near LS5 3{letter}B please") == (Postcode("LS5"), (5, 8))


@pytest.mark.parametrize("text", ["SW1I 1AA", "W1Z 1AA", "LS5Z", "E1L"])
def test_rejects_letters_after_the_district_number_that_are_never_used(text: str) -> None:
    assert parse_postcode(text) is None


# --- find_postcode: a postcode inside a message --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("szukam jedzenia LS5 3AB", ("LS5 3AB", "LS5 3AB")),
        ("میرا پوسٹ کوڈ YO31 0AB ہے", ("YO31 0AB", "YO31 0AB")),
        ("food bank near ls53ab?", ("LS5 3AB", "ls53ab")),
        ("near yo31 0ab please", ("YO31 0AB", "yo31 0ab")),
        ("I live at Ls5  3ab, 2nd floor", ("LS5 3AB", "Ls5  3ab")),
        ("أحتاج طعام قرب YO31 0AB من فضلك", ("YO31 0AB", "YO31 0AB")),
        ("খাবার দরকার LS5 3AB", ("LS5 3AB", "LS5 3AB")),
        ("потрібна їжа, ls5 3ab", ("LS5 3AB", "ls5 3ab")),
        ("my postcode is CA15 8??", ("CA15", "CA15")),
        ("anything in YO31?", ("YO31", "YO31")),
        ("stuck on the m25 motorway", ("M25", "m25")),
        ("'LS5 3AB'", ("LS5 3AB", "LS5 3AB")),
        ("send to gir 0aa", ("GIR 0AA", "gir 0aa")),
    ],
)
def test_finds_postcodes_in_messages_with_their_span(text: str, expected: tuple[str, str]) -> None:
    assert found(text) == expected


def test_span_lets_the_caller_cut_the_postcode_out() -> None:
    text = "szukam jedzenia LS5 3AB dzisiaj"
    result = find_postcode(text)
    assert result is not None
    _, (start, end) = result
    assert (text[:start] + text[end:]).split() == ["szukam", "jedzenia", "dzisiaj"]


def test_latin_postcode_glued_to_arabic_script_is_still_found() -> None:
    text = "عنواني الLS5 3AB"
    assert find_postcode(text) == (Postcode("LS5", "3AB"), (9, 16))


def test_right_to_left_marks_around_the_postcode_stay_out_of_the_span() -> None:
    text = "کد پستی \u200fYO31 0AB\u200f"
    assert found(text) == ("YO31 0AB", "YO31 0AB")


def test_a_full_postcode_is_preferred_to_an_earlier_outward_code() -> None:
    assert found("not YO31 but LS5 3AB") == ("LS5 3AB", "LS5 3AB")


def test_the_first_of_two_full_postcodes_is_taken() -> None:
    assert found("LS5 3AB or YO31 0AB") == ("LS5 3AB", "LS5 3AB")


def test_the_first_of_two_outward_codes_is_taken() -> None:
    assert found("YO31 or LS5") == ("YO31", "YO31")


@pytest.mark.parametrize(
    "text",
    [
        "hello, I need help with food",
        "I'm 25",
        "i'm 25 and need a bed",
        "open at 10:00 till 16:30",
        "call 0800 1111",
        "ring 116 123 anytime",
        "07700 900123",
        "ok no hi me",
        "A1 road",
        "X1",
        "OK1 HI5",
        "ABLS5 3AB",
        "ls53ab@example.com",
        "follow @m25",
        "#M25",
        "ref B1-5",
        "£E10",
        "YO31.5",
        "need vitamin B12",
        "c u b4 noon, m8",
        "N95 masks",
        "CO2 alarm",
        "",
    ],
)
def test_never_finds_numbers_times_phones_words_or_lookalikes(text: str) -> None:
    assert find_postcode(text) is None


def test_an_ordinal_after_a_district_is_not_read_as_the_inward_code() -> None:
    assert found("office B1 2nd floor") == ("B1", "B1")
    assert found("office B1 2ND") == ("B1 2ND", "B1 2ND")


def test_a_postcode_glued_to_more_letters_leaves_only_its_outward_code() -> None:
    assert found("LS5 3ABC") == ("LS5", "LS5")


def test_lookalikes_still_parse_when_they_are_the_whole_reply() -> None:
    assert parse_postcode("B12") == Postcode("B12")
    assert found("B12 9AB please") == ("B12 9AB", "B12 9AB")


# --- closeness ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("YO31 0AB", "yo310ab", Closeness.FULL),
        ("YO31 0AB", "YO31 0XY", Closeness.SECTOR),
        ("YO31 0AB", "YO31 1AB", Closeness.DISTRICT),
        ("YO31", "YO31 0AB", Closeness.DISTRICT),
        ("YO31", "YO31", Closeness.DISTRICT),
        ("YO31 0AB", "YO10 0AB", Closeness.AREA),
        ("YO31", "YO1", Closeness.AREA),
        ("YO31 0AB", "LS5 3AB", Closeness.NONE),
        ("S1 1AA", "SW1A 1AA", Closeness.NONE),
        ("M1", "ME1", Closeness.NONE),
    ],
)
def test_closeness_levels(a: str, b: str, level: Closeness) -> None:
    first, second = parse_postcode(a), parse_postcode(b)
    assert first is not None
    assert second is not None
    assert closeness(first, second) == level
    assert closeness(second, first) == level


def test_closeness_levels_are_plain_ordered_numbers() -> None:
    assert [int(level) for level in Closeness] == [0, 1, 2, 3, 4]
    assert Closeness.FULL > Closeness.SECTOR > Closeness.DISTRICT > Closeness.AREA > Closeness.NONE


def test_sorting_offers_by_closeness_keeps_directory_order_within_a_level() -> None:
    resident = Postcode("YO31", "0AB")
    offers = [
        ("pantry", Postcode("LS5", "3AB")),
        ("food bank", Postcode("YO10")),
        ("larder", Postcode("YO31")),
        ("advice", Postcode("YO31", "0AB")),
        ("warm space", Postcode("YO31", "0XY")),
        ("cafe", Postcode("YO1", "7HH")),
        ("drop-in", Postcode("YO31", "5QQ")),
        ("clinic", Postcode("M1")),
    ]
    ranked = sorted(offers, key=lambda offer: closeness(resident, offer[1]), reverse=True)
    assert [name for name, _ in ranked] == [
        "advice",
        "warm space",
        "larder",
        "drop-in",
        "food bank",
        "cafe",
        "pantry",
        "clinic",
    ]
