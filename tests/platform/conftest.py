"""The platform tier: our blocks run inside Open edX's own code (LMS and Studio from the platform
source, on the platform's venv; see scripts/platform_env.sh and scripts/platform_tests.sh), not
in the XBlock SDK workbench.

MongoDB is stood in for, in-process, by mongomock (mongo_standin.py says why). The SQL database
is SQLite, as in the platform's own test settings. Everything else is the platform's own code:
Studio's import view, the split modulestore, the LMS runtime, handlers, grades, completion.
"""
import pytest

from tests.platform import mongo_standin

mongo_standin.install()  # before anything opens a connection

# The platform's own test hooks (its root conftest.py imports them; its pytest_configure only
# serves the json-report plugin, which this tier does not use).
from cms.conftest import _django_clear_site_cache  # noqa: E402,F401  (also defuses the XML libraries)


@pytest.fixture(autouse=True)
def no_webpack_loader(monkeypatch):
    """As the platform's tests do: rendered pages carry no compiled platform bundles."""
    monkeypatch.setattr("webpack_loader.templatetags.webpack_loader.render_bundle",
                        lambda entry, extension=None, config="DEFAULT", attrs="": "")
    monkeypatch.setattr("webpack_loader.utils.get_as_tags", lambda entry, extension=None, config="DEFAULT", attrs="": [])
    monkeypatch.setattr("webpack_loader.utils.get_files", lambda entry, extension=None, config="DEFAULT", attrs="": [])
