from directory.text import normalise, tokens


def words(text: str) -> list[str]:
    return tokens(normalise(text))


def test_letter_repeats_are_squeezed_and_case_folded() -> None:
    assert words("I'm SOOOOO lonelyyyy") == ["i'm", "soo", "lonelyy"]


def test_polish_accents_fold_so_phone_spelling_matches() -> None:
    assert words("nie mam co jeść") == words("nie mam co jesc")


def test_bengali_words_stay_whole() -> None:
    assert words("আমি খুব একা") == ["আমি", "খুব", "একা"]


def test_arabic_script_letter_variants_fold_to_one_form() -> None:
    assert words("یک") == words("يک")


def test_possessive_s_is_dropped() -> None:
    assert words("the leccy's run out") == ["the", "leccy", "run", "out"]


def test_latin_letters_glued_to_another_script_are_a_word_of_their_own() -> None:
    assert words("ماكو موعد ويه الGP") == ["ماکو", "موعد", "ويه", "ال", "gp"]
