"""The resident's journey through the bot: language, area, location, pages, reports, feedback,
privacy. Driven through Application.process_update with the recording offline Bot API."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.callback_data import Action, button, need_button
from bot.i18n import Catalogs, Html
from bot.offline_api import private_user, text_update
from directory.languages import LANGUAGE_NAMES
from directory.models import ProblemKind, ProblemReport, UnmetNeed, UnmetReason, UserPreference
from directory.needs import Need
from tests.fakes import BotHarness, button_data, buttons, markup, messages, texts, with_buttons

PAR = (50.3520, -4.7050)  # Par, Cornwall, by the Par Bay offers
CATALOGS = Catalogs()


def rows(sessions: sessionmaker[Session], model: type) -> list:
    with sessions() as session:
        return list(session.scalars(select(model)))


async def food_results(bot: BotHarness, **user: object) -> list:
    [menu] = messages(await bot.send("/start", **user))  # type: ignore[arg-type]
    return await bot.press(need_button(Need.FOOD), menu.result, **user)  # type: ignore[arg-type]


# Language


async def test_language_menu_shows_each_language_in_its_own_name(bot: BotHarness) -> None:
    [menu] = messages(await bot.send("/language"))
    labels = [b["text"] for b in buttons(menu)]
    assert labels[: len(LANGUAGE_NAMES)] == list(LANGUAGE_NAMES.values())
    assert "Polski" in labels and "العربية" in labels and "Cymraeg" in labels
    assert any("Automatic" in label for label in labels)


async def test_a_chosen_language_is_kept_and_beats_telegram_and_the_message(
    bot: BotHarness, sessions: sessionmaker[Session]
) -> None:
    polish = CATALOGS.get("pl")
    [menu] = messages(await bot.send("/language", language="en"))
    [confirmation] = texts(await bot.press(button_data(menu, "Polski"), menu.result))
    assert confirmation == polish(
        "From now on I will write in English. What would you like help with?"
    )
    # Kept under a pseudonym: no Telegram id in the row.
    [row] = rows(sessions, UserPreference)
    assert row.language == "pl" and "1001" not in row.subject
    # Later replies are Polish, even to an English message from an English phone.
    replies = texts(await bot.send("I feel so lonely", language="en"))
    assert polish("Loneliness and company") in replies[0]


async def test_automatic_language_forgets_the_choice(
    bot: BotHarness, sessions: sessionmaker[Session]
) -> None:
    [menu] = messages(await bot.send("/language"))
    await bot.press(button_data(menu, "Polski"), menu.result)
    [menu] = messages(await bot.send("/language"))
    await bot.press(button(Action.LANGUAGE, "auto"), menu.result)
    assert rows(sessions, UserPreference) == []
    assert "welcome" in texts(await bot.send("/start", language="en"))[0].lower()


async def test_without_a_choice_the_telegram_language_is_used(bot: BotHarness) -> None:
    welcome_pl = texts(await bot.send("/start", language="pl"))[0]
    assert welcome_pl.split("\n\n")[0] == CATALOGS.get("pl")(
        "<b>Hello, and welcome.</b> I can help you find local groups, services and support "
        "near you: company, food, keeping warm, money worries, feeling low and more."
    )


async def test_concurrent_users_each_get_their_own_language(deps, catalogs: Catalogs) -> None:
    languages = ["en", "pl", "ar", "ur", "uk", "cy", "bn", "es", "pt", "ro"] * 3
    async with BotHarness(deps) as bot:
        updates = [
            text_update("/help", private_user(2000 + i, language))
            for i, language in enumerate(languages)
        ]
        await asyncio.gather(*(bot.process(update) for update in updates))
        for i, language in enumerate(languages):
            [reply] = bot.request.api.sent_texts(chat_id=2000 + i)
            assert reply.startswith(catalogs.get(language)("<b>How I can help</b>")), language


# Area


async def test_deep_link_preselects_the_area(
    bot: BotHarness, sessions: sessionmaker[Session]
) -> None:
    [welcome] = texts(await bot.send("/start area_tang-hall"))
    assert "Tang Hall Big Local" in welcome
    replies = "\n".join(texts(await bot.send("we have no food")))
    assert "Tang Hall" in replies and "Par Bay" not in replies and "Larder" not in replies
    [row] = rows(sessions, UserPreference)
    assert row.partnership_id is not None


async def test_an_unknown_area_link_says_so_and_offers_the_areas(
    bot: BotHarness, sessions: sessionmaker[Session]
) -> None:
    replies = messages(await bot.send("/start area_atlantis"))
    assert "do not know" in replies[0].params["text"]
    assert any("Big Local" in b["text"] for b in buttons(replies[-1]))
    assert rows(sessions, UserPreference) == []


async def test_area_menu_pages_and_choosing_all_of_england(bot: BotHarness) -> None:
    [menu] = messages(await bot.send("/area"))
    assert len(buttons(menu)) == 10  # 8 areas, "more areas", "all of England"
    [second] = messages(await bot.press(button_data(menu, "More areas"), menu.result))
    assert any("Tang Hall" in b["text"] or "Three" in b["text"] for b in buttons(second))
    [chosen] = texts(await bot.press(button_data(second, "All of England"), second.result))
    assert "all of England" in chosen


# Where


async def test_shared_location_reorders_nearest_first_with_distances(bot: BotHarness) -> None:
    first = "\n".join(texts(await food_results(bot)))
    prompt = [c for c in messages(await food_results(bot)) if markup(c).get("keyboard")]
    assert "share your location" in first and "1. <b>Par Bay community larder" not in first
    assert not prompt  # asked once, not every time
    replies = texts(await bot.share_location(*PAR))
    assert "nearest places first" in replies[0]
    answer = replies[1]
    assert "1. <b>Par Bay community larder" in answer
    assert "under a mile away" in answer and "on foot" in answer


async def test_a_typed_postcode_places_the_person_and_is_not_an_unmet_need(
    bot: BotHarness, sessions: sessionmaker[Session]
) -> None:
    await food_results(bot)
    replies = texts(await bot.send("ls5 3ab"))
    assert "LS5 3AB" in replies[0]
    assert "1. <b>Heat and Meet" in replies[1]
    assert rows(sessions, UnmetNeed) == []


async def test_a_postcode_inside_a_need_is_used_too(bot: BotHarness) -> None:
    answer = "\n".join(texts(await bot.send("food bank near ls5 3ab please")))
    assert answer.index("Heat and Meet") < answer.index("Tang Hall")


# Pages, reports, feedback


async def test_more_pages_through_the_results_and_numbers_continue(bot: BotHarness) -> None:
    page = with_buttons(await food_results(bot))[-1]
    assert "1. " in page.params["text"] and "4. " not in page.params["text"]
    [second] = with_buttons(await bot.press(button_data(page, "More"), page.result))
    assert "4. " in second.params["text"] and "More for" in second.params["text"]
    assert "116 123" in second.params["text"]  # every results message ends with the safety net


async def test_cards_have_directions_links_for_places(bot: BotHarness) -> None:
    page = with_buttons(await food_results(bot))[-1]
    links = [b["url"] for b in buttons(page) if "url" in b]
    assert links and all(link.startswith("https://www.google.com/maps/dir/") for link in links)


async def test_reporting_a_problem_queues_it_once_without_the_reporter(
    bot: BotHarness, sessions: sessionmaker[Session]
) -> None:
    page = with_buttons(await food_results(bot))[-1]
    [question] = messages(await bot.press(button_data(page, "1. Report"), page.result))
    assert "What is wrong with" in question.params["text"]
    closed = button_data(question, "closed")
    calls = await bot.press(closed, question.result)
    [edit] = [c for c in calls if c.method == "editMessageText"]
    assert "Thank you" in edit.params["text"]
    await bot.press(closed, question.result)  # a second tap
    [report] = rows(sessions, ProblemReport)
    assert report.kind is ProblemKind.CLOSED


async def test_none_of_these_fit_records_a_declined_need_once(
    bot: BotHarness, sessions: sessionmaker[Session]
) -> None:
    page = with_buttons(await food_results(bot))[-1]
    reply = texts(await bot.press(button_data(page, "None of these fit"), page.result))
    assert "Thank you for telling me" in reply[0]
    await bot.press(button_data(page, "None of these fit"), page.result)
    [event] = rows(sessions, UnmetNeed)
    assert event.reason is UnmetReason.DECLINED and event.needs == ["food"]


async def test_this_helps_records_nothing(bot: BotHarness, sessions: sessionmaker[Session]) -> None:
    page = with_buttons(await food_results(bot))[-1]
    assert "glad" in texts(await bot.press(button_data(page, "This helps"), page.result))[0]
    assert rows(sessions, UnmetNeed) == []


@pytest.mark.parametrize(
    "data",
    [
        "p:deadbeef.1",  # a result forgotten since (a restart)
        "r:deadbeef.1",
        "rk:deadbeef.1.closed",
        "f:deadbeef.n",
        "rk:abc.1.arson",  # tampered
        "l:de",
        "a:../etc",
        "n:not-a-need",
        "zz:1",
        "",
    ],
)
async def test_stale_or_tampered_buttons_are_answered_and_change_nothing(
    bot: BotHarness, sessions: sessionmaker[Session], data: str
) -> None:
    [menu] = messages(await bot.send("/start"))
    calls = await bot.press(data, menu.result)
    [_] = [c for c in calls if c.method == "answerCallbackQuery"]  # the spinner stops once
    assert "out of date" in texts(calls)[0]
    assert rows(sessions, ProblemReport) == rows(sessions, UnmetNeed) == []
    assert rows(sessions, UserPreference) == []


async def test_a_page_past_the_end_is_stale(bot: BotHarness) -> None:
    page = with_buttons(await food_results(bot))[-1]
    key = button_data(page, "More").split(":")[1].split(".")[0]
    calls = await bot.press(button(Action.MORE, key, 99), page.result)
    assert "out of date" in texts(calls)[0]


# Privacy


async def test_privacy_says_what_is_kept_and_shows_it(bot: BotHarness) -> None:
    assert "Nothing." in texts(await bot.send("/privacy"))[0]
    await bot.send("/start area_keighley")
    notice = texts(await bot.send("/privacy"))[0]
    assert "never stored" in notice and "Keighley Big Local" in notice and "/forget" in notice


async def test_forget_erases_after_confirmation_only(
    bot: BotHarness, sessions: sessionmaker[Session]
) -> None:
    await bot.send("/start area_keighley")
    [question] = messages(await bot.send("/forget"))
    calls = await bot.press(button_data(question, "No"), question.result)
    assert "Nothing was erased" in calls[-1].params["text"]
    assert len(rows(sessions, UserPreference)) == 1
    calls = await bot.press(button_data(question, "Yes"), question.result)
    assert "erased" in calls[-1].params["text"]
    assert rows(sessions, UserPreference) == []
    assert "Nothing." in texts(await bot.send("/privacy"))[0]


async def test_command_menus_are_registered_in_every_language(deps) -> None:
    async with BotHarness(deps) as bot:
        await bot.application.post_init(bot.application)  # type: ignore[misc]
        menus = [c for c in bot.calls if c.method == "setMyCommands"]
    codes = {c.params.get("language_code") for c in menus}
    assert codes == {None, *LANGUAGE_NAMES}
    english = next(c for c in menus if c.params.get("language_code") is None)
    assert "language" in str(english.params["commands"]) and "forget" in str(
        english.params["commands"]
    )


# Language continuity and edges found by trying it as a resident


async def test_buttons_go_on_in_the_language_the_person_wrote_in(bot: BotHarness) -> None:
    polish = CATALOGS.get("pl")
    page = with_buttons(await bot.send("nie mam co jeść", language="en"))[-1]
    [more] = with_buttons(await bot.press(button_data(page, "▸"), page.result))
    food = Html(f"<b>{polish('Food')}</b>")
    assert more.params["text"].startswith(polish("More for {needs}:", needs=food))


async def test_an_english_word_does_not_switch_a_urdu_phone_to_english(bot: BotHarness) -> None:
    urdu = CATALOGS.get("ur")
    [reply] = texts(await bot.send("hello", language="ur"))
    assert reply == urdu("Hello! Tell me what you need help with, or pick a topic:")


async def test_a_postcode_before_any_need_asks_what_is_needed(bot: BotHarness) -> None:
    replies = messages(await bot.send("YO31 0AB"))
    assert "YO31 0AB" in replies[0].params["text"]
    assert "What would you like help with?" in replies[-1].params["text"]
    assert buttons(replies[-1])


async def test_after_a_crisis_message_a_postcode_does_not_rerun_an_earlier_search(
    bot: BotHarness,
) -> None:
    await bot.send("I feel so lonely")
    await bot.send("I want to end it all")
    replies = texts(await bot.send("YO31 0AB"))
    assert "Here is what I found" not in "\n".join(replies)
    assert "What would you like help with?" in replies[-1]


async def test_forget_answers_in_the_language_that_was_chosen(bot: BotHarness) -> None:
    polish = CATALOGS.get("pl")
    [menu] = messages(await bot.send("/language"))
    await bot.press(button_data(menu, "Polski"), menu.result)
    [question] = messages(await bot.send("/forget"))
    calls = await bot.press(button(Action.FORGET, "yes"), question.result)
    erased = polish("Done. Everything I kept about you has been erased.")
    assert calls[-1].params["text"] == erased


async def test_privacy_shows_a_postcode_held_in_memory(bot: BotHarness) -> None:
    await bot.send("LS5 3AB")
    notice = texts(await bot.send("/privacy"))[0]
    assert "LS5 3AB" in notice and "Nothing." not in notice


async def test_an_unknown_area_link_is_one_message(bot: BotHarness) -> None:
    [reply] = messages(await bot.send("/start area_atlantis"))
    assert reply.params["text"].startswith("That link is for an area I do not know.")
    [second] = messages(await bot.press(button_data(reply, "More areas"), reply.result))
    assert any("Back" in b["text"] for b in buttons(second))
