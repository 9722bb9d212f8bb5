"""One pending request per officer and course on every database. 0001's conditional unique
constraint is ignored by MariaDB and MySQL (Django warning W036); it becomes a unique index over
(officer, course, pending_guard), the guard being True while pending and NULL otherwise."""
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

REPLACED = "A newer pending request for the same course replaced this one."


def fill_pending_guard(apps, schema_editor):
    """Guard NULL on closed requests. Where a database without the old constraint let an
    officer hold several pending requests for one course, the older ones expire, recorded."""
    requests = apps.get_model("lmd_access", "EnrolmentRequest")
    transitions = apps.get_model("lmd_access", "RequestTransition")
    requests.objects.exclude(status="pending").update(pending_guard=None)
    seen, now = set(), timezone.now()
    for item in requests.objects.filter(status="pending").order_by("-created_at", "-id"):
        key = (item.officer_id, item.course_id)
        if key in seen:
            requests.objects.filter(pk=item.pk).update(status="expired", pending_guard=None, reason=REPLACED,
                                                       decided_at=now)
            transitions.objects.create(request_id=item.pk, from_status="pending", to_status="expired",
                                       reason=REPLACED, at=now)
        seen.add(key)


class Migration(migrations.Migration):

    dependencies = [
        ('lmd_access', '0003_licence'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='enrolmentrequest',
            name='lmd_one_pending_request_per_course',
        ),
        migrations.AddField(
            model_name='enrolmentrequest',
            name='pending_guard',
            field=models.BooleanField(default=True, editable=False, null=True),
        ),
        migrations.RunPython(fill_pending_guard, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='enrolmentrequest',
            constraint=models.UniqueConstraint(fields=('officer', 'course', 'pending_guard'),
                                               name='lmd_one_pending_request_per_course'),
        ),
    ]
