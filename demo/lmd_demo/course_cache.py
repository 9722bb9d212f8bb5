"""The demo's course, read from the course source and its catalogs once per change, not once per
start: the localized modules are kept in var/ as JSON, under a fingerprint of every file they
were made from (module files or an imported course, the content catalogs, a member's overlay,
and the code that reads them). A changed file is a new fingerprint, hence a fresh read.

Why: reading and localizing thirteen modules in three languages took most of the demo's start
(about two seconds here); the first page after `make demo` must come within two."""
import dataclasses
import hashlib
import json
import logging
import os
from pathlib import Path

from courses.lmd import model

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
CODE = [ROOT / "courses" / "lmd" / "model.py", ROOT / "translations" / "content.py", Path(__file__)]
# ...and what makes the modules' multilingual XML from them
SCENARIO_CODE = [ROOT / "courses" / "olx" / "multilingual.py", ROOT / "xblocks" / "common" / "localized.py",
                 ROOT / "demo" / "lmd_demo" / "course_block.py"]


def _files(folder):
    if folder and Path(folder).is_dir():
        for dirpath, _dirs, names in os.walk(folder):
            for name in names:
                yield Path(dirpath) / name


def fingerprint(language, source, overlay, code=()):
    digest = hashlib.sha256(f"{language}|{source}|{overlay}".encode())
    folders = [source or model.MODULES_DIR, ROOT / "translations" / "content", overlay]
    for path in sorted(p for folder in folders for p in _files(folder)) + CODE + list(code):
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]


def _module_from(record):
    record["path"] = Path(record["path"])
    record["parts"] = [model.Part(**part) for part in record["parts"]]
    return model.Module(**record)


def _read(path):
    """The JSON kept at `path`, or None (absent, or unreadable: then made again)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except ValueError as exc:
        log.warning("course cache %s not used: %s", path.name, exc)
        return None


def _keep(path, value):
    """Write `value` at `path` whole or not at all (a reader never sees half a file), and drop
    the files an older fingerprint of the same kind left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    kind = path.name.rsplit("-", 1)[0]
    for stale in path.parent.glob(f"{kind}-*.json"):
        stale.unlink(missing_ok=True)
    partial = path.with_suffix(".part")
    partial.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    partial.replace(path)


def course(language, source, overlay, var_dir):
    """The localized modules (model.course_for), from the cache when their files are unchanged."""
    path = Path(var_dir) / "course-cache" / f"{language}-{fingerprint(language, source, overlay)}.json"
    records = _read(path)
    if records is not None:
        try:
            return [_module_from(record) for record in records]
        except (TypeError, KeyError) as exc:
            log.warning("course cache %s not used: %s", path.name, exc)
    modules = model.course_for(source, lang=language, overlay=overlay)
    _keep(path, [dict(dataclasses.asdict(m), path=str(m.path)) for m in modules])
    return modules


def scenarios(languages, source, overlay, var_dir, build):
    """[(description, XML)] of the course's modules with every language's translations (what
    `build()` makes), from the cache when their files are unchanged: attaching the translations
    to thirteen modules was the largest part of a start once the modules themselves were kept."""
    key = fingerprint("+".join(languages), source, overlay, SCENARIO_CODE)
    path = Path(var_dir) / "course-cache" / f"scenarios-{key}.json"
    found = _read(path)
    if isinstance(found, list) and all(isinstance(item, list) and len(item) == 2 for item in found):
        return [tuple(item) for item in found]
    made = build()
    _keep(path, [list(item) for item in made])
    return made
