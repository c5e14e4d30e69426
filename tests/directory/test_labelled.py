"""The floors the need detector must hold on the blind labelled messages, per language."""

from __future__ import annotations

import pytest

from bench.accuracy import Report, detector_predictor, evaluate, load_labelled
from directory.catalogue import Catalogue
from directory.languages import SUPPORTED_LANGUAGES


@pytest.fixture(scope="module")
def report(shared_catalogue: Catalogue) -> Report:
    return evaluate(detector_predictor(shared_catalogue.detector), load_labelled())


def test_the_labelled_set_is_large_and_covers_every_language() -> None:
    messages = load_labelled()
    assert len(messages) >= 500
    per_language = {code: sum(m.language == code for m in messages) for code in SUPPORTED_LANGUAGES}
    assert all(count >= 30 for count in per_language.values()), per_language


def test_ninety_five_percent_of_needs_are_understood(report: Report) -> None:
    overall = report.overall
    assert overall.need_accuracy >= 0.95, report.table() + "\n" + "\n".join(overall.misses)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_ninety_percent_in_every_language(report: Report, language: str) -> None:
    tally = report.by_language[language]
    assert tally.need_accuracy >= 0.90, "\n".join(tally.misses)


def test_every_crisis_message_raises_crisis(report: Report) -> None:
    overall = report.overall
    assert overall.crisis_raised == overall.crisis, "\n".join(
        miss for miss in overall.misses if miss.startswith("crisis")
    )


def test_no_chit_chat_raises_a_need(report: Report) -> None:
    overall = report.overall
    assert overall.chitchat_quiet == overall.chitchat, "\n".join(
        miss for miss in overall.misses if miss.startswith("chit-chat")
    )
