"""The pass rule of LMD packages, in Python: the twin of static/pass_rule.js (the learner passes
when the score, as a whole percent the page shows, reaches the pass mark as a whole percent).
The manifest's mastery score is written from here, so that an LMS that applies it reaches the
SCO's own verdict. Both twins are checked against xblocks/lmd_quiz/grading_vectors.json."""
import math


def percent(share):
    """What the page shows: JavaScript's Math.round(share * 100), halves rounded up (Python's
    round() would round 62.5 to 62)."""
    return math.floor((share or 0) * 100 + 0.5)


def passes(score, threshold):
    return percent(score) >= percent(threshold)
