"""A resident's conversation with the bot, through Application.process_update, offline."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.callback_data import need_button
from bot.i18n import Catalogs
from bot.offline_api import private_user, text_update
from bot.render.replies import safety_line
from directory.models import UnmetNeed
from directory.needs import Need
from tests.factories import add_offers, offer_record
from tests.fakes import BotHarness, buttons, messages, texts

CRISIS_NUMBERS = ["999", "116 123", "SHOUT", "85258", "111", "option 2", "0800 1111"]


async def test_start_welcomes_and_offers_topics(bot: BotHarness) -> None:
    [reply] = messages(await bot.send("/start"))
    assert "welcome" in reply.params["text"].lower()
    labels = [button["text"] for button in buttons(reply)]
    assert "Food" in labels and "Keeping warm" in labels
    assert "Urgent help now" not in labels


async def test_start_speaks_the_users_telegram_language(bot: BotHarness) -> None:
    english = texts(await bot.send("/start", language="en"))[0]
    polish = texts(await bot.send("/start", language="pl"))[0]
    assert polish != english


async def test_unsupported_telegram_language_gets_english(bot: BotHarness) -> None:
    english = texts(await bot.send("/start", language="en"))[0]
    assert texts(await bot.send("/start", language="de"))[0] == english
    assert texts(await bot.send("/start", language=None))[0] == english


async def test_help_explains_and_offers_topics(bot: BotHarness) -> None:
    [reply] = messages(await bot.send("/help"))
    assert "/start" in reply.params["text"]
    assert buttons(reply)


async def test_a_need_gets_offer_cards_with_the_essentials(bot: BotHarness) -> None:
    calls = await bot.send("I feel so lonely")
    assert calls[0].method == "sendChatAction"
    reply = "\n".join(texts(calls))
    assert "Loneliness" in reply
    for label in ("Where:", "When:", "Cost:", "How to get in:", "checked November 2026"):
        assert label in reply
    assert "116 123" in reply  # the safety net line closes every result


async def test_crisis_gets_crisis_lines_first(bot: BotHarness) -> None:
    first = texts(await bot.send("I want to kill myself"))[0]
    for number in CRISIS_NUMBERS:
        assert number in first
    assert first.index("999") < first.index("116 123")


async def test_crisis_with_another_need_puts_crisis_lines_before_the_offers(
    bot: BotHarness,
) -> None:
    replies = texts(await bot.send("I'm so lonely I want to end it all"))
    assert "116 123" in replies[0] and "85258" in replies[0]
    assert any("Loneliness" in reply or "Where:" in reply for reply in replies[1:])


async def test_not_understood_offers_the_topic_menu(bot: BotHarness) -> None:
    [reply] = messages(await bot.send("zzkq plorf"))
    assert "did not quite understand" in reply.params["text"]
    assert len(buttons(reply)) == 11


async def test_weak_hint_asks_did_you_mean_with_buttons(bot: BotHarness) -> None:
    [reply] = messages(await bot.send("I'm bored"))
    datas = [button["callback_data"] for button in buttons(reply)]
    assert need_button(Need.LONELINESS) in datas
    assert "m:" in datas  # "something else" opens the full menu


async def test_pressing_a_topic_shows_its_offers(bot: BotHarness) -> None:
    [menu] = messages(await bot.send("/start"))
    calls = await bot.press(need_button(Need.FOOD), menu.result)
    assert calls[0].method == "answerCallbackQuery"
    assert "Food" in texts(calls)[0]
    assert "Where:" in "\n".join(texts(calls))


async def test_stale_or_tampered_button_is_answered_gracefully(bot: BotHarness) -> None:
    [menu] = messages(await bot.send("/start"))
    for data in ("n:unicorns", "zz:1", "", "m:extra"):
        calls = await bot.press(data, menu.result)
        assert calls[0].method == "answerCallbackQuery"
        assert "out of date" in calls[0].params["text"]
        assert buttons(messages(calls)[0])


async def test_supply_gap_gives_national_help_and_logs_anonymously(
    bot: BotHarness, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as session:
        session.execute(UnmetNeed.__table__.delete())
    # No offer at all meets this need once the housing offers are paused.
    with sessions.begin() as session:
        for offer_id in _offers_for(session, "housing"):
            add_offers(session, _paused_copy(session, offer_id))
    reply = "\n".join(texts(await bot.send("my landlord is evicting me")))
    assert "could not find anything local" in reply
    assert "Citizens Advice" in reply or "Samaritans" in reply
    with sessions.begin() as session:
        [event] = session.scalars(select(UnmetNeed)).all()
        assert event.needs == ["housing"]


async def test_directory_text_is_escaped_in_cards(
    bot: BotHarness, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as session:
        for offer_id in _offers_for(session, "employment"):
            add_offers(session, _paused_copy(session, offer_id))
        add_offers(
            session,
            offer_record(
                id="hostile",
                name="<b>Free</b> & <script>x</script>",
                description="Help to find a job. " + "Long " * 390,
                needs=["employment"],
                website='https://example.org/?a="><i>',
            ),
        )
    reply = "\n".join(texts(await bot.send("lost my job, need work")))
    assert "&lt;b&gt;Free&lt;/b&gt; &amp; &lt;script&gt;" in reply
    assert "<script>" not in reply
    assert '"><i>' not in reply
    assert all(len(text) <= 4096 for text in texts(await bot.send("lost my job")))


async def test_photos_and_stickers_get_a_gentle_hint(bot: BotHarness) -> None:
    update = text_update("", private_user(1001))
    del update["message"]["text"]
    update["message"]["sticker"] = {
        "file_id": "x",
        "file_unique_id": "y",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }
    [reply] = messages(await bot.process(update))
    assert "only read text" in reply.params["text"]


async def test_unknown_command_is_explained(bot: BotHarness) -> None:
    [reply] = messages(await bot.send("/frobnicate"))
    assert "/help" in reply.params["text"]


async def test_group_chats_are_ignored(bot: BotHarness) -> None:
    update = text_update("I feel lonely", private_user(1001))
    update["message"]["chat"] = {"id": -100, "type": "group", "title": "Neighbours"}
    assert messages(await bot.process(update)) == []


async def test_an_error_gets_an_apology_and_logs_no_message_text(
    bot: BotHarness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr("bot.answering.find_help", broken)
    with caplog.at_level(logging.ERROR):
        replies = texts(await bot.send("my secret worry about money"))
    assert "Sorry, something went wrong" in replies[0]
    assert "116 123" in replies[0]
    assert "incident" in caplog.text
    assert "secret worry" not in caplog.text


def _offers_for(session: Session, need: str) -> list[str]:
    from directory.models import OfferNeed

    return list(session.scalars(select(OfferNeed.offer_id).where(OfferNeed.need == need)))


def _paused_copy(session: Session, offer_id: str):
    from directory.models import Offer, OfferStatus
    from directory.records import offer_record as record_of

    offer = session.get(Offer, offer_id)
    assert offer is not None
    return record_of(offer).model_copy(
        update={"status": OfferStatus.PAUSED, "verified_on": date(2026, 11, 2)}
    )


async def test_the_reply_follows_the_language_of_the_message(bot: BotHarness) -> None:
    polish = Catalogs().get("pl")
    replies = texts(await bot.send("nie mam co jeść", language="en"))
    assert any(safety_line(polish) in reply for reply in replies)


async def test_unclear_language_keeps_the_users_language(bot: BotHarness) -> None:
    polish = Catalogs().get("pl")
    [reply] = messages(await bot.send("zzkq plorf", language="pl"))
    expected = polish("Sorry, I did not quite understand. What would you like help with?")
    assert reply.params["text"] == expected
