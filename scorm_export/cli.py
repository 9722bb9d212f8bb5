"""`lmd export scorm`: the course, or one module, as a SCORM 1.2 or 2004 package."""
import sys
from pathlib import Path

from xblocks.common.errors import ContentError
from xblocks.common.mixins import _
from xblocks.common.plurals import Plural, N_, plural_table

from courses.licensing.cli import add_signing_arguments, stamp_if_licensed
from courses.licensing.stamp import LICENCE_PATH, SIGNATURE_PATH
from courses.olx_export import COURSE_ID, COURSE_VERSION

from .archive import UnsafePath
from .language import language_of

LICENCE_DEFAULT = _("Licensed to member administrations for import, customization, completion and "
                    "translation on their national learning platforms, under the licence issued by the Secretariat.")


def add_scorm_parser(export_subparsers):
    parser = export_subparsers.add_parser("scorm", help="SCORM 1.2 or 2004 package for any LMS")
    parser.add_argument("--scorm-version", choices=("1.2", "2004"), required=True)
    parser.add_argument("--module", help="one module only (1..12 or 8A)")
    parser.add_argument("--lang", default="en", help="package language (a locale with a catalog)")
    parser.add_argument("-o", "--output", required=True, help="the .zip to write")
    parser.add_argument("--modules-dir", help=argparse_suppress())
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    add_signing_arguments(parser)
    parser.set_defaults(func=cmd_export_scorm)


def argparse_suppress():
    import argparse
    return argparse.SUPPRESS


# What the SCO runtime may say to a learner (translated into the package's language at export).
SCO_STRINGS = {
    "notRecorded": _("Progress is not being recorded: no learning management system was found."),
    "noAttempts": _("You have no attempts left."),
    "answersShown": _("You asked to see the answers: this quiz is closed."),
    "passFirst": _("Pass the quiz, or use all your attempts, to see its answers."),
    "answerAll": _("Answer every question before submitting."),
    "alreadySubmitted": _("Your answers are already submitted."),
    "submitFirst": _("Submit your answers before assessing them."),
    "endFirst": _("Reach an ending before writing your reflection."),
    "staffOnly": _("Only course staff may do this."),
    "unavailable": _("This action is not available in this package."),
    "reload": _("Reload the page."),
    "notStarted": _("Progress is not being recorded: the learning management system did not start this session."),
    "tooMuchToSave": _("This cannot be saved: the learning management system keeps too little of your work. "
                       "Shorten your text and try again."),
    "tooLong": N_("Question {id}: {n} character; the limit is {max}.", "Question {id}: {n} characters; the limit is {max}."),
}
# The package metadata's texts (marked for extraction: package_info translates them at run time).
TITLE = _("Leadership and Management Development")
DESCRIPTION = _("The customs Leadership and Management Development course: thirteen workshop "
                "modules with case studies, role-plays and quizzes for customs managers.")
# Until translators have a new string, a package in another language says the nearest one it has
# rather than English.
SCO_FALLBACKS = {"notStarted": "notRecorded", "tooMuchToSave": "unavailable", "answersShown": "noAttempts",
                 "passFirst": "unavailable"}


def available_locales(overlay=None):
    """English (the source) and every locale that has a translation catalog, the course's own
    or a member's (in its overlay)."""
    roots = [Path(__file__).resolve().parents[1] / "translations"]
    if overlay:
        roots.append(Path(overlay) / "translations")
    found = {"en"}
    for root in roots:
        for kind in ("ui", "content"):
            if (root / kind).is_dir():
                found |= {p.name for p in (root / kind).iterdir() if p.is_dir() and p.name != "templates"}
    return found


def package_info(gettext, language=None, catalog=None):
    """The package's texts in the active language, and which language each is really in.
    `catalog`: the content catalog of `language` (loaded here when needed and not given)."""
    from django.utils import translation
    language = language or translation.get_language() or "en"

    def said(text):
        translated = gettext(text)
        return translated, language_of(text, translated, language)

    title, title_lang = said(TITLE)
    course = _CourseTexts(language, catalog)
    description, description_lang = course.or_else(said(DESCRIPTION), lambda texts: texts["card"])
    licence, licence_lang = course.or_else(said(LICENCE_DEFAULT), lambda texts: " ".join(texts["licence"]))
    i18n = {}
    for key, text in SCO_STRINGS.items():
        if isinstance(text, Plural):
            i18n[key] = plural_table(translation.ngettext, *text, language, count=text.count)
            continue
        translated, lang = said(text)
        if lang != language and key in SCO_FALLBACKS:
            translated = gettext(SCO_STRINGS[SCO_FALLBACKS[key]])
        i18n[key] = translated
    return {
        "title": title,
        "description": description,
        "version": "1.0.0",
        "licence": licence,
        "module_label": gettext("Module"),
        "module_title": gettext("Module %(number)s: %(title)s"),
        "i18n": i18n,
        "text_languages": {"title": title_lang, "description": description_lang, "licence": licence_lang},
    }


class _CourseTexts:
    """The course's own description texts (courses/lmd/course/: the card sentence, the licence
    terms), translated with the course content: what the package metadata says where its own
    sentence is not translated yet. Read only when needed."""

    def __init__(self, language, catalog):
        self.language, self.catalog, self.texts = language, catalog, None

    def or_else(self, said, pick):
        """`said` (text, language) if in the package's language, else the course's own text
        chosen by `pick`, if that one is translated; English otherwise."""
        text, lang = said
        if lang == self.language:
            return text, lang
        if self.texts is None:
            from courses.lmd import model
            from translations.course_text import course_texts
            catalog = self.catalog if self.catalog is not None else model.catalog_for(self.language)
            self.texts = (course_texts(catalog), course_texts(None))
        translated, english = (pick(texts) for texts in self.texts)
        return (translated, self.language) if translated != english else (text, lang)


def cmd_export_scorm(args):
    from django.utils import translation

    from courses.django_setup import overlay_catalogs
    from courses.lmd import model

    from .archive import write_zip
    from .build import build_package, progress_bar
    output = Path(args.output)
    locales = available_locales(args.overlay)
    if args.lang not in locales:
        print(f"lmd: error: unknown locale {args.lang!r} (available: {', '.join(sorted(locales))})", file=sys.stderr)
        return 2
    try:
        catalog = model.catalog_for(args.lang, args.overlay)
        modules = model.course_for(args.modules_dir, lang=args.lang, overlay=args.overlay, catalog=catalog)
        if args.module:
            wanted = args.module.upper()
            modules = [m for m in modules if m.number == wanted]
            if not modules:
                known = ", ".join(m.number for m in model.load_course(args.modules_dir or model.MODULES_DIR))
                print(f"lmd: error: unknown module {args.module!r} (the course has {known})", file=sys.stderr)
                return 2
        with overlay_catalogs(args.overlay), translation.override(args.lang):
            info = package_info(translation.gettext, args.lang, catalog)
            if args.licence:
                info["licence"] += " " + licence_terms(args.licence, translation.gettext)
            files = build_package(modules, args.scorm_version, args.lang, info,
                                  None if args.quiet else progress_bar,
                                  listed_extra=[LICENCE_PATH, SIGNATURE_PATH] if args.licence else ())
        write_zip(stamp_if_licensed(args, files, COURSE_ID, COURSE_VERSION), output)
    except (ContentError, UnsafePath, ValueError) as exc:
        print(f"lmd: error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {output} (SCORM {args.scorm_version}, {len(modules)} SCO{'s' if len(modules) != 1 else ''})")
    return 0


def licence_terms(path, gettext):
    """The licence as learners read it in the package metadata."""
    import json
    licence = json.loads(Path(path).read_text(encoding="utf-8"))
    return gettext("Licence {number}: {licensee}, valid until {until}.").format(
        number=licence["number"], licensee=licence["licensee"], until=licence["valid_until"])
