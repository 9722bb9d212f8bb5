"""The interface catalogs: complete French and Spanish, clean for msgfmt, compiled files in step
with their sources, and a new language added through the CLI alone."""
import shutil
import subprocess
from pathlib import Path

import polib

from courses.cli import main
from courses.lmd import model
from translations import catalogs

ROOT = Path(__file__).resolve().parents[2] / "translations"


def test_french_and_spanish_are_complete_and_not_fuzzy():
    for locale in ("fr", "es"):
        po = polib.pofile(str(catalogs.ui_po(ROOT, locale)))
        assert po.untranslated_entries() == [] and po.fuzzy_entries() == [], locale
    assert catalogs.stats(ROOT) == {"es": (len(polib.pofile(str(ROOT / "ui/text.pot"))),) * 2 + (100.0,),
                                    "fr": (len(polib.pofile(str(ROOT / "ui/text.pot"))),) * 2 + (100.0,)}


def test_template_is_up_to_date_with_the_sources():
    from translations.extract import extract
    assert {e.msgid for e in extract()} == {e.msgid for e in polib.pofile(str(ROOT / "ui/text.pot"))}


def test_catalogs_pass_msgfmt_and_the_project_checks():
    assert catalogs.check(ROOT) == []


def test_compiled_catalogs_match_their_sources(tmp_path):
    for locale in ("fr", "es"):
        po = catalogs.ui_po(ROOT, locale)
        fresh = tmp_path / f"{locale}.mo"
        subprocess.run([shutil.which("msgfmt"), "-o", str(fresh), str(po)], check=True)
        assert po.with_suffix(".mo").read_bytes() == fresh.read_bytes(), f"run `lmd translations compile` ({locale})"
        # Where Open edX looks: the blocks' top package, and the access app's locale/.
        for installed in catalogs.installed_catalogs(ROOT.parent / "xblocks", locale):
            assert installed.read_bytes() == fresh.read_bytes(), installed


def test_a_partial_portuguese_catalog_through_the_cli(tmp_path, capsys):
    """A member's translator, with the command line alone: a catalog root in the overlay, a
    partial Portuguese translation, stats, English where untranslated, a Portuguese export."""
    import gettext
    import zipfile

    overlay = tmp_path / "eastland"
    root = overlay / "translations"
    (overlay / "modules").mkdir(parents=True)
    shutil.copy(ROOT.parent / "demo/lmd_demo/national/n1-eastland.xml", overlay / "modules")
    lmd = lambda *args: main(["translations", "--root", str(root), *args])  # noqa: E731
    assert lmd("extract", "--overlay", str(overlay)) == 0 and lmd("init", "pt_PT") == 0
    assert (root / "content" / "pt_PT" / "n1-eastland.po").exists()  # the national module too
    assert lmd("init", "pt PT") == 2  # not a locale code: refused with the reason
    po = polib.pofile(str(catalogs.ui_po(root, "pt_PT")))
    po.find("Submit answers").msgstr = "Enviar respostas"
    po.find("Correct").msgstr = "Correto"
    po.save(str(catalogs.ui_po(root, "pt_PT")))
    content_path = root / "content" / "pt_PT" / "01-introduction.po"
    content = polib.pofile(str(content_path))
    title = next(e for e in content if e.msgctxt.endswith("|m01-s1|.@display_name"))
    title.msgstr = "Porque existe este programa"
    content.save(str(content_path))
    capsys.readouterr()
    assert lmd("stats") == 0 and lmd("compile") == 0
    out = capsys.readouterr().out
    assert any(l.startswith("pt_PT") and "(2 of" in l for l in out.splitlines())
    assert "(1 of" in next(l for l in out.splitlines() if "01-introduction" in l and "(1 of" in l)

    ui = gettext.translation("text", localedir=str(root / "ui"), languages=["pt_PT"])
    assert ui.gettext("Submit answers") == "Enviar respostas"
    assert ui.gettext("Save draft") == "Save draft"  # untranslated: English

    target = tmp_path / "pt.zip"
    assert main(["export", "scorm", "--scorm-version", "2004", "--lang", "pt_PT", "--overlay", str(overlay),
                 "--module", "1", "--quiet", "-o", str(target)]) == 0
    with zipfile.ZipFile(target) as archive:
        page = archive.read("m01/index.html").decode()
    english = model.load_course()[0]
    assert "Porque existe este programa" in page
    assert english.objectives[0]["text"] in page  # untranslated content: English


def test_check_reports_broken_placeholders_and_markup(tmp_path):
    root = tmp_path / "translations"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns("*.mo", "__pycache__", "*.py"))
    po_path = catalogs.ui_po(root, "fr")
    po = polib.pofile(str(po_path))
    po.find("Attempts left: {n}.").msgstr = "Tentatives restantes."
    po.find("Move up: %(text)s").msgstr = "<script>alert(1)</script>Monter\u00a0: %(text)s"
    po.save(str(po_path))
    problems = catalogs.check(root)
    assert any("placeholders differ" in p and "text.po:" in p for p in problems)
    assert any("sanitizer would strip" in p for p in problems)


def test_update_marks_changed_sources_fuzzy(tmp_path):
    root = tmp_path / "translations"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns("*.mo", "__pycache__", "*.py"))
    pot = polib.pofile(str(root / "ui/text.pot"))
    # a small edit, as a copy-editor makes (msgmerge matches the nearest old string)
    pot.find("Submit answers").msgid = "Submit your answers"
    pot.save(str(root / "ui/text.pot"))
    catalogs.update(root)
    entry = polib.pofile(str(catalogs.ui_po(root, "fr"))).find("Submit your answers")
    assert "fuzzy" in entry.flags and entry.previous_msgid == "Submit answers"


def test_glossary_keeps_customs_terms_consistent(tmp_path):
    assert catalogs.glossary_warnings(ROOT) == []
    assert catalogs.glossary("fr", ROOT)["authorised economic operator"] == "opérateur économique agréé"
    root = tmp_path / "translations"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns("*.mo", "__pycache__", "*.py"))
    po_path = catalogs.ui_po(root, "fr")
    po = polib.pofile(str(po_path))
    po.find("Your national coordinator decides; you will receive an e-mail.").msgstr = \
        "Votre correspondant national décide ; vous recevrez un courriel."
    po.save(str(po_path))
    assert any("glossary: 'national coordinator' is 'coordonnateur national'" in w
               for w in catalogs.glossary_warnings(root))


def test_init_takes_each_languages_plural_rules_from_cldr(tmp_path):
    """Plural-Forms from CLDR through Babel, for any language: Arabic's six forms, pt_BR's n > 1,
    Russian's three; and a new Arabic catalog has six msgstr[] per plural entry."""
    import gettext
    expected = {"ar": [0, 1, 2, 3, 3, 4, 5, 5], "pt_BR": [0, 0, 1, 1, 1, 1, 1, 1], "ru": [2, 0, 1, 1, 2, 2, 2, 2],
                "es": [1, 0, 1, 1, 1, 1, 1, 1], "fr": [0, 0, 1, 1, 1, 1, 1, 1], "ja": [0] * 8}
    samples = [0, 1, 2, 3, 10, 11, 100, 1000000 + 100]
    for locale, forms in expected.items():
        header = catalogs.plural_forms(locale)
        rule = gettext.c2py(header.split("plural=")[1].rstrip(";"))
        assert [rule(n) for n in samples] == forms, (locale, header)
    root = tmp_path / "translations"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns("*.mo", "__pycache__", "*.py", "fr", "es"))
    catalogs.init("ar", root)
    po = polib.pofile(str(catalogs.ui_po(root, "ar")))
    assert po.metadata["Plural-Forms"].startswith("nplurals=6;")
    assert all(len(e.msgstr_plural) == 6 for e in po if e.msgid_plural)
    result = subprocess.run([shutil.which("msgfmt"), "--check", "-o", "/dev/null", str(catalogs.ui_po(root, "ar"))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_script_tables_carry_every_plural_form_of_the_language():
    """A script learns a count in the browser: the server hands it one sentence per CLDR category
    (chosen there by Intl.PluralRules), each from the catalog through ngettext."""
    from django.utils import translation

    from xblocks.common.plurals import N_, translate_table
    strings = {"progress": N_("{done} of {total} activity complete", "{done} of {total} activities complete", "total"),
               "plain": "Submit answers"}
    with translation.override("fr"):
        table = translate_table(strings, translation.gettext, translation.ngettext, "fr")
    assert table["plain"] == "Envoyer les réponses"
    assert table["progress"]["count"] == "total" and table["progress"]["language"] == "fr"
    assert table["progress"]["forms"]["one"] == "{done} activité terminée sur {total}"
    assert table["progress"]["forms"]["other"] == "{done} activités terminées sur {total}"
    english = translate_table(strings, translation.gettext, translation.ngettext, "ar")["progress"]["forms"]
    assert set(english) == {"zero", "one", "two", "few", "many", "other"}


def test_durations_read_in_the_language_of_the_page():
    from django.utils import translation

    from xblocks.common.durations import localized_duration
    for language, source, shown in (("fr", "6 hours", "6 heures"), ("fr", "90 minutes", "1,5 heure"),
                                    ("es", "1 hour", "1 hora"), ("es", "90 minutes", "1,5 horas"),
                                    ("en", "90 minutes", "1.5 hours"), ("fr", "une journée", "une journée")):
        with translation.override(language):
            assert localized_duration(source, translation.ngettext, language) == shown, (language, source)


def test_translators_kit_is_complete():
    """translations/STYLE.md (register, numbers, place names, variety, customs terms, reviewing a
    module), a blank glossary of the terms French and Spanish agree on, each language's numbers."""
    import csv
    guide = (ROOT / "STYLE.md").read_text(encoding="utf-8")
    for heading in ("## Register", "## Numbers", "## Place names", "## Variety", "## Customs terms",
                    "## Reviewing a module"):
        assert heading in guide, heading
    with open(ROOT / "glossary" / "template.csv", encoding="utf-8") as handle:
        template = list(csv.DictReader(handle))
    agreed = set(catalogs.glossary("fr", ROOT)) & set(catalogs.glossary("es", ROOT))
    assert {row["term"].lower() for row in template} == agreed and all(not row["translation"] for row in template)
    assert set(catalogs.number_styles(ROOT)) == {"fr", "es"}
