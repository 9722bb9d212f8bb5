"""Installing the blocks into an LMS changes nothing of the platform (issue 11, defect 10): pip's
own resolver, asked to install lmd-xblocks into the platform's venv, would install that one
distribution and nothing else (no upgrade, no downgrade); its two import names belong to no
other installed distribution; the toolchain (lmd-course-tools) is not needed by the LMS."""
import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import xblocks

PROJECT = Path(xblocks.__file__).resolve().parents[1]


def test_pip_would_install_lmd_xblocks_alone(tmp_path):
    report = tmp_path / "report.json"
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--quiet",
                             "--report", str(report), str(PROJECT)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    wanted = {item["metadata"]["name"].lower(): item["metadata"]["version"]
              for item in json.loads(report.read_text())["install"]}
    installed = {dist.metadata["Name"].lower(): dist.version for dist in importlib.metadata.distributions()}
    changed = {name: (installed.get(name), version) for name, version in wanted.items()
               if name != "lmd-xblocks" and installed.get(name) != version}
    assert changed == {}  # every dependency is the platform's own version


def test_our_import_names_are_ours_alone():
    owners = importlib.metadata.packages_distributions()
    for name in ("xblocks", "lmd_access"):
        assert set(owners.get(name, ["lmd-xblocks"])) == {"lmd-xblocks"}, (name, owners.get(name))
    for generic in ("courses", "translations", "scorm_export"):
        assert "lmd-xblocks" not in owners.get(generic, []), generic
