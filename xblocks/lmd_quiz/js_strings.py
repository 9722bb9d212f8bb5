"""Strings the quiz script shows, translated on the server and handed to the script, so the
same catalogs serve Python, templates and JavaScript (and SCORM pages, rendered per language)."""
from ..common.mixins import _
from ..common.plurals import N_, block_table

STRINGS = {
    "correct": _("Correct"),
    "incorrect": _("Not correct"),
    "partly": _("Partly correct"),
    "submit": _("Submit answers"),
    "submitting": _("Submitting…"),
    "score": _("Your score: {score}% (pass mark {pass}%)."),
    "best": _("Best score: {score}%."),
    "passed": _("You passed this quiz."),
    "failed": _("Not passed yet."),
    "attemptsLeft": _("Attempts left: {n}."),
    "unlimited": _("You may try as many times as you like."),
    "noAttempts": _("You have used all your attempts."),
    "placed": N_("{placed} of {total} item in the right place.", "{placed} of {total} items in the right place.",
                 "total"),
    "answerKey": _("Correct answer:"),
    "explanation": _("Explanation:"),
    "unanswered": _("Answer every question before submitting. Unanswered: {n}."),
    "networkError": _("Your answers could not be sent. Check your connection and try again."),
    "moved": _("{item} moved to position {pos} of {total}."),
    "tryAgain": _("Change your answers and submit again."),
    "notRecorded": _("Progress is not being recorded: no learning management system was found."),
    "improve": _("You may try again to improve your score: your best score counts."),
    "confirmLast": _("This is your last attempt: after it, the correct answers are shown and you cannot try again. Submit now?"),
    "confirmYes": _("Yes, submit my answers"),
    "confirmNo": _("Review my answers"),
    "confirmShow": _("Show the correct answers? The quiz then closes: you cannot try again."),
    "confirmShowYes": _("Yes, show the answers"),
    "confirmShowNo": _("Keep trying"),
}

# A pre-test or post-test measures where the learner stands; it is not graded, so the learner is
# told the score without a pass mark, and no verdict of passed or failed.
COURSE_TEST_STRINGS = {
    "pretest": {
        "score": _("Your score: {score}%."),
        "passed": _("This pre-test is not graded: it records where you start."),
        "failed": _("This pre-test is not graded: it records where you start."),
        "noAttempts": _("Your answers are recorded."),
    },
    "posttest": {
        "score": _("Your score: {score}%."),
        "passed": _("This post-test is not graded: compared with your pre-test, it shows what you have learned."),
        "failed": _("This post-test is not graded: compared with your pre-test, it shows what you have learned."),
        "noAttempts": _("Your answers are recorded."),
    },
}


def translated(block):
    """The table in the block's language (plural sentences as plural tables: LMD.plural); a
    pre-test's or post-test's without grade pressure."""
    return block_table({**STRINGS, **COURSE_TEST_STRINGS.get(getattr(block, "purpose", "") or "", {})}, block)
