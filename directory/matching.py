"""From a message to needs to ranked offers: pure and in memory, no database, no I/O.

The pipeline: the crisis check first, then need detection against the lexicon (exact words and
phrases, word stems, joined words such as "fod bank", and typo-tolerant matches), then ranking
of the active offers that meet the needs found.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from Stemmer import Stemmer

from directory.fuzzy import TypoIndex
from directory.languages import clear_winner, script_evidence
from directory.needs import Need
from directory.needs.lexicon import GAP_WORDS, MIN_PREFIX, SMALL_TALK, Lexicon, Strength, Term
from directory.postcodes import Postcode
from directory.ranking import OfferIndex, Position, RankedOffer, Whereabouts
from directory.text import normalise, tokens

STRENGTH_WEIGHT = {Strength.STRONG: 0.9, Strength.WEAK: 0.45}
# A typo-tolerant match counts for less than the word itself.
FUZZY_DISCOUNT = 0.8
# At or above this a need counts as understood; between the two, the bot asks "did you mean".
MATCH_THRESHOLD = 0.6
CLARIFY_THRESHOLD = 0.3
# Shorter words are never matched fuzzily: one edit turns "fod" into too many real words.
MIN_FUZZY_LENGTH = 5
# A term of another language's lexicon, in a message clearly in one language, counts for less.
FOREIGN_TERM_FACTOR = 0.5
# A function word ("nie", "mujhe") is half as telling of a language as a lexicon term.
HINT_WEIGHT = 0.5
# Two words are read as one mistyped word ("fod bank") only if neither is tiny ("to use").
MIN_SPLIT_PART = 3
# Windows of more words than this are only matched exactly.
MAX_JOINED_WINDOW = 3
# Single words whose matches are remembered, at most; the memory is emptied when full.
SINGLE_WORDS_KEPT = 50_000
# Prefix terms are found by their first letters (up to this many).
PREFIX_KEY = 3


class Status(StrEnum):
    MATCHED = "matched"
    CLARIFY = "clarify"
    NOT_UNDERSTOOD = "not_understood"
    SUPPLY_GAP = "supply_gap"
    CRISIS = "crisis"


@dataclass(frozen=True, slots=True)
class NeedScore:
    need: Need
    confidence: float


@dataclass(frozen=True, slots=True)
class Detection:
    """What a message says, before any offer is looked at."""

    crisis: bool
    needs: tuple[NeedScore, ...]  # strongest first, crisis excluded
    language: str | None  # the lexicon language that explained the message best
    small_talk: bool  # a greeting, thanks or chit-chat, and nothing else
    words: tuple[str, ...] = ()  # the message's normalised words, for ranking


@dataclass(frozen=True, slots=True)
class MatchResult:
    status: Status
    language: str
    needs: tuple[NeedScore, ...]
    offers: tuple[RankedOffer, ...]
    small_talk: bool = False
    # True when `language` was read from the message itself rather than assumed.
    language_detected: bool = False
    # A postcode the message gave ("food near LS5 3AB"), read out before the words were.
    postcode: Postcode | None = None

    @property
    def crisis(self) -> bool:
        return self.status is Status.CRISIS

    def to_contract(self) -> dict[str, Any]:
        """The stable JSON shape of ``python -m directory match --json``."""
        return {
            "status": self.status.value,
            "crisis": self.crisis,
            "language": self.language,
            "needs": [
                {"id": score.need.value, "confidence": round(score.confidence, 2)}
                for score in self.needs
            ],
            "offers": [
                {
                    "id": ranked.offer.id,
                    "name": ranked.offer.name,
                    "score": round(ranked.score, 3),
                    "needs": list(ranked.needs),
                }
                for ranked in self.offers
            ],
        }


@dataclass(frozen=True, slots=True)
class _Hit:
    term: Term
    fuzzy: bool

    @property
    def weight(self) -> float:
        weight = STRENGTH_WEIGHT[self.term.strength]
        return weight * FUZZY_DISCOUNT if self.fuzzy else weight


# Languages with a Snowball stemmer, so that "freezing" finds "freeze" and "jedzenia" "jedzenie".
STEMMER_NAMES = {
    "en": "english",
    "pl": "polish",
    "ro": "romanian",
    "ar": "arabic",
    "pt": "portuguese",
    "es": "spanish",
}


LATIN_STEMMED = tuple(code for code in STEMMER_NAMES if code != "ar")


class _Stemmers(threading.local):
    """One set of stemmers per thread: a Snowball stemmer must not be shared between threads."""

    def __init__(self) -> None:
        self.by_language = {code: Stemmer(name) for code, name in STEMMER_NAMES.items()}


class NeedDetector:
    """Finds needs and crisis in a message, using indexes built once from a lexicon.

    Every lookup is a hash-table probe, so a message costs the same however many languages and
    terms the lexicon holds.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self._known = lexicon.known_words
        self._hints = lexicon.language_hints
        self._stemmers = _Stemmers()
        self._exact: dict[tuple[str, ...], list[Term]] = defaultdict(list)
        self._joined: dict[str, list[Term]] = defaultdict(list)
        # Prefix terms by (the words before the last, the first letters of the last).
        self._prefixes: dict[tuple[tuple[str, ...], str], list[Term]] = defaultdict(list)
        self._one_word_stems: dict[str, list[Term]] = defaultdict(list)
        self._gapped: dict[str, list[Term]] = defaultdict(list)  # by first word
        # Per stemming language: the stem of each one-word term -> its terms.
        self._stemmed: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        for term in lexicon.terms:
            self._add(term)
        # First words of phrases: a longer window is only worth probing if it starts with one,
        # or with the beginning of a one-word term it might be a split form of ("food bank").
        self._phrase_starts = {t.tokens[0] for t in lexicon.terms if len(t.tokens) > 1}
        self._window_starts = self._phrase_starts | {
            t.tokens[0][:cut]
            for t in lexicon.terms
            if len(t.tokens) == 1
            for cut in range(MIN_SPLIT_PART, len(t.tokens[0]))
        }
        # What each single word matches, remembered: people's words repeat endlessly.
        self._single_words: dict[str, list[Term]] = {}
        self._longest = max((len(t.tokens) for t in lexicon.terms), default=1)
        # Typos are looked for in single words (up to two edits when long), and in two-word
        # terms run together ("fod bank" ~ "foodbank", one edit): longer phrases never.
        typo_terms = [
            term
            for terms in self._joined.values()
            for term in terms
            if len(term.tokens) <= 2 and len(term.joined) >= MIN_FUZZY_LENGTH
        ]
        self._word_typos = TypoIndex(t.joined for t in typo_terms if len(t.tokens) == 1)
        self._pair_typos = TypoIndex(
            (t.joined for t in typo_terms if len(t.tokens) == 2), max_edits=1
        )
        self._stem_typos = TypoIndex(s for s in self._one_word_stems if len(s) >= MIN_FUZZY_LENGTH)
        self._stem_lengths = sorted(
            {len(s) for s in self._one_word_stems if len(s) >= MIN_FUZZY_LENGTH}
        )

    def _add(self, term: Term) -> None:
        if term.gap_after:
            self._gapped[term.tokens[0]].append(term)
            return
        if term.prefix:
            last = term.tokens[-1]
            self._prefixes[(term.tokens[:-1], last[:PREFIX_KEY])].append(term)
            if len(term.tokens) == 1:
                self._one_word_stems[last].append(term)
            return
        self._exact[term.tokens].append(term)
        if len(term.tokens) <= MAX_JOINED_WINDOW:
            self._joined[term.joined].append(term)
        stemmer = self._stemmers.by_language.get(term.language)
        if stemmer is not None and len(term.tokens) == 1:
            self._stemmed[term.language][stemmer.stemWord(term.tokens[0])].append(term)

    def explain(self, text: str) -> list[str]:
        """Which lexicon terms a message matched: for people tuning a lexicon."""
        return [
            f"{hit.term.language} {hit.term.label} {hit.term.strength.value}"
            f"{' (typo)' if hit.fuzzy else ''}: {' '.join(hit.term.tokens)}"
            for hit in self._hits(tokens(normalise(text)))
        ]

    def detect(self, text: str) -> Detection:
        words = tokens(normalise(text))
        hits = self._hits(words)
        language = self._language(text, words, hits)
        # Crisis counts in any language: a false alarm shows helplines, a miss can cost a life.
        crisis = any(hit.term.label == Need.CRISIS for hit in hits)
        needs = _aggregate(
            (hit, _language_factor(hit, language))
            for hit in hits
            if hit.term.label not in {Need.CRISIS, SMALL_TALK}
        )
        small_talk = not crisis and not needs and any(h.term.label == SMALL_TALK for h in hits)
        return Detection(crisis, needs, language, small_talk, tuple(words))

    def _language(self, text: str, words: list[str], hits: list[_Hit]) -> str | None:
        """The message's language when the evidence is clear: its script, the lexicon terms it
        matched, and its everyday function words."""
        scores: dict[str, float] = defaultdict(float, script_evidence(text))
        for hit in hits:
            scores[hit.term.language] += hit.weight
        for word in words:
            language = self._hints.get(word)
            if language is not None:
                scores[language] += HINT_WEIGHT
        return clear_winner(scores)

    def exact_needs(self, words: list[str]) -> dict[str, float]:
        """Needs that single words name outright: a cheap reading of an offer's own text."""
        found: dict[str, float] = {}
        for word in words:
            for term in self._exact.get((word,), ()):
                if term.label not in {Need.CRISIS, SMALL_TALK}:
                    found[term.label] = max(
                        found.get(term.label, 0.0), STRENGTH_WEIGHT[term.strength]
                    )
        return found

    def _hits(self, words: list[str]) -> list[_Hit]:
        hits: list[_Hit] = []
        covered = [False] * len(words)
        for size in range(min(self._longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                if size > 1:
                    starts = (
                        self._phrase_starts if size > MAX_JOINED_WINDOW else self._window_starts
                    )
                    if words[start] not in starts:
                        continue
                if all(covered[start : start + size]):
                    continue  # inside a longer match: "how does this work" is not about work
                if size == 1:
                    found = self._single_word_terms(words[start])
                else:
                    found = self._exact_terms(tuple(words[start : start + size]))
                if found:
                    hits.extend(_Hit(term, fuzzy=False) for term in found)
                    covered[start : start + size] = [True] * size
        for start, end, term in self._gapped_matches(words):
            hits.append(_Hit(term, fuzzy=False))
            covered[start:end] = [True] * (end - start)
        # Typos only where nothing matched exactly; a window of two catches "fod bank".
        for size in (2, 1):
            for start in range(len(words) - size + 1):
                if any(covered[start : start + size]):
                    continue
                window = words[start : start + size]
                if any(word in self._known or len(word) < MIN_SPLIT_PART for word in window):
                    continue
                # A typo of a mere hint is noise: only strong terms are matched fuzzily.
                found = [
                    term
                    for term in self._fuzzy_terms("".join(window), single=size == 1)
                    if term.strength is Strength.STRONG
                ]
                if found:
                    hits.extend(_Hit(term, fuzzy=True) for term in found)
                    covered[start : start + size] = [True] * size
        return hits

    def _single_word_terms(self, word: str) -> list[Term]:
        found = self._single_words.get(word)
        if found is None:
            if len(self._single_words) >= SINGLE_WORDS_KEPT:
                self._single_words.clear()
            found = self._single_words[word] = self._exact_terms((word,))
        return found

    def _gapped_matches(self, words: list[str]) -> list[tuple[int, int, Term]]:
        found = []
        for start, word in enumerate(words):
            for term in self._gapped.get(word, ()):
                head, tail = term.tokens[: term.gap_after], term.tokens[term.gap_after :]
                if tuple(words[start : start + len(head)]) != head:
                    continue
                after = start + len(head)
                for tail_start in range(after, min(len(words), after + GAP_WORDS + 1)):
                    window = words[tail_start : tail_start + len(tail)]
                    if _same_words(window, tail, prefix=term.prefix):
                        found.append((start, tail_start + len(tail), term))
                        break
        return found

    def _exact_terms(self, window: tuple[str, ...]) -> list[Term]:
        found = self._exact.get(window)
        if found:
            return found
        if len(window) <= MAX_JOINED_WINDOW:
            found = self._joined.get("".join(window))
            if found:
                return found
        last, head = window[-1], window[:-1]
        found = []
        for key_length in range(MIN_PREFIX, PREFIX_KEY + 1):
            bucket = self._prefixes.get((head, last[:key_length]))
            if bucket:
                found.extend(term for term in bucket if last.startswith(term.tokens[-1]))
        if found or len(window) > 1:
            return found
        for language in self._stemming_languages(last):
            stems = self._stemmed.get(language)
            if stems:
                found.extend(stems.get(self._stemmers.by_language[language].stemWord(last), ()))
        if found:
            return found
        for bare in _without_arabic_clitics(last):
            found = self._exact.get((bare,))
            if found:
                return found
        return []

    @staticmethod
    def _stemming_languages(word: str) -> tuple[str, ...]:
        """Only stemmers of the word's own script can stem it."""
        if not word:
            return ()
        first = word[0]
        if first < "\u0250":  # Latin letters, digits and punctuation
            return LATIN_STEMMED
        if "\u0600" <= first <= "\u06ff":
            return ("ar",)
        return ()

    def _fuzzy_terms(self, word: str, *, single: bool) -> list[Term]:
        """Terms one typo from a word (two for a long single word), or from two words run
        together ("fod bank"): those get only one, as two loose words are easily misread."""
        if len(word) < MIN_FUZZY_LENGTH:
            return []
        closest = (self._word_typos.closest(word) if single else None) or self._pair_typos.closest(
            word
        )
        if closest is not None:
            return self._joined[closest]
        if not single:
            return []
        for length in self._stem_lengths:
            if length > len(word):
                break
            stem = self._stem_typos.closest(word[:length], edits=1)
            if stem is not None:
                return self._one_word_stems[stem]
        return []


# Arabic writes "and", "so", "with", "for", "like" and "the" onto the next word ("بوحدة",
# with loneliness; "والبيت", and the house). Longest first.
_ARABIC_CLITICS = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_MIN_ARABIC_STEM = 3


def _without_arabic_clitics(word: str) -> list[str]:
    """The word with each leading clitic it may carry removed, for words in Arabic script."""
    if not word or not ("\u0600" <= word[0] <= "\u06ff"):
        return []
    return [
        word[len(clitic) :]
        for clitic in _ARABIC_CLITICS
        if word.startswith(clitic) and len(word) - len(clitic) >= _MIN_ARABIC_STEM
    ]


def _same_words(window: Sequence[str], term: Sequence[str], *, prefix: bool) -> bool:
    if len(window) != len(term):
        return False
    if not prefix:
        return tuple(window) == tuple(term)
    return tuple(window[:-1]) == tuple(term[:-1]) and window[-1].startswith(term[-1])


def _language_factor(hit: _Hit, language: str | None) -> float:
    """A word from another language's lexicon, in a message clearly in one language, is more
    likely a look-alike (Urdu "اب", now, is not Arabic "أب", father) than a need. English
    words are the exception: people mix them into every language ("benefits", "GP")."""
    if language is None or hit.term.language in {language, "en"}:
        return 1.0
    return FOREIGN_TERM_FACTOR


def _aggregate(hits: Iterable[tuple[_Hit, float]]) -> tuple[NeedScore, ...]:
    """Combine evidence per need: independent hints add up, never past certainty."""
    best_per_term: dict[Term, float] = {}
    for hit, factor in hits:
        best_per_term[hit.term] = max(best_per_term.get(hit.term, 0.0), hit.weight * factor)
    doubt: dict[str, float] = defaultdict(lambda: 1.0)
    for term, weight in best_per_term.items():
        doubt[term.label] *= 1.0 - weight
    scores = [NeedScore(Need(label), min(0.99, 1.0 - rest)) for label, rest in doubt.items()]
    return tuple(sorted(scores, key=lambda score: (-score.confidence, score.need.value)))


@dataclass(frozen=True)
class Situation:
    """What is known about the person beyond their words: all optional."""

    area: str | None = None  # partnership slug
    near: Position | None = None  # a position the person shared
    postcode: Postcode | None = None  # a postcode the person typed
    now: datetime | None = None

    @property
    def whereabouts(self) -> Whereabouts | None:
        if self.near is None and self.postcode is None:
            return None
        return Whereabouts(self.near, self.postcode)


def match(
    detector: NeedDetector,
    index: OfferIndex,
    text: str,
    *,
    situation: Situation = Situation(),
    language: str = "en",
    limit: int = 5,
) -> MatchResult:
    """Understand a message and choose offers for it. ``language`` is used when text gives none."""
    detection = detector.detect(text)
    result = _match(detection, index, situation, detection.language or language, limit)
    return replace(result, language_detected=detection.language is not None)


def _match(
    detection: Detection, index: OfferIndex, situation: Situation, reply_language: str, limit: int
) -> MatchResult:
    if detection.crisis:
        return _crisis_result(index, detection, situation, reply_language, limit)
    named = index.named_in(detection.words)
    understood = {
        s.need.value: s.confidence for s in detection.needs if s.confidence >= MATCH_THRESHOLD
    }
    if not understood and named:
        offers = index.rank(
            {}, words=detection.words, named=named, limit=limit, **_where_and_when(situation)
        )
        return MatchResult(Status.MATCHED, reply_language, (), tuple(offers[:limit]))
    if not understood:
        candidates = tuple(s for s in detection.needs if s.confidence >= CLARIFY_THRESHOLD)
        status = Status.CLARIFY if candidates else Status.NOT_UNDERSTOOD
        return MatchResult(status, reply_language, candidates, (), detection.small_talk)
    needs = tuple(s for s in detection.needs if s.need.value in understood)
    return offers_for_needs(
        index,
        needs,
        situation=situation,
        language=reply_language,
        limit=limit,
        words=detection.words,
        named=named,
    )


def _where_and_when(situation: Situation) -> dict[str, Any]:
    return {"area": situation.area, "near": situation.whereabouts, "now": situation.now}


def offers_for_needs(
    index: OfferIndex,
    needs: tuple[NeedScore, ...],
    *,
    situation: Situation = Situation(),
    language: str,
    limit: int,
    words: tuple[str, ...] = (),
    named: Sequence[int] = (),
) -> MatchResult:
    """Rank offers for needs already known (from a message, or a button a person pressed).

    Inside a known area a need counts as met only by something local: a national line alone
    is a gap the partnership should hear about, though the person still gets that line.
    """
    ranked = index.rank(
        {s.need.value: s.confidence for s in needs},
        words=words,
        named=named,
        limit=limit,
        **_where_and_when(situation),
    )
    local = index.has_local((s.need.value for s in needs), situation.area)
    if ranked and (situation.area is None or local):
        return MatchResult(Status.MATCHED, language, needs, tuple(ranked[:limit]))
    shown = {r.offer.id for r in ranked}
    nets = [RankedOffer(o, 0.0, ()) for o in index.safety_nets if o.id not in shown]
    return MatchResult(Status.SUPPLY_GAP, language, needs, tuple((ranked + nets)[:limit]))


def _crisis_result(
    index: OfferIndex, detection: Detection, situation: Situation, language: str, limit: int
) -> MatchResult:
    # General lines such as Samaritans lead; specialist ones (children, abuse) follow by name.
    lines = sorted(
        index.rank({Need.CRISIS.value: 1.0}, limit=limit, area=situation.area),
        key=lambda r: (not r.offer.safety_net, r.offer.name, r.offer.id),
    )
    others = {
        s.need.value: s.confidence for s in detection.needs if s.confidence >= MATCH_THRESHOLD
    }
    crisis_ids = {r.offer.id for r in lines}
    extra = (
        [
            r
            for r in index.rank(
                others, words=detection.words, limit=limit, **_where_and_when(situation)
            )
            if r.offer.id not in crisis_ids
        ]
        if others
        else []
    )
    needs = (NeedScore(Need.CRISIS, 1.0), *detection.needs)
    # Every crisis line is kept; other needs add up to `limit` offers after them.
    return MatchResult(Status.CRISIS, language, needs, tuple(lines + extra[:limit]))
