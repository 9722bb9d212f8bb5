"""The LMD course as Open edX gets it: `lmd export olx` (the real exporter), unpacked where the
platform's importer accepts archives (GITHUB_REPO_ROOT), imported by the platform's own import."""
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from opaque_keys.edx.keys import CourseKey


def olx_archive(language="en", also=()):
    """The course archive, built by our exporter in `language` (and the languages `also`, which
    its blocks then carry: `lmd export olx --languages`)."""
    from courses.olx_export import build_archive
    target = Path(tempfile.mkdtemp(prefix="lmd-olx-")) / f"lmd-{language}.tar.gz"
    build_archive(target, language=language, also=also)
    return target


def unpack(archive, name):
    """-> (data dir, course folder name) inside GITHUB_REPO_ROOT."""
    data_dir = Path(settings.GITHUB_REPO_ROOT)
    target = data_dir / name
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return data_dir, f"{name}/course"


def import_into(store, user_id, language="en", run=None, also=()):
    """Import the exported course with the platform's course import (what Studio's import task
    runs after the upload); -> the course key."""
    from xmodule.modulestore.xml_importer import import_course_from_xml
    run = run or "_".join(["2026", language, *also])
    course_key = CourseKey.from_string(f"course-v1:LMD+LMD101+{run}")
    data_dir, folder = unpack(olx_archive(language, also), f"lmd-{run}")
    import_course_from_xml(store, user_id, str(data_dir), [folder], target_id=course_key,
                           create_if_not_present=True)
    return course_key
