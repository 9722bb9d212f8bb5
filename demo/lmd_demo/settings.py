"""Settings of the demo: the XBlock SDK workbench plus the LMD course pages and the
course-access app, on SQLite in ./var."""
import importlib.util
import os

from workbench.settings import *  # noqa: F401,F403  (the workbench is the XBlock runtime of the demo)
from workbench.settings import INSTALLED_APPS, MIDDLEWARE, TEMPLATES

VAR_DIR = os.path.abspath(os.environ.get("LMD_VAR_DIR", "var"))
os.makedirs(VAR_DIR, exist_ok=True)

DEBUG = os.environ.get("LMD_DEBUG", "1") == "1"
ROOT_URLCONF = "lmd_demo.urls"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("LMD_DEMO_DB", os.path.join(VAR_DIR, "lmd-demo.db")),
        # One transaction per request, as Open edX's LMS runs: a handler's field writes commit
        # together (the workbench stores each field as its own row write).
        "ATOMIC_REQUESTS": True,
    }
}
# The course-access app is a plugin: the demo runs with it when it is present.
def _importable(name):
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False


ACCESS_APP = _importable("courses.access.apps")
if os.environ.get("LMD_MARIADB_PORT"):  # the MariaDB tests run the same code on Open edX's database family
    DATABASES["default"] = {
        "ENGINE": "django.db.backends.mysql", "HOST": "127.0.0.1", "PORT": os.environ["LMD_MARIADB_PORT"],
        "NAME": os.environ.get("LMD_MARIADB_NAME", "lmd"), "USER": "lmd", "PASSWORD": "lmd",
        "ATOMIC_REQUESTS": True, "OPTIONS": {"charset": "utf8mb4"},
    }
INSTALLED_APPS = [*INSTALLED_APPS, "lmd_demo", *(["courses.access"] if ACCESS_APP else [])]
MIDDLEWARE = [
    *MIDDLEWARE[:2],
    "django.middleware.locale.LocaleMiddleware",
    *MIDDLEWARE[2:],
]
TEMPLATES[0]["OPTIONS"]["context_processors"].append("lmd_demo.context.demo_context")
LANGUAGE_CODE = "en"
# The interface catalogs (compiled by `lmd translations compile`): Django's gettext, which the
# workbench's i18n service also uses, finds the blocks' strings here in the demo.
LOCALE_PATHS = [os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                             "translations", "ui")]
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
TIME_ZONE = "UTC"
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "lmd-demo@localhost"
WORKBENCH["reset_state_on_restart"] = False  # noqa: F405
WORKBENCH["services"]["user"] = "lmd_demo.services.DemoUserService"  # noqa: F405
WORKBENCH["services"]["field-data"] = "lmd_demo.services.DemoFieldData"  # noqa: F405
LMD_COURSE_ID = "course-v1:LMD+LMD101+2026"
# The national server's course: a course imported with `lmd import` (or a folder of module
# files) instead of the LMD course, and the member's overlay (customizations, national modules,
# translations). Unset: the LMD course as published.
LMD_COURSE_SOURCE = os.environ.get("LMD_COURSE_SOURCE") or None
LMD_OVERLAY = os.environ.get("LMD_OVERLAY") or None
LOGGING["handlers"]["logfile"]["filename"] = os.path.join(VAR_DIR, "workbench.log")  # noqa: F405
LOGGING["loggers"]["django"]["level"] = "INFO"  # noqa: F405  (SQL at DEBUG floods test reports)
