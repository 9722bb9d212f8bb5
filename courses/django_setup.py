"""Django for the command line: the blocks render with Django templates and translate with
Django's gettext, so the CLI configures a minimal Django when no project settings are given."""
import contextlib
import os
from pathlib import Path

UI_LOCALE = Path(__file__).resolve().parents[1] / "translations" / "ui"


def ensure_django():
    import django
    from django.conf import settings
    if settings.configured:
        return
    if os.environ.get("DJANGO_SETTINGS_MODULE"):
        django.setup()
        return
    settings.configure(
        USE_I18N=True, LANGUAGE_CODE="en", LOCALE_PATHS=[str(UI_LOCALE)], INSTALLED_APPS=[],
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
    )
    django.setup()


@contextlib.contextmanager
def overlay_catalogs(overlay):
    """While exporting with a member's overlay: its interface catalogs (`<overlay>/translations/ui`,
    compiled by `lmd translations --root <overlay>/translations compile`) translate before the
    course's own, so a language of the member's own (Arabic, Portuguese...) is the package's
    interface language too. Django's loaded catalogs are forgotten on the way in and out."""
    folder = Path(overlay) / "translations" / "ui" if overlay else None
    if folder is None or not folder.is_dir():
        yield
        return
    from django.conf import settings
    before = list(settings.LOCALE_PATHS)
    settings.LOCALE_PATHS = [str(folder), *before]
    _forget_catalogs()
    try:
        yield
    finally:
        settings.LOCALE_PATHS = before
        _forget_catalogs()


def _forget_catalogs():
    from django.utils.translation import trans_real
    trans_real._translations = {}  # pylint: disable=protected-access
    trans_real._default = None  # pylint: disable=protected-access
