"""The demo's language menu: English, and each language with an interface catalog (compiled or
not yet: `lmd translations compile` makes the .mo the pages read), named in its own language
by CLDR through Babel. Read once, when the settings load."""
from pathlib import Path

from babel import Locale, UnknownLocaleError


def _name(locale):
    try:
        return Locale.parse(locale).get_display_name(locale).capitalize()
    except (UnknownLocaleError, ValueError):
        return locale


def catalog_languages(*ui_roots):
    """[(Django language code, name)]: en first, then the catalogs' locales (pt_BR -> pt-br)."""
    found = sorted({p.name for root in map(Path, ui_roots) if root.is_dir() for p in root.iterdir()
                    if (p / "LC_MESSAGES" / "text.po").exists()})
    return [("en", "English"), *((code.replace("_", "-").lower(), _name(code)) for code in found if code != "en")]
