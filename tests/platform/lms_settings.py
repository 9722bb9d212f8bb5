"""The LMS's own test settings, plus what these tests need of it (each line says why)."""
import tempfile
from pathlib import Path

from lms.envs.test import *  # noqa: F401,F403

# The view the learning front end embeds a unit through (/xblock/<usage key>): off by default.
FEATURES["ENABLE_XBLOCK_VIEW_ENDPOINT"] = True  # noqa: F405
# Course import reads archives from here only (it refuses anything outside: SuspiciousOperation).
GITHUB_REPO_ROOT = Path(tempfile.mkdtemp(prefix="lmd-platform-data-"))
# Learners in these tests pick their language (French, Spanish) as the platform lets them.
LANGUAGE_CODE = "en"
