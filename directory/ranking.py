"""Ranking offers for a message: what need they meet, how well their own words fit, and where.

The index is built once per directory version. A ranking looks only at a bounded set of
candidates (the best few per need and place, plus offers sharing a rare word with the
message), so its cost does not grow with the size of the directory.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from directory.hours import HoursState, is_open, opening_status
from directory.postcodes import Postcode, closeness, parse_postcode
from directory.summaries import OfferSummary
from directory.text import normalise, tokens

if TYPE_CHECKING:
    from directory.matching import NeedDetector

# How many statically best offers each (need, place) list contributes as candidates.
CANDIDATES_PER_LIST = 20
# Re-ranked by opening hours: only this many times the requested number of offers.
HOURS_RERANK_FACTOR = 2
# A word carried by more than this share of offers (or 20) is too common to pick candidates by.
RARE_WORD_SHARE = 0.002
RARE_WORD_MINIMUM = 20
# Grid cells of about 11 km (north-south) for finding offers near a position.
CELL_DEGREES = 0.1
# Places within this distance of the person are "near": shown nearest first, before phone
# and online services; places farther away come after those.
REACH_KM = 16.0
_KM_PER_DEGREE = 111.2

WEIGHTS = {
    "coverage": 0.55,  # share of the message's needs the offer meets
    "focus": 0.10,  # the offer's own description is about those needs
    "relevance": 0.10,  # BM25 of the message's words in the offer's text
    "place": 0.10,  # in the person's area (else national)
    "proximity": 0.10,  # distance from the person, when both positions are known
    "open": 0.05,  # open right now
}
NAMED_BONUS = 1.0  # the message names the offer: "samaritans", "hug a mug"
# Specialist services come after general ones unless their speciality was asked about: a
# suicide line is not the first answer to "my kids", nor a youth club to "I feel lonely".
SPECIALIST_PENALTY = {"crisis": 0.15, "children_young_people": 0.10}
# A place that is closed now but opens soon beats one that opens in a fortnight.
OPENS_SOON = ((timedelta(hours=24), 0.6), (timedelta(hours=72), 0.3))
# Opening states are worked out once per offer's hours and quarter of an hour.
_HOURS_BUCKET_SECONDS = 15 * 60

_BM25_K1, _BM25_B = 1.2, 0.75
_ALL = "*"  # the list of every offer with a need, whatever its area


@dataclass(frozen=True, slots=True)
class Position:
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class Whereabouts:
    """Where the person is, as far as they told us: a shared position, a typed postcode, both."""

    position: Position | None = None
    postcode: Postcode | None = None


# How an offer stands to the person's whereabouts; lower sorts first.
_NAMED, _NEAR, _ANYWHERE, _FAR = -1, 0, 1, 2


@dataclass(frozen=True, slots=True)
class RankedOffer:
    offer: OfferSummary
    score: float
    needs: tuple[str, ...]  # the needs of the message that this offer meets
    distance_km: float | None = None


def distance_km(a: Position, b: Position) -> float:
    """Great-circle distance (haversine), in kilometres."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return (math.floor(latitude / CELL_DEGREES), math.floor(longitude / CELL_DEGREES))


def _cells_within(centre: Position, radius_km: float) -> list[tuple[int, int]]:
    """The grid cells that a circle around `centre` touches."""
    row, column = _cell(centre.latitude, centre.longitude)
    rows = math.ceil(radius_km / (_KM_PER_DEGREE * CELL_DEGREES))
    shrink = max(math.cos(math.radians(centre.latitude)), 0.1)
    columns = math.ceil(radius_km / (_KM_PER_DEGREE * CELL_DEGREES * shrink))
    return [
        (row + d_row, column + d_column)
        for d_row in range(-rows, rows + 1)
        for d_column in range(-columns, columns + 1)
    ]


@lru_cache(maxsize=16384)
def _open_share(hours: str, timezone: str, bucket: int) -> float:
    """1 when open at the time `bucket` (a Unix time), a part of it when opening soon."""
    moment = datetime.fromtimestamp(bucket, UTC)
    if is_open(hours, moment, timezone):  # the cheap question first
        return 1.0
    status = opening_status(hours, moment, timezone)
    if status.state is HoursState.CLOSED and status.change is not None:
        wait = status.change - moment
        for within, share in OPENS_SOON:
            if wait <= within:
                return share
    return 0.0


class _Scored(NamedTuple):
    """A candidate's sort key (the fields in order) and what the result needs."""

    band: int
    nearness: float
    negative_score: float
    national: bool
    name: str
    offer_id: str
    position: int
    distance: float | None


class OfferIndex:
    """The active offers, indexed for ranking without a database round trip."""

    def __init__(
        self,
        offers: Iterable[OfferSummary],
        detector: NeedDetector | None = None,
        *,
        timezone: str = "Europe/London",
    ) -> None:
        self.offers = tuple(offers)
        self.timezone = timezone
        self._postings: dict[str, dict[int, int]] = defaultdict(dict)
        self._lengths: list[int] = []
        self._emphasis: list[dict[str, float]] = []
        # Offer names by their first word: name -> the offers that carry it.
        self._names: dict[str, dict[tuple[str, ...], list[int]]] = defaultdict(dict)
        # Directories repeat a few postcodes (often just districts) many times: parse each once.
        postcodes = {
            code: parse_postcode(code) for code in {o.postcode for o in self.offers} if code
        }
        self._postcodes = [postcodes.get(o.postcode) if o.postcode else None for o in self.offers]
        # Specialities an offer has (see SPECIALIST_PENALTY), mostly none: looked up per ranking.
        self._specialities = [
            tuple(
                (need, penalty) for need, penalty in SPECIALIST_PENALTY.items() if need in o.needs
            )
            for o in self.offers
        ]
        for position, offer in enumerate(self.offers):
            self._index_text(position, offer, detector)
        self._average_length = sum(self._lengths) / len(self._lengths) if self._lengths else 1.0
        self._rare_word_limit = max(RARE_WORD_MINIMUM, int(len(self.offers) * RARE_WORD_SHARE))
        self._lists = self._need_lists()
        self._cells = self._need_cells()
        self._districts = self._need_districts()
        self.safety_nets = tuple(
            sorted((o for o in self.offers if o.safety_net), key=lambda o: (o.name, o.id))
        )

    def _index_text(
        self, position: int, offer: OfferSummary, detector: NeedDetector | None
    ) -> None:
        words = tokens(normalise(f"{offer.name} {offer.organisation} {offer.description}"))
        counts: dict[str, int] = defaultdict(int)
        for word in words:
            counts[word] += 1
        for word, count in counts.items():
            self._postings[word][position] = count
        self._lengths.append(len(words))
        self._emphasis.append(detector.exact_needs(words) if detector else {})
        name = tuple(tokens(normalise(offer.name)))
        if name:
            self._names[name[0]].setdefault(name, []).append(position)

    def _static_key(self, need: str) -> object:
        def key(position: int) -> tuple[float, str, str]:
            offer = self.offers[position]
            return (-self._emphasis[position].get(need, 0.0), offer.name, offer.id)

        return key

    def _need_lists(self) -> dict[str, dict[str | None, list[int]]]:
        """Per need and place (an area slug, None for national, "*" for all): best first."""
        lists: dict[str, dict[str | None, list[int]]] = defaultdict(lambda: defaultdict(list))
        for position, offer in enumerate(self.offers):
            for need in offer.needs:
                lists[need][offer.partnership_slug].append(position)
                lists[need][_ALL].append(position)
        for need, by_place in lists.items():
            for positions in by_place.values():
                positions.sort(key=self._static_key(need))  # type: ignore[arg-type]
        return lists

    def _need_cells(self) -> dict[str, dict[tuple[int, int], list[int]]]:
        """Per need, offers by grid cell: best first."""
        cells: dict[str, dict[tuple[int, int], list[int]]] = defaultdict(lambda: defaultdict(list))
        for need, position in self._best_first():
            offer = self.offers[position]
            if offer.latitude is not None and offer.longitude is not None:
                cells[need][_cell(offer.latitude, offer.longitude)].append(position)
        return cells

    def _need_districts(self) -> dict[str, dict[str, list[int]]]:
        """Per need, offers by postcode district and by postcode area: best first."""
        lists: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for need, position in self._best_first():
            postcode = self._postcodes[position]
            if postcode is not None:
                lists[need][postcode.district].append(position)
                lists[need][postcode.area].append(position)
        return lists

    def _best_first(self) -> Iterator[tuple[str, int]]:
        """Every (need, offer) pair, best first within each need: walking the sorted list of
        all offers keeps any list filled from it sorted too, with no sorting of its own."""
        for need, by_place in self._lists.items():
            for position in by_place[_ALL]:
                yield need, position

    def named_in(self, words: Sequence[str]) -> list[int]:
        """Offers whose whole name the message contains, as in "the samaritans number"."""
        found: set[int] = set()
        for start, word in enumerate(words):
            for name, positions in self._names.get(word, {}).items():
                if tuple(words[start : start + len(name)]) == name:
                    found.update(positions)
        return sorted(found, key=lambda p: (self.offers[p].name, self.offers[p].id))

    def rank(
        self,
        needs: Mapping[str, float],
        *,
        area: str | None = None,
        words: Sequence[str] = (),
        near: Whereabouts | None = None,
        now: datetime | None = None,
        limit: int = 5,
        named: Sequence[int] = (),
    ) -> list[RankedOffer]:
        """The best offers for these needs (a few more than `limit`), best first, in a
        deterministic order.

        Within an area, offers from other areas are left out; national offers always count.
        Offers the message names come first, whatever their needs. When the person's
        whereabouts are known, places near them come next, nearest first (by distance when
        both positions are known, else by how much of the postcode they share), then phone
        and online services, then places farther away.
        """
        near = near or Whereabouts()
        candidates = self._candidates(needs, area, words, near) | set(named)
        if not candidates:
            return []
        relevance = self._bm25(words, candidates)
        relevance_weight = WEIGHTS["relevance"] / (max(relevance.values(), default=0.0) or 1.0)
        need_weight = 1.0 / (sum(needs.values()) or 1.0)
        named_set = set(named)
        elsewhere = WEIGHTS["place"] * 0.5
        at_home = WEIGHTS["place"] if area is not None else elsewhere
        placed = near.position is not None or near.postcode is not None
        banded = placed or area is not None
        scored: list[tuple[int, float, float, bool, str, str, int, float | None]] = []
        for position in candidates:
            offer = self.offers[position]
            slug = offer.partnership_slug
            if area is not None and slug is not None and slug != area and position not in named_set:
                continue
            emphasis = self._emphasis[position]
            coverage = focus = 0.0
            for need in offer.needs:
                weight = needs.get(need)
                if weight:
                    coverage += weight
                    focus += weight * emphasis.get(need, 0.0)
            score = (
                (WEIGHTS["coverage"] * coverage + WEIGHTS["focus"] * focus) * need_weight
                + relevance_weight * relevance.get(position, 0.0)
                + (at_home if slug == area else elsewhere)
            )
            distance = self._distance(offer, near.position) if placed else None
            if distance is not None:
                score += WEIGHTS["proximity"] / (1.0 + distance / 5.0)
            band, nearness = self._band(position, distance, near, area) if banded else (_NEAR, 0.0)
            for speciality, penalty in self._specialities[position]:
                if speciality not in needs:
                    score -= penalty
            if position in named_set:
                score += NAMED_BONUS
                band = _NAMED
            scored.append(
                (
                    band,
                    nearness,
                    -score,
                    offer.is_national,
                    offer.name,
                    offer.id,
                    position,
                    distance,
                )
            )
        # Only the head is ever shown, so only the head is sorted and described.
        head = [
            _Scored._make(entry)
            for entry in heapq.nsmallest(max(limit, 1) * HOURS_RERANK_FACTOR, scored)
        ]
        if now is not None:
            head = sorted(self._with_hours(entry, now) for entry in head)
        return [self._ranked(entry, needs) for entry in head]

    def _band(
        self, position: int, distance: float | None, near: Whereabouts, area: str | None
    ) -> tuple[int, float]:
        """Where the offer stands to the person, and how near within that (lower is nearer).
        Without whereabouts, a chosen area's own offers come before phone and online ones."""
        if near.position is None and near.postcode is None:
            if area is not None and self.offers[position].partnership_slug != area:
                return _ANYWHERE, 0.0
            return _NEAR, 0.0
        if distance is not None:
            return (_NEAR if distance <= REACH_KM else _FAR), distance
        postcode = self._postcodes[position]
        if near.postcode is not None and postcode is not None:
            shared = closeness(near.postcode, postcode)
            return (_NEAR, -float(shared)) if shared else (_FAR, 0.0)
        offer = self.offers[position]
        if offer.is_national or (offer.latitude is None and postcode is None):
            return _ANYWHERE, 0.0
        return _FAR, 0.0

    def _with_hours(self, entry: _Scored, now: datetime) -> _Scored:
        bucket = int(now.timestamp()) // _HOURS_BUCKET_SECONDS * _HOURS_BUCKET_SECONDS
        share = _open_share(self.offers[entry.position].opening_hours, self.timezone, bucket)
        if not share:
            return entry
        return entry._replace(negative_score=entry.negative_score - WEIGHTS["open"] * share)

    def _ranked(self, entry: _Scored, needs: Mapping[str, float]) -> RankedOffer:
        offer = self.offers[entry.position]
        met = tuple(sorted(need for need in offer.needs if need in needs))
        return RankedOffer(offer, -entry.negative_score, met, entry.distance)

    def has_local(self, needs: Iterable[str], area: str | None) -> bool:
        """Whether any local offer (in `area`, when one is given) meets one of the needs."""
        for need in needs:
            by_place = self._lists.get(need, {})
            if area is not None and by_place.get(area):
                return True
            if area is None and any(place not in {None, _ALL} for place in by_place):
                return True
        return False

    def _candidates(
        self,
        needs: Mapping[str, float],
        area: str | None,
        words: Sequence[str],
        near: Whereabouts,
    ) -> set[int]:
        found: set[int] = set()
        for need in needs:
            lists = self._lists.get(need)
            if lists is None:
                continue
            places: list[str | None] = [None, area] if area is not None else [None, _ALL]
            for place in places:
                found.update(lists.get(place, ())[:CANDIDATES_PER_LIST])
            if near.position is not None:
                cells = self._cells.get(need, {})
                for cell in _cells_within(near.position, REACH_KM):
                    found.update(cells.get(cell, ())[:CANDIDATES_PER_LIST])
            if near.postcode is not None:
                by_district = self._districts.get(need, {})
                for key in (near.postcode.district, near.postcode.area):
                    found.update(by_district.get(key, ())[:CANDIDATES_PER_LIST])
        # Offers that share a rare word with the message ("pottery", "sewing") also compete.
        for word in set(words):
            postings = self._postings.get(word)
            if postings and len(postings) <= self._rare_word_limit:
                sharing = [p for p in postings if not needs.keys().isdisjoint(self.offers[p].needs)]
                found.update(sharing[:CANDIDATES_PER_LIST])
        return found

    def _bm25(self, words: Sequence[str], candidates: set[int]) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        count = len(self.offers)
        for word in set(words):
            postings = self._postings.get(word)
            if not postings:
                continue
            idf = math.log(1.0 + (count - len(postings) + 0.5) / (len(postings) + 0.5))
            # Walk whichever side is shorter: a word's offers, or the candidates.
            if len(postings) < len(candidates):
                pairs = [(p, f) for p, f in postings.items() if p in candidates]
            else:
                pairs = [(p, postings[p]) for p in candidates if p in postings]
            for position, frequency in pairs:
                norm = 1 - _BM25_B + _BM25_B * self._lengths[position] / self._average_length
                scores[position] += idf * frequency * (_BM25_K1 + 1) / (frequency + _BM25_K1 * norm)
        return scores

    @staticmethod
    def _distance(offer: OfferSummary, near: Position | None) -> float | None:
        if near is None or offer.latitude is None or offer.longitude is None:
            return None
        return distance_km(near, Position(offer.latitude, offer.longitude))
