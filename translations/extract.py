"""Extract the UI strings into translations/ui/text.pot: Python (`_`, gettext, ngettext; the JS
string tables and the Studio editor's strings are Python dicts), Django templates ({% trans %} and
{% blocktrans %}, with plurals and `with` variables written as Django writes them: %(name)s)."""
import re
from pathlib import Path

import polib
from babel.messages.extract import extract_python

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = Path(__file__).resolve().parent / "ui"
SOURCES = ["xblocks", "lmd_access", "courses", "scorm_export", "demo/lmd_demo"]
KEYWORDS = {"_": None, "gettext": None, "gettext_lazy": None, "ngettext": (1, 2), "ngettext_lazy": (1, 2),
            "N_": (1, 2)}  # N_: a plural pair in a script's string table (xblocks/common/plurals.py)
TRANS = re.compile(r"""\{%\s*trans(?:late)?\s+(["'])(.*?)\1\s*%\}""")
BLOCK = re.compile(r"\{%\s*blocktrans(?:late)?(?P<args>[^%]*)%\}(?P<body>.*?)"
                   r"(?:\{%\s*plural\s*%\}(?P<plural>.*?))?\{%\s*endblocktrans(?:late)?\s*%\}", re.DOTALL)
VAR = re.compile(r"\{\{\s*(\w+)\s*\}\}")
BRACE = re.compile(r"\{\w+\}")


def _django_placeholders(text):
    """The msgid Django's blocktrans looks up: literal % doubled, {{ var }} as %(var)s."""
    return VAR.sub(lambda m: f"%({m.group(1)})s", text.replace("%", "%%"))


def template_messages(path):
    text = path.read_text(encoding="utf-8")
    for match in TRANS.finditer(text):
        yield text.count("\n", 0, match.start()) + 1, match.group(2), None
    for match in BLOCK.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        plural = match.group("plural")
        yield line, _django_placeholders(match.group("body")), _django_placeholders(plural) if plural else None


def python_messages(path):
    with open(path, "rb") as handle:
        for line, _func, message, _comments in extract_python(handle, KEYWORDS, [], {}):
            if isinstance(message, tuple):
                if message[0]:
                    yield line, message[0], message[1] if len(message) > 1 else None
            elif message:
                yield line, message, None


def extract(root=ROOT):
    catalog = polib.POFile()
    catalog.metadata = {"Project-Id-Version": "lmd-xblocks", "Content-Type": "text/plain; charset=UTF-8",
                        "Content-Transfer-Encoding": "8bit", "MIME-Version": "1.0"}
    entries = {}
    for source in SOURCES:
        for path in sorted((root / source).rglob("*")):
            if path.suffix == ".py" and "migrations" not in path.parts:
                found = python_messages(path)
            elif path.suffix == ".html":
                found = template_messages(path)
            else:
                continue
            for line, msgid, plural in found:
                where = (str(path.relative_to(root)), str(line))
                entry = entries.get((msgid, plural))
                if entry is None:
                    entry = polib.POEntry(msgid=msgid, msgid_plural=plural or "", occurrences=[])
                    if plural:
                        entry.msgstr_plural = {0: "", 1: ""}
                    if "%(" in msgid or "%d" in msgid or "%s" in msgid:
                        entry.flags.append("python-format")
                    elif BRACE.search(msgid + (plural or "")):
                        entry.flags.append("python-brace-format")  # msgfmt and PO editors check {names}
                    entries[(msgid, plural)] = entry
                entry.occurrences.append(where)
    for entry in sorted(entries.values(), key=lambda e: (e.occurrences[0][0], int(e.occurrences[0][1]))):
        catalog.append(entry)
    return catalog


def write_template(root=ROOT, template_dir=UI_DIR):
    catalog = extract(root)
    Path(template_dir).mkdir(parents=True, exist_ok=True)
    target = Path(template_dir) / "text.pot"
    catalog.save(str(target))
    return target, len(catalog)


def write_content_templates(template_dir, extra_module_dirs=()):
    """One template per module: translations/content/templates/<module file stem>.pot; also for
    the module files in `extra_module_dirs` (a member's national modules)."""
    from courses.lmd import model

    from .content import template
    Path(template_dir).mkdir(parents=True, exist_ok=True)
    written = []
    for path in [*model.module_paths(), *(p for d in extra_module_dirs for p in model.module_paths(d))]:
        target = Path(template_dir) / f"{path.stem}.pot"
        template(path.read_text(encoding="utf-8")).save(str(target))
        written.append(target)
    from . import course_text
    target = Path(template_dir) / f"{course_text.STEM}.pot"
    course_text.template().save(str(target))  # the about page, card text and licence terms
    return written + [target]
