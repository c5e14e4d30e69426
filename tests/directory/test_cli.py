"""python -m directory, run as a separate process the way scripts and admins run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import run


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    return tmp_path


def directory(*args: str, cwd: Path, database_url: str, input_text: str | None = None):
    return run("directory", *args, cwd=cwd, input_text=input_text, DATABASE_URL=database_url)


def test_match_json_prints_the_contract(workdir: Path, database_url: str) -> None:
    done = directory(
        "match", "--json", "my flat is freezing", cwd=workdir, database_url=database_url
    )
    assert done.returncode == 0, done.stderr
    contract = json.loads(done.stdout)
    assert contract["status"] == "matched"
    assert contract["crisis"] is False
    assert contract["language"] == "en"
    assert contract["needs"][0]["id"] == "warmth"
    names = [offer["name"] for offer in contract["offers"]]
    assert any("warm" in name.lower() or "heat" in name.lower() for name in names)


def test_match_crisis(workdir: Path, database_url: str) -> None:
    done = directory(
        "match", "--json", "I want to kill myself", cwd=workdir, database_url=database_url
    )
    contract = json.loads(done.stdout)
    assert contract["status"] == "crisis" and contract["crisis"] is True
    assert contract["offers"][0]["id"] == "national-samaritans"


def test_batch_matches_a_thousand_lines_in_one_process(workdir: Path, database_url: str) -> None:
    messages = ["I feel so lonely", "nothing to eat", "hello", "I want to kill myself"] * 250
    batch = workdir / "messages.txt"
    batch.write_text("\n".join(messages) + "\n", encoding="utf-8")
    done = directory("match", "--batch", str(batch), cwd=workdir, database_url=database_url)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1000
    statuses = [json.loads(line)["status"] for line in lines[:4]]
    assert statuses == ["matched", "matched", "not_understood", "crisis"]


def test_batch_lines_may_carry_their_own_area(workdir: Path, database_url: str) -> None:
    line = json.dumps({"text": "I feel lonely", "area": "ewanrigg"})
    done = directory(
        "match", "--batch", "-", cwd=workdir, database_url=database_url, input_text=line + "\n"
    )
    [result] = [json.loads(line) for line in done.stdout.splitlines()]
    local = [offer["id"] for offer in result["offers"] if not offer["id"].startswith("national-")]
    assert local
    assert all(offer_id.startswith("ewanrigg-") for offer_id in local)


def test_unknown_area_is_one_clear_line(workdir: Path, database_url: str) -> None:
    done = directory("match", "--area", "atlantis", "hi", cwd=workdir, database_url=database_url)
    assert done.returncode == 1
    assert done.stderr.strip() == "wellplaced: unknown partnership area: atlantis"


def test_import_reports_bad_rows_and_exit_code(workdir: Path, database_url: str) -> None:
    exported = workdir / "directory.csv"
    assert (
        directory("export", str(exported), cwd=workdir, database_url=database_url).returncode == 0
    )
    lines = exported.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",active,", ",maybe,")
    exported.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = directory("import", str(exported), cwd=workdir, database_url=database_url)
    assert done.returncode == 1
    assert "row 3: status" in done.stderr
    assert "nothing was imported" in done.stderr


def test_seed_on_a_fresh_database_then_again(workdir: Path) -> None:
    url = f"sqlite:///{workdir / 'fresh.db'}"
    first = directory("seed", cwd=workdir, database_url=url)
    second = directory("seed", cwd=workdir, database_url=url)
    assert first.returncode == 0, first.stderr
    assert "0 offers added" not in first.stdout
    assert "0 offers added, 0 updated" in second.stdout


def test_malformed_database_url_is_one_line(workdir: Path) -> None:
    done = directory("seed", cwd=workdir, database_url="mysql://nope")
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        "wellplaced: setting DATABASE_URL must be a SQLite or PostgreSQL URL"
    ]


EVERY_LANGUAGE = [
    # (message, need it shows, a crisis message in the same language)
    ("I have no food in the house", "food", "I want to kill myself"),
    ("dw i'n unig iawn", "loneliness", "dw i ddim isio byw ddim mwy"),
    ("nie mam co jeść", "food", "chcę się zabić"),
    ("nu am bani de chirie", "money", "vreau să mă sinucid"),
    ("میں بہت اکیلا ہوں", "loneliness", "میں خودکشی کرنا چاہتا ہوں"),
    ("mujhe bohat udaasi hai", "mental_health", "main khudkushi karna chahta hoon"),
    ("আমি খুব একা", "loneliness", "আমি আত্মহত্যা করতে চাই"),
    ("ما عندي أكل", "food", "أريد أن أنتحر"),
    ("estou sem dinheiro", "money", "quero me matar"),
    ("no tengo dinero", "money", "quiero suicidarme"),
    ("мені дуже самотньо", "loneliness", "я хочу покінчити з собою"),
]


def test_match_understands_every_language_and_its_crisis_wording(
    workdir: Path, database_url: str
) -> None:
    lines = [text for message, _, crisis in EVERY_LANGUAGE for text in (message, crisis)]
    done = directory(
        "match",
        "--batch",
        "-",
        cwd=workdir,
        database_url=database_url,
        input_text="\n".join(lines) + "\n",
    )
    results = [json.loads(line) for line in done.stdout.splitlines()]
    for (message, need, crisis), understood, alarmed in zip(
        EVERY_LANGUAGE, results[::2], results[1::2], strict=True
    ):
        assert need in [n["id"] for n in understood["needs"]], message
        assert not understood["crisis"], message
        assert alarmed["status"] == "crisis", crisis


def test_reports_lists_the_queue_and_resolves_a_report(
    workdir: Path, database_url: str, sessions
) -> None:
    from directory.db import transaction
    from directory.models import ProblemKind
    from directory.reports import report_problem

    with transaction(sessions) as session:
        report_id = report_problem(session, "keighley-youth-club", ProblemKind.CLOSED).id
    listed = directory("reports", "--area", "keighley", cwd=workdir, database_url=database_url)
    assert listed.returncode == 0, listed.stderr
    assert "keighley-youth-club" in listed.stdout and "closed" in listed.stdout
    assert "1 open report" in listed.stderr
    unknown = directory("reports", "--area", "nope", cwd=workdir, database_url=database_url)
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == "wellplaced: unknown partnership area: nope"
    resolved = directory(
        "reports", "--resolve", str(report_id), cwd=workdir, database_url=database_url
    )
    assert resolved.returncode == 0, resolved.stderr
    again = directory(
        "reports", "--resolve", str(report_id), cwd=workdir, database_url=database_url
    )
    assert again.returncode == 1
    assert again.stderr.strip() == f"wellplaced: no open problem report {report_id}"
