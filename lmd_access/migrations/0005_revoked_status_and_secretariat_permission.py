"""Revocation: an approved request can become "revoked"; and the Secretariat's own permission
(report, revoking any approval), so course staff no longer see the Secretariat's report."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('lmd_access', '0004_pending_guard_for_mariadb'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='enrolmentrequest',
            options={'ordering': ['-created_at', '-id'], 'permissions': [('secretariat', 'Act as the Secretariat: report per administration, revoke any approval')]},
        ),
        migrations.AlterField(
            model_name='enrolmentrequest',
            name='status',
            field=models.CharField(choices=[('pending', 'pending'), ('approved', 'approved'), ('rejected', 'rejected'), ('withdrawn', 'withdrawn'), ('expired', 'expired'), ('revoked', 'revoked')], db_index=True, default='pending', max_length=10, verbose_name='status'),
        ),
    ]
