"""Verifying a licensed package before anything is written: a safe archive, intact signed files,
a licence that is valid today, not revoked, grants `import` and covers this course. Every
refusal says exactly why (ImportRefused)."""
import base64
import binascii
import datetime
import hashlib
import json

from cryptography.exceptions import InvalidSignature

from xblocks.common.errors import ContentError
from xblocks.common.xmlcontent import parse_xml_string

from .errors import ImportRefused
from .stamp import LICENCE_PATH, SIGNATURE_PATH, signed_payload
from .unpack import MAX_BYTES, MAX_FILES, read_archive

__all__ = ["ImportRefused", "MAX_BYTES", "MAX_FILES", "read_archive", "verify_package"]


def verify_package(data, public_key, today=None, revoked=(), **limits):
    """-> (files, licence, package info). Raises ImportRefused with the exact reason."""
    files = read_archive(data, **limits)
    for name, content in files.items():
        if name.lower().endswith(".xml"):  # COURSE.XML is XML to every tool that opens it
            try:
                parse_xml_string(content)
            except ContentError as exc:
                raise ImportRefused(f"{name}: {exc}") from None
    if SIGNATURE_PATH not in files or LICENCE_PATH not in files:
        raise ImportRefused("the package carries no licence (unsigned package)")
    try:
        envelope = json.loads(files[SIGNATURE_PATH])
        licence = json.loads(files[LICENCE_PATH])
        signature = base64.b64decode(envelope["signature"], validate=True)
        signed_hashes, package = envelope["files"], envelope["package"]
        if not all(isinstance(part, dict) for part in (licence, signed_hashes, package)):
            raise TypeError("not an object")  # pragma: no mutate (caught below, never shown)
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise ImportRefused("the licence signature is malformed") from None
    try:
        public_key.verify(signature, signed_payload(signed_hashes, licence, package))
    except InvalidSignature:
        raise ImportRefused("the signature does not match the Secretariat's key (tampered licence or package)") from None
    actual = {name: hashlib.sha256(content).hexdigest() for name, content in files.items() if name != SIGNATURE_PATH}
    for name in sorted(set(actual) | set(signed_hashes)):
        if actual.get(name) != signed_hashes.get(name):
            what = "was added" if name not in signed_hashes else "is missing" if name not in actual else "was changed"
            raise ImportRefused(f"tampered package: {name} {what} after signing")
    _check_licence(licence, package, today or datetime.date.today(), set(revoked))
    return files, licence, package


def _check_licence(licence, package, today, revoked):
    number = licence.get("number", "?")
    if licence.get("status") == "revoked" or number in revoked:
        raise ImportRefused(f"licence {number} has been revoked")
    if today < _date(licence, "valid_from"):
        raise ImportRefused(f"licence {number} is not valid before {licence['valid_from']}")
    if today > _date(licence, "valid_until"):
        raise ImportRefused(f"licence {number} expired on {licence['valid_until']}")
    if "import" not in licence.get("rights", []):
        raise ImportRefused(f"licence {number} does not grant the right to import")
    if package.get("course") not in licence.get("courses", []):
        raise ImportRefused(f"course {package.get('course')} is not covered by licence {number}")


def _date(licence, field):
    try:
        return datetime.date.fromisoformat(licence[field])
    except (KeyError, TypeError, ValueError):
        raise ImportRefused(f"licence {licence.get('number', '?')}: {field} is not a date") from None
