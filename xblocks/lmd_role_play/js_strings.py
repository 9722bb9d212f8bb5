"""Strings the role-play script shows (translated on the server, handed to the script)."""
from ..common.mixins import _
from ..common.plurals import N_, block_table

STRINGS = {
    "yourChoice": _("Your choice: {label}"),
    "feedback": _("Feedback: {text}"),
    "score": _("Score for this run: {score}%"),
    "best": _("Best run so far: {score}%"),
    "competency": _("Competency"),
    "points": _("Points"),
    "outOf": _("{points} of {max}"),
    "profile": _("Your competency profile"),
    "saved": _("Reflection saved."),
    "counter": N_("{n} of {max} character", "{n} of {max} characters", "max"),
    "networkError": _("Your choice could not be sent. Check your connection and try again."),
    "outcome_success": _("Outcome: success"),
    "outcome_partial": _("Outcome: partly successful"),
    "outcome_failure": _("Outcome: not successful"),
    "saving": _("Saving…"),
    "unsaved": _("Changes not saved yet"),
    "savedAt": _("Reflection saved at {time}."),
    "saveFailed": _("Not saved: check your connection. Your text stays on this page and is saved when the connection is back."),
}


def translated(block):
    """The table in the block's language (plural sentences as plural tables: LMD.plural)."""
    return block_table(STRINGS, block)
