"""A unique index over the workbench's state rows (scope, scope_id, user_id; NULL counted as a
value), after merging rows that racing requests duplicated before it existed. The workbench's
table is made by `migrate --run-syncdb` before migrations run (as `make demo` runs it)."""
from django.db import migrations


def forwards(apps, schema_editor):
    from lmd_demo.state_rows import add_unique_index
    add_unique_index(schema_editor.connection)


def backwards(apps, schema_editor):
    from lmd_demo.state_rows import drop_unique_index
    drop_unique_index(schema_editor.connection)


class Migration(migrations.Migration):
    atomic = True
    dependencies = []
    operations = [migrations.RunPython(forwards, backwards)]
