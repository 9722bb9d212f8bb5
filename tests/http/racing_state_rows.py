"""First requests of new learners at the same moment, on whatever database the settings name
(run by test_state_rows.py on the demo's SQLite file and on a real MariaDB). Each round, N
threads (each with its own database connection, as a threaded server gives each request) write
a field of the same new learner's state at the same moment, through the demo's state store:
inside a transaction as the demo's requests run (ATOMIC_REQUESTS) and, in autocommit, as code
outside a request would. Prints JSON: rows per key, fields kept, errors."""
import json
import sys
import threading

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from workbench.models import XBlockState  # noqa: E402
from xblock.fields import Scope  # noqa: E402
from xblock.runtime import KeyValueStore  # noqa: E402

from lmd_demo.services import RequestKeyValueStore  # noqa: E402

USAGE = "race-scenario.lmd_case_study.d0.u0"


def key(learner, field):
    return KeyValueStore.Key(scope=Scope.user_state, user_id=learner, block_scope_id=USAGE, field_name=field)


def race(learner, threads, atomic):
    barrier, errors = threading.Barrier(threads), []

    def write(i):
        try:
            barrier.wait()
            if atomic:
                with transaction.atomic():
                    RequestKeyValueStore().set(key(learner, f"field{i}"), i)
            else:
                RequestKeyValueStore().set(key(learner, f"field{i}"), i)
        except Exception as exc:  # noqa: BLE001  (counted: any error is a failure of the test)
            errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            connection.close()

    workers = [threading.Thread(target=write, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    rows = XBlockState.objects.filter(scope="usage", scope_id=USAGE, user_id=learner)
    # what a later request reads: must neither fail nor miss fields (atomic: none may be lost)
    try:
        kept = sorted(f for f in (f"field{i}" for i in range(threads)) if RequestKeyValueStore().has(key(learner, f)))
        read_error = None
    except Exception as exc:  # noqa: BLE001
        kept, read_error = [], f"{type(exc).__name__}: {exc}"
    return {"rows": rows.count(), "kept": len(kept), "errors": errors, "read_error": read_error}


def main():
    threads, rounds = int(sys.argv[1]), int(sys.argv[2])
    result = {"vendor": connection.vendor, "atomic": [], "autocommit": []}
    for n in range(rounds):
        result["atomic"].append(race(f"racer-a{n}", threads, atomic=True))
        result["autocommit"].append(race(f"racer-b{n}", threads, atomic=False))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
