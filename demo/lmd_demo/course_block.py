"""`lmd_course`: the course the demo serves, as workbench scenarios (one per module) so that
each module is stored and played by the same runtime as every other block.

One course in every language: each module's blocks carry their translations (from the content
catalogs, courses/olx/multilingual.py) and show the learner's language when they render, so a
learner who switches language keeps their progress, answers and attempts. The course source is
the LMD course, or LMD_COURSE_SOURCE (a folder of module files, or a course imported with `lmd
import`), with a member's overlay when LMD_OVERLAY names one: the national server's view."""
from functools import lru_cache

from django.conf import settings
from web_fragments.fragment import Fragment
from xblock.core import XBlock

from courses.lmd import model
from courses.olx.multilingual import module_xml

from . import course_cache

SCENARIO_PREFIX = "lmd_course"


class CourseScenarios(XBlock):
    """Holds no content; its class provides one scenario per module."""

    @classmethod
    def workbench_scenarios(cls):
        languages = [SOURCE_LANGUAGE, *translated_languages()]
        return course_cache.scenarios(languages, getattr(settings, "LMD_COURSE_SOURCE", None),
                                      getattr(settings, "LMD_OVERLAY", None), settings.VAR_DIR, _module_scenarios)

    def student_view(self, context=None):
        return Fragment("")


SOURCE_LANGUAGE = "en"  # the course source's language; the others come from its catalogs


def _module_scenarios():
    # The description is what the workbench derives block ids from: it names the module's
    # url_name, not its title, so that learner state survives a retitled module.
    translated = {language: demo_course(language) for language in translated_languages()}
    return [(f"LMD course {m.url_name}",
             module_xml(m, {language: modules[index] for language, modules in translated.items()}))
            for index, m in enumerate(demo_course(SOURCE_LANGUAGE))]


def translated_languages():
    return [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


def page_language(language):
    """The language a page's texts are in: the learner's base language, or the source's."""
    base = (language or SOURCE_LANGUAGE).split("-")[0].split("_")[0]
    return base if base in dict(settings.LANGUAGES) else SOURCE_LANGUAGE


def scenario_ids(language=None):
    """{module number: workbench scenario id}, in programme order (one course for every
    language; `language` is accepted for callers that have one at hand)."""
    return {m.number: f"{SCENARIO_PREFIX}.{index}" for index, m in enumerate(demo_course(SOURCE_LANGUAGE))}


def demo_course(language=SOURCE_LANGUAGE):
    """The course's modules with their texts in `language` (titles for the pages' lists)."""
    return _course(page_language(language), getattr(settings, "LMD_COURSE_SOURCE", None),
                   getattr(settings, "LMD_OVERLAY", None))


@lru_cache(maxsize=None)
def _course(language, source, overlay):
    # Read once per process (every page lists the modules; the demo's scenarios are only read
    # at start-up anyway), and from var/ when the course's files have not changed since.
    return tuple(course_cache.course(language, source, overlay, settings.VAR_DIR))


@lru_cache(maxsize=None)
def course_description(language="en"):
    """The course-level texts (about page, card, licence terms) in the run's language."""
    from translations.course_text import course_texts
    return course_texts(model.catalog_for(page_language(language), getattr(settings, "LMD_OVERLAY", None)))


def forget_course():
    """Read the course source again (tests that update it)."""
    _course.cache_clear()
    course_description.cache_clear()
