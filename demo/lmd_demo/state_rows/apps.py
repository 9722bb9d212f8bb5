from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_unique_index(using="default", **kwargs):
    """After every migrate, on the database it migrated: the index exists even when the workbench's
    table came later than the migration (a first `migrate` without --run-syncdb)."""
    from django.db import connections

    from . import add_unique_index
    add_unique_index(connections[using])


class StateRowsConfig(AppConfig):
    name = "lmd_demo.state_rows"
    label = "lmd_state_rows"
    verbose_name = "Workbench state rows: one per key"

    def ready(self):
        post_migrate.connect(ensure_unique_index, sender=self, dispatch_uid="lmd_state_rows_index")
