"""The pass rule of LMD packages: the blocks' own (xblocks/lmd_quiz/grading.py), so that the page,
the manifest's mastery score and an LMS that applies it reach the same verdict."""
from xblocks.lmd_quiz.grading import passes, percent  # noqa: F401
