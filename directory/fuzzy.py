"""Typo-tolerant lookup of a word in a vocabulary, in time independent of the vocabulary's size.

Symmetric deletion: two words within k edits of each other (a transposition counting as one
edit) share a form with at most k letters deleted from each. Every vocabulary word is indexed
under its deletion forms once; a lookup generates the query's own few forms and checks only
the words found under them.
"""

from __future__ import annotations

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
        # Most forms belong to one word: stored as that word, not a collection, to save memory.
        self._by_form: dict[str, str | tuple[str, ...]] = {}
        for word in sorted(set(words)):
            # Two deletions only for long words: a two-edit typo needs a long word to be safe,
            # and the forms of short words would multiply the index for nothing.
            for form in _deletions(word, min(max_edits, 2 if len(word) >= 8 else 1)):
                found = self._by_form.get(form)
                if found is None:
                    self._by_form[form] = word
                elif isinstance(found, str):
                    self._by_form[form] = (found, word)
                else:
                    self._by_form[form] = (*found, word)

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
            found = self._by_form.get(form)
            if isinstance(found, str):
                candidates.add(found)
            elif found:
                candidates.update(found)
        best: tuple[int, str] | None = None
        for candidate in candidates:
            distance = OSA.distance(word, candidate, score_cutoff=limit)
            if distance <= limit and (best is None or (distance, candidate) < best):
                best = (distance, candidate)
        return best[1] if best else None
