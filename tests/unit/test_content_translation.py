"""Course content through catalogs: every string with its context, a partial translation falls
back to English, a broken or hostile translation is not used, and a localized export builds."""
import re
import shutil
import zipfile
from pathlib import Path

import polib
import pytest

from courses.cli import main
from courses.lmd import model
from translations import catalogs
from translations.content import localize, template

ROOT = Path(__file__).resolve().parents[2] / "translations"
MODULE = model.load_course()[0]


def test_template_has_unique_contexts_and_covers_every_kind_of_field():
    catalog = template(MODULE.xml)
    contexts = [e.msgctxt for e in catalog]
    assert len(contexts) == len(set(contexts))
    joined = "\n".join(contexts)
    for piece in ("|.@display_name", "objective:o1", "|m01-case|analysis", "|m01-rp|node:", "/choice:",
                  "/feedback", "|m01-quiz|question:q1/prompt", "role:", "@name", "ending:", "debrief"):
        assert piece in joined, piece


def _translated(catalog, context_part, text):
    entry = next(e for e in catalog if context_part in e.msgctxt)
    entry.msgstr = text
    return entry


def test_partial_translation_falls_back_to_english_and_keeps_every_id():
    catalog = template(MODULE.xml)
    _translated(catalog, "|.@display_name", "Introduction (FR)")
    objective = _translated(catalog, "objective:o1", "Décrire l’objet du programme.")
    fuzzy = _translated(catalog, "objective:o2", "Traduction à revoir")
    fuzzy.flags.append("fuzzy")
    xml, used, refused = localize(MODULE.xml, catalog)
    localized = model.parse_module(xml)
    assert used == 2 and refused == []
    assert localized.title == "Introduction (FR)" and localized.objectives[0]["text"] == objective.msgstr
    assert localized.objectives[1]["text"] == MODULE.objectives[1]["text"]  # fuzzy: not used
    assert [(p.tag, p.url_name) for p in localized.parts] == [(p.tag, p.url_name) for p in MODULE.parts]
    quiz, original = localized.parts_of("lmd_quiz")[0].data, MODULE.parts_of("lmd_quiz")[0].data
    assert [q["id"] for q in quiz["questions"]] == [q["id"] for q in original["questions"]]


@pytest.mark.parametrize("text,problem", [
    ("<p>Analyse <script>alert(1)</script></p>", "sanitizer would strip: script"),
    ('<p onclick="x()">Analyse</p>', "sanitizer would strip: p@onclick"),
    ("<p>Analyse non fermée", "broken markup"),
])
def test_hostile_or_broken_translation_is_not_used(text, problem):
    catalog = template(MODULE.xml)
    _translated(catalog, "|m01-case|analysis", text)
    xml, used, refused = localize(MODULE.xml, catalog)
    assert used == 0 and problem in refused[0][1]
    assert model.parse_module(xml).parts_of("lmd_case_study")[0].data["analysis"] == \
        MODULE.parts_of("lmd_case_study")[0].data["analysis"]


def test_localized_scorm_export_is_in_french(tmp_path):
    target = tmp_path / "fr.zip"
    catalog = polib.pofile(str(ROOT / "content" / "fr" / f"{MODULE.path.stem}.po"))
    french_title = next(e.msgstr for e in catalog if e.msgctxt.endswith("@display_name") and e.msgstr
                        and e.msgstr != e.msgid)  # a section title ("Introduction" is French too)
    assert main(["export", "scorm", "--scorm-version", "2004", "--lang", "fr", "--module", "1", "--quiet",
                 "-o", str(target)]) == 0
    with zipfile.ZipFile(target) as archive:
        page = archive.read("m01/index.html").decode()
        manifest = archive.read("imsmanifest.xml").decode()
    assert 'lang="fr"' in page and french_title in page
    assert "<language>fr</language>" in manifest and "Développement du leadership" in manifest


def test_stats_and_check_cover_content_catalogs(tmp_path):
    root = tmp_path / "translations"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns("*.mo", "__pycache__", "*.py"))
    po_path = root / "content" / "fr" / f"{MODULE.path.stem}.po"
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = ""
    next(e for e in po if e.msgctxt.endswith("|m01-case|analysis")).msgstr = "<p>x<script>y</script></p>"
    po.save(str(po_path))
    stats = catalogs.content_stats("fr", root)
    assert stats[MODULE.path.stem][0] == 1
    assert any("sanitizer would strip" in p and ".po:" in p for p in catalogs.check(root))


@pytest.mark.parametrize("module", model.load_course(), ids=lambda m: m.path.stem)
def test_french_and_spanish_content_is_complete_and_current(module):
    """Every module's template matches its XML, and French and Spanish translate all of it,
    nothing fuzzy, every translation usable (none refused by the markup checks)."""
    current = {(e.msgctxt, e.msgid) for e in template(module.xml)}
    assert {(e.msgctxt, e.msgid) for e in polib.pofile(str(ROOT / "content/templates" / f"{module.path.stem}.pot"))} \
        == current, "run `lmd translations extract` and `update`"
    for locale in ("fr", "es"):
        catalog = polib.pofile(str(ROOT / "content" / locale / f"{module.path.stem}.po"))
        assert {(e.msgctxt, e.msgid) for e in catalog if not e.obsolete} == current, locale
        assert catalog.untranslated_entries() == [] and catalog.fuzzy_entries() == [], locale
        _xml, used, refused = localize(module.xml, catalog)
        assert (used, refused) == (len(current), []), locale


def test_short_texts_read_the_same_in_every_module():
    assert catalogs.consistency_warnings(ROOT) == []


def test_a_language_without_catalogs_is_english_and_logged(caplog):
    with caplog.at_level("WARNING", logger="translations.content"):
        modules = model.course_for(lang="de")
    assert [m.title for m in modules] == [m.title for m in model.load_course()]
    assert "no de content catalog: the course stays in English" in caplog.text


def test_course_description_is_translated_and_exported_in_french():
    """The about page, card and licence terms come from course.po; the sentences the exporter
    writes around them (programme, effort, update date) from the interface catalogs."""
    from courses.olx_export import stage
    from translations import course_text
    assert {(e.msgctxt, e.msgid) for e in course_text.template()} == \
        {(e.msgctxt, e.msgid) for e in polib.pofile(str(ROOT / "content/templates/course.pot"))}
    for locale in ("fr", "es"):
        catalog = polib.pofile(str(ROOT / "content" / locale / "course.po"))
        assert catalog.untranslated_entries() == [] and catalog.fuzzy_entries() == [], locale
    files = stage(model.course_for(lang="fr"), "fr")
    overview = files["about/overview.html"].decode()
    for french in ("À propos de ce cours", "Le programme", "Conditions de la licence", "Module 9\u00a0: Promouvoir",
                   "(6 heures)", "coordonnateur national"):
        assert french in overview, french
    assert "About this course" not in overview and "<!--" not in overview
    assert files["about/effort.html"].decode().startswith("Environ ")
    assert "<h2>1 janvier 2026</h2>" in files["info/updates.html"].decode()
    assert "Treize modules" in files["about/short_description.html"].decode()


def test_spanish_olx_export_names_the_course_and_its_chapters_in_spanish():
    from courses.olx_export import RUN, stage
    files = stage(model.course_for(lang="es"), "es")
    course = files[f"course/{RUN}.xml"].decode()
    assert 'display_name="Desarrollo del Liderazgo y la Gestión"' in course
    chapter = next(v.decode() for k, v in files.items() if k.startswith("chapter/m09"))
    assert 'display_name="Módulo 9: ' in chapter


def test_check_catches_inconsistent_terms_variety_and_number_formats(tmp_path):
    """Issue 16: the terms the reviewers harmonized stay harmonized (inspección, comisionado,
    Exact/Inexact, tableau de service, one name for the programme), the declared Spanish variety
    holds, and numbers follow each language's style (glossary/number-formats.csv)."""
    assert catalogs.glossary_warnings(ROOT) == [] and catalogs.usage_warnings(ROOT) == []
    assert catalogs.number_warnings(ROOT) == []
    root = tmp_path / "translations"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns("*.mo", "__pycache__", "*.py"))

    def plant(locale, module, where, edit):
        path = root / "content" / locale / f"{module}.po"
        po = polib.pofile(str(path))
        entry = next(e for e in po if where(e))
        entry.msgstr = edit(entry.msgstr)
        po.save(str(path))
        return entry

    plant("es", "02-modern-customs", lambda e: e.msgstr.count("inspec") == 1 and "inspección física" in e.msgstr,
          lambda s: s.replace("inspección física", "examen físico"))
    plant("es", "10-negotiation", lambda e: "comisionado" in e.msgstr.lower() and "ommissioner" in e.msgid,
          lambda s: s.replace("comisionado", "comisario").replace("Comisionado", "Comisario"))
    plant("fr", "05-leadership", lambda e: e.msgstr.startswith("Exact."), lambda s: "Correct." + s[len("Exact."):])
    plant("fr", "10-negotiation", lambda e: "tableau de service" in e.msgstr, lambda s: s.replace("tableau de service",
                                                                                                   "planning"))
    plant("es", "11-communication", lambda e: "costo" in e.msgstr, lambda s: s.replace("costo", "coste"))
    plant("es", "04-self-evaluation", lambda e: "\u00a0%" in e.msgstr, lambda s: s.replace("\u00a0%", "%"))
    plant("es", "02-modern-customs", lambda e: "148\u00a0000" in e.msgstr, lambda s: s.replace("148\u00a0000", "148.000"))
    plant("fr", "09-integrity", lambda e: "," in e.msgstr and re.search(r"\d,\d", e.msgstr) is not None,
          lambda s: re.sub(r"(\d),(\d)", r"\1.\2", s, count=1))
    warnings = "\n".join(catalogs.glossary_warnings(root) + catalogs.usage_warnings(root)
                         + catalogs.number_warnings(root))
    for expected in ("'examination' is 'inspección' in es", "write 'comisionado', not 'comisario'",
                     "opening 'Correct.' opens 'Exact.' in fr", "'roster' is 'tableau de service' in fr",
                     "write 'costo', not 'coste'", "percent sign in", "digit grouping '148.000'",
                     "decimal sign in"):
        assert expected in warnings, expected
