"""Reading package archives (courses/licensing/unpack.py), refusal by refusal, each with the exact
message a user sees: what is read back (stored and deflated zip entries, multi-chunk entries,
tar headers with a USTAR prefix, old-style and space-terminated fields, multi-member gzip), what
is unsafe (links, encryption, unknown compression, names, limits exactly at and one past
max_files / max_bytes) and what is damaged (local headers, sizes, checksums, streams cut short).
The archives are built here byte by byte where the standard writers cannot make them."""
import gzip
import io
import random
import stat
import struct
import tarfile
import tracemalloc
import zipfile
import zlib

import pytest

from courses.licensing.errors import ImportRefused
from courses.licensing.unpack import CHUNK, MAX_BYTES, TAR_BLOCK, _Budget, read_archive
from tests.licensing.test_hostile_archives import lying_zip

AGAIN = " (truncated or corrupt; download the package again)"
RANDOM = random.Random(12).randbytes(150_000)  # incompressible: its deflate stream spans several chunks
ZEROS = bytes(200_000)  # inflates to several chunks from one chunk of input


def refusal(data, **limits):
    with pytest.raises(ImportRefused) as caught:
        read_archive(data, **limits)
    return str(caught.value)


def damaged(what):
    return f"damaged archive: {what}{AGAIN}"


# zip builders -------------------------------------------------------------------------------------

def deflate(data):
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def zip_of(files, compression=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def raw_zip(*entries, trailer=b""):
    """A zip written by hand. Each entry: name, content, and optionally method (8 deflate, 0
    stored), payload (the bytes written), crc, compress_size / file_size (the central
    directory's), flags, mode, local_extra / central_extra, offset_shift (added to the central
    directory's local header offset)."""
    out, central = io.BytesIO(), []
    for entry in entries:
        name = entry["name"].encode()
        content = entry.get("content", b"")
        method = entry.get("method", 8)
        payload = entry.get("payload", deflate(content) if method == 8 else content)
        crc = entry.get("crc", zlib.crc32(content))
        local_extra, central_extra = entry.get("local_extra", b""), entry.get("central_extra", b"")
        flags = entry.get("flags", 0)
        offset = out.tell()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, method, 0, 0x21, crc, len(payload),
                              len(content), len(name), len(local_extra)) + name + local_extra + payload)
        central.append(struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 0x0314, 20, flags, method, 0, 0x21, crc,
            entry.get("compress_size", len(payload)), entry.get("file_size", len(content)), len(name),
            len(central_extra), 0, 0, 0, entry.get("mode", stat.S_IFREG | 0o644) << 16,
            offset + entry.get("offset_shift", 0)) + name + central_extra)
    start = out.tell()
    out.write(b"".join(central))
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), out.tell() - start, start,
                          len(trailer)) + trailer)
    return out.getvalue()


# tar builders -------------------------------------------------------------------------------------

def header(name, size=0, kind=b"0", prefix=b"", magic=b"ustar\x0000", size_field=None, checksum=None,
           at_345=None):
    """One tar header block, its checksum computed (or written by `checksum(sum)`)."""
    block = bytearray(TAR_BLOCK)
    name = name.encode() if isinstance(name, str) else name
    block[:len(name)] = name
    block[100:108] = b"0000644\0"
    block[108:116] = block[116:124] = b"0000000\0"
    block[124:136] = size_field if size_field is not None else b"%011o\0" % size
    block[136:148] = b"00000000000\0"
    block[156:157] = kind
    block[257:265] = magic
    block[345:345 + len(prefix)] = prefix
    if at_345 is not None:
        block[345:345 + len(at_345)] = at_345
    block[148:156] = b" " * 8
    total = sum(block)
    block[148:156] = checksum(total) if checksum else b"%06o\0 " % total
    return bytes(block)


def member(name, content, **fields):
    """Header, content and padding of one regular file."""
    return header(name, len(content), **fields) + content + bytes(-len(content) % TAR_BLOCK)


END = bytes(2 * TAR_BLOCK)


def gz(stream):
    return gzip.compress(stream, mtime=0)


def tar_gz(files, directories=()):
    """As the exporter writes them: USTAR, gzip (tarfile pads the tar to a 10 KB record)."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz", format=tarfile.USTAR_FORMAT) as archive:
        for name in directories:
            info = tarfile.TarInfo(name)
            info.type = tarfile.DIRTYPE
            archive.addfile(info)
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


# What is read back --------------------------------------------------------------------------------

FILES = {
    "course/a.html": b"<p>a</p>",
    "course/empty.txt": b"",
    "course/random.bin": RANDOM,
    "course/zeros.bin": ZEROS,
    "course/my unit.html": b"<p>a space is a printable character</p>",
    "course/\u00e9t\u00e9.html": "<p>\u00e9t\u00e9</p>".encode(),
}


@pytest.mark.parametrize("compression", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
def test_a_zip_is_read_back_byte_for_byte(compression):
    assert read_archive(zip_of(FILES, compression)) == FILES


def test_a_zip_mixing_stored_and_deflated_entries_is_read_back():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i, (name, data) in enumerate(FILES.items()):
            archive.writestr(name, data, compress_type=(zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)[i % 2])
    assert read_archive(out.getvalue()) == FILES


def test_a_tar_gz_is_read_back_byte_for_byte():
    assert read_archive(tar_gz(FILES)) == FILES


def test_folders_are_checked_but_not_returned_and_files_after_them_are_read():
    files = {"course/a.html": b"a", "X/b.html": b"b"}
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("course/", b"")
        archive.writestr("X/", b"")
        for name, data in files.items():
            archive.writestr(name, data)
    assert read_archive(zipped.getvalue()) == files
    assert read_archive(tar_gz(files, directories=["course/", "X/", "course/sub"])) == files


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_a_folder_that_escapes_is_refused(kind):
    if kind == "zip":
        data = zip_of({"course/../": b""})
    else:
        data = gz(header("course/../", kind=b"5") + END)
    assert refusal(data) == "unsafe archive: refused file name 'course/..': it would escape the package"


def test_a_zip_whose_local_headers_carry_an_extra_field_the_directory_lacks_is_read():
    """The data starts after the local header's own name and extra field, not the directory's."""
    extra = b"UT\x05\x00\x01" + struct.pack("<L", 1_700_000_000)
    data = raw_zip({"name": "course/a.html", "content": b"<p>first</p>", "local_extra": extra},
                   {"name": "course/b.html", "content": b"<p>second</p>" * 50, "local_extra": extra + extra},
                   {"name": "course/c.html", "content": b"<p>third</p>", "method": 0, "local_extra": extra})
    assert read_archive(data) == {"course/a.html": b"<p>first</p>", "course/b.html": b"<p>second</p>" * 50,
                                  "course/c.html": b"<p>third</p>"}


def _data_at_the_very_end(extra_declared=0):
    """A zip whose one entry's data are its file's last bytes: the local header's extra field spans
    the central directory, and the end record's comment is the entry's data."""
    content = b"<p>the last bytes of the file</p>"
    name = b"course/a.html"
    central = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x0314, 20, 0, 0, 0, 0x21, zlib.crc32(content),
                          len(content) + extra_declared, len(content) + extra_declared, len(name), 0, 0, 0, 0,
                          (stat.S_IFREG | 0o644) << 16, 0) + name
    start = 30 + len(name)
    end_record = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(central), start, len(content))
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0x21, zlib.crc32(content), len(content),
                        len(content), len(name), len(central) + len(end_record)) + name
    return local + central + end_record + content, content


def test_an_entry_whose_data_end_on_the_last_byte_of_the_file_is_read_and_one_byte_more_is_refused():
    data, content = _data_at_the_very_end()
    assert read_archive(data) == {"course/a.html": content}
    data, _ = _data_at_the_very_end(extra_declared=1)
    assert refusal(data) == damaged("course/a.html ends after the end of the file")


# Limits -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_max_files_is_allowed_and_one_more_is_refused(kind):
    pack = zip_of if kind == "zip" else tar_gz
    three = {f"course/{i}.html": b"x" for i in range(3)}
    assert read_archive(pack(three), max_files=3) == three
    four = {**three, "course/3.html": b"x"}
    assert refusal(pack(four), max_files=3) == "unsafe archive: more than 3 files"


@pytest.mark.parametrize("kind", ["zip", "zip stored", "tar.gz"])
def test_max_bytes_is_allowed_and_one_more_is_refused(kind):
    pack = {"zip": zip_of, "zip stored": lambda f: zip_of(f, zipfile.ZIP_STORED), "tar.gz": tar_gz}[kind]
    exact = {"course/a.html": b"a" * 60, "course/b.html": b"b" * 40}
    assert read_archive(pack(exact), max_bytes=100) == exact
    over = {"course/a.html": b"a" * 60, "course/b.html": b"b" * 41}
    assert refusal(pack(over), max_bytes=100) == "unsafe archive: more than 100 bytes once unpacked"


def test_max_bytes_counts_every_file_of_a_tar_not_only_the_last():
    files = {"course/a.html": b"a" * 30, "course/b.html": b"b" * 30, "course/c.html": b"c" * 50}
    assert refusal(tar_gz(files), max_bytes=100) == "unsafe archive: more than 100 bytes once unpacked"


def test_a_tar_file_over_the_limit_is_refused_on_its_header_before_its_data_is_read():
    """The data need not even be there: the header's size is enough."""
    stream = member("course/a.html", b"a" * 600) + header("course/b.html", 600)
    assert refusal(gz(stream), max_bytes=1000) == "unsafe archive: more than 1000 bytes once unpacked"


def test_a_tar_header_claiming_a_gigabyte_is_refused_on_the_header():
    stream = header("course/big.bin", size_field=b"10000000000\0") + b"x" * TAR_BLOCK + END
    assert refusal(gz(stream)) == f"unsafe archive: more than {MAX_BYTES} bytes once unpacked"


def test_the_byte_budget_refuses_the_first_byte_past_the_limit():
    budget = _Budget(max_files=2, max_bytes=10)
    budget.add_bytes(4)
    budget.add_bytes(6)
    with pytest.raises(ImportRefused) as caught:
        budget.add_bytes(1)
    assert str(caught.value) == "unsafe archive: more than 10 bytes once unpacked"


@pytest.mark.parametrize("max_bytes", [100, 3 * CHUNK])  # read in one piece, and in several
def test_the_decompressed_tar_stream_is_capped_at_its_limit_exactly(max_bytes):
    """The cap is max_bytes plus three blocks per file and two more; what follows the end of
    the archive (padding) counts too."""
    max_files = 1
    limit = max_bytes + 3 * TAR_BLOCK * (max_files + 2)
    head = member("course/a.html", b"<p>a</p>")
    exact = head + bytes(limit - len(head))
    assert read_archive(gz(exact), max_files=max_files, max_bytes=max_bytes) == {"course/a.html": b"<p>a</p>"}
    assert (refusal(gz(exact + b"\0"), max_files=max_files, max_bytes=max_bytes)
            == f"unsafe archive: more than {limit} bytes once unpacked")


def peak_memory(read):
    tracemalloc.start()
    try:
        result = read()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_zip_entry_that_inflates_past_its_header_is_stopped_a_chunk_at_a_time():
    """70 MB of zeros declared as 100,000 bytes: refused at the second chunk, never inflated whole."""
    data = lying_zip([("f.bin", 70_000_000, 100_000)])

    def read():
        with pytest.raises(ImportRefused) as caught:
            read_archive(data)
        return str(caught.value)
    message, peak = peak_memory(read)
    assert message == damaged("f.bin unpacks to more bytes than its header declares (100000)")
    assert peak < 4 * CHUNK * 16, peak


def test_zeros_after_the_end_of_a_tar_are_read_a_chunk_at_a_time():
    """70 MB of padding after the end of the archive (a 70 KB download) is read through to check
    the gzip stream's end, a chunk at a time: memory stays small."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=9) as stream:
        stream.write(member("course/a.html", b"<p>a</p>") + END)
        for _ in range(70):
            stream.write(bytes(1_000_000))
    result, peak = peak_memory(lambda: read_archive(out.getvalue()))
    assert result == {"course/a.html": b"<p>a</p>"}
    assert peak < 4 * CHUNK * 16, peak


# Unsafe -------------------------------------------------------------------------------------------

def test_data_that_is_neither_zip_nor_gzip_is_refused():
    for data in (b"", b"PK\x05\x06" + bytes(18), b"\x1f", b"hello, world"):
        assert refusal(data) == "not a .zip or .tar.gz archive"


def test_a_name_twice_is_refused():
    data = raw_zip({"name": "course/a.html", "content": b"1"}, {"name": "course/a.html", "content": b"2"})
    assert refusal(data) == "unsafe archive: course/a.html appears twice"


@pytest.mark.parametrize("name, reason", [
    ("../a.html", "refused file name '../a.html': it would escape the package"),
    ("course/a\x7f.html", "refused file name 'course/a\\x7f.html': it holds control characters"),
    ("course/a\x1f.html", "refused file name 'course/a\\x1f.html': it holds control characters"),
])
@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_names_that_escape_or_hold_control_characters_are_refused(kind, name, reason):
    data = zip_of({name: b"x"}) if kind == "zip" else gz(member(name, b"x") + END)
    assert refusal(data) == f"unsafe archive: {reason}"


@pytest.mark.parametrize("mode", [stat.S_IFLNK | 0o777, stat.S_IFLNK | 0o644])
def test_a_zip_link_is_refused(mode):
    data = raw_zip({"name": "course/a.html", "content": b"a"},
                   {"name": "course/link", "content": b"/etc/passwd", "mode": mode, "method": 0})
    assert refusal(data) == "unsafe archive: 'course/link' is a link"


def test_an_encrypted_zip_entry_is_refused_and_other_flags_are_not():
    assert refusal(raw_zip({"name": "course/a.html", "content": b"a", "flags": 0x1})) == \
        "unsafe archive: course/a.html is encrypted"
    # bit 1 (deflate option), bit 3 (data descriptor), bit 11 (UTF-8 names): a plain entry
    data = raw_zip({"name": "course/a.html", "content": b"<p>a</p>", "flags": 0x2 | 0x8 | 0x800})
    assert read_archive(data) == {"course/a.html": b"<p>a</p>"}


@pytest.mark.parametrize("method", [12, 14, 99])
def test_a_zip_entry_compressed_otherwise_than_deflate_is_refused(method):
    data = raw_zip({"name": "course/a.html", "content": b"a", "method": method, "payload": b"???"})
    assert refusal(data) == f"unsafe archive: course/a.html uses compression method {method}; packages use deflate"


@pytest.mark.parametrize("kind, flag", [("a symbolic link", b"2"), ("a hard link", b"1"), ("a device", b"3"),
                                        ("a fifo", b"6"), ("a pax header", b"x"), ("a GNU long name", b"L")])
def test_a_tar_member_that_is_not_a_regular_file_or_folder_is_refused(kind, flag):
    stream = member("course/a.html", b"a") + header("course/other", kind=flag) + END
    assert refusal(gz(stream)) == "unsafe archive: 'course/other' is a link or a special file"


@pytest.mark.parametrize("where", ["name", "prefix"])
def test_a_tar_name_that_is_not_utf8_is_refused(where):
    block = header(b"course/\xff.html") if where == "name" else header("a.html", prefix=b"course\xff")
    assert refusal(gz(block + END)) == "unsafe archive: a file name is not UTF-8"


# Tar headers as other writers make them -------------------------------------------------------------

def test_a_long_non_ascii_path_in_the_ustar_prefix_is_read():
    """A Cyrillic path of 200 bytes: split into prefix and name, its header's checksum has six
    octal digits."""
    name = "course/" + "\u0434" * 60 + "/" + "\u0444" * 40 + ".html"
    data = tar_gz({name: b"<p>x</p>"})
    block = gzip.decompress(data)[:TAR_BLOCK]
    assert block[345] != 0 and block[148:149] != b"0"
    assert read_archive(data) == {name: b"<p>x</p>"}


def test_a_name_of_exactly_100_bytes_has_no_terminator_and_is_read_whole():
    name = "course/" + "n" * 88 + ".html"
    assert len(name) == 100
    assert read_archive(tar_gz({name: b"x"})) == {name: b"x"}


def test_an_old_style_regular_file_flag_is_read():
    stream = member("course/a.html", b"<p>a</p>", kind=b"\0") + END
    assert read_archive(gz(stream)) == {"course/a.html": b"<p>a</p>"}


def test_a_pre_posix_header_has_no_prefix_whatever_its_later_bytes_hold():
    stream = member("course/a.html", b"a", magic=bytes(8), at_345=b"ignored") + END
    assert read_archive(gz(stream)) == {"course/a.html": b"a"}


def test_numeric_fields_ended_by_a_space_instead_of_nul_are_read():
    stream = member("course/a.html", b"<p>spaces</p>", size_field=b"%011o " % 13,
                    checksum=lambda total: b"%07o " % total) + END
    assert read_archive(gz(stream)) == {"course/a.html": b"<p>spaces</p>"}


@pytest.mark.parametrize("size_field", [bytes(12), b" " * 12])
def test_an_empty_size_field_means_zero(size_field):
    stream = header("course/", kind=b"5", size_field=size_field) + member("course/a.html", b"a") + \
        header("course/empty.txt", size_field=size_field) + END
    assert read_archive(gz(stream)) == {"course/a.html": b"a", "course/empty.txt": b""}


def test_a_tar_without_its_end_blocks_or_with_a_single_one_is_read():
    body = member("course/a.html", b"<p>a</p>") + member("course/b.html", b"b" * TAR_BLOCK)
    for ending in (b"", bytes(TAR_BLOCK)):
        assert read_archive(gz(body + ending)) == {"course/a.html": b"<p>a</p>", "course/b.html": b"b" * TAR_BLOCK}


def test_a_tar_gz_in_several_gzip_members_is_read():
    """Members may end anywhere, also inside a block; one ends inside a chunk of input and the
    next runs on well past it (read as damaged before: the rest of the file after that chunk was
    dropped)."""
    first, second = member("course/a.html", b"<p>a</p>"), member("course/b.bin", RANDOM[:100_000])
    third = member("course/c.html", RANDOM[:70_000]) + END
    data = gz(first) + gz(second[:-5]) + gz(second[-5:] + third[:100]) + gz(third[100:])
    assert gzip.decompress(data) == first + second + third
    assert read_archive(data) == {"course/a.html": b"<p>a</p>", "course/b.bin": RANDOM[:100_000],
                                  "course/c.html": RANDOM[:70_000]}


@pytest.mark.parametrize("padding", [1, 10_000, 3 * CHUNK])
def test_nul_padding_after_the_gzip_stream_is_ignored(padding):
    data = gz(member("course/a.html", b"a") + END) + bytes(padding)
    assert read_archive(data) == {"course/a.html": b"a"}


# Damaged ------------------------------------------------------------------------------------------

def test_an_unreadable_zip_directory_is_a_damaged_archive():
    assert refusal(b"PK\x03\x04" + bytes(100)) == damaged("the zip directory cannot be read: File is not a zip file")


def test_a_local_header_that_is_not_where_the_directory_says_is_refused():
    data = raw_zip({"name": "course/a.html", "content": b"a"}, {"name": "course/b.html", "content": b"b",
                                                                 "offset_shift": 1})
    assert refusal(data) == damaged("course/b.html: its local header is missing")


def test_a_stored_entry_with_two_sizes_is_refused():
    data = raw_zip({"name": "course/a.html", "content": b"<p>a</p>", "method": 0, "compress_size": 7})
    assert refusal(data) == damaged("course/a.html: its header gives two different sizes")


@pytest.mark.parametrize("method", [0, 8])
def test_an_entry_that_does_not_match_its_crc_is_refused(method):
    data = raw_zip({"name": "course/a.html", "content": b"<p>a</p>", "method": method,
                    "crc": zlib.crc32(b"<p>a</p>") ^ 1})
    assert refusal(data) == damaged("course/a.html does not match its checksum")


def test_an_entry_whose_data_run_past_the_end_of_the_file_is_refused():
    data = raw_zip({"name": "course/a.html", "content": b"<p>a</p>", "compress_size": 1_000_000})
    assert refusal(data) == damaged("course/a.html ends after the end of the file")


def test_a_deflate_stream_cut_short_is_refused():
    payload = deflate(RANDOM[:5000])[:-100]
    data = raw_zip({"name": "course/a.html", "content": RANDOM[:5000], "payload": payload})
    assert refusal(data) == damaged("course/a.html: its compressed data stops short")


def test_a_corrupt_deflate_stream_is_refused():
    data = raw_zip({"name": "course/a.html", "content": b"<p>a</p>", "payload": b"\xff" * 20})
    assert refusal(data) == damaged("course/a.html: Error -3 while decompressing data: invalid block type")


def test_an_entry_that_unpacks_to_more_or_fewer_bytes_than_declared_is_refused():
    content = b"<p>twenty-one bytes</p>"
    more = raw_zip({"name": "course/a.html", "content": content, "file_size": 5})
    assert refusal(more) == damaged("course/a.html unpacks to more bytes than its header declares (5)")
    fewer = raw_zip({"name": "course/a.html", "content": content, "file_size": 10_000})
    assert refusal(fewer) == damaged(f"course/a.html unpacks to fewer bytes ({len(content)}) than its header "
                                     "declares (10000)")


def test_a_tar_header_that_does_not_match_its_checksum_is_refused():
    block = bytearray(header("course/a.html", 1))
    block[0] = ord("C")
    assert refusal(gz(bytes(block) + b"a" + bytes(511) + END)) == damaged("a tar header does not match its checksum")


@pytest.mark.parametrize("field, fields", [
    ("checksum", {"checksum": lambda total: b"0z1234\0 "}),
    ("size", {"size_field": b"0000000001z\0"}),
])
def test_a_tar_header_field_that_is_not_a_number_is_refused(field, fields):
    assert refusal(gz(header("course/a.html", **fields) + END)) == damaged(f"a tar header's {field} is not a number")


def test_a_gzip_stream_cut_short_is_refused():
    data = tar_gz({"course/a.html": b"<p>a</p>"})[:-8]  # without its checksum and length
    assert refusal(data) == damaged("the compressed stream stops short")


def test_a_gzip_stream_whose_checksum_is_wrong_is_refused():
    data = bytearray(tar_gz({"course/a.html": b"<p>a</p>"}))
    data[-8] ^= 0xFF
    assert refusal(bytes(data)) == damaged("the compressed stream is broken: Error -3 while decompressing data: "
                                           "incorrect data check")


@pytest.mark.parametrize("junk", [b"\n", b"junk", b"XXXX", zlib.compress(b"a zlib stream, not gzip")])
def test_anything_but_nul_padding_after_the_gzip_stream_is_refused(junk):
    message = refusal(gz(member("course/a.html", b"a") + END) + junk)
    assert message in (damaged("the compressed stream stops short"),
                       damaged("the compressed stream is broken: Error -3 while decompressing data: "
                               "incorrect header check"))


def test_a_tar_that_stops_inside_a_block_is_refused():
    stream = header("course/a.html", 1000) + b"a" * 300
    assert refusal(gz(stream)) == damaged("the archive stops in the middle of a file")


@pytest.mark.parametrize("stream", [
    header("course/a.html", 100),  # the header, then nothing
    header("course/a.html", 100) + b"a" * 100,  # the data, without its padding
], ids=["no data", "no padding"])
def test_a_tar_that_stops_after_a_header_or_before_the_padding_is_refused(stream):
    assert refusal(gz(stream)) == damaged("course/a.html stops short")
