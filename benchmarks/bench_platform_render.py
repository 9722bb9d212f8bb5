"""Render time and SQL queries of one of our units against a platform capa `problem` unit with
the same number of questions, through the Open edX LMS runtime (issue 11's benchmark; goal: at
most 1.0x the capa unit). Runs platform/render_in_lms.py in the platform tier's venv (built or
reused by scripts/platform_env.sh) and prints its lines."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    cache = Path(subprocess.run(["bash", str(ROOT / "scripts/platform_env.sh")], check=True,
                                capture_output=True, text=True).stdout.strip().splitlines()[-1])
    result = subprocess.run(
        [str(cache / "venv/bin/python"), "-m", "pytest", "-q", "-s", "-c", str(ROOT / "tests/platform/pytest.ini"),
         "--rootdir", str(ROOT / "tests/platform"), "--ds=tests.platform.lms_settings", "-p", "no:warnings",
         "-p", "tests.platform.conftest",  # the MongoDB stand-in and the platform's fixtures
         str(ROOT / "benchmarks/platform/render_in_lms.py")],
        cwd=cache / "edx-platform", capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines = [line for line in result.stdout.splitlines() if line.startswith(("LMS render", "SQL queries"))]
    print("\n".join(lines) if lines else result.stdout[-3000:] + result.stderr[-3000:])
    return 0 if lines and result.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
