"""`lmd export olx`: the archive Studio imports. Checked on a tiny two-module fixture course
(tests/fixtures/olx/: module 2 with every kind of part, module 8A without a quiz, and a module
that does not parse) and on the real course, whatever number of modules is written so far."""
import argparse
import ast
import gzip
import io
import itertools
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import zlib
from dataclasses import replace
from pathlib import Path

import olxcleaner
import pytest
from lxml import etree

from courses import olx_export
from courses.lmd import model
from courses.olx.about import hours
from courses.olx.archive import targz_bytes
from courses.olx_export import (ALLOWED_XBLOCKS, BLOCK_TAGS, PASS_CUTOFF, RUN, add_olx_parser, course_settings,
                                ident, stage)

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "olx"


@pytest.fixture(scope="module")
def fixture_course():
    return model.load_course(FIXTURES / "modules")


@pytest.fixture(scope="module")
def real_course():
    modules = model.load_course()
    assert modules, "the course source has no module"
    return modules


@pytest.fixture(params=["fixture_course", "real_course"])
def course(request):
    return request.getfixturevalue(request.param)


def export(*argv):
    """Run `lmd export olx ARGV` through this module's own parser (what courses/cli.py wires)."""
    parser = argparse.ArgumentParser(prog="lmd export")
    add_olx_parser(parser.add_subparsers(dest="format", required=True))
    args = parser.parse_args(["olx", *map(str, argv)])
    return args.func(args)


def modules_dir(tmp_path, *files):
    """A course source folder holding copies of fixture files: (fixture path, name to give)."""
    directory = tmp_path / "modules"
    directory.mkdir()
    for source, name in files:
        shutil.copy(FIXTURES / source, directory / name)
    return directory


def unpack(archive, into):
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return Path(into) / "course"


def root_of(files, name):
    return etree.fromstring(files[name])


# --- layout --------------------------------------------------------------------------------

def test_archive_holds_the_olx_layout(fixture_course, tmp_path):
    assert export("--modules-dir", FIXTURES / "modules", "-o", tmp_path / "c.tar.gz") == 0
    with tarfile.open(tmp_path / "c.tar.gz") as tar:
        names = tar.getnames()
    files = [f"course/{name}" for name in (
        "course.xml", f"course/{RUN}.xml", f"policies/{RUN}/policy.json", f"policies/{RUN}/grading_policy.json",
        "policies/assets.json", "static/course_image.png", "about/overview.html", "about/short_description.html",
        "about/effort.html", "info/handouts.html", "info/updates.html",
        "chapter/fx02-chapter.xml", "sequential/fx02-learn.xml", "vertical/fx02-overview.xml",
        "vertical/fx02-s1-unit.xml", "sequential/fx02-case-sequence.xml", "vertical/fx02-case-unit.xml",
        "sequential/fx02-rp-sequence.xml", "vertical/fx02-rp-unit.xml", "sequential/fx02-quiz-sequence.xml",
        "vertical/fx02-quiz-unit.xml", "chapter/fx08a-chapter.xml", "sequential/fx08a-learn.xml",
        "vertical/fx08a-overview.xml", "vertical/fx08a-s1-unit.xml", "sequential/fx08a-case-sequence.xml",
        "vertical/fx08a-case-unit.xml")]
    folders = {"course", "course/about", "course/chapter", "course/course", "course/info", "course/policies",
               f"course/policies/{RUN}", "course/sequential", "course/static", "course/vertical"}
    assert set(names) == set(files) | folders
    assert names == sorted(names)


def test_tar_and_gzip_headers_carry_nothing_that_varies(fixture_course):
    data = targz_bytes({f"course/{k}": v for k, v in stage(fixture_course).items()})
    flags, mtime = data[3], struct.unpack("<I", data[4:8])[0]
    assert data[:3] == b"\x1f\x8b\x08" and mtime == 0 and not flags & 0x08  # no timestamp, no file name
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for member in tar.getmembers():
            assert (member.mtime, member.uid, member.gid, member.uname, member.gname) == (0, 0, 0, "", "")
            assert member.mode == (0o755 if member.isdir() else 0o644), member.name
            assert member.isdir() or member.isfile()


def outline_of(files, module):
    """[(subsection title, graded, [(unit title, block tag, block url_name)])] of a module."""
    chapter = root_of(files, f"chapter/{ident(module)}-chapter.xml")
    result = []
    for sequential_ref in chapter:
        sequential = root_of(files, f"sequential/{sequential_ref.get('url_name')}.xml")
        units = []
        for vertical_ref in sequential:
            vertical = root_of(files, f"vertical/{vertical_ref.get('url_name')}.xml")
            [block] = vertical
            units.append((vertical.get("display_name"), block.tag, block.get("url_name")))
        result.append((sequential.get("display_name"), sequential.get("graded") == "true", units))
    return result


def test_each_module_is_a_section_in_the_platforms_own_shape(course):
    """Module = section; "Learn" (the overview, then one unit per teaching section), then one
    subsection per activity, the module's quiz's graded; every block keeps its source url_name.
    An activity before the first section (module 1's pre-test) follows the overview, which is then
    a subsection of its own, titled "Overview"."""
    files = stage(course)
    pointer = root_of(files, "course.xml")
    assert (pointer.tag, dict(pointer.attrib)) == ("course", {"url_name": RUN, "org": "LMD", "course": "LMD101"})
    outline = root_of(files, f"course/{RUN}.xml")
    assert dict(outline.attrib) == course_settings("en")
    assert [c.get("url_name") for c in outline] == [f"{ident(m)}-chapter" for m in course]
    for module in course:
        chapter = root_of(files, f"chapter/{ident(module)}-chapter.xml")
        assert chapter.get("display_name") == f"Module {module.number}: {module.title}"
        head = list(itertools.takewhile(lambda p: p.tag != "html", module.parts))  # before the first section
        rest = module.parts[len(head):]
        sections = [p for p in rest if p.tag == "html"]
        activities = [p for p in rest if p.tag != "html"]
        overview = [("Overview", "lmd_module", module.url_name)]
        assert outline_of(files, module) == [
            *([("Overview", False, overview), *map(activity_subsection, head)] if head else []),
            ("Learn", False, ([] if head else overview) + [(p.display_name, "html", p.url_name) for p in sections]),
            *map(activity_subsection, activities)]
        [overview] = root_of(files, f"vertical/{ident(module)}-overview.xml")
        assert [c.tag for c in overview if isinstance(c.tag, str)] == ["objectives", "introduction"][
            :len([c for c in overview if isinstance(c.tag, str)])]  # the module's own content, no children


def activity_subsection(part):
    """An activity's subsection as outline_of() gives it: graded when it is a module's own quiz."""
    graded = part.tag == "lmd_quiz" and not part.data["purpose"]
    return (part.display_name, graded, [(part.display_name, part.tag, part.url_name)])


def test_the_course_pre_test_and_post_test_are_ungraded_subsections_of_their_own(real_course):
    """Module 1: its overview, then the pre-test, then its teaching; module 12 ends with the
    post-test. Neither is graded (they measure learning gain), and the grading policy's min_count
    counts the thirteen modules' quizzes only."""
    files = stage(real_course)
    first, last = real_course[0], real_course[-1]
    assert outline_of(files, first)[:3] == [
        ("Overview", False, [("Overview", "lmd_module", "m01")]),
        ("Course pre-test: where you start (not graded)", False,
         [("Course pre-test: where you start (not graded)", "lmd_quiz", "lmd-pretest")]),
        ("Learn", False, [(p.display_name, "html", p.url_name) for p in first.parts_of("html")])]
    assert outline_of(files, last)[-2:] == [
        ("Check your understanding", True, [("Check your understanding", "lmd_quiz", "m12-quiz")]),
        ("Course post-test: what you have learned (not graded)", False,
         [("Course post-test: what you have learned (not graded)", "lmd_quiz", "lmd-posttest")])]
    for name in ("lmd-pretest", "lmd-posttest"):
        sequential = root_of(files, f"sequential/{name}-sequence.xml")
        assert sequential.get("graded") is None and sequential.get("format") is None
    graded = [name for name in files if name.startswith("sequential/") and root_of(files, name).get("graded")]
    assert sorted(graded) == sorted(f"sequential/{m.url_name}-quiz-sequence.xml" for m in real_course)
    assert json.loads(files[f"policies/{RUN}/grading_policy.json"])["GRADER"][0]["min_count"] == 13


def test_grading_policy_counts_module_quizzes_not_the_tests_of_learning_gain(tmp_path):
    """A module with a pre-test, its quiz and a post-test: one graded subsection, min_count 1."""
    text = (FIXTURES / "modules" / "02-fixture-risk.xml").read_text(encoding="utf-8")
    quiz = re.search(r'  <lmd_quiz url_name="fx02-quiz".*?</lmd_quiz>\n', text, re.S).group(0)
    tests = {kind: quiz.replace('url_name="fx02-quiz"', f'url_name="fx-{kind}" purpose="{kind}"') for kind in ("pretest", "posttest")}
    module = model.parse_module(text.replace(quiz, tests["pretest"] + quiz + tests["posttest"]), Path("02-fx.xml"))
    files = stage([module])
    assert [root_of(files, f"sequential/{name}-sequence.xml").get("graded") for name in
            ("fx-pretest", "fx02-quiz", "fx-posttest")] == [None, "true", None]
    assert json.loads(files[f"policies/{RUN}/grading_policy.json"])["GRADER"][0]["min_count"] == 1
    # A module that holds the tests and no quiz of its own (module 12 without its quiz) adds none.
    only_tests = text.replace(quiz, tests["pretest"] + tests["posttest"]).replace("fx02", "fx03").replace("fx-", "fy-")
    files = stage([module, model.parse_module(only_tests.replace('number="2"', 'number="3"'), Path("03-fx.xml"))])
    graded = [name for name in files if name.startswith("sequential/") and root_of(files, name).get("graded")]
    assert graded == ["sequential/fx02-quiz-sequence.xml"]
    assert json.loads(files[f"policies/{RUN}/grading_policy.json"])["GRADER"][0]["min_count"] == 1


def test_chapters_follow_programme_order_not_file_order(tmp_path):
    source = modules_dir(tmp_path, ("modules/08a-fixture-diversity.xml", "01-diversity.xml"),
                         ("modules/02-fixture-risk.xml", "02-risk.xml"))
    assert export("--modules-dir", source, "-o", tmp_path / "c.tar.gz") == 0
    outline = etree.parse(str(unpack(tmp_path / "c.tar.gz", tmp_path / "x") / "course" / f"{RUN}.xml")).getroot()
    assert [c.get("url_name") for c in outline] == ["fx02-chapter", "fx08a-chapter"]


def test_real_course_is_in_programme_order(real_course):
    outline = root_of(stage(real_course), f"course/{RUN}.xml")
    numbers = [m.number for m in real_course]
    assert [c.get("url_name") for c in outline] == [f"{ident(m)}-chapter" for m in real_course]
    assert numbers == sorted(numbers, key=model.MODULE_ORDER.index)


# --- grading and settings ------------------------------------------------------------------

def test_only_quiz_subsections_are_graded(course):
    """Practice (case study, role-play) reports its own score without weighing in the course
    grade; the quiz subsections are the graded ones."""
    files = stage(course)
    graded = 0
    for name, data in files.items():
        if name.startswith("sequential/"):
            sequential = etree.fromstring(data)
            [vertical_ref] = sequential[:1]
            [block] = root_of(files, f"vertical/{vertical_ref.get('url_name')}.xml")
            if block.tag == "lmd_quiz" and not block.get("purpose"):  # a module's quiz, not a course test
                graded += 1
                assert (sequential.get("graded"), sequential.get("format")) == ("true", "Quiz"), name
            else:
                assert sequential.get("graded") is None and sequential.get("format") is None, name
    assert graded == sum(1 for m in course for p in m.parts_of("lmd_quiz") if not p.data["purpose"])
    policy = json.loads(files[f"policies/{RUN}/grading_policy.json"])
    [grader] = policy["GRADER"]
    assert (grader["type"], grader["weight"], grader["drop_count"]) == ("Quiz", 1.0, 0)
    assert grader["min_count"] == max(1, graded)
    assert policy["GRADE_CUTOFFS"] == {"Pass": PASS_CUTOFF}


def test_fixture_grades_only_the_module_with_a_quiz(fixture_course):
    files = stage(fixture_course)
    assert root_of(files, "sequential/fx02-quiz-sequence.xml").get("format") == "Quiz"
    assert not any(root_of(files, name).get("graded") for name in files
                   if name.startswith("sequential/fx08a") or name.startswith("sequential/fx02-learn"))
    policy = json.loads(files[f"policies/{RUN}/grading_policy.json"])
    assert policy["GRADER"][0]["min_count"] == 1


def test_policy_repeats_the_course_settings_and_enables_our_blocks(course):
    files = stage(course, language="fr")
    settings = json.loads(files[f"policies/{RUN}/policy.json"])[f"course/{RUN}"]
    assert {k: settings[k] for k in course_settings("fr")} == dict(root_of(files, f"course/{RUN}.xml").attrib)
    assert settings["language"] == "fr" and settings["advanced_modules"] == BLOCK_TAGS
    assert settings["invitation_only"] is False  # the access app's enrolment filter is the gate
    assert settings["start"] < settings["end"]
    assets = json.loads(files["policies/assets.json"])
    assert assets[settings["course_image"]]["contentType"] == "image/png"
    assert f"static/{settings['course_image']}" in files


def test_an_unusable_language_code_is_refused(fixture_course):
    with pytest.raises(ValueError, match="language"):
        stage(fixture_course, language="French; rm")


def test_course_image_is_a_valid_png(fixture_course):
    png = stage(fixture_course)["static/course_image.png"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    offset, chunks = 8, {}
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset:offset + 4])
        kind, body = png[offset + 4:offset + 8], png[offset + 8:offset + 8 + length]
        assert struct.unpack(">I", png[offset + 8 + length:offset + 12 + length])[0] == zlib.crc32(kind + body)
        chunks[kind] = body
        offset += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 2) and len(zlib.decompress(chunks[b"IDAT"])) == height * (1 + 3 * width)


def test_about_pages_describe_the_course_and_its_licence(fixture_course):
    files = stage(fixture_course)
    overview = files["about/overview.html"].decode()
    assert "Module 2: Fixture: risk &amp; “selectivity” at the border (2 hours)" in overview
    assert overview.index("Module 2:") < overview.index("Module 8A:")
    for fact in ("national coordinator", "import", "customize", "complete", "translate", "twenty participants",
                 "role plays, simulations", f"{round(PASS_CUTOFF * 100)}\u00a0percent"):
        assert fact in overview, fact
    assert "<!--" not in overview  # both marks were replaced
    assert b"licence" in files["info/handouts.html"].lower()
    assert b"<h2>January 1, 2026</h2>" in files["info/updates.html"]
    assert files["about/effort.html"] == b"About 3.5 hours in all (1.5 to 2 hours a module)\n"
    assert files["about/short_description.html"].strip()
    for name in ("about/overview.html", "info/handouts.html", "info/updates.html"):
        etree.fromstring(files[name], etree.HTMLParser(recover=False))


@pytest.mark.parametrize("duration, expected", [
    ("3 hours", 3.0), ("90 minutes", 1.5), ("1 hour and 30 minutes", 1.5), ("1,5 h", 1.5),
    ("3 heures", None), ("about 3 hours", None), ("", None)])
def test_module_durations_are_read_only_when_unambiguous(duration, expected):
    assert hours(duration) == expected


def test_effort_is_left_out_when_a_duration_cannot_be_read(fixture_course):
    changed = [replace(fixture_course[0], duration="deux heures"), fixture_course[1]]
    files = stage(changed)
    assert "about/effort.html" not in files and "(deux heures)" in files["about/overview.html"].decode()


# --- round trip and olxcleaner -------------------------------------------------------------

def module_element_of(files, module):
    """The module rebuilt from its units, as the OLX reader does (courses/olx/shape.py)."""
    from courses.olx.shape import module_from_units
    units = []
    chapter = root_of(files, f"chapter/{ident(module)}-chapter.xml")
    for sequential_ref in chapter:
        for vertical_ref in root_of(files, f"sequential/{sequential_ref.get('url_name')}.xml"):
            units.extend(root_of(files, f"vertical/{vertical_ref.get('url_name')}.xml"))
    return module_from_units(units)


def test_exported_module_xml_reparses_to_the_same_data(course):
    files = stage(course)
    for module in course:
        block = module_element_of(files, module)
        again = model.parse_module(etree.tostring(block, encoding="unicode"))
        assert (again.url_name, again.number, again.title, again.duration) == \
               (module.url_name, module.number, module.title, module.duration)
        assert again.objectives == module.objectives and again.introduction == module.introduction
        assert [(p.tag, p.url_name, p.display_name, p.data) for p in again.parts] == \
               [(p.tag, p.url_name, p.display_name, p.data) for p in module.parts]


def test_exported_units_import_through_the_blocks(course):
    """Each element Studio's importer hands to our blocks' parse_xml builds the block it was;
    the overview's module block has no children."""
    from tests.runtime import LmdTestRuntime
    files = stage(course)
    for module in course:
        [element] = root_of(files, f"vertical/{ident(module)}-overview.xml")
        runtime = LmdTestRuntime()
        block = runtime.get_block(runtime.parse_xml_string(etree.tostring(element, encoding="unicode")))
        assert (block.number, block.objectives, block.display_name) == (module.number, module.objectives, module.title)
        assert block.children == []
        for part in module.parts:
            if part.tag != "html":
                [element] = root_of(files, f"vertical/{part.url_name}-unit.xml")
                activity = runtime.get_block(runtime.parse_xml_string(etree.tostring(element, encoding="unicode")))
                assert activity.content_data() == {**part.data, "weight": activity.weight} or \
                    activity.display_name == part.display_name


def test_rich_text_whitespace_survives_export(fixture_course):
    files = stage(fixture_course)
    assert "<p><strong>Queues</strong><em>and</em></p>" in files["vertical/fx02-overview.xml"].decode()
    assert "Señor Núñez" in files["vertical/fx02-s1-unit.xml"].decode()


def test_olxcleaner_finds_no_error(course, tmp_path):
    olxcleaner_finds_no_error(stage(course), tmp_path, "en")


def test_olxcleaner_finds_no_error_in_the_french_course(tmp_path):
    olxcleaner_finds_no_error(stage(model.course_for(lang="fr"), "fr"), tmp_path, "fr")


def olxcleaner_finds_no_error(files, tmp_path, language):
    olx_export.write_targz(files, tmp_path / "c.tar.gz")
    unpacked = unpack(tmp_path / "c.tar.gz", tmp_path)
    _course, store, _urls = olxcleaner.validate(str(unpacked), allowed_xblocks=ALLOWED_XBLOCKS)
    findings = [(e.level, e.name, e.description) for e in store.errors]
    assert [f for f in findings if f[0] in ("ERROR", "CRITICAL")] == []
    # The only notes: the course settings repeated in policy.json (as Studio writes them).
    overrides = {f[2].rsplit("'", 2)[-2] for f in findings if f[1] == "SettingOverride"}
    assert [f for f in findings if f[1] != "SettingOverride"] == []
    assert overrides <= set(course_settings(language))


# --- determinism -----------------------------------------------------------------------------

def test_same_input_gives_identical_bytes(course, tmp_path):
    olx_export.write_targz(stage(course), tmp_path / "a.tar.gz")
    olx_export.write_targz(stage(course), tmp_path / "b.tar.gz")
    assert (tmp_path / "a.tar.gz").read_bytes() == (tmp_path / "b.tar.gz").read_bytes()


def test_builds_in_separate_processes_are_identical(tmp_path):
    """Different hash seeds change set and dict iteration: none of it may reach the archive."""
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"c{seed}.tar.gz"
        argv = ["export", "olx", "--modules-dir", str(FIXTURES / "modules"), "-o", str(target)]
        code = f"import sys; from courses.cli import main; sys.exit(main({argv!r}))"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


# --- refusals leave nothing behind -----------------------------------------------------------

def test_module_that_does_not_parse_is_refused_and_nothing_is_written(tmp_path, capsys):
    source = modules_dir(tmp_path, ("modules/02-fixture-risk.xml", "02-risk.xml"),
                         ("broken/05-broken-quiz.xml", "05-broken.xml"))
    target = tmp_path / "out" / "c.tar.gz"
    assert export("--modules-dir", source, "-o", target) == 1
    err = capsys.readouterr().err
    assert "05-broken.xml" in err and "unknown question type 'essay'" in err
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["modules"]


def test_failed_build_keeps_the_previous_archive(tmp_path):
    source = modules_dir(tmp_path, ("broken/05-broken-quiz.xml", "05-broken.xml"))
    target = tmp_path / "c.tar.gz"
    target.write_bytes(b"the last good export")
    assert export("--modules-dir", source, "-o", target) == 1
    assert target.read_bytes() == b"the last good export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.tar.gz", "modules"]


def test_write_failure_leaves_no_partial_file(tmp_path, monkeypatch, capsys):
    def disk_full(*_args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("courses.olx.archive.os.replace", disk_full)
    target = tmp_path / "c.tar.gz"
    assert export("--modules-dir", FIXTURES / "modules", "-o", target) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_empty_course_source_is_refused(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert export("--modules-dir", tmp_path / "empty", "-o", tmp_path / "c.tar.gz") == 1
    assert "no module files" in capsys.readouterr().err and not (tmp_path / "c.tar.gz").exists()


def test_url_name_used_twice_is_refused(tmp_path, capsys):
    source = modules_dir(tmp_path, ("modules/02-fixture-risk.xml", "02-risk.xml"))
    text = (source / "02-risk.xml").read_text(encoding="utf-8")
    (source / "03-copy.xml").write_text(text.replace('number="2"', 'number="3"'), encoding="utf-8")
    assert export("--modules-dir", source, "-o", tmp_path / "c.tar.gz") == 1
    assert "also used in" in capsys.readouterr().err and not (tmp_path / "c.tar.gz").exists()


# --- wiring ----------------------------------------------------------------------------------

def test_export_reads_the_source_one_way():
    """Production code never imports tests, and the export only reads the course source."""
    for path in [ROOT / "courses" / "olx_export.py", *sorted((ROOT / "courses" / "olx").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not [n for n in names if n == "tests" or n.startswith("tests.")], path


def test_lmd_cli_offers_export_olx():
    from courses.cli import build_parser
    args = build_parser().parse_args(["export", "olx", "-o", "c.tar.gz"])
    assert args.func is olx_export.cmd_export_olx and args.lang == "en"


def test_cli_build_equals_staged_archive(fixture_course, tmp_path):
    assert export("--modules-dir", FIXTURES / "modules", "-o", tmp_path / "c.tar.gz") == 0
    expected = targz_bytes({f"course/{k}": v for k, v in stage(fixture_course).items()})
    assert (tmp_path / "c.tar.gz").read_bytes() == expected
    assert gzip.decompress(expected)[:512].startswith(b"course/")


# --- one course run in every language (issue 14, item 1) -------------------------------------

def test_one_run_in_every_language_carries_each_blocks_translations(tmp_path):
    """`--languages en,fr,es`: the blocks keep their url_names and carry <translation> children in
    French and Spanish; the text sections are lmd_section blocks; the policy lists lmd_section;
    the archive passes olxcleaner with it allowed."""
    assert export("-o", tmp_path / "ml.tar.gz", "--languages", "fr,es") == 0
    course_dir = unpack(tmp_path / "ml.tar.gz", tmp_path / "ml")
    section = etree.parse(str(course_dir / "vertical" / "m09-s1-unit.xml")).getroot()[0]
    assert section.tag == "lmd_section" and section.get("url_name") == "m09-s1"
    translations = {t.get("lang"): t for t in section.findall("translation")}
    assert sorted(translations) == ["es", "fr"] and all(t.get("source") for t in translations.values())
    assert translations["fr"][0].get("display_name") == "L'intégrité, une responsabilité du management"
    quiz = etree.parse(str(course_dir / "vertical" / "m09-quiz-unit.xml")).getroot()[0]
    assert quiz.tag == "lmd_quiz" and {t.get("lang") for t in quiz.findall("translation")} == {"fr", "es"}
    assert not any(etree.parse(str(p)).getroot()[0].tag == "html" for p in course_dir.glob("vertical/*.xml"))
    policy = json.loads((course_dir / "policies" / RUN / "policy.json").read_text())
    assert policy[f"course/{RUN}"]["advanced_modules"] == BLOCK_TAGS + ["lmd_section"]
    assert policy[f"course/{RUN}"]["language"] == "en"
    _course, store, _urls = olxcleaner.validate(str(course_dir), allowed_xblocks=ALLOWED_XBLOCKS)
    assert [e for e in store.errors if e.level in ("ERROR", "CRITICAL")] == []


def test_a_language_without_catalogs_or_a_bad_code_is_refused_and_nothing_is_written(tmp_path, capsys):
    target = tmp_path / "ml.tar.gz"
    assert export("-o", target, "--languages", "en,de") == 1
    assert "no content catalogs translate the course into 'de'" in capsys.readouterr().err
    assert not target.exists()
    with pytest.raises(SystemExit):
        export("-o", target, "--languages", "fr,../x")
    assert "not a language code" in capsys.readouterr().err and not target.exists()
    with pytest.raises(SystemExit):
        export("-o", target, "--languages", "fr", "--lang", "es")  # one or the other
