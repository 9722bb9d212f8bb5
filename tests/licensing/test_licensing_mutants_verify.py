"""Verifying a licensed package (courses/licensing/verify.py), one refusal at a time, each with
the exact sentence the importer shows: unsigned, malformed signature envelope (of every kind),
signature that does not match, files added / missing / changed after signing, XML that is not
safe, limits passed through, and the licence itself (revoked by status or by the list, the first
and last valid days and the days outside, rights, courses, dates that are not dates)."""
import base64
import datetime
import hashlib
import io
import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from courses.licensing.stamp import LICENCE_PATH, SIGNATURE_PATH, canonical, licence_record, stamp
from courses.licensing.verify import ImportRefused, verify_package
from courses.olx_export import COURSE_ID

KEY = Ed25519PrivateKey.generate()
PUBLIC = KEY.public_key()
TODAY = datetime.date(2026, 6, 1)
CONTENT = {"course/course.xml": b'<course url_name="c"><chapter url_name="m1"/></course>',
           "course/a.html": b"<p>a</p>", "course/b.html": b"<p>b</p>"}


def licence(**changes):
    fields = dict(number="LIC-7", licensee="Eastland", country="EL", courses=[COURSE_ID], rights=["import"],
                  valid_from="2026-01-01", valid_until="2026-12-31", issued_by="secretariat")
    fields.update(changes)
    return licence_record(**fields)


def signed(content=None, record=None, course=COURSE_ID, version="3", key=KEY):
    return stamp(CONTENT if content is None else content, licence() if record is None else record, key, course,
                 version)


def zipped(files):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def verify(files, today=TODAY, **options):
    return verify_package(zipped(files), PUBLIC, today=today, **options)


def refusal(files, **options):
    with pytest.raises(ImportRefused) as caught:
        verify(files, **options)
    return str(caught.value)


def with_envelope(change, files=None):
    files = dict(signed() if files is None else files)
    envelope = json.loads(files[SIGNATURE_PATH])
    files[SIGNATURE_PATH] = canonical(change(envelope))
    return files


# Accepted -----------------------------------------------------------------------------------------

def test_a_signed_package_is_accepted_with_its_files_licence_and_package():
    files, record, package = verify(signed())
    assert files == signed()
    assert record == licence()
    assert package == {"course": COURSE_ID, "version": "3"}


def test_without_today_the_licence_is_checked_against_the_real_date():
    forever = signed(record=licence(valid_from="2000-01-01", valid_until="9999-12-31"))
    assert verify_package(zipped(forever), PUBLIC)[1]["number"] == "LIC-7"
    past = signed(record=licence(valid_from="2000-01-01", valid_until="2001-01-01"))
    with pytest.raises(ImportRefused) as caught:
        verify_package(zipped(past), PUBLIC)
    assert str(caught.value) == "licence LIC-7 expired on 2001-01-01"


def test_the_given_day_is_used_rather_than_the_real_date():
    old = signed(record=licence(valid_from="2020-01-01", valid_until="2020-12-31"))
    assert verify(old, today=datetime.date(2020, 6, 1))[1]["valid_until"] == "2020-12-31"


def test_the_limits_are_those_of_the_archive_reader():
    assert refusal(signed(), max_files=4) == "unsafe archive: more than 4 files"
    assert len(verify(signed(), max_files=5)[0]) == 5


# XML ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["course/COURSE.XML", "course/unit.Xml", "course/unit.xml"])
def test_signed_xml_with_a_doctype_is_refused_whatever_the_case_of_its_suffix(name):
    files = signed({**CONTENT, name: b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x "y">]><m>&x;</m>'})
    assert refusal(files) == f"{name}: XML with a DOCTYPE or DTD is refused (entities are not allowed)."


def test_a_file_that_only_looks_like_xml_is_not_parsed():
    files = signed({**CONTENT, "course/notes.xml.txt": b"<not closed"})
    assert "course/notes.xml.txt" in verify(files)[0]


# Unsigned and malformed -----------------------------------------------------------------------------

@pytest.mark.parametrize("drop", [[SIGNATURE_PATH], [LICENCE_PATH], [SIGNATURE_PATH, LICENCE_PATH]])
def test_a_package_without_its_licence_or_signature_is_unsigned(drop):
    files = {name: data for name, data in signed().items() if name not in drop}
    assert refusal(files) == "the package carries no licence (unsigned package)"


def _insert_a_star(envelope):
    """A character outside base64's alphabet, the signature otherwise intact: a lenient decoder
    would skip it and accept the signature."""
    envelope["signature"] = envelope["signature"][:8] + "*" + envelope["signature"][8:]
    return envelope


MALFORMED = {
    "signature file not JSON": lambda files: {**files, SIGNATURE_PATH: b"{"},
    "licence file not JSON": lambda files: {**files, LICENCE_PATH: b"{"},
    "envelope a list": lambda files: {**files, SIGNATURE_PATH: b"[]"},
    "no signature": lambda files: with_envelope(lambda e: {k: v for k, v in e.items() if k != "signature"}, files),
    "no files": lambda files: with_envelope(lambda e: {k: v for k, v in e.items() if k != "files"}, files),
    "no package": lambda files: with_envelope(lambda e: {k: v for k, v in e.items() if k != "package"}, files),
    "signature not base64": lambda files: with_envelope(_insert_a_star, files),
    "signature badly padded": lambda files: with_envelope(lambda e: {**e, "signature": e["signature"][:-1]}, files),
    "signature a number": lambda files: with_envelope(lambda e: {**e, "signature": 12}, files),
    "files a list": lambda files: with_envelope(lambda e: {**e, "files": sorted(e["files"])}, files),
    "package a string": lambda files: with_envelope(lambda e: {**e, "package": COURSE_ID}, files),
    "licence a list": lambda files: {**files, LICENCE_PATH: b'["LIC-7"]'},
}


@pytest.mark.parametrize("kind", MALFORMED)
def test_a_malformed_signature_envelope_is_refused(kind):
    assert refusal(MALFORMED[kind](signed())) == "the licence signature is malformed"


NOT_MATCHING = {
    "licence extended": lambda files: {**files, LICENCE_PATH: canonical(licence(valid_until="2099-12-31"))},
    "version changed": lambda files: with_envelope(lambda e: {**e, "package": {**e["package"], "version": "4"}},
                                                   files),
    "course changed": lambda files: with_envelope(lambda e: {**e, "package": {**e["package"], "course": "x"}},
                                                  files),
    "hash changed": lambda files: with_envelope(
        lambda e: {**e, "files": {**e["files"], "course/a.html": hashlib.sha256(b"other").hexdigest()}}, files),
    "another key": lambda files: signed(key=Ed25519PrivateKey.generate()),
    "signature flipped": lambda files: with_envelope(
        lambda e: {**e, "signature": base64.b64encode(bytes([base64.b64decode(e["signature"])[0] ^ 1])
                                                      + base64.b64decode(e["signature"])[1:]).decode()}, files),
}


@pytest.mark.parametrize("kind", NOT_MATCHING)
def test_a_signature_that_does_not_match_is_refused(kind):
    assert refusal(NOT_MATCHING[kind](signed())) == \
        "the signature does not match the Secretariat's key (tampered licence or package)"


@pytest.mark.parametrize("change, message", [
    (lambda f: f.update({"course/new.html": b"<p>new</p>"}),
     "tampered package: course/new.html was added after signing"),
    (lambda f: f.pop("course/b.html"), "tampered package: course/b.html is missing after signing"),
    (lambda f: f.update({"course/a.html": b"<p>A</p>"}), "tampered package: course/a.html was changed after signing"),
    # several: the first in name order is named
    (lambda f: f.update({"course/z.html": b"z", "course/b.html": b"B"}),
     "tampered package: course/b.html was changed after signing"),
], ids=["added", "missing", "changed", "several"])
def test_files_added_missing_or_changed_after_signing_are_named(change, message):
    files = signed()
    change(files)
    assert refusal(files) == message


# The licence --------------------------------------------------------------------------------------

@pytest.mark.parametrize("day, message", [
    ("2025-12-31", "licence LIC-7 is not valid before 2026-01-01"),
    ("2026-01-01", None),
    ("2026-12-31", None),
    ("2027-01-01", "licence LIC-7 expired on 2026-12-31"),
])
def test_the_first_and_last_days_are_valid_and_the_days_outside_are_not(day, message):
    today = datetime.date.fromisoformat(day)
    if message is None:
        assert verify(signed(), today=today)[1]["number"] == "LIC-7"
    else:
        assert refusal(signed(), today=today) == message


def test_a_licence_revoked_in_its_own_record_is_refused():
    assert refusal(signed(record=licence(status="revoked"))) == "licence LIC-7 has been revoked"


@pytest.mark.parametrize("revoked", [["LIC-7"], ("LIC-1", "LIC-7"), {"LIC-7"}])
def test_a_licence_on_the_revocation_list_is_refused(revoked):
    assert refusal(signed(), revoked=revoked) == "licence LIC-7 has been revoked"


def test_a_licence_not_on_the_revocation_list_is_accepted():
    assert verify(signed(), revoked=["LIC-1", "LIC-70"])[1]["status"] == "active"


def test_a_licence_without_a_number_is_named_with_a_question_mark():
    record = {k: v for k, v in licence(status="revoked").items() if k != "number"}
    assert refusal(signed(record=record)) == "licence ? has been revoked"
    record = {k: v for k, v in licence(valid_from="someday").items() if k != "number"}
    assert refusal(signed(record=record)) == "licence ?: valid_from is not a date"


@pytest.mark.parametrize("rights", [["customize", "translate"], []])
def test_a_licence_without_the_right_to_import_is_refused(rights):
    assert refusal(signed(record=licence(rights=rights))) == "licence LIC-7 does not grant the right to import"


def test_a_licence_record_without_rights_grants_nothing():
    record = {k: v for k, v in licence().items() if k != "rights"}
    assert refusal(signed(record=record)) == "licence LIC-7 does not grant the right to import"


def test_a_course_the_licence_does_not_cover_is_refused():
    files = signed(record=licence(courses=["course-v1:LMD+OTHER+1"]))
    assert refusal(files) == f"course {COURSE_ID} is not covered by licence LIC-7"
    record = {k: v for k, v in licence().items() if k != "courses"}
    assert refusal(signed(record=record)) == f"course {COURSE_ID} is not covered by licence LIC-7"
    assert refusal(signed(course="course-v1:LMD+OTHER+1")) == \
        "course course-v1:LMD+OTHER+1 is not covered by licence LIC-7"


@pytest.mark.parametrize("field, value", [
    ("valid_from", "2026-13-01"), ("valid_from", 20260101), ("valid_from", None),
    ("valid_until", "31/12/2026"), ("valid_until", ""),
])
def test_a_validity_date_that_is_not_a_date_is_refused(field, value):
    assert refusal(signed(record=licence(**{field: value}))) == f"licence LIC-7: {field} is not a date"


@pytest.mark.parametrize("field", ["valid_from", "valid_until"])
def test_a_missing_validity_date_is_refused(field):
    record = {k: v for k, v in licence().items() if k != field}
    assert refusal(signed(record=record)) == f"licence LIC-7: {field} is not a date"
