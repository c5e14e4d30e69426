"""Accuracy on the labelled messages (tests/data/labelled), for the floor test and the benchmark."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from directory.matching import CLARIFY_THRESHOLD, NeedDetector

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
LABELLED_DIR = DATA_DIR / "labelled"
# Written after the lexicons, by someone who saw neither them nor the labelled set, and never
# used to tune anything: an honest estimate of accuracy on messages nobody has seen.
HOLDOUT_DIR = DATA_DIR / "holdout"
KINDS = ("need", "crisis", "chitchat")


@dataclass(frozen=True)
class Labelled:
    text: str
    language: str
    needs: frozenset[str]
    kind: str


@dataclass(frozen=True)
class Prediction:
    crisis: bool
    needs: frozenset[str]


def load_labelled(directory: Path = LABELLED_DIR) -> list[Labelled]:
    messages = []
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                assert item["kind"] in KINDS, f"{path.name}: unknown kind {item['kind']!r}"
                messages.append(
                    Labelled(item["text"], item["lang"], frozenset(item["needs"]), item["kind"])
                )
    return messages


@dataclass
class Tally:
    needs: int = 0
    needs_correct: int = 0
    crisis: int = 0
    crisis_raised: int = 0
    chitchat: int = 0
    chitchat_quiet: int = 0
    false_crisis: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def need_accuracy(self) -> float:
        return self.needs_correct / self.needs if self.needs else 1.0

    @property
    def crisis_recall(self) -> float:
        return self.crisis_raised / self.crisis if self.crisis else 1.0

    @property
    def chitchat_quiet_rate(self) -> float:
        return self.chitchat_quiet / self.chitchat if self.chitchat else 1.0


@dataclass
class Report:
    by_language: dict[str, Tally]

    @property
    def overall(self) -> Tally:
        total = Tally()
        for tally in self.by_language.values():
            for name in (
                "needs",
                "needs_correct",
                "crisis",
                "crisis_raised",
                "chitchat",
                "chitchat_quiet",
                "false_crisis",
            ):
                setattr(total, name, getattr(total, name) + getattr(tally, name))
            total.misses.extend(tally.misses)
        return total

    def table(self) -> str:
        lines = [
            "| language | messages | correct need | crisis raised | chit-chat left alone |",
            "|---|---|---|---|---|",
        ]
        rows = [*sorted(self.by_language.items()), ("all", self.overall)]
        for language, t in rows:
            lines.append(
                f"| {language} | {t.needs + t.crisis + t.chitchat} "
                f"| {t.need_accuracy:.1%} ({t.needs_correct}/{t.needs}) "
                f"| {t.crisis_recall:.1%} ({t.crisis_raised}/{t.crisis}) "
                f"| {t.chitchat_quiet_rate:.1%} ({t.chitchat_quiet}/{t.chitchat}) |"
            )
        return "\n".join(lines)


def evaluate(predict: Callable[[str], Prediction], messages: Iterable[Labelled]) -> Report:
    """A need message is correct when a labelled need is among those predicted; a crisis
    message when crisis is raised; chit-chat when neither a need nor crisis is raised."""
    by_language: dict[str, Tally] = defaultdict(Tally)
    for message in messages:
        tally = by_language[message.language]
        predicted = predict(message.text)
        if message.kind == "crisis":
            tally.crisis += 1
            tally.crisis_raised += predicted.crisis
            if not predicted.crisis:
                tally.misses.append(f"crisis missed [{message.language}]: {message.text}")
            continue
        tally.false_crisis += predicted.crisis
        if message.kind == "chitchat":
            tally.chitchat += 1
            quiet = not predicted.needs and not predicted.crisis
            tally.chitchat_quiet += quiet
            if not quiet:
                raised = sorted(predicted.needs)
                tally.misses.append(
                    f"chit-chat raised {raised} [{message.language}]: {message.text}"
                )
            continue
        tally.needs += 1
        if predicted.needs & message.needs:
            tally.needs_correct += 1
        else:
            tally.misses.append(
                f"wanted {sorted(message.needs)}, got {sorted(predicted.needs)} "
                f"[{message.language}]: {message.text}"
            )
    return Report(dict(by_language))


def detector_predictor(detector: NeedDetector) -> Callable[[str], Prediction]:
    """What the bot would act on: crisis, or the needs it answers or asks about."""

    def predict(text: str) -> Prediction:
        detection = detector.detect(text)
        needs = frozenset(
            s.need.value for s in detection.needs if s.confidence >= CLARIFY_THRESHOLD
        )
        return Prediction(detection.crisis, needs)

    return predict
