"""Plural forms for the scripts' string tables. A script learns a count only in the browser, so
the server hands it every form of the sentence in the page's language, keyed by CLDR plural
category ("one", "few", "many", "other"...), and the script picks one with the browser's own
Intl.PluralRules (LMD.plural). Each form comes from the catalog through ngettext, called with a
number of that category, so the catalog's Plural-Forms and CLDR agree (`lmd translations init`
writes CLDR's rules)."""
import functools

from babel import Locale, UnknownLocaleError


def N_(singular, plural, count="n"):
    """Marks a plural pair for extraction (a script table entry); `count` names the placeholder
    whose number chooses the form."""
    return Plural(singular, plural, count)


class Plural(tuple):
    def __new__(cls, singular, plural, count="n"):
        self = super().__new__(cls, (singular, plural))
        self.count = count
        return self


@functools.lru_cache(maxsize=None)
def category_samples(language):
    """{CLDR category: a whole number of that category} for `language` (en when unknown)."""
    try:
        rule = Locale.parse((language or "en").replace("-", "_")).plural_form
    except (UnknownLocaleError, ValueError, TypeError):
        rule = Locale.parse("en").plural_form
    samples = {}
    for number in [*range(0, 1000), 1000000]:
        samples.setdefault(rule(number), number)
    return samples


def plural_table(ngettext, singular, plural, language, count="n"):
    """{"count": placeholder, "language": tag, "forms": {category: sentence}}."""
    forms = {category: ngettext(singular, plural, number)
             for category, number in category_samples(language).items()}
    return {"count": count, "language": (language or "en").replace("_", "-"), "forms": forms}


def translate_table(strings, gettext, ngettext, language):
    """A script's string table in the page's language: sentences, and plural tables."""
    return {key: plural_table(ngettext, *text, language, count=text.count) if isinstance(text, Plural)
            else gettext(text) for key, text in strings.items()}


def block_language(block):
    """The language a block renders in: its i18n service's, else Django's active language."""
    service = block.i18n
    if hasattr(service, "get_language"):
        return service.get_language() or "en"
    from django.utils import translation
    return translation.get_language() or "en"


def block_table(strings, block):
    """A block's script table: `strings` through the block's own i18n service."""
    return translate_table(strings, block.gettext, block.ngettext, block_language(block))
