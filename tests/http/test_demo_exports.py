"""The demo's export downloads: real archives built by the same code as `lmd export`."""
import io
import tarfile
import zipfile

import pytest

from scorm_export.validate import validate_manifest

pytestmark = pytest.mark.django_db(transaction=True)


def test_exports_download_valid_archives(staff_session):
    http_session = staff_session  # the exports carry the answer keys: staff only
    status, body = http_session.get("/exports/")
    assert status == 200 and b"SCORM 2004" in body
    status, body = http_session.get("/exports/scorm2004/")
    assert status == 200
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        validate_manifest(archive.read("imsmanifest.xml"), "2004")
    status, body = http_session.get("/exports/olx/")
    with tarfile.open(fileobj=io.BytesIO(body)) as archive:
        assert "course/course.xml" in archive.getnames()
    assert http_session.get("/exports/nope/")[0] == 404
