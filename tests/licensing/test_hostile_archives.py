"""Licensed imports under attack: archives that lie, archives cut short, names the disk cannot
hold, and writes that fail half-way. Every refusal names the problem and leaves nothing behind:
no course folder, no `.import-XXXX` staging folder, no line in imports.jsonl."""
import datetime
import gzip
import io
import json
import struct
import subprocess
import sys
import tarfile
import zipfile
import zlib
from pathlib import Path

import pytest

from courses.cli import main
from courses.licensing import keys
from courses.licensing.importer import import_package
from courses.licensing.stamp import licence_record, stamp
from courses.licensing.verify import ImportRefused, read_archive
from courses.olx_export import COURSE_ID

ROOT = Path(__file__).resolve().parents[2]
TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def secretariat(tmp_path):
    keys.generate(tmp_path / "sec.pem", tmp_path / "sec.pub")
    return tmp_path


def signed_zip(secretariat, files, name="pkg.zip"):
    """A package the Secretariat really signed: only what happens after verification is tested."""
    licence = licence_record("LIC-1", "Eastland", "EL", [COURSE_ID], ["import"], "2026-01-01", "2027-12-31", "s")
    stamped = stamp(files, licence, keys.load_private(secretariat / "sec.pem"), COURSE_ID, "1")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for member, data in stamped.items():
            archive.writestr(member, data)
    path = secretariat / name
    path.write_bytes(out.getvalue())
    return path


def nothing_written(into):
    leftovers = sorted(str(p.relative_to(into)) for p in Path(into).rglob("*")) if Path(into).exists() else []
    assert leftovers == [], f"left behind after a refusal: {leftovers[:5]}"


def refused(secretariat, package, words, **limits):
    into = secretariat / "imports"
    with pytest.raises(ImportRefused, match=words):
        import_package(package, keys.load_public(secretariat / "sec.pub"), into, "tester", today=TODAY, **limits)
    nothing_written(into)


# Writing fails half-way -------------------------------------------------------------------

def test_a_file_name_longer_than_the_disk_allows_is_refused_before_anything_is_written(secretariat):
    package = signed_zip(secretariat, {"course/a.html": b"<p>a</p>", "course/" + "n" * 300 + ".html": b"<p>b</p>"})
    refused(secretariat, package, "file name is longer than 255 bytes")


def test_a_name_that_is_both_a_file_and_a_folder_is_refused(secretariat):
    package = signed_zip(secretariat, {"course/x": b"file", "course/x/y.html": b"<p>y</p>"})
    refused(secretariat, package, "course/x is both a file and a folder")


def test_names_that_differ_only_in_case_are_refused(secretariat):
    """They overwrite each other on case-insensitive disks (macOS, Windows shares)."""
    package = signed_zip(secretariat, {"course/Unit.html": b"1", "course/unit.html": b"2"})
    refused(secretariat, package, "differ only in case")


def test_a_write_that_fails_half_way_leaves_nothing_behind(secretariat):
    """A real write failure, not a simulated one: the import runs with a 1 MB file-size limit (as
    a full disk or a quota would stop it) after a few small files were written."""
    files = {f"course/{i:02}.html": b"<p>x</p>" for i in range(5)}
    files["course/zz-big.bin"] = b"\0" * 2_000_000
    package = signed_zip(secretariat, files)
    into = secretariat / "imports"
    script = f"""
import datetime, resource, signal
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000))
from courses.licensing import keys
from courses.licensing.importer import import_package
from courses.licensing.verify import ImportRefused
try:
    import_package({str(package)!r}, keys.load_public({str(secretariat / 'sec.pub')!r}), {str(into)!r}, "t",
                   today=datetime.date(2026, 6, 1))
    print("IMPORTED")
except ImportRefused as exc:
    print("REFUSED", exc)
"""
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.stdout.startswith("REFUSED"), run.stdout + run.stderr
    assert "could not write course/zz-big.bin" in run.stdout and "nothing was imported" in run.stdout
    nothing_written(into)


def test_a_package_whose_course_or_version_would_leave_the_imports_folder_is_refused(secretariat):
    licence = licence_record("LIC-1", "Eastland", "EL", ["../../escape"], ["import"], "2026-01-01", "2027-12-31", "s")
    stamped = stamp({"a.html": b"x"}, licence, keys.load_private(secretariat / "sec.pem"), "../../escape", "1")
    package = secretariat / "escape.zip"
    with zipfile.ZipFile(package, "w") as archive:
        for member, data in stamped.items():
            archive.writestr(member, data)
    refused(secretariat, package, "course id")


# XML in any case of the suffix ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["course/COURSE.XML", "course/unit.Xml", "policies/p.xML"])
def test_xml_with_entities_is_refused_whatever_the_case_of_its_suffix(secretariat, name):
    package = signed_zip(secretariat, {name: b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x "y">]><m>&x;</m>'})
    refused(secretariat, package, "XML with a DOCTYPE")


# Archives that lie about sizes ------------------------------------------------------------

def lying_zip(entries):
    """A zip written by hand, whose headers declare `claimed` bytes for each entry while its
    deflate stream unpacks to all of `real` (bytes, or that many zero bytes, compressed a
    megabyte at a time so that the test itself stays small). The CRC is the claimed prefix's,
    so that a reader which trusts the header sees a consistent file."""
    out, central = io.BytesIO(), []
    for name, real, claimed in entries:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        if isinstance(real, int):
            chunk = b"\0" * 1_000_000
            data = b"".join(compressor.compress(chunk) for _ in range(real // len(chunk)))
            crc = zlib.crc32(b"\0" * min(claimed, real))
        else:
            data, crc = compressor.compress(real), zlib.crc32(real[:claimed])
        data += compressor.flush()
        offset, raw_name = out.tell(), name.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(data), claimed,
                              len(raw_name), 0) + raw_name + data)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x0314, 20, 0, 8, 0, 0x21, crc, len(data),
                                   claimed, len(raw_name), 0, 0, 0, 0, 0o100644 << 16, offset) + raw_name)
    start = out.tell()
    out.write(b"".join(central))
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


# Peak memory from the process's own high-water mark (VmHWM): ru_maxrss would start from the
# parent's (pytest's) size at fork.
READ_IN_A_FRESH_PROCESS = """
import json, re, sys
from courses.licensing.verify import ImportRefused, read_archive

def peak_kb():
    with open("/proc/self/status") as status:
        return int(re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1))

data = open(sys.argv[1], "rb").read()
before = peak_kb()
try:
    read_archive(data)
    outcome = "accepted"
except ImportRefused as exc:
    outcome = "refused: " + str(exc)
except Exception as exc:
    outcome = "crashed: " + type(exc).__name__
grown = peak_kb() - before
print(json.dumps({"outcome": outcome, "grown_mb": grown / 1024}))
"""


def read_in_fresh_process(path, timeout=60):
    try:
        run = subprocess.run([sys.executable, "-c", READ_IN_A_FRESH_PROCESS, str(path)], cwd=ROOT,
                             capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {path.name} took more than {timeout} s")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_a_zip_whose_headers_understate_sizes_is_stopped_by_the_bytes_read_within_a_memory_bound(tmp_path):
    """Two entries declared as 1,000 bytes each that inflate to 150 MB each (a 290 KB file):
    reading stops at the first byte past what the header declared, and the reader's peak memory
    grows by a few megabytes, not by hundreds."""
    bomb = tmp_path / "lying.zip"
    bomb.write_bytes(lying_zip([(f"f{i}.bin", 150_000_000, 1000) for i in range(2)]))
    assert bomb.stat().st_size < 400_000
    result = read_in_fresh_process(bomb)
    assert result["outcome"].startswith("refused: damaged archive: f0.bin unpacks to more bytes than its header"), result
    assert result["grown_mb"] < 32, result


def test_a_zip_whose_headers_overstate_sizes_is_refused(tmp_path):
    data = lying_zip([("a.html", b"<p>short</p>", 10_000)])
    with pytest.raises(ImportRefused, match="damaged archive: a.html"):
        read_archive(data)


def test_a_tar_whose_extended_header_claims_100_mb_is_stopped_within_a_memory_bound(tmp_path):
    """tarfile reads a pax header whole, before any member is seen: 100 MB of it, in a 100 KB
    file. LMD packages are plain USTAR (the exporter writes nothing else): refused at the header."""
    pax_size = 100_000_000
    pax = tarfile.TarInfo("PaxHeader/a.html")
    pax.type, pax.size = tarfile.XHDTYPE, pax_size
    member = tarfile.TarInfo("course/a.html")
    member.size = 1
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(pax.tobuf(tarfile.USTAR_FORMAT))
        chunk = b"0" * 1_000_000
        for _ in range(pax_size // len(chunk)):
            gz.write(chunk)
        gz.write(member.tobuf(tarfile.USTAR_FORMAT) + b"x" + b"\0" * 511 + b"\0" * 1024)
    bomb = tmp_path / "pax.tar.gz"
    bomb.write_bytes(out.getvalue())
    result = read_in_fresh_process(bomb)
    assert result["outcome"] == "refused: unsafe archive: 'PaxHeader/a.html' is a link or a special file", result
    assert result["grown_mb"] < 32, result


def test_a_sparse_tar_member_is_refused(tmp_path):
    info = tarfile.TarInfo("course/big.bin")
    info.type = tarfile.GNUTYPE_SPARSE
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz", format=tarfile.GNU_FORMAT) as archive:
        archive.addfile(info, io.BytesIO(b""))
    with pytest.raises(ImportRefused, match="'course/big.bin' is a link or a special file"):
        read_archive(out.getvalue())


# Truncated and damaged archives ----------------------------------------------------------------

def good_tar_gz():
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for i in range(20):
            data = (f"<p>unit {i}</p>" * 200).encode()
            info = tarfile.TarInfo(f"course/u{i}.html")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def good_zip():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for i in range(20):
            archive.writestr(f"course/u{i}.html", f"<p>unit {i}</p>" * 200)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
def test_a_truncated_archive_is_refused_with_a_clear_message(kind, keep):
    data = good_zip() if kind == "zip" else good_tar_gz()
    cut = data[:int(len(data) * keep)]
    with pytest.raises(ImportRefused, match="damaged archive"):
        read_archive(cut)


def test_a_zip_with_a_corrupted_entry_is_refused_with_a_clear_message():
    data = bytearray(good_zip())
    data[200:260] = b"\xff" * 60  # inside the first entry's deflate stream
    with pytest.raises(ImportRefused, match="damaged archive"):
        read_archive(bytes(data))


def test_the_command_line_says_why_a_truncated_package_is_refused(secretariat, capsys):
    package = secretariat / "cut.zip"
    package.write_bytes(good_zip()[:1500])
    into = secretariat / "imports"
    code = main(["import", str(package), "--public-key", str(secretariat / "sec.pub"), "--into", str(into)])
    err = capsys.readouterr().err
    assert code == 1 and "lmd: import refused: damaged archive" in err and "Traceback" not in err
    nothing_written(into)


def test_the_command_line_says_when_the_package_file_cannot_be_read(secretariat, capsys):
    code = main(["import", str(secretariat / "missing.zip"), "--public-key", str(secretariat / "sec.pub"),
                 "--into", str(secretariat / "imports")])
    assert code == 1 and "lmd: import refused: cannot read" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["course/./a.html", "course/a\x01.html", "course/a.html\r"])
def test_ambiguous_or_control_character_names_are_refused(name):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, b"x")
    with pytest.raises(ImportRefused, match="unsafe archive"):
        read_archive(out.getvalue())


def test_a_name_twice_in_one_archive_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("course/a.html", b"1")
        with pytest.warns(UserWarning):
            archive.writestr("course/a.html", b"2")
    with pytest.raises(ImportRefused, match="course/a.html appears twice"):
        read_archive(out.getvalue())


def test_encrypted_and_unknown_compression_entries_are_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_BZIP2) as archive:
        archive.writestr("course/a.html", b"<p>a</p>")
    with pytest.raises(ImportRefused, match="compression"):
        read_archive(out.getvalue())
    data = bytearray(good_zip())
    data[6] |= 1  # the local header's "encrypted" flag
    cd = data.index(b"PK\x01\x02")
    data[cd + 8] |= 1  # and the central directory's
    with pytest.raises(ImportRefused, match="encrypted"):
        read_archive(bytes(data))
