"""`lmd_course`: the course the demo serves, as workbench scenarios (one per module) so that
each module is stored and played by the same runtime as every other block.

Each language is its own course run, as Open edX serves a localized course: the run's content
comes from the content catalogs, and its learner state is its own. The course source is the LMD
course, or LMD_COURSE_SOURCE (a folder of module files, or a course imported with `lmd import`),
with a member's overlay when LMD_OVERLAY names one: the national server's view."""
from functools import lru_cache

from django.conf import settings
from web_fragments.fragment import Fragment
from xblock.core import XBlock

from courses.lmd import model

SCENARIO_PREFIX = "lmd_course"


class CourseScenarios(XBlock):
    """Holds no content; its class provides one scenario per module and run."""

    @classmethod
    def workbench_scenarios(cls):
        # The description is what the workbench derives block ids from: it names the run and
        # the module's url_name, not its title, so that learner state survives a retitled module.
        return [(f"LMD course ({language}) {m.url_name}", m.xml)
                for language in run_languages() for m in demo_course(language)]

    def student_view(self, context=None):
        return Fragment("")


def run_languages():
    return [code for code, _name in settings.LANGUAGES]


def run_language(language):
    """The run for the learner's language: its base language, or English."""
    base = (language or "en").split("-")[0].split("_")[0]
    return base if base in run_languages() else "en"


def scenario_ids(language="en"):
    """{module number: workbench scenario id} of one run, in programme order."""
    offset = 0
    for code in run_languages():
        modules = demo_course(code)
        if code == run_language(language):
            return {m.number: f"{SCENARIO_PREFIX}.{offset + index}" for index, m in enumerate(modules)}
        offset += len(modules)
    raise AssertionError("unreachable: run_language() returns a run")


def demo_course(language="en"):
    return _course(run_language(language), getattr(settings, "LMD_COURSE_SOURCE", None),
                   getattr(settings, "LMD_OVERLAY", None))


@lru_cache(maxsize=None)
def _course(language, source, overlay):
    # Parsed once per process: every page lists the modules, and the demo's scenarios (hence a
    # change of source) are only read at start-up anyway.
    return tuple(model.course_for(source, lang=language, overlay=overlay))


@lru_cache(maxsize=None)
def course_description(language="en"):
    """The course-level texts (about page, card, licence terms) in the run's language."""
    from translations.course_text import course_texts
    return course_texts(model.catalog_for(run_language(language), getattr(settings, "LMD_OVERLAY", None)))


def forget_course():
    """Read the course source again (tests that update it)."""
    _course.cache_clear()
    course_description.cache_clear()
