"""A module's duration ("6 hours" in the course source) in the reader's language: the number read
from the English text, written back with the language's plural form and decimal sign ("6 heures",
"1,5 heure", "٦ ساعات"). A duration that is not a plain number of hours or minutes (already
translated, or free-form) is shown as written."""
import re

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal


from .plurals import N_, category_samples

DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*(hours?|hrs?|h|minutes?|mins?)\b", re.IGNORECASE)
CONNECTORS = re.compile(r"\band\b|[\s,]", re.IGNORECASE)
HOURS = N_("%(n)s hour", "%(n)s hours")  # the catalog's plural pair (ngettext below)


def hours(duration):
    """'3 hours' / '90 minutes' / '1 hour 30 minutes' -> 3.0 / 1.5 / 1.5; None if unreadable
    (a translated or free-form duration is shown as written and left out of any total)."""
    parts = DURATION_PART.findall(duration or "")
    if not parts or CONNECTORS.sub("", DURATION_PART.sub("", duration)):
        return None
    total = 0.0
    for number, unit in parts:
        value = float(number.replace(",", "."))
        total += value if unit.lower().startswith("h") else value / 60
    return total


def _locale(language):
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en")


def format_number(value, language):
    """1.5 -> '1.5' (en), '1,5' (fr, es), '١٫٥' (ar): the language's digits and decimal sign."""
    return format_decimal(value, locale=_locale(language))


def plural_count(value, language):
    """The whole number to hand ngettext for `value`: `value` itself when whole, else a number
    of the same CLDR plural category (1.5 hours: singular in French, plural in English)."""
    if value == int(value):
        return int(value)
    category = _locale(language).plural_form(value)
    return category_samples(language).get(category, 2)


def format_hours(value, ngettext, language):
    """A number of hours (rounded to the half hour) as the sentence '%(n)s hours'."""
    value = round(value * 2) / 2
    return ngettext(*HOURS, plural_count(value, language)) % {"n": format_number(value, language)}


def localized_duration(duration, ngettext, language):
    """'3 hours' / '90 minutes' in `language`; other text as written."""
    value = hours(duration)
    return duration if value is None else format_hours(value, ngettext, language)
