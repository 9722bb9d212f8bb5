"""Deterministic, safe archives: the same files give the same bytes, and no entry may leave the
package (no absolute paths, no '..', no backslashes, no drive letters) or name one file two ways
('a/./b' is 'a/b')."""
import os
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

FIXED_DATE = (1980, 1, 1, 0, 0, 0)


class UnsafePath(ValueError):
    pass


def check_member_path(name):
    path = PurePosixPath(name)
    if (not name or name.startswith("/") or "\\" in name or ":" in path.parts[0]
            or any(part in ("..", ".", "") for part in name.split("/"))):
        raise UnsafePath(f"refused file name {name!r}: it would escape the package")
    return name


def write_zip(files, target):
    """Write {name: bytes} to `target` atomically (a temp file renamed into place)."""
    for name in files:
        check_member_path(name)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".lmd-", suffix=".zip", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w") as archive:
            for name in sorted(files):
                info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                # a regular file, readable by all (unzip and LMS importers apply these bits)
                info.external_attr = (stat.S_IFREG | 0o644) << 16
                info.create_system = 3
                archive.writestr(info, files[name], compresslevel=6)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it 0600: the web server must read it
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask():
    """The process's umask (only readable by setting it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
