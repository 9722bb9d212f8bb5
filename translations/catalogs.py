"""The translator's workflow on the UI catalogs, with gettext's own tools where they exist
(msgmerge marks changed strings fuzzy and keeps the previous text; msgfmt checks and compiles):
init, update, check, stats, compile. Every command takes the translations folder as `root`."""
import csv
import re
import shutil
import subprocess
from pathlib import Path

import polib
from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural
from babel.plural import PluralRule, to_gettext

from xblocks.common.sanitize import sanitize_html

from .content import translation_problem

ROOT = Path(__file__).resolve().parent
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?$")
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w*\}|%[sd]")
TAG = re.compile(r"<[^>]+>")


class CatalogError(ValueError):
    pass


def ui_po(root, locale):
    return Path(root) / "ui" / locale / "LC_MESSAGES" / "text.po"


def locales(root=ROOT):
    base = Path(root) / "ui"
    return sorted(p.name for p in base.iterdir() if (p / "LC_MESSAGES" / "text.po").exists()) if base.is_dir() else []


def init(locale, root=ROOT):
    if not LOCALE.match(locale):
        raise CatalogError(f"invalid locale code {locale!r}: use a language code, optionally with a region (pt_BR)")
    target = ui_po(root, locale)
    if target.exists():
        raise CatalogError(f"{target} exists already: use `lmd translations update`")
    template = polib.pofile(str(Path(root) / "ui" / "text.pot"))
    template.metadata.update(_header(locale))
    count = int(re.search(r"nplurals\s*=\s*(\d+)", template.metadata["Plural-Forms"]).group(1))
    for entry in template:
        if entry.msgid_plural:  # as many forms as the language has (six in Arabic)
            entry.msgstr_plural = {index: "" for index in range(count)}
    target.parent.mkdir(parents=True, exist_ok=True)
    template.save(str(target))
    for module_template in sorted((Path(root) / "content" / "templates").glob("*.pot")):
        content = polib.pofile(str(module_template))
        content.metadata.update(_header(locale))
        path = Path(root) / "content" / locale / f"{module_template.stem}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        content.save(str(path))
    return target


CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


def plural_forms(locale):
    """The Plural-Forms header of `locale` from CLDR's plural rules (through Babel): one form per
    category that whole numbers reach (CLDR's forms for fractions, or for millions in compact
    notation, are left out, as gettext counts whole things), in CLDR's order, so that ngettext
    and the scripts' Intl.PluralRules pick the same form. Arabic has six; pt_BR is n > 1."""
    try:
        rule = Locale.parse(locale).plural_form
    except (UnknownLocaleError, ValueError) as exc:
        raise CatalogError(f"no CLDR plural rules for {locale!r}: {exc}") from None
    reached = {rule(n) for n in range(0, 1100)}  # the rules look at n, n % 10 and n % 100
    kept = [tag for tag in CLDR_ORDER if tag in reached]
    fallback = "other" if "other" in reached else kept[-1]
    header = to_gettext(PluralRule({tag: rule.rules[tag] for tag in kept if tag != fallback}))
    try:
        table = get_plural(locale)  # Babel's hand-written expression, tidier, when it agrees
        if table.num_plurals == len(kept):
            header = table.plural_forms
    except (UnknownLocaleError, ValueError):
        pass
    return header


def _header(locale):
    """The header fields msgfmt --check expects of a new catalog."""
    return {"Language": locale, "Plural-Forms": plural_forms(locale),
            "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE", "Last-Translator": "", "Language-Team": locale}


def update(root=ROOT):
    """Merge the template into every catalog: new strings added, changed ones fuzzy (not used
    until a translator reviews them), removed ones kept as obsolete."""
    template = Path(root) / "ui" / "text.pot"
    for locale in locales(root):
        pairs = [(ui_po(root, locale), template)]
        for module_template in sorted((Path(root) / "content" / "templates").glob("*.pot")):
            po = Path(root) / "content" / locale / f"{module_template.stem}.po"
            if not po.exists():  # a new module: its catalog starts empty
                po.parent.mkdir(parents=True, exist_ok=True)
                new = polib.pofile(str(module_template))
                new.metadata.update(_header(locale))
                new.save(str(po))
            pairs.append((po, module_template))
        for po, pot in pairs:
            subprocess.run([_tool("msgmerge"), "--quiet", "--update", "--backup=none", "--previous", str(po),
                            str(pot)], check=True)
    return locales(root)


def stats(root=ROOT):
    """{locale: (translated, total, percent)}; fuzzy entries do not count."""
    out = {}
    for locale in locales(root):
        po = polib.pofile(str(ui_po(root, locale)))
        total = len([e for e in po if not e.obsolete])
        done = len(po.translated_entries())
        out[locale] = (done, total, round(100 * done / total, 1) if total else 100.0)
    return out


def content_stats(locale, root=ROOT):
    """{module stem: (translated, total, percent)} for one locale's content catalogs."""
    out = {}
    for path in sorted((Path(root) / "content" / locale).glob("*.po")):
        po = polib.pofile(str(path))
        total = len([e for e in po if not e.obsolete])
        done = len(po.translated_entries())
        out[path.stem] = (done, total, round(100 * done / total, 1) if total else 100.0)
    return out


def glossary(locale, root=ROOT):
    """{English term: the agreed translation} from translations/glossary/<language>.csv."""
    return {row["term"].lower(): row["translation"] for row in _glossary_rows(locale, root)
            if not row["term"].startswith(("^", "!"))}


def _glossary_rows(locale, root=ROOT):
    path = Path(root) / "glossary" / f"{locale.split('_')[0]}.csv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def openings(locale, root=ROOT):
    """{English opening: agreed opening}: glossary rows "^Correct.,Exact." (a quiz feedback's
    verdict reads the same in every module)."""
    return {row["term"][1:]: row["translation"] for row in _glossary_rows(locale, root) if row["term"].startswith("^")}


def avoided(locale, root=ROOT):
    """{word: the word to write instead}: glossary rows "!coste,costo" (the declared variety of the
    language, or a term the translators dropped)."""
    return {row["term"][1:].lower(): row["translation"] for row in _glossary_rows(locale, root)
            if row["term"].startswith("!")}


REVIEWED = "glossary: reviewed"


def _translation(entry):
    """The translation of an entry, every plural form of it included."""
    return " ".join(entry.msgstr_plural.values()) if entry.msgid_plural else entry.msgstr


def _uses(target, agreed):
    """Whether `target` uses the agreed translation, allowing for inflection: each word of more
    than three letters appears by its stem (declaración/declaraciones, directeur/directrice
    générale, parte interesada/partes interesadas)."""
    words = [w for w in re.findall(r"\w+", agreed.lower()) if len(w) > 3]
    if not words:
        return agreed.lower() in target
    return all(re.search(r"\b" + re.escape(w[:max(4, min(len(w) - 3, 7))]), target) for w in words)


def glossary_warnings(root=ROOT):
    """'file:line: ...' where a glossary term is in the English but its agreed translation is
    not in the translation. A translator who checked that the term means something else there
    ("release" of a person, not of goods) writes the translator comment "glossary: reviewed"."""
    warnings = []
    for locale in locales(root):
        # Longest first: a term inside a longer one ("clearance" in "post-clearance audit") is A term counts in the plural too.
        # checked as part of the longer term only.
        terms = [(term, agreed, re.compile(rf"\b{re.escape(term)}(?:s|es)?\b"))
                 for term, agreed in sorted(glossary(locale, root).items(), key=lambda item: -len(item[0]))]
        paths = [ui_po(root, locale), *sorted((Path(root) / "content" / locale).glob("*.po"))]
        for path in paths:
            for entry in polib.pofile(str(path)).translated_entries():
                if REVIEWED in (entry.tcomment or ""):
                    continue
                source, target = PLACEHOLDER.sub("", entry.msgid).lower(), _translation(entry).lower()
                for term, agreed, found in terms:
                    if not found.search(source):
                        continue
                    source = found.sub(" ", source)
                    # a term kept verbatim in the translation is a name (an account, a product)
                    if not _uses(target, agreed) and term not in target:
                        warnings.append(f"{path}:{entry.linenum}: glossary: '{term}' is '{agreed}' in {locale}")
    return warnings


def usage_warnings(root=ROOT):
    """'file:line: ...' where a translation opens otherwise than agreed (quiz feedback: "Exact."
    in every module) or uses a word the glossary says to avoid (the language's declared variety:
    "costo", not "coste")."""
    warnings = []
    for locale in locales(root):
        opening, avoid = openings(locale, root), avoided(locale, root)
        words = {word: re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE) for word in avoid}
        for path in [ui_po(root, locale), *sorted((Path(root) / "content" / locale).glob("*.po"))]:
            for entry in polib.pofile(str(path)).translated_entries():
                if REVIEWED in (entry.tcomment or ""):
                    continue
                for english, agreed in opening.items():
                    if entry.msgid.startswith(english) and not entry.msgstr.startswith(agreed):
                        warnings.append(f"{path}:{entry.linenum}: glossary: a text opening {english!r} opens "
                                        f"{agreed!r} in {locale}")
                for word, pattern in words.items():
                    if pattern.search(_translation(entry)):
                        warnings.append(f"{path}:{entry.linenum}: glossary: write {avoid[word]!r}, not {word!r}, in "
                                        f"{locale}")
    return warnings


def consistency_warnings(root=ROOT, longest=80):
    """'file:line: ...' where a short string (a title, an option) has several translations
    across one language's content catalogs: "Check your understanding" reads the same in every
    module. The first translation met is taken as the reference."""
    warnings = []
    for locale in locales(root):
        first = {}
        for path in sorted((Path(root) / "content" / locale).glob("*.po")):
            for entry in polib.pofile(str(path)).translated_entries():
                if len(entry.msgid) > longest or REVIEWED in (entry.tcomment or ""):
                    continue
                reference = first.setdefault(entry.msgid, (entry.msgstr, path.name))
                if reference[0] != entry.msgstr:
                    warnings.append(f"{path}:{entry.linenum}: consistency: {entry.msgid!r} is "
                                    f"{reference[0]!r} in {reference[1]}, {entry.msgstr!r} here")
    return warnings


NUMBER_STYLES = "number-formats.csv"  # in glossary/: each language's decimal sign, digit grouping, percent
NON_BREAKING = "\u00a0\u202f"
REFERENCE = re.compile(r"(?:article|artículo|standard|norma|norme|section|sección|chapter|capítulo|chapitre|annex|"
                       r"anexo|annexe|module|módulo|paragraph|párrafo|paragraphe|rule|regla|règle|version|versión|"
                       r"step|étape|paso|q|[A-Z]{2,})\W{0,3}$|(?:^|[.:]\s+)$", re.IGNORECASE)  # or a numbered paragraph


def number_styles(root=ROOT):
    """{language: {"decimal": ",", "group": NBSP, "percent": NBSP + "%"}} from glossary/number-formats.csv."""
    path = Path(root) / "glossary" / NUMBER_STYLES
    if not path.exists():
        return {}
    unescape = lambda value: value.encode("ascii", "backslashreplace").decode("unicode_escape")  # noqa: E731
    with open(path, encoding="utf-8") as handle:
        return {row["language"]: {key: unescape(row[key]) for key in ("decimal", "group", "percent")}
                for row in csv.DictReader(handle)}


def _is_space(text):
    return bool(text) and all(c in NON_BREAKING for c in text)


def _number_problems(text, style):
    """What in `text` breaks the language's number style (numbers that cite a reference, such as
    "Article 7.6", are not amounts and are left alone)."""
    problems = []
    for match in re.finditer(r"(?<![\d.,])(\d{1,3})([,. \u00a0\u202f])(\d{3})(?:\2\d{3})*(?![\d])", text):
        separator = match.group(2)
        if separator == style["decimal"] or REFERENCE.search(text[:match.start()]):
            continue  # 1,500 in French is one and a half: a decimal
        if separator == style["group"] or _is_space(separator) and _is_space(style["group"]):
            continue
        problems.append(f"digit grouping {match.group(0)!r}: group thousands with {style['group']!r}")
    for match in re.finditer(r"(?<![\d.,])\d+([.,])\d{1,2}(?![\d.,])", text):
        if match.group(1) != style["decimal"] and not REFERENCE.search(text[:match.start()]):
            problems.append(f"decimal sign in {match.group(0)!r}: write {style['decimal']!r}")
    wanted = style["percent"][:-1]
    for match in re.finditer(r"(?:\d|\{\w+\}|%\(\w+\)s)([ \u00a0\u202f]?)%(?!\()", text):
        spacing = match.group(1)
        if not (spacing == wanted or _is_space(spacing) and _is_space(wanted)):
            problems.append(f"percent sign in {match.group(0)!r}: write {style['percent']!r} after the number")
    return problems


def number_warnings(root=ROOT):
    """'file:line: numbers: ...' where a translation writes numbers other than its language's style
    (glossary/number-formats.csv): one decimal sign, one way of grouping thousands, one percent."""
    warnings = []
    styles = number_styles(root)
    for locale in locales(root):
        style = styles.get(locale) or styles.get(locale.split("_")[0])
        if not style:
            continue
        for path in [ui_po(root, locale), *sorted((Path(root) / "content" / locale).glob("*.po"))]:
            for entry in polib.pofile(str(path)).translated_entries():
                texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
                for text in texts:
                    for problem in _number_problems(TAG.sub(" ", text), style):
                        warnings.append(f"{path}:{entry.linenum}: numbers: {problem}")
    return warnings


def check(root=ROOT):
    """Problems as 'file:line: message' (msgfmt's checks, placeholders, markup the sanitizer would
    strip or that is not balanced)."""
    problems = []
    for locale in locales(root):
        po_path = ui_po(root, locale)
        result = subprocess.run([_tool("msgfmt"), "--check", "-o", "/dev/null", str(po_path)],
                                capture_output=True, text=True)
        problems += [line for line in result.stderr.splitlines() if "warning" not in line and line.strip()]
        for entry in polib.pofile(str(po_path)).translated_entries():
            pairs = _pairs(entry)
            for index, (source, translation) in enumerate(pairs):
                # A plural form used for one number only ("ساعة واحدة", one hour; "ساعتان", two
                # hours) may leave the number out; the last form, the general one, has them all.
                partial = entry.msgid_plural and index < len(pairs) - 1
                problems += [f"{po_path}:{entry.linenum}: {p}" for p in _compare(source, translation, partial)]
        for path in sorted((Path(root) / "content" / locale).glob("*.po")):
            result = subprocess.run([_tool("msgfmt"), "--check", "-o", "/dev/null", str(path)],
                                    capture_output=True, text=True)
            problems += [line for line in result.stderr.splitlines() if "warning" not in line and line.strip()]
            for entry in polib.pofile(str(path)).translated_entries():
                kind = "rich" if entry.comment.startswith("rich") else "plain"
                problem = translation_problem(kind, entry.msgstr)
                if problem:
                    problems.append(f"{path}:{entry.linenum}: {problem}")
    return problems


def _pairs(entry):
    if entry.msgid_plural:
        return [(entry.msgid_plural if i else entry.msgid, text) for i, text in sorted(entry.msgstr_plural.items())]
    return [(entry.msgid, entry.msgstr)]


def _compare(source, translation, partial=False):
    problems = []
    found, expected = PLACEHOLDER.findall(translation), PLACEHOLDER.findall(source)
    if (not set(found) <= set(expected)) if partial else sorted(expected) != sorted(found):
        problems.append(f"placeholders differ: {sorted(set(PLACEHOLDER.findall(source)))} in the source, "
                        f"{sorted(set(PLACEHOLDER.findall(translation)))} in the translation")
    if TAG.search(translation):
        if sanitize_html(translation) != translation:
            problems.append("markup the sanitizer would strip or rewrite: " + translation[:80])
        elif sorted(TAG.findall(source)) != sorted(TAG.findall(translation)):
            problems.append("markup differs from the source")
    return problems


INSTALLED_BLOCKS = ROOT.parent / "xblocks"


def installed_catalogs(blocks_dir, locale):
    """Where the platform looks for our compiled catalogs of `locale`: the LMS's XBlock i18n
    service reads `<top package of the block's module>/translations/<locale>/LC_MESSAGES/text.mo`
    (xmodule/modulestore/django.py, XBlockI18nService); Django reads an installed app's
    `locale/<locale>/LC_MESSAGES/django.mo` (the access app's pages, e-mails, refusals)."""
    blocks_dir = Path(blocks_dir)
    return [blocks_dir / "translations" / locale / "LC_MESSAGES" / "text.mo",
            blocks_dir.parent / "lmd_access" / "locale" / locale / "LC_MESSAGES" / "django.mo"]


def compile_catalogs(root=ROOT, blocks_dir=INSTALLED_BLOCKS):
    """.po -> .mo: text.mo and django.mo beside each catalog (Django's LOCALE_PATHS in the demo),
    and copies where Open edX finds the blocks' and the access app's catalogs (`blocks_dir`:
    the xblocks package; None: not copied)."""
    written = []
    for locale in locales(root):
        po = ui_po(root, locale)
        mo = po.with_suffix(".mo")
        subprocess.run([_tool("msgfmt"), "--check", "-o", str(mo), str(po)], check=True)
        shutil.copyfile(mo, po.parent / "django.mo")
        written += [mo, po.parent / "django.mo"]
        for target in installed_catalogs(blocks_dir, locale) if blocks_dir else ():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(mo, target)
            written.append(target)
    return written


def _tool(name):
    path = shutil.which(name)
    if not path:
        raise CatalogError(f"{name} not found: install Debian's gettext package")
    return path
