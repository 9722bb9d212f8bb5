"""`lmd licence keygen|issue` (the Secretariat) and `lmd import` (a national server)."""
import getpass
import json
import sys
from pathlib import Path

from . import keys
from .importer import import_package
from .stamp import RIGHTS, canonical, licence_record, stamp
from .verify import ImportRefused


def add_licence_parsers(subparsers):
    licence = subparsers.add_parser("licence", help="Secretariat: keys and licence records")
    sub = licence.add_subparsers(dest="action", required=True)
    keygen = sub.add_parser("keygen", help="create the Secretariat's Ed25519 key pair")
    keygen.add_argument("--private", required=True)
    keygen.add_argument("--public", required=True)
    keygen.set_defaults(func=lambda a: keys.generate(a.private, a.public) or 0)
    issue = sub.add_parser("issue", help="write a licence record (JSON)")
    for name in ("number", "licensee", "country", "valid-from", "valid-until", "issued-by"):
        issue.add_argument(f"--{name}", required=True)
    issue.add_argument("--course", action="append", required=True, help="course id (repeat for several)")
    issue.add_argument("--rights", default="import,customize,complete,translate",
                       help=f"comma-separated: {', '.join(RIGHTS)}")
    issue.add_argument("-o", "--output", required=True)
    issue.set_defaults(func=cmd_issue)

    imp = subparsers.add_parser("import", help="national server: verify and import a licensed package")
    imp.add_argument("package")
    imp.add_argument("--public-key", required=True, help="the Secretariat's public key (PEM)")
    imp.add_argument("--into", default="var/imports", help="where imported courses are kept")
    imp.add_argument("--revoked", help="file with revoked licence numbers, one per line")
    imp.set_defaults(func=cmd_import)


def add_overlay_parser(subparsers):
    overlay = subparsers.add_parser("overlay", help="national server: customize and complete the course")
    sub = overlay.add_subparsers(dest="action", required=True)
    custom = sub.add_parser("customize", help="replace one block (or module) of the course, kept apart")
    custom.add_argument("--overlay", required=True, help="the overlay folder")
    custom.add_argument("--url-name", required=True)
    custom.add_argument("file", help="the customized XML of that block")
    custom.set_defaults(func=cmd_customize)
    status = sub.add_parser("status", help="apply the overlay to the installed course; list conflicts")
    status.add_argument("--overlay", required=True)
    status.add_argument("--modules-dir", help="the upstream course source (default: the LMD course)")
    status.set_defaults(func=cmd_overlay_status)


def cmd_customize(args):
    from courses.lmd import model

    from .overlay import customize
    try:
        customize(args.overlay, model.load_course(), args.url_name, Path(args.file).read_text(encoding="utf-8"))
    except ValueError as exc:
        print(f"lmd: error: {exc}", file=sys.stderr)
        return 1
    print(f"customized {args.url_name} in {args.overlay}")
    return 0


def cmd_overlay_status(args):
    from courses.lmd import model

    from .overlay import effective_course
    modules, conflicts = effective_course(model.load_course(args.modules_dir or model.MODULES_DIR), args.overlay)
    for module in modules:
        print(f"module {module.number}: {module.title}")
    for conflict in conflicts:
        print(f"CONFLICT {conflict}")
    return 1 if conflicts else 0


def add_signing_arguments(parser):
    parser.add_argument("--overlay", help="a member's overlay (customized blocks, national modules) to apply")
    parser.add_argument("--licence", help="licence record (JSON) to stamp the package with")
    parser.add_argument("--signing-key", help="the Secretariat's private key (PEM), with --licence")


def stamp_if_licensed(args, files, course_id, version):
    if not args.licence:
        return files
    if not args.signing_key:
        raise ValueError("--licence needs --signing-key")
    licence = json.loads(Path(args.licence).read_text(encoding="utf-8"))
    return stamp(files, licence, keys.load_private(args.signing_key), course_id, version)


def cmd_issue(args):
    record = licence_record(args.number, args.licensee, args.country, args.course,
                            [r.strip() for r in args.rights.split(",") if r.strip()],
                            args.valid_from, args.valid_until, args.issued_by)
    Path(args.output).write_bytes(canonical(record))
    print(f"wrote licence {args.number} to {args.output}")
    return 0


def cmd_import(args):
    try:
        revoked = _read_revoked(args.revoked)
        record = import_package(args.package, _public_key(args.public_key), args.into,
                                who=getpass.getuser(), revoked=revoked)
    except ImportRefused as exc:
        print(f"lmd: import refused: {exc}", file=sys.stderr)
        return 1
    print(f"imported {record['course']} {record['version']} under licence {record['licence']} into {record['path']}")
    return 0


def _read_revoked(path):
    if not path:
        return ()
    try:
        return Path(path).read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportRefused(f"cannot read the revocation list {path}: {exc}") from None


def _public_key(path):
    try:
        return keys.load_public(path)
    except (OSError, ValueError, TypeError) as exc:  # missing file, not PEM, not Ed25519
        raise ImportRefused(f"cannot use the public key {path}: {exc}") from None
