"""An imported OLX course read back into modules (how a national server plays its import):
the same modules as the source, localized by the catalogs, and clear errors for broken links."""
import shutil
import tarfile

import pytest

from courses.lmd import model
from courses.olx.reader import olx_course_dir, read_olx_course
from courses.olx_export import build_archive
from xblocks.common.errors import ContentError

SOURCE = model.load_course()


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("import")
    build_archive(folder / "course.tar.gz")
    with tarfile.open(folder / "course.tar.gz") as archive:
        archive.extractall(folder, filter="data")
    return folder


def test_the_imported_course_is_the_source_course(imported):
    modules = model.load_course(imported)
    assert [(m.number, m.url_name, m.title) for m in modules] == [(m.number, m.url_name, m.title) for m in SOURCE]
    assert [[(p.tag, p.url_name) for p in m.parts] for m in modules] == [[(p.tag, p.url_name) for p in m.parts]
                                                                         for m in SOURCE]
    assert modules[2].parts_of("lmd_quiz")[0].data == SOURCE[2].parts_of("lmd_quiz")[0].data


def test_the_imported_course_in_french(imported):
    french = {m.number: m for m in model.course_for(imported, lang="fr")}
    expected = {m.number: m for m in model.course_for(lang="fr")}
    assert french["9"].title == expected["9"].title != SOURCE[9].title
    assert french["12"].parts_of("lmd_case_study")[0].data == expected["12"].parts_of("lmd_case_study")[0].data


def test_a_unit_pointing_outside_the_course_is_refused(imported, tmp_path):
    course = olx_course_dir(imported)
    chapter = next((course / "sequential").glob("*.xml"))
    text = chapter.read_text()
    broken = tmp_path / "course"
    shutil.copytree(course, broken)
    (broken / "sequential" / chapter.name).write_text(text.replace('url_name="', 'url_name="../../', 1))
    with pytest.raises(ContentError, match="outside the course"):
        read_olx_course(broken)


def test_a_missing_unit_is_named(imported, tmp_path):
    broken = tmp_path / "course"
    shutil.copytree(olx_course_dir(imported), broken)
    victim = sorted((broken / "vertical").glob("*.xml"))[0]
    victim.unlink()
    with pytest.raises(ContentError, match=f"{victim.name} is missing"):
        read_olx_course(broken)
