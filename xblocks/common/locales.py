"""What the blocks and exporters need to know of a language beyond its catalog: which way it is
written (CLDR, through Babel), for `dir` on the pages they write."""
import functools

from babel import Locale, UnknownLocaleError


@functools.lru_cache(maxsize=None)
def direction(language):
    """'rtl' for a language written right to left (ar, fa, he, ur...), else 'ltr'."""
    try:
        locale = Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"
    return "rtl" if locale.character_order == "right-to-left" else "ltr"
