"""`lmd translations extract|init|update|check|stats|compile` (no code changes needed to add a
language: a member administration's translator runs these and edits the .po files)."""
import sys
from pathlib import Path

from . import catalogs
from .extract import write_content_templates, write_template


def add_translations_parser(subparsers):
    parser = subparsers.add_parser("translations", help="translation catalogs (see the README)")
    parser.add_argument("--root", default=str(catalogs.ROOT), help="the translations folder")
    sub = parser.add_subparsers(dest="action", required=True)
    extract = sub.add_parser("extract", help="write the templates: ui/text.pot and one per module")
    extract.add_argument("--overlay", help="a member's overlay: also its national modules")
    extract.set_defaults(func=_extract)
    init = sub.add_parser("init", help="start a catalog for a new locale (e.g. pt_PT)")
    init.add_argument("locale")
    init.set_defaults(func=_init)
    sub.add_parser("update", help="merge the template into every catalog").set_defaults(func=_update)
    sub.add_parser("check", help="report broken catalogs with file and line").set_defaults(func=_check)
    sub.add_parser("stats", help="percent translated per locale").set_defaults(func=_stats)
    compile_parser = sub.add_parser("compile", help="build the .mo files Django and Open edX read")
    compile_parser.add_argument("--install", action="store_true",
                                help="with --root: also copy the interface .mo into the installed XBlocks, where "
                                     "Open edX finds them (always done for the catalogs shipped with the blocks)")
    compile_parser.set_defaults(func=_compile)


def _extract(args):
    target, count = write_template(template_dir=Path(args.root) / "ui")
    extra = [Path(args.overlay) / "modules"] if args.overlay else []
    modules = write_content_templates(Path(args.root) / "content" / "templates", extra)
    print(f"wrote {target} ({count} messages) and {len(modules)} module templates")
    return 0


def _init(args):
    try:
        print(f"created {catalogs.init(args.locale, args.root)}")
    except catalogs.CatalogError as exc:
        print(f"lmd: error: {exc}", file=sys.stderr)
        return 2
    return 0


def _update(args):
    print("updated: " + ", ".join(catalogs.update(args.root)))
    return 0


def _check(args):
    problems = catalogs.check(args.root)
    warnings = (catalogs.glossary_warnings(args.root) + catalogs.usage_warnings(args.root)
                + catalogs.consistency_warnings(args.root) + catalogs.number_warnings(args.root))
    for line in problems + warnings:
        print(line)
    print(f"{len(problems)} problem(s), {len(warnings)} glossary, consistency or number warning(s)")
    return 1 if problems else 0


def _stats(args):
    for locale, (done, total, percent) in catalogs.stats(args.root).items():
        print(f"{locale:8} {percent:5.1f}%  ({done} of {total} interface strings)")
        for stem, (mdone, mtotal, mpercent) in catalogs.content_stats(locale, args.root).items():
            print(f"         {mpercent:5.1f}%  {stem} ({mdone} of {mtotal} content strings)")
    return 0


def _compile(args):
    shipped = Path(args.root).resolve() == catalogs.ROOT.resolve()
    written = catalogs.compile_catalogs(args.root, catalogs.INSTALLED_BLOCKS if shipped or args.install else None)
    print(f"compiled {len(written)} file(s)")
    return 0
