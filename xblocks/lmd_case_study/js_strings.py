"""Strings the case-study script shows, translated on the server and handed to the script, so the
same catalogs serve Python, templates and JavaScript (and SCORM pages, rendered per language)."""
from ..common.mixins import _
from ..common.plurals import N_, block_table

STRINGS = {
    "counter": N_("{n} of {max} character", "{n} of {max} characters", "max"),
    "saving": _("Saving…"),
    "saved": _("Draft saved."),
    "submitting": _("Submitting…"),
    "submitted": _("Answers submitted. Read the expert analysis, then rate your answers."),
    "empty": _("Answer every question before submitting."),
    "assessed": _("Self-assessment recorded: {score}%."),
    "networkError": _("Your answers could not be sent. Check your connection and try again."),
    "unsaved": _("Changes not saved yet"),
    "savedAt": _("Draft saved at {time}."),
    "saveFailed": _("Not saved: check your connection. Your text stays on this page and is saved when the connection is back."),
    "confirmSubmit": _("Submit your answers? You cannot change them afterwards; the expert analysis then appears."),
    "confirmYes": _("Yes, submit my answers"),
    "confirmNo": _("Keep editing"),
}


def translated(block):
    """The table in the block's language (plural sentences as plural tables: LMD.plural)."""
    return block_table(STRINGS, block)
