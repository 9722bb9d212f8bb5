"""Settings of the demo: the XBlock SDK workbench plus the LMD course pages and the
course-access app, on SQLite in ./var."""
import importlib.util
import os
import tempfile

from workbench.settings import *  # noqa: F401,F403  (the workbench is the XBlock runtime of the demo)
from workbench.settings import INSTALLED_APPS, MIDDLEWARE, TEMPLATES

from .secret import installation_secret

VAR_DIR = os.path.abspath(os.environ.get("LMD_VAR_DIR", "var"))
os.makedirs(VAR_DIR, exist_ok=True)

# Safe unless asked otherwise: the demo is what a newcomer puts on a server.
DEBUG = os.environ.get("LMD_DEBUG", "0") == "1"
TEMPLATES[0]["OPTIONS"]["debug"] = DEBUG
# The workbench's own pages act as any ?student= name: open to all only for development
# (LMD_WORKBENCH=1 or DEBUG), otherwise to staff (lmd_demo.workbench_gate).
LMD_WORKBENCH = os.environ.get("LMD_WORKBENCH", "0") == "1" or DEBUG
# The workbench lists the product's blocks only (lmd_demo/apps.py) unless this is set.
LMD_WORKBENCH_ALL_BLOCKS = os.environ.get("LMD_WORKBENCH_ALL_BLOCKS", "0") == "1"
# Not the SDK's published key: one per installation, kept in var/ (LMD_SECRET_KEY overrides).
SECRET_KEY = os.environ.get("LMD_SECRET_KEY") or installation_secret(VAR_DIR)
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("LMD_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
# Nothing from the working directory: the SDK's empty MEDIA_URL served the whole clone.
MEDIA_URL, MEDIA_ROOT = "/media/", os.path.join(VAR_DIR, "media")
ROOT_URLCONF = "lmd_demo.urls"
DATABASES = {
    "default": {
        # Django's SQLite backend, with the server's writers queued in arrival order for the
        # write lock (lmd_demo/db/base.py) instead of polling for it in SQLite's busy handler.
        "ENGINE": "lmd_demo.db",
        "NAME": os.environ.get("LMD_DEMO_DB", os.path.join(VAR_DIR, "lmd-demo.db")),
        # One transaction per request, as Open edX's LMS runs: a handler's field writes commit
        # together (the workbench stores each field as its own row write).
        "ATOMIC_REQUESTS": True,
        # SQLite has one writer at a time. A deferred transaction that reads and then writes
        # fails at once with "database is locked" when another writer got there first (waiting
        # could deadlock, so SQLite does not wait); BEGIN IMMEDIATE takes the write lock at the
        # start, and the others wait for it (up to `timeout` seconds) instead of failing. WAL lets
        # reads outside transactions go on meanwhile.
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE",
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"},
        # Each of the server's threads keeps its connection: opening one (and its PRAGMAs and
        # functions) for every request and closing it after was a fifth of a class's autosaves.
        "CONN_MAX_AGE": None,
        # Tests run on a file too, so that SQLite locks and waits as it does for the demo (an
        # in-memory shared-cache database refuses a second writer at once instead of waiting).
        # One per test process: several runs may share a machine.
        "TEST": {"NAME": os.path.join(tempfile.gettempdir(), f"lmd-test-{os.getpid()}.db")},
    }
}
# The course-access app is a plugin: the demo runs with it when it is present.
def _importable(name):
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False


ACCESS_APP = _importable("lmd_access.apps")
if os.environ.get("LMD_MARIADB_PORT"):  # the MariaDB tests run the same code on Open edX's database family
    DATABASES["default"] = {
        "ENGINE": "django.db.backends.mysql", "HOST": "127.0.0.1", "PORT": os.environ["LMD_MARIADB_PORT"],
        "NAME": os.environ.get("LMD_MARIADB_NAME", "lmd"), "USER": "lmd", "PASSWORD": "lmd",
        "ATOMIC_REQUESTS": True, "OPTIONS": {"charset": "utf8mb4"},
        "CONN_MAX_AGE": 600, "CONN_HEALTH_CHECKS": True,  # kept across requests, checked after a server restart
    }
# Without django.contrib.staticfiles: its runserver serves /static/ itself with DEBUG, before
# any middleware or URL (a climbing path was a 500 there, with no security headers). The demo
# serves static files through one route of its own (lmd_demo.workbench_gate.static_pattern).
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "django.contrib.staticfiles"]
INSTALLED_APPS = [*INSTALLED_APPS, "lmd_demo", "lmd_demo.state_rows", "csp", "axes", *(["lmd_access"] if ACCESS_APP else [])]
MIDDLEWARE = [
    # Learners on slow links: responses compressed (Django's gzip adds random bytes against BREACH),
    # ETags for revalidation (computed before compression), assets cacheable for a day.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "lmd_demo.caching.CacheableAssets",
    "django.middleware.security.SecurityMiddleware",  # nosniff, Referrer-Policy (and HSTS behind HTTPS)
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    *MIDDLEWARE[:2],
    "django.middleware.locale.LocaleMiddleware",
    *MIDDLEWARE[2:],
    "lmd_demo.languages.RememberLanguageMiddleware",  # the language e-mails to the account are written in
    "lmd_demo.middleware.BusyDatabaseMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]
# Sessions are written to the database and read from the server's memory (the workbench's local
# cache): a signed-in request costs no session query (every autosave of a class's drafts is one).
# One server process, so the memory is never stale; the database copy survives restarts.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Behind HTTPS (LMD_HTTPS=1): cookies only over HTTPS, and browsers told to stay on it.
if os.environ.get("LMD_HTTPS") == "1":
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Content-Security-Policy (django-csp): scripts and styles from this site, or inline ones that
# carry the response's nonce (the blocks' fragments, written by lmd_demo.fragments); never
# 'unsafe-inline'. The blocks' JSON init data is <script type="application/json">, which
# browsers do not run.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": [SELF], "script-src": [SELF, NONCE], "style-src": [SELF, NONCE], "img-src": [SELF, "data:"],
    "object-src": [NONE], "base-uri": [SELF], "form-action": [SELF], "frame-ancestors": [NONE],
}}
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in rate limiting (django-axes: failures kept in the database, so every server process
# sees them): five failures for one account from one address lock that pair out for 15 minutes,
# answered 429. Per pair, so a classroom behind one address is not locked out by one learner.
AUTHENTICATION_BACKENDS = ["lmd_demo.signin.RateLimitedSignIn", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
TEMPLATES[0]["OPTIONS"]["context_processors"].append("lmd_demo.context.demo_context")
LANGUAGE_CODE = "en"
from lmd_demo.language_menu import catalog_languages  # noqa: E402 (after the settings it needs none of)
# The interface catalogs (compiled by `lmd translations compile`): Django's gettext, which the
# workbench's i18n service also uses, finds the blocks' strings here in the demo.
LOCALE_PATHS = [os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                             "translations", "ui")]
# The language menu: English and every language whose interface catalog exists (a translator's
# `lmd translations init ar` adds Arabic), each named in its own language.
LANGUAGES = catalog_languages(LOCALE_PATHS[0])
TIME_ZONE = "UTC"
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "lmd-demo@localhost"
WORKBENCH["reset_state_on_restart"] = False  # noqa: F405
WORKBENCH["services"]["user"] = "lmd_demo.services.DemoUserService"  # noqa: F405
WORKBENCH["services"]["field-data"] = "lmd_demo.services.DemoFieldData"  # noqa: F405
WORKBENCH["services"]["lmd_user_states"] = "lmd_demo.user_states.DemoUserStates"  # noqa: F405
LMD_COURSE_ID = "course-v1:LMD+LMD101+2026"
# The access app's insight pages read learner results from the workbench's state rows here (in
# Open edX, from the platform's own records), and its e-mails reach each account in the language
# it last used (Open edX: the `pref-lang` preference), with links to this site.
LMD_ACCESS_RESULTS = "lmd_demo.insight_results.WorkbenchResults"
LMD_ACCESS_USER_LANGUAGES = "lmd_demo.languages.languages_of"
LMD_ACCESS_SITE_URL = os.environ.get("LMD_SITE_URL", "http://127.0.0.1:8000")
LMD_ACCESS_COURSE_URL = "/course/"
# The national server's course: a course imported with `lmd import` (or a folder of module
# files) instead of the LMD course, and the member's overlay (customizations, national modules,
# translations). Unset: the LMD course as published.
LMD_COURSE_SOURCE = os.environ.get("LMD_COURSE_SOURCE") or None
LMD_OVERLAY = os.environ.get("LMD_OVERLAY") or None
if LMD_OVERLAY:  # the member's own interface catalogs (a language of its own) come first
    LOCALE_PATHS = [os.path.join(LMD_OVERLAY, "translations", "ui"), *LOCALE_PATHS]
    LANGUAGES = catalog_languages(*LOCALE_PATHS)
LOGGING["handlers"]["logfile"]["filename"] = os.path.join(VAR_DIR, "workbench.log")  # noqa: F405
LOGGING["loggers"]["django"]["level"] = "INFO"  # noqa: F405  (SQL at DEBUG floods test reports)
