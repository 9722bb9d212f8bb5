"""Stamping (courses/licensing/stamp.py) and keys (courses/licensing/keys.py): the exact bytes
that are signed (so that any other tool can check a signature), the files a stamp adds, the
licence record, and the PEM key files (the private one readable by its owner only)."""
import base64
import hashlib
import json
import stat

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from courses.licensing import keys
from courses.licensing.stamp import (LICENCE_PATH, RIGHTS, SIGNATURE_PATH, canonical, licence_record, signed_payload,
                                     stamp)

KEY = Ed25519PrivateKey.generate()


def documented_canonical(value):
    """JSON with sorted keys, no spaces, UTF-8 (not \\u escapes): what the signature covers."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def test_the_canonical_form_is_sorted_compact_utf8_json():
    value = {"b": [2, 1], "a": "\u00c6r\u00f8", "c": {"y": 1, "x": None}}
    assert canonical(value) == '{"a":"\u00c6r\u00f8","b":[2,1],"c":{"x":null,"y":1}}'.encode("utf-8")


def test_the_signed_payload_is_the_canonical_files_licence_and_package():
    assert signed_payload({"a.html": "h"}, {"number": "L"}, {"course": "c", "version": "1"}) == \
        b'{"files":{"a.html":"h"},"licence":{"number":"L"},"package":{"course":"c","version":"1"}}'


def _record():
    return licence_record("LIC-5", "\u00c5land", "AX", ["course-b", "course-a"], ["import", "customize"],
                          "2026-01-01", "2026-12-31", "secretariat")


def test_a_stamp_adds_the_licence_and_a_signature_any_tool_can_check():
    files = {"course/a.html": b"<p>a</p>", "course/b.html": b"<p>b</p>",
             "lmd-licence/old-signature.json": b"{}"}  # a previous stamp's file
    original = dict(files)
    record = _record()
    stamped = stamp(files, record, KEY, "course-a", "7")
    assert files == original  # the caller's files are left as they were
    assert sorted(stamped) == ["course/a.html", "course/b.html", LICENCE_PATH, SIGNATURE_PATH]
    assert stamped["course/a.html"] == b"<p>a</p>" and stamped["course/b.html"] == b"<p>b</p>"
    assert stamped[LICENCE_PATH] == documented_canonical(record)
    envelope = json.loads(stamped[SIGNATURE_PATH])
    assert stamped[SIGNATURE_PATH] == documented_canonical(envelope)
    hashes = {name: hashlib.sha256(stamped[name]).hexdigest()
              for name in ("course/a.html", "course/b.html", LICENCE_PATH)}
    package = {"course": "course-a", "version": "7"}
    assert set(envelope) == {"algorithm", "files", "package", "signature"}
    assert envelope["algorithm"] == "Ed25519"
    assert envelope["files"] == hashes and envelope["package"] == package
    payload = documented_canonical({"files": hashes, "licence": record, "package": package})
    KEY.public_key().verify(base64.b64decode(envelope["signature"], validate=True), payload)


def test_a_licence_record_sorts_its_lists_and_is_active_unless_told():
    assert _record() == {"number": "LIC-5", "licensee": "\u00c5land", "country": "AX",
                         "courses": ["course-a", "course-b"], "rights": ["customize", "import"],
                         "valid_from": "2026-01-01", "valid_until": "2026-12-31", "issued_by": "secretariat",
                         "status": "active"}
    revoked = licence_record("LIC-6", "X", "XX", ["c"], list(RIGHTS), "2026-01-01", "2026-12-31", "s",
                             status="revoked")
    assert revoked["status"] == "revoked" and revoked["rights"] == sorted(RIGHTS)


def test_a_licence_record_with_unknown_rights_is_refused_naming_them():
    with pytest.raises(ValueError) as caught:
        licence_record("LIC-5", "X", "XX", ["c"], ["sell", "import", "fly"], "2026-01-01", "2026-12-31", "s")
    assert str(caught.value) == "unknown rights: fly, sell"


def test_generated_keys_are_pem_files_the_private_one_readable_by_its_owner_only(tmp_path):
    keys.generate(tmp_path / "sec.pem", tmp_path / "sec.pub")
    assert stat.S_IMODE((tmp_path / "sec.pem").stat().st_mode) == 0o600
    assert (tmp_path / "sec.pem").read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----\n")
    assert (tmp_path / "sec.pub").read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----\n")
    private, public = keys.load_private(tmp_path / "sec.pem"), keys.load_public(tmp_path / "sec.pub")
    assert isinstance(private, Ed25519PrivateKey) and isinstance(public, Ed25519PublicKey)
    public.verify(private.sign(b"payload"), b"payload")  # the two files are one key pair
    assert public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw) == \
        private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def test_a_key_of_another_type_is_refused_with_its_path(tmp_path):
    other = ec.generate_private_key(ec.SECP256R1())
    private, public = tmp_path / "ec.pem", tmp_path / "ec.pub"
    private.write_bytes(other.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                            serialization.NoEncryption()))
    public.write_bytes(other.public_key().public_bytes(serialization.Encoding.PEM,
                                                       serialization.PublicFormat.SubjectPublicKeyInfo))
    with pytest.raises(ValueError) as caught:
        keys.load_private(private)
    assert str(caught.value) == f"{private} is not an Ed25519 private key"
    with pytest.raises(ValueError) as caught:
        keys.load_public(public)
    assert str(caught.value) == f"{public} is not an Ed25519 public key"
