"""`lmd`: the command line of the course tools (validate, export, translations, import)."""
import argparse
import sys

from xblocks.common.errors import ContentError


def cmd_validate(args):
    from .lmd import checks, model
    paths = args.files or model.module_paths()
    modules, failed = [], False
    for path in paths:
        try:
            modules.append(model.load_module(path))
        except ContentError as exc:
            print(f"ERROR {exc}")
            failed = True
    problems = checks.check_course(modules, whole=not args.files) if modules else []
    for problem in problems:
        print(f"ERROR {problem}")
    for module in modules:
        print(f"ok    {module.path.name}: module {module.number}, {checks.section_words(module)} words, "
              f"{len(module.parts)} parts")
        print(f"      {checks.figures_line(module)}")
        for line in checks.test_figures_lines(module):
            print(f"      {line}")
    return 1 if failed or problems else 0


def build_parser():
    parser = argparse.ArgumentParser(prog="lmd", description="LMD course tools")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check module XML files (default: the whole course)")
    validate.add_argument("files", nargs="*")
    validate.set_defaults(func=cmd_validate)

    export = sub.add_parser("export", help="build the course for Open edX (OLX) or any LMS (SCORM)")
    export_sub = export.add_subparsers(dest="format", required=True)
    from scorm_export.cli import add_scorm_parser

    from .olx_export import add_olx_parser
    add_olx_parser(export_sub)
    add_scorm_parser(export_sub)

    from translations.cli import add_translations_parser
    add_translations_parser(sub)

    from .licensing.cli import add_licence_parsers, add_overlay_parser
    add_licence_parsers(sub)
    add_overlay_parser(sub)
    return parser


def main(argv=None):
    from .django_setup import ensure_django
    ensure_django()  # before anything imports xblock, which looks for Django settings on import
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
