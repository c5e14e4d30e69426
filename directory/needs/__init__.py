"""The need taxonomy: stable ids that offers, the lexicons, the CLI contract and reports share."""

from __future__ import annotations

from enum import StrEnum


def N_(message: str) -> str:
    """Mark a string for translation without translating it; the bot translates at render time."""
    return message


class Need(StrEnum):
    """A need a resident can have. The values are stable ids: never rename one."""

    LONELINESS = "loneliness"
    MENTAL_HEALTH = "mental_health"
    FOOD = "food"
    WARMTH = "warmth"
    MONEY = "money"
    PHYSICAL_ACTIVITY = "physical_activity"
    CHILDREN_YOUNG_PEOPLE = "children_young_people"
    LEARNING_SKILLS = "learning_skills"
    HEALTH_SERVICES = "health_services"
    HOUSING = "housing"
    EMPLOYMENT = "employment"
    # Special: raised by the crisis check, and the tag of crisis lines. Never offered in a menu.
    CRISIS = "crisis"


# English source text of each need's display name; translated by the bot through gettext.
NEED_NAMES: dict[Need, str] = {
    Need.LONELINESS: N_("Loneliness and company"),
    Need.MENTAL_HEALTH: N_("Mental health and wellbeing"),
    Need.FOOD: N_("Food"),
    Need.WARMTH: N_("Keeping warm"),
    Need.MONEY: N_("Money and bills"),
    Need.PHYSICAL_ACTIVITY: N_("Getting active"),
    Need.CHILDREN_YOUNG_PEOPLE: N_("Children, young people and families"),
    Need.LEARNING_SKILLS: N_("Learning and skills"),
    Need.HEALTH_SERVICES: N_("Health services"),
    Need.HOUSING: N_("Housing"),
    Need.EMPLOYMENT: N_("Work and jobs"),
    Need.CRISIS: N_("Urgent help now"),
}

# The needs a resident can pick from a menu, in menu order.
MENU_NEEDS: tuple[Need, ...] = tuple(need for need in Need if need is not Need.CRISIS)
