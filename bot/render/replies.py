"""Whole replies: welcome, help, results for each match status, the crisis block, apologies."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import menu_button, need_button
from bot.i18n import Html, Translator
from bot.render import Reply, pack
from bot.render.cards import offer_card
from directory.matching import MatchResult, RankedOffer, Status
from directory.needs import MENU_NEEDS, NEED_NAMES, Need

# Cards in one answer: few enough to read on a small phone.
CARDS_SHOWN = 3

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


def welcome(t: Translator) -> Reply:
    text = "\n\n".join(
        [
            t(
                "<b>Hello, and welcome.</b> I can help you find local groups, services and support "
                "near you: company, food, keeping warm, money worries, feeling low and more."
            ),
            t("Tell me in your own words what you need, in any language, or pick a topic below."),
            t(
                "If you are in danger or might hurt yourself, call {emergency} now.",
                emergency=EMERGENCY,
            ),
        ]
    )
    return Reply(text, need_menu(t))


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
            t("/start shows the topics again. /help shows this message."),
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


def results(t: Translator, result: MatchResult) -> list[Reply]:
    """The answer to a message or a chosen topic, for every status of the match."""
    if result.status is Status.CRISIS:
        return _crisis(t, result)
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
    if result.status is Status.SUPPLY_GAP:
        intro = t(
            "I could not find anything local for {needs} yet. I have noted the need, "
            "without any details about you, so local groups can see it is missing. "
            "These services can help now:",
            needs=needs,
        )
    else:
        intro = t("Here is what I found for {needs}:", needs=needs)
    return _with_cards(t, intro, result)


def _crisis(t: Translator, result: MatchResult) -> list[Reply]:
    others = [r for r in result.offers if Need.CRISIS.value not in r.offer.needs]
    replies = [Reply(crisis_block(t))]
    if others:
        replies += _with_cards(t, t("When you feel ready, these may help too:"), result, others)
    return replies


def _with_cards(
    t: Translator, intro: str, result: MatchResult, offers: list[RankedOffer] | None = None
) -> list[Reply]:
    ranked = result.offers if offers is None else offers
    cards = [offer_card(t, r.offer) for r in ranked[:CARDS_SHOWN]]
    texts = pack([intro, *cards, safety_line(t)])
    return [Reply(text) for text in texts]


def _needs_list(t: Translator, result: MatchResult) -> Html:
    names = [need_name(t, score.need) for score in result.needs if score.need is not Need.CRISIS]
    return Html(t.context("list separator", ", ").join(f"<b>{name}</b>" for name in names))


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
