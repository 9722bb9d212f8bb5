"""The demo's course cache gives the course exactly as reading its files does, and reads the
files again when one of them changes."""
import os
import shutil

from courses.lmd import model
from lmd_demo import course_cache


def test_cached_course_is_the_course_and_follows_its_files(tmp_path):
    source = tmp_path / "modules"
    shutil.copytree(model.MODULES_DIR, source)
    fresh = course_cache.course("fr", str(source), None, tmp_path / "var")
    cached = course_cache.course("fr", str(source), None, tmp_path / "var")
    assert cached == fresh == model.course_for(str(source), lang="fr")
    assert len(list((tmp_path / "var" / "course-cache").glob("fr-*.json"))) == 1

    first = sorted(source.glob("*.xml"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace('display_name="', 'display_name="Revised: ', 1),
                     encoding="utf-8")
    os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + 1_000_000))
    again = course_cache.course("en", str(source), None, tmp_path / "var")
    assert again[0].title.startswith("Revised: ")
    assert course_cache.course("en", str(source), None, tmp_path / "var")[0].title.startswith("Revised: ")


def test_the_multilingual_scenarios_are_made_once_per_change_of_their_files(tmp_path):
    source = tmp_path / "modules"
    shutil.copytree(model.MODULES_DIR, source)
    made = []

    def build():
        made.append(1)
        return [("LMD course m01", f"<lmd_module n='{len(made)}'/>")]

    first = course_cache.scenarios(["en", "fr"], str(source), None, tmp_path / "var", build)
    assert course_cache.scenarios(["en", "fr"], str(source), None, tmp_path / "var", build) == first
    assert len(made) == 1 and first == [("LMD course m01", "<lmd_module n='1'/>")]
    # another set of languages, or a changed module file: made again, the older file dropped
    course_cache.scenarios(["en", "fr", "es"], str(source), None, tmp_path / "var", build)
    module = sorted(source.glob("*.xml"))[0]
    os.utime(module, ns=(module.stat().st_atime_ns, module.stat().st_mtime_ns + 1_000_000))
    again = course_cache.scenarios(["en", "fr", "es"], str(source), None, tmp_path / "var", build)
    assert len(made) == 3 and again == [("LMD course m01", "<lmd_module n='3'/>")]
    assert len(list((tmp_path / "var" / "course-cache").glob("scenarios-*.json"))) == 1
    # an unreadable file is made again, not trusted
    cached = next((tmp_path / "var" / "course-cache").glob("scenarios-*.json"))
    cached.write_text("{not json", encoding="utf-8")
    assert course_cache.scenarios(["en", "fr", "es"], str(source), None, tmp_path / "var", build)[0][1] == "<lmd_module n='4'/>"
