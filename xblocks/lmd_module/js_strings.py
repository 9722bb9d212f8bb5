"""Strings the module script shows (translated on the server, handed to the script)."""
from ..common.mixins import _
from ..common.plurals import N_, block_table

STRINGS = {
    "progress": N_("{done} of {total} activity complete", "{done} of {total} activities complete", "total"),
    "result": _("Module result: {score}%"),
    "quizPassed": _("Quiz passed"),
    "quizNotPassed": _("Quiz not passed yet"),
    "complete": _("Module complete"),
    "continue": _("Continue where you stopped"),
    "notStarted": _("Not started yet"),
    "done": _("(completed)"),
}


def translated(block):
    """The table in the block's language (plural sentences as plural tables: LMD.plural)."""
    return block_table(STRINGS, block)
