"""From a message to needs to ranked offers: pure and in memory, no database, no I/O.

The pipeline: the crisis check first, then need detection against the lexicon (exact words and
phrases, word stems, joined words such as "fod bank", and typo-tolerant matches), then ranking
of the active offers that meet the needs found.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA
from Stemmer import Stemmer

from directory.needs import Need
from directory.needs.lexicon import SMALL_TALK, Lexicon, Strength, Term
from directory.summaries import OfferSummary
from directory.text import normalise, tokens

STRENGTH_WEIGHT = {Strength.STRONG: 0.9, Strength.WEAK: 0.45}
# A typo-tolerant match counts for less than the word itself.
FUZZY_DISCOUNT = 0.8
# At or above this a need counts as understood; between the two, the bot asks "did you mean".
MATCH_THRESHOLD = 0.6
CLARIFY_THRESHOLD = 0.3
# Shorter words are never matched fuzzily: one edit turns "fod" into too many real words.
MIN_FUZZY_LENGTH = 5
# Windows of more words than this are only matched exactly.
MAX_JOINED_WINDOW = 3


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


@dataclass(frozen=True, slots=True)
class RankedOffer:
    offer: OfferSummary
    score: float
    needs: tuple[str, ...]  # the needs of the message that this offer meets


@dataclass(frozen=True, slots=True)
class MatchResult:
    status: Status
    language: str
    needs: tuple[NeedScore, ...]
    offers: tuple[RankedOffer, ...]
    small_talk: bool = False

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


class _Stemmers(threading.local):
    """One set of stemmers per thread: a Snowball stemmer must not be shared between threads."""

    def __init__(self) -> None:
        self.by_language = {code: Stemmer(name) for code, name in STEMMER_NAMES.items()}


class NeedDetector:
    """Finds needs and crisis in a message, using indexes built once from a lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._known = lexicon.known_words
        self._stemmers = _Stemmers()
        # Per stemming language: the stem of each one-word term -> its terms.
        self._stemmed: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        self._exact: dict[tuple[str, ...], list[Term]] = defaultdict(list)
        self._joined: dict[str, list[Term]] = defaultdict(list)
        self._prefixes: dict[int, list[Term]] = defaultdict(list)  # by number of words
        stems_by_length: dict[int, list[Term]] = defaultdict(list)
        for term in lexicon.terms:
            if term.prefix:
                self._prefixes[len(term.tokens)].append(term)
                if len(term.tokens) == 1 and len(term.tokens[0]) >= MIN_FUZZY_LENGTH:
                    stems_by_length[len(term.tokens[0])].append(term)
            else:
                self._exact[term.tokens].append(term)
                if len(term.tokens) <= MAX_JOINED_WINDOW:
                    self._joined[term.joined].append(term)
                stemmer = self._stemmers.by_language.get(term.language)
                if stemmer is not None and len(term.tokens) == 1:
                    self._stemmed[term.language][stemmer.stemWord(term.tokens[0])].append(term)
        self._longest = max((len(t.tokens) for t in lexicon.terms), default=1)
        self._fuzzy_vocabulary = [word for word in self._joined if len(word) >= MIN_FUZZY_LENGTH]
        self._stems = {
            length: ([term.tokens[0] for term in terms], terms)
            for length, terms in stems_by_length.items()
        }

    def detect(self, text: str) -> Detection:
        words = tokens(normalise(text))
        hits = self._hits(words)
        crisis = any(hit.term.label == Need.CRISIS for hit in hits)
        needs = _aggregate(hit for hit in hits if hit.term.label not in {Need.CRISIS, SMALL_TALK})
        small_talk = not crisis and not needs and any(h.term.label == SMALL_TALK for h in hits)
        return Detection(crisis, needs, _language_of(hits), small_talk)

    def _hits(self, words: list[str]) -> list[_Hit]:
        hits: list[_Hit] = []
        covered = [False] * len(words)
        for size in range(min(self._longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                window = tuple(words[start : start + size])
                found = self._exact.get(window) or (
                    self._joined.get("".join(window)) if size <= MAX_JOINED_WINDOW else None
                )
                found = found or self._prefix_terms(window)
                if not found and size == 1:
                    found = self._stem_terms(window[0])
                if found:
                    hits.extend(_Hit(term, fuzzy=False) for term in found)
                    covered[start : start + size] = [True] * size
        # Typos only where nothing matched exactly; a window of two catches "fod bank".
        for size in (2, 1):
            for start in range(len(words) - size + 1):
                if any(covered[start : start + size]):
                    continue
                window = words[start : start + size]
                if size == 1 and window[0] in self._known:
                    continue
                found = self._fuzzy_terms("".join(window), stems=size == 1)
                if found:
                    hits.extend(_Hit(term, fuzzy=True) for term in found)
                    covered[start : start + size] = [True] * size
        return hits

    def _stem_terms(self, word: str) -> list[Term]:
        found: list[Term] = []
        for language, stems in self._stemmed.items():
            found.extend(stems.get(self._stemmers.by_language[language].stemWord(word), ()))
        return found

    def _prefix_terms(self, window: tuple[str, ...]) -> list[Term]:
        return [
            term
            for term in self._prefixes.get(len(window), ())
            if window[:-1] == term.tokens[:-1] and window[-1].startswith(term.tokens[-1])
        ]

    def _fuzzy_terms(self, word: str, *, stems: bool) -> list[Term]:
        if len(word) < MIN_FUZZY_LENGTH:
            return []
        # One edit for ordinary words, two for long ones; a transposition is one edit.
        allowed = 1 if len(word) < 8 else 2
        best = process.extractOne(
            word, self._fuzzy_vocabulary, scorer=OSA.distance, score_cutoff=allowed
        )
        if best is not None:
            return self._joined[best[0]]
        if not stems:
            return []
        for length, (stems, terms) in self._stems.items():
            if length <= len(word):
                stem = process.extractOne(word[:length], stems, scorer=OSA.distance, score_cutoff=1)
                if stem is not None:
                    return [terms[stem[2]]]
        return []


def _aggregate(hits: Iterable[_Hit]) -> tuple[NeedScore, ...]:
    """Combine evidence per need: independent hints add up, never past certainty."""
    best_per_term: dict[Term, float] = {}
    for hit in hits:
        best_per_term[hit.term] = max(best_per_term.get(hit.term, 0.0), hit.weight)
    doubt: dict[str, float] = defaultdict(lambda: 1.0)
    for term, weight in best_per_term.items():
        doubt[term.label] *= 1.0 - weight
    scores = [NeedScore(Need(label), min(0.99, 1.0 - rest)) for label, rest in doubt.items()]
    return tuple(sorted(scores, key=lambda score: (-score.confidence, score.need.value)))


def _language_of(hits: list[_Hit]) -> str | None:
    weights: dict[str, float] = defaultdict(float)
    for hit in hits:
        weights[hit.term.language] += hit.weight
    if not weights:
        return None
    return max(sorted(weights), key=lambda language: weights[language])


@dataclass
class OfferIndex:
    """The active offers, indexed by need, for ranking without a database round trip."""

    offers: tuple[OfferSummary, ...]
    # Reads each offer's own name and description, to see which of its needs it is about.
    detector: NeedDetector | None = None
    by_need: dict[str, list[OfferSummary]] = field(init=False)
    emphasis: dict[str, dict[str, float]] = field(init=False)

    def __post_init__(self) -> None:
        self.by_need = defaultdict(list)
        self.emphasis = {}
        for offer in self.offers:
            for need in offer.needs:
                self.by_need[need].append(offer)
            if self.detector is not None:
                found = self.detector.detect(f"{offer.name}. {offer.description}").needs
                self.emphasis[offer.id] = {s.need.value: s.confidence for s in found}

    @property
    def safety_nets(self) -> list[OfferSummary]:
        return sorted((o for o in self.offers if o.safety_net), key=lambda o: (o.name, o.id))

    def rank(self, needs: Mapping[str, float], area: str | None) -> list[RankedOffer]:
        """Offers meeting any of the needs: by how much of the need they meet, then by how
        plainly their own description is about it, then by area.

        Within an area, offers from other areas are left out; national offers always count.
        """
        total = sum(needs.values()) or 1.0
        met: dict[str, set[str]] = defaultdict(set)
        by_id: dict[str, OfferSummary] = {}
        for need in needs:
            for offer in self.by_need.get(need, ()):
                if area is None or offer.is_national or offer.partnership_slug == area:
                    met[offer.id].add(need)
                    by_id[offer.id] = offer
        ranked = []
        for offer_id, offer_needs in met.items():
            offer = by_id[offer_id]
            coverage = sum(needs[need] for need in offer_needs) / total
            emphasis = self.emphasis.get(offer_id, {})
            focus = sum(needs[need] * emphasis.get(need, 0.0) for need in offer_needs) / total
            place = 0.2 if area is not None and offer.partnership_slug == area else 0.1
            score = 0.7 * coverage + 0.1 * focus + place
            ranked.append(RankedOffer(offer, score, tuple(sorted(offer_needs))))
        ranked.sort(key=lambda r: (-r.score, r.offer.is_national, r.offer.name, r.offer.id))
        return ranked


def match(
    detector: NeedDetector,
    index: OfferIndex,
    text: str,
    *,
    area: str | None = None,
    language: str = "en",
    limit: int = 5,
) -> MatchResult:
    """Understand a message and choose offers for it. ``language`` is used when text gives none."""
    detection = detector.detect(text)
    reply_language = detection.language or language
    if detection.crisis:
        return _crisis_result(index, detection, area, reply_language, limit)
    understood = {
        s.need.value: s.confidence for s in detection.needs if s.confidence >= MATCH_THRESHOLD
    }
    if not understood:
        candidates = tuple(s for s in detection.needs if s.confidence >= CLARIFY_THRESHOLD)
        status = Status.CLARIFY if candidates else Status.NOT_UNDERSTOOD
        return MatchResult(status, reply_language, candidates, (), detection.small_talk)
    needs = tuple(s for s in detection.needs if s.need.value in understood)
    return offers_for_needs(index, needs, area=area, language=reply_language, limit=limit)


def offers_for_needs(
    index: OfferIndex,
    needs: tuple[NeedScore, ...],
    *,
    area: str | None,
    language: str,
    limit: int,
) -> MatchResult:
    """Rank offers for needs already known (from a message, or a button a person pressed).

    Inside a known area a need counts as met only by something local: a national line alone
    is a gap the partnership should hear about, though the person still gets that line.
    """
    ranked = index.rank({s.need.value: s.confidence for s in needs}, area)
    local = [r for r in ranked if not r.offer.is_national]
    if ranked and (area is None or local):
        return MatchResult(Status.MATCHED, language, needs, tuple(ranked[:limit]))
    shown = {r.offer.id for r in ranked}
    nets = [RankedOffer(o, 0.0, ()) for o in index.safety_nets if o.id not in shown]
    return MatchResult(Status.SUPPLY_GAP, language, needs, tuple((ranked + nets)[:limit]))


def _crisis_result(
    index: OfferIndex, detection: Detection, area: str | None, language: str, limit: int
) -> MatchResult:
    # General lines such as Samaritans lead; specialist ones (children, abuse) follow by name.
    lines = sorted(index.rank({Need.CRISIS.value: 1.0}, area), key=lambda r: not r.offer.safety_net)
    others = {
        s.need.value: s.confidence for s in detection.needs if s.confidence >= MATCH_THRESHOLD
    }
    crisis_ids = {r.offer.id for r in lines}
    extra = [r for r in index.rank(others, area) if r.offer.id not in crisis_ids] if others else []
    needs = (NeedScore(Need.CRISIS, 1.0), *detection.needs)
    # Every crisis line is kept; other needs add up to `limit` offers after them.
    return MatchResult(Status.CRISIS, language, needs, tuple(lines + extra[:limit]))
