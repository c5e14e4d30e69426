"""Whole replies: welcome, help, results for each match status, the crisis block, apologies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from bot.callback_data import AUTOMATIC, NO_AREA, Action, button, menu_button, need_button
from bot.i18n import Html, Translator
from bot.render import Reply, clip, field, pack
from bot.render.cards import directions_url, offer_card
from directory.languages import LANGUAGE_NAMES
from directory.matching import MatchResult, RankedOffer, Status
from directory.needs import MENU_NEEDS, NEED_NAMES, Need
from directory.preferences import Preferences
from directory.summaries import PartnershipSummary

# Cards on one page of an answer: few enough to read on a small phone.
PAGE_SIZE = 3
# Offers fetched for one answer, so "more" can page through them.
RESULTS_FETCHED = 12
# Areas on one page of the area list (Telegram shows up to 100 buttons, a phone far fewer).
AREAS_PER_PAGE = 8
# Button labels longer than this are cut: phones show little more on one line.
LABEL_LIMIT = 48

# Crisis and safety-net numbers: placeholders in every message, so no translation can alter them.
EMERGENCY = "999"
SAMARITANS = "116 123"
NHS_111 = "NHS 111"
SHOUT_WORD, SHOUT_NUMBER = "SHOUT", "85258"
CHILDLINE = "0800 1111"
DOMESTIC_ABUSE_HELPLINE = "0808 2000 247"


def need_name(t: Translator, need: Need) -> Html:
    return t(NEED_NAMES[need])


def need_menu(t: Translator, needs: tuple[Need, ...] = MENU_NEEDS) -> InlineKeyboardMarkup:
    """Translated need buttons, two to a row."""
    buttons = [
        InlineKeyboardButton(need_name(t, need), callback_data=need_button(need)) for need in needs
    ]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def welcome(t: Translator, *, area_name: str | None = None) -> Reply:
    parts = [
        t(
            "<b>Hello, and welcome.</b> I can help you find local groups, services and support "
            "near you: company, food, keeping warm, money worries, feeling low and more."
        ),
        t("Tell me in your own words what you need, in any language, or pick a topic below."),
    ]
    if area_name is not None:
        parts.append(_area_line(t, area_name))
    parts.append(
        t("If you are in danger or might hurt yourself, call {emergency} now.", emergency=EMERGENCY)
    )
    return Reply("\n\n".join(parts), need_menu(t))


def _area_line(t: Translator, area_name: str) -> Html:
    return t(
        "I will show offers from <b>{area}</b> first. /area changes this.",
        area=field(t, area_name),
    )


def help_text(t: Translator) -> Reply:
    text = "\n\n".join(
        [
            t("<b>How I can help</b>"),
            t(
                "Write what you need as you would say it, for example “I’m on my own all week”, "
                "“we’ve got no food” or “my flat is freezing”. I will suggest places and services "
                "that can help, with when they are open, what they cost and how to get in."
            ),
            t("Or pick a topic from the buttons."),
            t(
                "/start shows the topics again. /language changes my language. /area chooses "
                "your area. /privacy shows what I keep, and /forget erases it."
            ),
            t(
                "I do not keep what you write. If I cannot help, I only note the kind of need, "
                "so that local groups can see what is missing."
            ),
        ]
    )
    return Reply(text, need_menu(t))


def crisis_block(t: Translator) -> str:
    lines = [
        t(
            "<b>You matter, and you do not have to face this alone. Help is there right now, "
            "day and night.</b>"
        ),
        t(
            "If you are in danger, or have taken something, call <b>{number}</b> now.",
            number=EMERGENCY,
        ),
        t("• Samaritans: call <b>{number}</b> free, any time.", number=SAMARITANS),
        t(
            "• Text <b>{word}</b> to <b>{number}</b> to talk by text.",
            word=SHOUT_WORD,
            number=SHOUT_NUMBER,
        ),
        t(
            "• NHS 111: call <b>{number}</b> and choose option 2 for urgent mental health help.",
            number="111",
        ),
        t("• Under 19: Childline on <b>{number}</b>.", number=CHILDLINE),
        t(
            "• Domestic abuse: the National Domestic Abuse Helpline on <b>{number}</b>, any time.",
            number=DOMESTIC_ABUSE_HELPLINE,
        ),
    ]
    return "\n".join(lines)


def safety_line(t: Translator) -> str:
    return t(
        "<i>If things feel too much: {nhs} (option 2) or Samaritans on {samaritans}, free, "
        "any time.</i>",
        nhs=NHS_111,
        samaritans=SAMARITANS,
    )


@dataclass(frozen=True)
class Showing:
    """How an answer is shown: which remembered result and page, at what moment and place."""

    key: str
    now: datetime
    timezone: str
    page: int = 0
    ask_where: bool = False  # end with an offer to share a location or type a postcode


def results(t: Translator, result: MatchResult, showing: Showing) -> list[Reply]:
    """The answer to a message or a chosen topic, for every status of the match."""
    if result.status is Status.CRISIS:
        return _crisis(t, result, showing)
    if result.status is Status.CLARIFY:
        candidates = tuple(score.need for score in result.needs)
        keyboard = need_menu(t, candidates)
        keyboard = InlineKeyboardMarkup(
            [
                *keyboard.inline_keyboard,
                [InlineKeyboardButton(t("Something else"), callback_data=menu_button())],
            ]
        )
        return [Reply(t("Did you mean one of these?"), keyboard)]
    if result.status is Status.NOT_UNDERSTOOD:
        if result.small_talk:
            return [
                Reply(t("Hello! Tell me what you need help with, or pick a topic:"), need_menu(t))
            ]
        return [
            Reply(
                t("Sorry, I did not quite understand. What would you like help with?"), need_menu(t)
            )
        ]
    needs = _needs_list(t, result)
    if showing.page > 0:
        intro = t("More for {needs}:", needs=needs)
    elif result.status is Status.SUPPLY_GAP:
        intro = t(
            "I could not find anything local for {needs} yet. I have noted the need, "
            "without any details about you, so local groups can see it is missing. "
            "These services can help now:",
            needs=needs,
        )
    else:
        intro = t("Here is what I found for {needs}:", needs=needs)
    replies = _page(t, intro, card_offers(result), showing)
    if showing.ask_where and any(not r.offer.is_national for r in result.offers):
        replies.append(where_prompt(t))
    return replies


def result_page(t: Translator, result: MatchResult, showing: Showing) -> list[Reply]:
    """A later page of an answer, from its "more" button."""
    if result.status is Status.CRISIS:
        intro = t("When you feel ready, these may help too:")
        return _page(t, intro, card_offers(result), showing)
    return results(t, result, showing)


def page_count(result: MatchResult) -> int:
    return -(-len(card_offers(result)) // PAGE_SIZE)


def _crisis(t: Translator, result: MatchResult, showing: Showing) -> list[Reply]:
    replies = [Reply(crisis_block(t))]
    others = card_offers(result)
    if others:
        replies += _page(t, t("When you feel ready, these may help too:"), others, showing)
    return replies


def card_offers(result: MatchResult) -> list[RankedOffer]:
    """The offers an answer shows as numbered cards: after a crisis block, the crisis lines
    themselves are not repeated as cards."""
    if result.crisis:
        return [r for r in result.offers if Need.CRISIS.value not in r.offer.needs]
    return list(result.offers)


def _page(t: Translator, intro: str, offers: list[RankedOffer], showing: Showing) -> list[Reply]:
    start = showing.page * PAGE_SIZE
    shown = offers[start : start + PAGE_SIZE]
    cards = [
        offer_card(t, ranked, number=start + i, now=showing.now, timezone=showing.timezone)
        for i, ranked in enumerate(shown, start=1)
    ]
    texts = pack([intro, *cards, safety_line(t)])
    more = len(offers) > start + PAGE_SIZE
    keyboard = _page_keyboard(t, shown, showing, first_number=start + 1, more=more)
    return [Reply(text) for text in texts[:-1]] + [Reply(texts[-1], keyboard)]


def _page_keyboard(
    t: Translator, shown: list[RankedOffer], showing: Showing, *, first_number: int, more: bool
) -> InlineKeyboardMarkup:
    rows: list[list[InlineKeyboardButton]] = []
    report = t("Report a problem")
    for number, ranked in enumerate(shown, start=first_number):
        row = []
        url = directions_url(ranked.offer)
        if url is not None:
            directions = t("Directions")
            row.append(InlineKeyboardButton(f"🗺 {number}. {directions}", url=url))
        row.append(
            InlineKeyboardButton(
                f"⚠️ {number}. {report}",
                callback_data=button(Action.REPORT, showing.key, number),
            )
        )
        rows.append(row)
    if more:
        rows.append(
            [
                InlineKeyboardButton(
                    t("More results ▸"),
                    callback_data=button(Action.MORE, showing.key, showing.page + 1),
                )
            ]
        )
    rows.append(
        [
            InlineKeyboardButton(
                t("👍 This helps"), callback_data=button(Action.FEEDBACK, showing.key, "y")
            ),
            InlineKeyboardButton(
                t("None of these fit"), callback_data=button(Action.FEEDBACK, showing.key, "n")
            ),
        ]
    )
    return InlineKeyboardMarkup(rows)


def where_prompt(t: Translator) -> Reply:
    keyboard = ReplyKeyboardMarkup(
        [[KeyboardButton(t("📍 Share my location"), request_location=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
        input_field_placeholder=t("…or type your postcode"),
    )
    return Reply(
        t(
            "To see the nearest places first, share your location or type your postcode. "
            "I use it for an hour and never store it."
        ),
        keyboard,
    )


def _needs_list(t: Translator, result: MatchResult) -> Html:
    names = [need_name(t, score.need) for score in result.needs if score.need is not Need.CRISIS]
    return Html(t.context("list separator", ", ").join(f"<b>{name}</b>" for name in names))


def report_question(t: Translator, key: str, number: int, offer_name: str) -> Reply:
    kinds = (
        ("closed", t("It has closed")),
        ("wrong_details", t("Some details are wrong")),
        ("other", t("Something else")),
    )
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    label, callback_data=button(Action.REPORT_KIND, key, number, kind)
                )
            ]
            for kind, label in kinds
        ]
    )
    return Reply(t("What is wrong with {name}?", name=field(t, offer_name)), keyboard)


def report_thanks(t: Translator, offer_name: str) -> str:
    return t(
        "Thank you. I have passed this on to the people who keep {name} up to date. "
        "Nothing about you was kept.",
        name=field(t, offer_name),
    )


def feedback_thanks(t: Translator) -> str:
    return t("Thank you, I am glad. Come back any time.")


def declined_thanks(t: Translator) -> Reply:
    return Reply(
        t(
            "Thank you for telling me. I have noted, without any details about you, that "
            "nothing here fitted, so local groups can see what is missing. Would you like to "
            "try another topic?"
        ),
        need_menu(t),
    )


def language_menu(t: Translator) -> Reply:
    buttons = [
        InlineKeyboardButton(name, callback_data=button(Action.LANGUAGE, code))
        for code, name in LANGUAGE_NAMES.items()
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append(
        [
            InlineKeyboardButton(
                t("Automatic: follow my messages"), callback_data=button(Action.LANGUAGE, AUTOMATIC)
            )
        ]
    )
    return Reply(t("Which language would you like me to use?"), InlineKeyboardMarkup(rows))


def language_chosen(t: Translator, *, automatic: bool) -> Reply:
    if automatic:
        text = t(
            "I will answer in the language of your messages, or of your Telegram app. "
            "What would you like help with?"
        )
    else:
        text = t("From now on I will write in English. What would you like help with?")
    return Reply(text, need_menu(t))


def area_menu(
    t: Translator,
    areas: Sequence[PartnershipSummary],
    *,
    page: int = 0,
    unknown_link: bool = False,
) -> Reply:
    start = page * AREAS_PER_PAGE
    shown = areas[start : start + AREAS_PER_PAGE]
    rows = [
        [
            InlineKeyboardButton(
                clip(area.name, LABEL_LIMIT), callback_data=button(Action.AREA, area.slug)
            )
        ]
        for area in shown
    ]
    paging = []
    if page > 0:
        paging.append(
            InlineKeyboardButton(t("◂ Back"), callback_data=button(Action.AREAS, page - 1))
        )
    if len(areas) > start + AREAS_PER_PAGE:
        paging.append(
            InlineKeyboardButton(t("More areas ▸"), callback_data=button(Action.AREAS, page + 1))
        )
    if paging:
        rows.append(paging)
    rows.append(
        [InlineKeyboardButton(t("All of England"), callback_data=button(Action.AREA, NO_AREA))]
    )
    question = t("Which area are you in? I will show its local offers first.")
    if unknown_link:
        unknown = t("That link is for an area I do not know.")
        question = Html(f"{unknown}\n\n{question}")
    return Reply(question, InlineKeyboardMarkup(rows))


def area_chosen(t: Translator, area_name: str | None) -> Reply:
    if area_name is None:
        text = t("I will show offers from all of England. What would you like help with?")
    else:
        question = t("What would you like help with?")
        text = Html(f"{_area_line(t, area_name)}\n\n{question}")
    return Reply(text, need_menu(t))


def placed(t: Translator, postcode: str) -> Reply:
    return Reply(
        t(
            "Thank you. For the next hour I will show places near {postcode} first. "
            "I do not store it.",
            postcode=postcode,
        ),
        ReplyKeyboardRemove(),
    )


def located(t: Translator) -> Reply:
    return Reply(
        t(
            "Thank you. For the next hour I will show the nearest places first. "
            "I do not store your location."
        ),
        ReplyKeyboardRemove(),
    )


def privacy_notice(
    t: Translator, kept: Preferences, *, shared_location: bool = False, postcode: str | None = None
) -> Reply:
    lines = [
        t("<b>What I keep, and why</b>"),
        t("• I do not keep what you write. I read your message to find help, then forget it."),
        t(
            "• If you choose a language or an area, I keep that choice to use next time. It is "
            "stored under a code made from your Telegram account, not your name, phone number "
            "or Telegram id."
        ),
        t(
            "• If you share your location or type a postcode, I use it for an hour to show the "
            "nearest places first. It is never stored."
        ),
        t(
            "• When I cannot help, or you tell me nothing fitted, I note only the kind of need, "
            "the language and the area, with the time rounded to the hour, so local groups can "
            "see what is missing. Nothing in it can identify you."
        ),
        t(
            "• A report of a problem with a listing keeps only the listing and the kind of "
            "problem, never who sent it."
        ),
        "",
        t("<b>What I keep about you now</b>"),
    ]
    if kept.empty and not shared_location and postcode is None:
        lines.append(t("Nothing."))
    if kept.language is not None:
        lines.append(t("Language: {language}", language=LANGUAGE_NAMES[kept.language]))
    if kept.area_name is not None:
        lines.append(t("Area: {area}", area=field(t, kept.area_name)))
    if shared_location:
        lines.append(t("In memory for up to an hour, never stored: the location you shared"))
    elif postcode is not None:
        lines.append(
            t(
                "In memory for up to an hour, never stored: the postcode {postcode}",
                postcode=postcode,
            )
        )
    lines += ["", t("/forget erases everything I keep about you.")]
    return Reply("\n".join(lines))


def forget_question(t: Translator) -> Reply:
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t("Yes, erase it"), callback_data=button(Action.FORGET, "yes")
                ),
                InlineKeyboardButton(t("No, keep it"), callback_data=button(Action.FORGET, "no")),
            ]
        ]
    )
    return Reply(
        t(
            "This erases your chosen language and area, and what I remember of our "
            "conversation. Erase everything?"
        ),
        keyboard,
    )


def forget_cancelled(t: Translator) -> str:
    return t("Nothing was erased.")


def forgotten(t: Translator) -> str:
    return t("Done. Everything I kept about you has been erased.")


def apology(t: Translator, reference: str) -> str:
    return t(
        "Sorry, something went wrong on my side (reference {reference}). Please try again "
        "in a moment. If you need help now, call {nhs} or Samaritans on {samaritans}.",
        reference=reference,
        nhs=NHS_111,
        samaritans=SAMARITANS,
    )


def stale_button(t: Translator) -> str:
    return t("That button is out of date. Here are the topics again.")


def only_text(t: Translator) -> Reply:
    return Reply(
        t("I can only read text messages. Tell me in a few words what you need, or pick a topic:"),
        need_menu(t),
    )
