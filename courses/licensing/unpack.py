"""Reading a package archive (.zip or .tar.gz) into memory without trusting it.

Why not zipfile's and tarfile's own readers: both trust the sizes written in the archive's
headers. zipfile inflates as much as the caller asks for in one call before cutting the result to
the declared size (hundreds of megabytes from a 300 KB zip whose headers understate sizes), and
tarfile reads an extended (pax) header whole, whatever size it claims. Here every byte is counted
as it comes out of the decompressor, a small chunk at a time, against the declared sizes and
against the limits; the zip's central directory is still parsed by zipfile (it is only read),
and tar is read as plain USTAR, the only format the exporter writes (courses/olx/archive.py).

Every refusal is ImportRefused with the reason: "unsafe archive: ..." for what a package must not
contain, "damaged archive: ..." for what cannot be read as it says it is (truncated, corrupt, or
with headers that do not match the data)."""
import io
import re
import stat
import zipfile
import zlib

from scorm_export.archive import UnsafePath, check_member_path

from .errors import ImportRefused

MAX_FILES = 5000
MAX_BYTES = 200 * 1024 * 1024
CHUNK = 64 * 1024  # the most the decompressor may produce in one call
TAR_BLOCK = 512
_NOT_NUL = re.compile(rb"[^\0]")


def read_archive(data, max_files=MAX_FILES, max_bytes=MAX_BYTES):
    """{name: bytes} of a .zip or .tar.gz held in memory, refusing unsafe or damaged archives.
    Memory: the unpacked files (at most `max_bytes`) plus one chunk."""
    if data[:4] == b"PK\x03\x04":
        reader = _read_zip
    elif data[:2] == b"\x1f\x8b":
        reader = _read_tar_gz
    else:
        raise ImportRefused("not a .zip or .tar.gz archive")
    budget = _Budget(max_files, max_bytes)
    files = {}
    for name, content in reader(data, budget):
        if name in files:
            raise ImportRefused(f"unsafe archive: {name} appears twice")
        files[name] = content
    return files


class _Budget:
    """Files and bytes unpacked so far, against the limits."""

    def __init__(self, max_files, max_bytes):
        self.max_files, self.max_bytes = max_files, max_bytes
        self.files = self.bytes = 0

    def add_file(self):
        self.files += 1
        if self.files > self.max_files:
            raise ImportRefused(f"unsafe archive: more than {self.max_files} files")

    def add_bytes(self, count):
        self.bytes += count
        if self.bytes > self.max_bytes:
            raise ImportRefused(f"unsafe archive: more than {self.max_bytes} bytes once unpacked")


def check_name(name):
    """A relative path that stays inside the package, without control characters."""
    try:
        check_member_path(name)
    except UnsafePath as exc:
        raise ImportRefused(f"unsafe archive: {exc}") from None
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in name):
        raise ImportRefused(f"unsafe archive: refused file name {name!r}: it holds control characters")
    return name


def _damaged(what):
    return ImportRefused(f"damaged archive: {what} (truncated or corrupt; download the package again)")


# zip ----------------------------------------------------------------------------------------------

def _read_zip(data, budget):
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise _damaged(f"the zip directory cannot be read: {exc}") from None
    if sum(i.file_size for i in infos) > budget.max_bytes:  # an early answer; the real count follows
        raise ImportRefused(f"unsafe archive: more than {budget.max_bytes} bytes once unpacked")
    for info in infos:
        name = info.filename
        if name.endswith("/"):
            check_name(name.rstrip("/"))
            continue
        check_name(name)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise ImportRefused(f"unsafe archive: {name!r} is a link")
        if info.flag_bits & 0x1:
            raise ImportRefused(f"unsafe archive: {name} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ImportRefused(f"unsafe archive: {name} uses compression method {info.compress_type}; "
                                "packages use deflate")
        budget.add_file()
        yield name, _zip_member(data, info, budget)


def _zip_member(data, info, budget):
    start = _zip_data_offset(data, info)
    end = start + info.compress_size
    if end > len(data):
        raise _damaged(f"{info.filename} ends after the end of the file")
    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size != info.file_size:
            raise _damaged(f"{info.filename}: its header gives two different sizes")
        budget.add_bytes(info.file_size)
        content = data[start:end]
    else:
        content = _inflate(data, start, end, info, budget)
    if zlib.crc32(content) != info.CRC:
        raise _damaged(f"{info.filename} does not match its checksum")
    return content


def _zip_data_offset(data, info):
    """Where the entry's data starts: after its local header, whose name and extra field
    lengths may differ from the central directory's."""
    header = data[info.header_offset:info.header_offset + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise _damaged(f"{info.filename}: its local header is missing")
    name_length = int.from_bytes(header[26:28], "little")
    extra_length = int.from_bytes(header[28:30], "little")
    return info.header_offset + 30 + name_length + extra_length


def _inflate(data, start, end, info, budget):
    """The entry's bytes, a chunk at a time: stopped at the first byte past the declared size."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    out = bytearray()
    position = start
    try:
        while not inflater.eof:
            if inflater.unconsumed_tail:
                piece = inflater.decompress(inflater.unconsumed_tail, CHUNK)
            elif position < end:
                piece = inflater.decompress(data[position:min(position + CHUNK, end)], CHUNK)
                position = min(position + CHUNK, end)
            else:
                raise _damaged(f"{info.filename}: its compressed data stops short")
            if len(out) + len(piece) > info.file_size:
                raise _damaged(f"{info.filename} unpacks to more bytes than its header declares "
                               f"({info.file_size})")
            budget.add_bytes(len(piece))
            out += piece
    except zlib.error as exc:
        raise _damaged(f"{info.filename}: {exc}") from None
    if len(out) != info.file_size:
        raise _damaged(f"{info.filename} unpacks to fewer bytes ({len(out)}) than its header declares "
                       f"({info.file_size})")
    return bytes(out)


# tar.gz -------------------------------------------------------------------------------------------

class _Gunzip:
    """The decompressed tar stream, read exactly, a chunk at a time. Its total length is capped:
    the files' bytes plus a header block and padding per file."""

    def __init__(self, data, budget):
        self.data, self.position = data, 0
        self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.buffer = bytearray()
        self.limit = budget.max_bytes + 3 * TAR_BLOCK * (budget.max_files + 2)
        self.produced = 0

    def _more(self):
        try:
            if self.inflater.eof:
                # A gzip file may hold several members: the next one starts where this one ended,
                # inside the last piece of input given to the inflater (its unused data), and may
                # run on past that piece. Only NUL padding may follow the last member.
                start = min(self.position, len(self.data)) - len(self.inflater.unused_data)
                if not _NOT_NUL.search(self.data, start):
                    return False
                self.position = start
                self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            if self.inflater.unconsumed_tail:
                piece = self.inflater.decompress(self.inflater.unconsumed_tail, CHUNK)
            elif self.position < len(self.data):  # pragma: no mutate (<=: one empty call more, same outcome)
                piece = self.inflater.decompress(self.data[self.position:self.position + CHUNK], CHUNK)
                self.position += CHUNK
            else:
                raise _damaged("the compressed stream stops short")
        except zlib.error as exc:
            raise _damaged(f"the compressed stream is broken: {exc}") from None
        self.produced += len(piece)
        if self.produced > self.limit:
            raise ImportRefused(f"unsafe archive: more than {self.limit} bytes once unpacked")
        self.buffer += piece
        return True

    def finish(self):
        """Read to the end of the gzip stream, so that its checksum and length are checked:
        a package cut off after its last file is still a damaged download."""
        self.buffer.clear()
        while self._more():
            self.buffer.clear()

    def read(self, size):
        """Exactly `size` bytes, or b'' at a clean end of the stream."""
        while len(self.buffer) < size:
            if not self._more():
                if self.buffer:
                    raise _damaged("the archive stops in the middle of a file")
                return b""
        out = bytes(self.buffer[:size])
        del self.buffer[:size]
        return out


def _read_tar_gz(data, budget):
    stream = _Gunzip(data, budget)
    while True:
        block = stream.read(TAR_BLOCK)
        if not block or block == bytes(TAR_BLOCK):
            stream.finish()  # end of archive: what follows is padding, but the stream must end well
            return
        name, size, kind = _tar_header(block)
        if kind == b"5":
            check_name(name.rstrip("/"))
            continue
        check_name(name)
        if kind not in (b"0", b"\0"):
            raise ImportRefused(f"unsafe archive: {name!r} is a link or a special file")
        budget.add_file()
        if size > budget.max_bytes - budget.bytes:
            raise ImportRefused(f"unsafe archive: more than {budget.max_bytes} bytes once unpacked")
        content = stream.read(size) if size else b""
        if len(content) != size:
            raise _damaged(f"{name} stops short")
        budget.add_bytes(size)
        padding = -size % TAR_BLOCK
        if padding and len(stream.read(padding)) != padding:
            raise _damaged(f"{name} stops short")
        yield name, content


def _tar_header(block):
    """(name, size, type flag) of a USTAR header block, its checksum checked."""
    recorded = _octal(block[148:156], "checksum")
    if recorded != sum(block[:148]) + 8 * 32 + sum(block[156:]):
        raise _damaged("a tar header does not match its checksum")
    try:
        name = block[:100].split(b"\0", 1)[0].decode("utf-8")
        prefix = block[345:500].split(b"\0", 1)[0].decode("utf-8") if block[257:262] == b"ustar" else ""
    except UnicodeDecodeError:
        raise ImportRefused("unsafe archive: a file name is not UTF-8") from None
    return (f"{prefix}/{name}" if prefix else name), _octal(block[124:136], "size"), block[156:157]


def _octal(field, what):
    text = field.split(b"\0", 1)[0].strip()
    try:
        return int(text or b"0", 8)
    except ValueError:
        raise _damaged(f"a tar header's {what} is not a number") from None
