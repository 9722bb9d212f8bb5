"""A module in Open edX's own course shape, and back: the twin of the OLX reader.

    chapter   "Module 9: Integrity"                      <- the module
      sequential "Learn"                                 <- the module's teaching, in order:
        vertical "Overview"    <lmd_module/>               number, objectives, introduction (no children)
        vertical "<section>"   <html/>                     one unit per section (<lmd_section/> when
                                                           the course carries every language)
      sequential "<case study's title>"                  <- each activity is a subsection of its own
        vertical               <lmd_case_study/>
      sequential "<role-play's title>"
        vertical               <lmd_role_play/>
      sequential "<quiz's title>"  graded, format "Quiz"
        vertical               <lmd_quiz/>

The course pre-test (at the start of module 1) and post-test (at the end of module 12) are quizzes
with a `purpose`: each is a subsection of its own, titled by its display name, and never graded
(they measure learning gain; the course grade is the modules' quizzes'). A "Learn" subsection that
holds only the overview (module 1's, before its pre-test) is titled "Overview".

Why this shape: learners get what the platform gives every course (unit navigation, bookmarks,
"resume", the outline's completion ticks, the mobile apps' unit list), and only the module's quiz
subsection is graded. Every block keeps the url_name it has in the course source, so learner
state (keyed by it in Open edX) survives a course update. Sections between two activities form
a "Learn" subsection of their own, so the order the author wrote is kept.
"""
import copy

from django.utils.translation import gettext as _
from lxml import etree

from xblocks.lmd_module import content as module_content
from xblocks.lmd_quiz.content import PURPOSES

GRADED_FORMAT = "Quiz"
QUIZ_TAG = "lmd_quiz"
# A module's text sections: Open edX's own html block, or lmd_section, which follows the
# learner's language (a course exported with every language, courses/olx/multilingual.py).
LMD_SECTION_TAG = "lmd_section"
SECTION_TAGS = ("html", LMD_SECTION_TAG)


def overview(module_element):
    """The module block as the overview unit holds it: its own content, no children."""
    own = etree.Element(module_element.tag, module_element.attrib)
    own.text = "\n"
    for child in module_element:
        if isinstance(child.tag, str) and child.tag in module_content.OWN_TAGS:
            own.append(copy.deepcopy(child))
    return own


def subsections(stem, module_element):
    """[(url_name, display_name, graded, [(unit url_name, unit display_name, block element)])] of
    one module, in the author's order."""
    result = []
    learn = None
    for child in [None, *module_content.child_nodes(module_element)]:
        if child is None or child.tag in SECTION_TAGS:
            if learn is None:
                learn = (f"{stem}-learn" + (f"-{len(result) + 1}" if result else ""), _("Learn"), False, [])
                result.append(learn)
            if child is None:
                learn[3].append((f"{stem}-overview", _("Overview"), overview(module_element)))
            else:
                learn[3].append((f"{child.get('url_name')}-unit", child.get("display_name", ""), child))
        else:
            learn = None
            name = child.get("url_name")
            result.append((f"{name}-sequence", child.get("display_name", ""), graded(child),
                           [(f"{name}-unit", child.get("display_name", ""), child)]))
    if len(result[0][3]) == 1:  # the overview alone (an activity follows it at once): titled so
        result[0] = (result[0][0], _("Overview"), False, result[0][3])
    return result


def graded(element):
    """Is this activity's subsection graded? A module's quiz: yes; a course pre-test or
    post-test (a quiz with a purpose), a case study or a role-play: no."""
    return element.tag == QUIZ_TAG and element.get("purpose", "") not in PURPOSES


def module_from_units(units):
    """The twin: the module element rebuilt from its units' block elements, in outline order
    (the overview's <lmd_module> first, then its sections and activities)."""
    modules = [element for element in units if element.tag == "lmd_module"]
    if len(modules) != 1:
        raise ValueError(f"a module's units hold {len(modules)} <lmd_module> overviews; one is needed")
    module = copy.deepcopy(modules[0])
    if module_content.child_nodes(module):
        return module  # an older export: the whole module inside one unit
    for element in units:
        if element is not modules[0]:
            module.append(copy.deepcopy(element))
    return module
