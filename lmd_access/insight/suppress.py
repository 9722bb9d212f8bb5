"""Small groups suppressed in reports that cross administrations, so that no officer can be
picked out: a count between 1 and the minimum group size, and any mean or rate over fewer
learners than that, is shown as suppressed (zero stays: it names nobody). Where a row's parts add
up to a total that is shown, one suppressed part could be worked out from the others, so a
second part is suppressed with it (complementary suppression)."""
from dataclasses import dataclass

from django.conf import settings

DEFAULT_MIN_GROUP = 5


def min_group():
    """settings.LMD_ACCESS_MIN_GROUP_SIZE (at least 2: a group of one is one officer)."""
    return max(2, int(getattr(settings, "LMD_ACCESS_MIN_GROUP_SIZE", DEFAULT_MIN_GROUP)))


@dataclass
class Cell:
    value: object = None       # a count, or a share in [0, 1]; None when there is nothing to show
    suppressed: bool = False
    base: int = 0              # how many learners (or requests) it is computed over

    @property
    def shown(self):
        return None if self.suppressed else self.value


def count(n, k=None):
    k = k or min_group()
    return Cell(n, 0 < n < k, n)


def mean(values, k=None):
    """The mean of `values` (one per learner), suppressed below k learners."""
    k = k or min_group()
    values = [v for v in values if v is not None]
    if not values:
        return Cell(None, False, 0)
    return Cell(sum(values) / len(values), len(values) < k, len(values))


def share(part, whole, k=None):
    """part / whole, suppressed when the whole or the part is a small group."""
    k = k or min_group()
    if not whole:
        return Cell(None, False, 0)
    return Cell(part / whole, whole < k or 0 < part < k, whole)


def protect(parts):
    """Complementary suppression of cells that add up to a total that is shown: when exactly
    one is suppressed, also suppress the smallest other non-zero part (changes `parts`)."""
    hidden = [c for c in parts if c.suppressed]
    if len(hidden) == 1:
        others = sorted((c for c in parts if not c.suppressed and c.value), key=lambda c: c.value)
        if others:
            others[0].suppressed = True
    return parts
