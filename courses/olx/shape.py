"""A module in Open edX's own course shape, and back: the twin of the OLX reader.

    chapter   "Module 9: Integrity"                      <- the module
      sequential "Learn"                                 <- the module's teaching, in order:
        vertical "Overview"    <lmd_module/>               number, objectives, introduction (no children)
        vertical "<section>"   <html/>                     one unit per section
      sequential "<case study's title>"                  <- each activity is a subsection of its own
        vertical               <lmd_case_study/>
      sequential "<role-play's title>"
        vertical               <lmd_role_play/>
      sequential "<quiz's title>"  graded, format "Quiz"
        vertical               <lmd_quiz/>

Why this shape: learners get what the platform gives every course (unit navigation, bookmarks,
"resume", the outline's completion ticks, the mobile apps' unit list), and only the quiz
subsection is graded. Every block keeps the url_name it has in the course source, so learner
state (keyed by it in Open edX) survives a course update. Sections between two activities form
a "Learn" subsection of their own, so the order the author wrote is kept.
"""
import copy

from django.utils.translation import gettext as _
from lxml import etree

from xblocks.lmd_module import content as module_content

GRADED_FORMAT = "Quiz"
QUIZ_TAG = "lmd_quiz"


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
        if child is None or child.tag == "html":
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
            result.append((f"{name}-sequence", child.get("display_name", ""), child.tag == QUIZ_TAG,
                           [(f"{name}-unit", child.get("display_name", ""), child)]))
    return result


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
