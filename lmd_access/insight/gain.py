"""Learning gain between a pre-test and a post-test (quizzes paired by their url_names:
source.PRE_SUFFIX), per cohort. Learners count when they took both. The gain is the mean post-test
score minus the mean pre-test score; the normalized gain is that gain over what was left to
learn, (post - pre) / (1 - pre) on the cohort's means (Hake's average normalized gain), so that
cohorts who start high and low can be compared."""
from collections import defaultdict
from dataclasses import dataclass

from .suppress import Cell, mean, min_group


@dataclass
class Gain:
    cohort: object
    learners: int
    pre: Cell
    post: Cell
    gain: Cell
    normalized: Cell


def learning_gain(pairs, summaries, cohort_of=None, k=None):
    """[Gain] per cohort (`cohort_of(username)`; one cohort, None, without it), over every
    (pre-test, post-test) pair of the outline. Below `k` learners (default: no suppression, for
    course staff who see each learner anyway) the figures are suppressed."""
    k = k or 1
    scores = {(s.username, s.url_name): s.score for s in summaries if s.score is not None}
    groups = defaultdict(list)
    for pre, post in pairs:
        for (username, url_name), before in scores.items():
            if url_name != pre.url_name or (username, post.url_name) not in scores:
                continue
            groups[cohort_of(username) if cohort_of else None].append((before, scores[(username, post.url_name)]))
    result = []
    for cohort, pairs_of in groups.items():
        pre_mean, post_mean = mean([p for p, _q in pairs_of], k), mean([q for _p, q in pairs_of], k)
        raw = Cell(post_mean.value - pre_mean.value, pre_mean.suppressed, len(pairs_of))
        normalized = Cell((post_mean.value - pre_mean.value) / (1 - pre_mean.value) if pre_mean.value < 1 else None,
                          pre_mean.suppressed, len(pairs_of))
        result.append(Gain(cohort, len(pairs_of), pre_mean, post_mean, raw, normalized))
    return result


def suppressed_gain(pairs, summaries, cohort_of):
    """As learning_gain, with the reports' minimum group size."""
    return learning_gain(pairs, summaries, cohort_of, k=min_group())
