"""What the demo's runtime records beside the workbench's state rows, as Open edX's platform
records it beside a block's state: when a learner's state of a block last changed
(StudentModule.modified there), the score the block published (StudentModule.grade) and when
the block reported itself complete (the completion service's BlockCompletion). The workbench
keeps none of these. And each account's language, as Open edX keeps the `pref-lang` preference."""
from django.conf import settings
from django.db import models


class BlockActivity(models.Model):
    # The workbench names learners by username (its state rows' user_id), so does this.
    username = models.CharField(max_length=150, db_index=True)
    usage_id = models.CharField(max_length=255)
    modified = models.DateTimeField()
    score = models.FloatField(null=True)  # the last score the block published, in [0, 1]
    completed_at = models.DateTimeField(null=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["username", "usage_id"], name="lmd_demo_one_activity_row")]


class UserLanguage(models.Model):
    """The language an account last used the demo in: e-mails to it are written in that language."""
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lmd_language")
    language = models.CharField(max_length=16)
