from pydantic import SecretStr
from sqlalchemy.orm import Session

from directory.privacy import pseudonym, pseudonym_key


def test_pseudonym_is_stable_and_hides_the_id() -> None:
    key = b"k" * 32
    assert pseudonym(key, 123456789) == pseudonym(key, 123456789)
    assert pseudonym(key, 123456789) != pseudonym(key, 123456780)
    assert "123456789" not in pseudonym(key, 123456789)
    assert len(pseudonym(key, 123456789)) == 64


def test_configured_key_wins_over_the_database_key(session: Session) -> None:
    stored = pseudonym_key(session, None)
    assert len(stored) == 64
    assert pseudonym_key(session, SecretStr("from-settings")) == b"from-settings"


def test_each_database_gets_its_own_random_key(session: Session, tmp_path) -> None:
    from directory.db import ensure_schema, make_engine, make_sessionmaker, transaction

    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    ensure_schema(other)
    with transaction(make_sessionmaker(other)) as other_session:
        assert pseudonym_key(other_session, None) != pseudonym_key(session, None)
    other.dispose()
