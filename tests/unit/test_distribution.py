"""The two distributions: `lmd-xblocks` (what an LMS installs: the blocks, their catalogs and the
access app, under two import names of the project's own) and `lmd-course-tools` (the course
source and toolchain). Each wheel pip builds carries every file its packages use, and nothing of
the other's."""
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DISTRIBUTIONS = {
    "lmd_xblocks": (ROOT, ("xblocks/", "lmd_access/")),
    "lmd_course_tools": (ROOT / "tools", ("courses/", "scorm_export/", "translations/")),
}


def wheel(tmp_path, name):
    source, _packages = DISTRIBUTIONS[name]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w",
                    str(tmp_path), str(source)], check=True, capture_output=True)
    return zipfile.ZipFile(next(tmp_path.glob(f"{name}-*.whl")))


def tracked(*folders):
    return subprocess.run(["git", "ls-files", *folders], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.split()


@pytest.mark.parametrize("name", DISTRIBUTIONS)
def test_wheel_carries_its_packages_files_and_no_other_top_level_name(tmp_path, name):
    archive = wheel(tmp_path, name)
    names = set(archive.namelist())
    _source, packages = DISTRIBUTIONS[name]
    missing = [path for path in tracked(*packages) if path not in names and not path.endswith((".po", ".pot"))]
    assert missing == []
    top = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert top == {p.rstrip("/") for p in packages}


def test_the_lms_distribution_declares_blocks_and_app_and_no_toolchain(tmp_path):
    archive = wheel(tmp_path, "lmd_xblocks")
    entry_points = archive.read(next(n for n in archive.namelist() if n.endswith("entry_points.txt"))).decode()
    for tag in ("lmd_module", "lmd_quiz", "lmd_case_study", "lmd_role_play"):
        assert f"{tag} = xblocks." in entry_points
    assert "lms.djangoapp" in entry_points and "cms.djangoapp" in entry_points
    assert "console_scripts" not in entry_points
    metadata = archive.read(next(n for n in archive.namelist() if n.endswith("METADATA"))).decode()
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert not any(name in line for line in requires for name in ("rjsmin", "rcssmin", "polib", "Babel",
                                                                   "xmlschema", "cryptography", "web-fragments"))
    assert any(line.startswith("Requires-Dist: XBlock<7,>=5.2") for line in requires), requires
