"""`lmd import`: verify a licensed package completely, then (and only then) unpack it onto this
national server and record the import (package hash, course version, who, when).

Whole or not at all: everything the disk can be told in advance is checked before the first
byte is written (names too long, a name that is both a file and a folder, names that only differ
in case); anything that still fails while writing (a full disk, a quota) undoes what this import
wrote, folders it created included, and says so."""
import datetime
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from .errors import ImportRefused
from .verify import verify_package

NAME_MAX = 255  # bytes in one file or folder name (Linux, macOS, Windows)
PATH_MAX = 4096  # bytes in a whole path, its final NUL included (Linux)
STAGING_PREFIX = ".import-"
STAGING_NAME = len(STAGING_PREFIX) + 8  # mkdtemp adds eight characters


def import_package(package_path, public_key, into, who, revoked=(), today=None, **limits):
    try:
        data = Path(package_path).read_bytes()
    except OSError as exc:
        raise ImportRefused(f"cannot read {package_path}: {exc.strerror or exc}") from None
    files, licence, package = verify_package(data, public_key, today=today, revoked=revoked, **limits)
    digest = hashlib.sha256(data).hexdigest()
    into = Path(into).absolute()
    course_dir = into / folder_name(str(package.get("course", "")).replace(":", "_").replace("+", "_"), "course id")
    target = course_dir / folder_name(f"{package.get('version', '')}-{digest[:12]}", "version")
    if target.exists():
        raise ImportRefused(f"this package was already imported ({target})")
    check_layout(files, into)
    record = {"package_sha256": digest, "course": package["course"], "version": package["version"],
              "licence": licence["number"], "licensee": licence["licensee"], "who": who,
              "when": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "path": str(target)}
    with _Undo() as undo:
        try:
            undo.make_dirs(into)
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=into))
            undo.remove_tree(staging)
        except OSError as exc:
            raise ImportRefused(f"cannot write into {into}: {exc.strerror or exc}; nothing was imported") from None
        for name, content in files.items():
            try:
                path = staging / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
            except OSError as exc:
                raise ImportRefused(f"could not write {name}: {exc.strerror or exc}; nothing was imported") from None
        try:
            undo.make_dirs(course_dir)
            os.replace(staging, target)  # the course appears whole, in one step
            undo.remove_tree(target)
            undo.append_line(into / "imports.jsonl", json.dumps(record, sort_keys=True) + "\n")
        except OSError as exc:
            raise ImportRefused(f"could not record the import: {exc.strerror or exc}; nothing was imported") from None
        undo.done()
    return record


def folder_name(text, what):
    """`text` as one folder name, or a refusal (a signed package still must not name '..')."""
    if (not text or text in (".", "..") or "/" in text or "\\" in text or "\0" in text
            or any(ord(c) < 0x20 for c in text) or len(os.fsencode(text)) > NAME_MAX):
        raise ImportRefused(f"the package's {what} {text!r} cannot be used as a folder name")
    return text


def check_layout(files, into):
    """Refuse, before writing anything, a set of names this disk (or another) cannot hold as is."""
    folders, by_case = set(), {}
    longest_prefix = len(os.fsencode(str(into))) + 1 + STAGING_NAME + 1
    for name in files:
        parts = name.split("/")
        if any(len(os.fsencode(part)) > NAME_MAX for part in parts):
            raise ImportRefused(f"cannot import {name[:80]}...: a file name is longer than {NAME_MAX} bytes")
        if longest_prefix + len(os.fsencode(name)) >= PATH_MAX:
            raise ImportRefused(f"cannot import {name[:80]}...: the path is longer than this disk allows")
        folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
    for name in sorted(set(files) | folders):
        if name in files and name in folders:
            raise ImportRefused(f"cannot import {name}: {name} is both a file and a folder")
        other = by_case.setdefault(name.casefold(), name)
        if other != name:
            raise ImportRefused(f"cannot import {other} and {name}: their names differ only in case")


class _Undo:
    """What an import wrote, undone (newest first) unless done() was reached."""

    def __init__(self):
        self.steps, self.finished = [], False

    def __enter__(self):
        return self

    def make_dirs(self, path):
        missing = []
        for folder in [Path(path), *Path(path).parents]:
            if folder.exists():
                break
            missing.append(folder)
        Path(path).mkdir(parents=True, exist_ok=True)
        for folder in reversed(missing):
            self.steps.append(lambda folder=folder: _remove_if_empty(folder))

    def remove_tree(self, path):
        self.steps.append(lambda: shutil.rmtree(path, ignore_errors=True))

    def append_line(self, path, line):
        size = path.stat().st_size if path.exists() else None
        self.steps.append(lambda: _restore_log(path, size))
        with open(path, "a", encoding="utf-8") as log:
            log.write(line)
            log.flush()
            os.fsync(log.fileno())

    def done(self):
        self.finished = True

    def __exit__(self, *exc):
        if not self.finished:
            for step in reversed(self.steps):
                step()
        return False


def _remove_if_empty(folder):
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty: something else lives there now


def _restore_log(path, size):
    if size is None:
        path.unlink(missing_ok=True)
    else:
        os.truncate(path, size)
