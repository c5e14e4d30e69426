"""Typo-tolerant lookup of a word in a vocabulary, in time independent of the vocabulary's size.

Symmetric deletion: two words within k edits of each other (a transposition counting as one
edit) share a form with at most k letters deleted from each. Every vocabulary word is indexed
under its deletion forms once; a lookup generates the query's own few forms and checks only
the words found under them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz.distance import OSA

# Remembered answers, at most; the memory is simply emptied when full.
ANSWERS_KEPT = 50_000


def allowed_edits(word: str) -> int:
    """One typo in an ordinary word, two in a long one."""
    return 1 if len(word) < 8 else 2


def _deletions(word: str, most: int) -> set[str]:
    """The word and every form of it with up to `most` letters deleted (never all of them)."""
    forms = {word}
    frontier = {word}
    for _ in range(most):
        frontier = {
            form[:i] + form[i + 1 :] for form in frontier if len(form) > 2 for i in range(len(form))
        }
        forms |= frontier
    return forms


class TypoIndex:
    def __init__(self, words: Iterable[str], *, max_edits: int = 2) -> None:
        self._max_edits = max_edits
        self._answers: dict[tuple[str, int | None], str | None] = {}
        self._by_form: dict[str, set[str]] = defaultdict(set)
        for word in set(words):
            # Index as deep as any query allowed to reach this word may delete: a query of
            # eight letters or more may be two edits from a word of six or more.
            depth = min(max_edits, 2 if len(word) >= 6 else 1)
            for form in _deletions(word, depth):
                self._by_form[form].add(word)

    def closest(self, word: str, edits: int | None = None) -> str | None:
        """The vocabulary word nearest to `word` within `edits` (default: by its length), if any.

        Ties go to the alphabetically first word, so the answer never depends on set order.
        Answers are remembered: people's words repeat, and most are no typo of anything.
        """
        key = (word, edits)
        if key in self._answers:
            return self._answers[key]
        if len(self._answers) >= ANSWERS_KEPT:
            self._answers.clear()
        answer = self._answers[key] = self._closest(word, edits)
        return answer

    def _closest(self, word: str, edits: int | None) -> str | None:
        limit = min(self._max_edits, allowed_edits(word) if edits is None else edits)
        candidates: set[str] = set()
        for form in _deletions(word, limit):
            candidates.update(self._by_form.get(form, ()))
        best: tuple[int, str] | None = None
        for candidate in candidates:
            distance = OSA.distance(word, candidate, score_cutoff=limit)
            if distance <= limit and (best is None or (distance, candidate) < best):
                best = (distance, candidate)
        return best[1] if best else None
