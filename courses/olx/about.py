"""The course pages learners see before and beside the modules: about page, card text, effort,
handouts and the welcome update, built from the course-level description in courses/lmd/course/
and from the modules themselves.

Why the module list is generated: the about page must name exactly the modules the archive
holds (a member's export may add national modules or carry a partly written course), so it is
read from the same source as the chapters instead of being kept by hand."""
import html
import re
from datetime import datetime

from django.utils import dateformat, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from translations.course_text import course_texts
from xblocks.common.durations import format_hours, format_number, hours  # noqa: F401 (hours: used by the exporters)

PROGRAMME_MARK = re.compile(r"<!--\s*programme\b.*?-->")
LICENCE_MARK = re.compile(r"<!--\s*licence\b.*?-->")


def paragraphs(blocks):
    """Plain-text paragraphs as escaped <p> elements."""
    return "\n".join(f"  <p>{html.escape(block, quote=False)}</p>" for block in blocks if block)


def _format_hours(value):
    return format_hours(value, ngettext, translation.get_language())


def programme_section(modules):
    items = []
    for module in modules:
        readable = hours(module.duration)  # "3 hours" written in the page's language; other text as is
        shown = _format_hours(readable) if readable is not None else module.duration
        duration = f" ({html.escape(shown)})" if shown else ""
        label = _("Module %(number)s: %(title)s") % {"number": html.escape(module.number),
                                                     "title": html.escape(module.title)}
        items.append(f"    <li>{label}{duration}</li>")
    if not items:
        items.append("    <li>" + html.escape(_("The modules are being prepared.")) + "</li>")
    heading = html.escape(_("The programme"))
    body = "\n".join(items)
    return f'<section class="programme">\n  <h2>{heading}</h2>\n  <ol>\n{body}\n  </ol>\n</section>'


def licence_section(texts):
    heading = html.escape(_("Licence terms"))
    return f'<section class="licence">\n  <h2>{heading}</h2>\n{paragraphs(texts["licence"])}\n</section>'


def overview_html(modules, texts):
    """about/overview.html: the about page sections with the module list and licence inserted
    at their marks (appended when a translator's copy lost a mark)."""
    text = texts["about"]
    for mark, section in ((PROGRAMME_MARK, programme_section(modules)), (LICENCE_MARK, licence_section(texts))):
        text, count = mark.subn(lambda _match, section=section: section, text, count=1)
        if not count:
            text += "\n" + section
    return text + "\n"


def effort_text(modules):
    """'About 20 hours in all (3 to 6 hours a module)', or '' when durations are unreadable."""
    values = [hours(m.duration) for m in modules]
    if not values or None in values:
        return ""
    low, high = min(values), max(values)
    spread = _format_hours(low) if low == high else _("%(low)s to %(high)s") % {"low": format_number(low, translation.get_language()),
                                                                                "high": _format_hours(high)}
    return _("About %(total)s in all (%(spread)s a module)") % {"total": _format_hours(sum(values)), "spread": spread}


def updates_html(start):
    """info/updates.html: one welcome update, dated the course start (Open edX reads the <h2>
    of each <li> as the update's date)."""
    date = datetime.strptime(start[:10], "%Y-%m-%d")
    # The month's name from Django's own catalogs; the order of the parts from ours.
    day = _("%(month)s %(day)s, %(year)s") % {"month": dateformat.format(date, "F"), "day": date.day,
                                               "year": date.year}
    text = _("Welcome to Leadership and Management Development. Start with Module 1 for an overview "
             "of the programme, then take the modules in order or pick those you need first.")
    return f"<ol>\n  <li>\n    <h2>{html.escape(day)}</h2>\n    <p>{html.escape(text)}</p>\n  </li>\n</ol>\n"


def pages(modules, start, catalog=None):
    """{archive path: bytes} of the course pages (about/ and info/), in the active language: the
    description from the catalog (course.po), the generated sentences from the UI catalogs."""
    texts = course_texts(catalog)
    files = {
        "about/overview.html": overview_html(modules, texts),
        "about/short_description.html": html.escape(texts["card"], quote=False) + "\n",
        "info/handouts.html": licence_section(texts) + "\n",
        "info/updates.html": updates_html(start),
    }
    effort = effort_text(modules)
    if effort:
        files["about/effort.html"] = effort + "\n"
    return {name: text.encode("utf-8") for name, text in files.items()}
