"""Studio's own test settings, plus what these tests need of it."""
import tempfile
from pathlib import Path

from cms.envs.test import *  # noqa: F401,F403

# Studio's import refuses archives outside this folder (SuspiciousOperation).
GITHUB_REPO_ROOT = Path(tempfile.mkdtemp(prefix="lmd-platform-data-"))
