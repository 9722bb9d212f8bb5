"""Licensed packages: signed by the Secretariat, verified on a national server. One test per
refusal reason, each checking that nothing was written."""
import datetime
import re
import io
import json
import tarfile
import zipfile

import pytest
from django.utils import translation

from courses.cli import main
from courses.licensing import keys
from courses.licensing.importer import import_package
from courses.licensing.stamp import licence_record, stamp
from courses.licensing.verify import ImportRefused
from courses.olx_export import COURSE_ID
from scorm_export.validate import validate_manifest

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def secretariat(tmp_path):
    keys.generate(tmp_path / "sec.pem", tmp_path / "sec.pub")
    licence = licence_record("LIC-1", "Eastland", "EL", [COURSE_ID], ["import", "customize"],
                             "2026-01-01", "2027-12-31", "secretariat")
    (tmp_path / "lic.json").write_text(json.dumps(licence))
    return tmp_path


def export(secretariat, kind="scorm"):
    target = secretariat / ("pkg.zip" if kind == "scorm" else "pkg.tar.gz")
    args = (["export", "scorm", "--scorm-version", "2004", "--quiet"] if kind == "scorm" else ["export", "olx"])
    assert main([*args, "--licence", str(secretariat / "lic.json"), "--signing-key", str(secretariat / "sec.pem"),
                 "-o", str(target)]) == 0
    return target


def refused(secretariat, package, words, **kwargs):
    into = secretariat / "imports"
    with pytest.raises(ImportRefused, match=words):
        import_package(package, keys.load_public(secretariat / "sec.pub"), into, "tester", today=TODAY, **kwargs)
    assert not into.exists() or list(into.iterdir()) == []  # nothing written


def rezip(package, change):
    files = {i.filename: zipfile.ZipFile(package).read(i) for i in zipfile.ZipFile(package).infolist()}
    change(files)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    package.write_bytes(out.getvalue())
    return package


@pytest.mark.parametrize("kind", ["scorm", "olx"])
def test_licensed_package_imports_and_is_recorded(secretariat, kind):
    package = export(secretariat, kind)
    record = import_package(package, keys.load_public(secretariat / "sec.pub"), secretariat / "imports", "tester",
                            today=TODAY)
    assert record["course"] == COURSE_ID and record["licence"] == "LIC-1" and record["who"] == "tester"
    log = (secretariat / "imports" / "imports.jsonl").read_text().splitlines()
    assert json.loads(log[0])["package_sha256"] == record["package_sha256"]


def test_licensed_scorm_package_still_validates_and_shows_the_licence(secretariat):
    package = export(secretariat)
    manifest = zipfile.ZipFile(package).read("imsmanifest.xml")
    validate_manifest(manifest, "2004")
    assert b"Licence LIC-1: Eastland" in manifest and b'href="lmd-licence/signature.json"' in manifest


def test_licensed_scorm_package_plays_in_a_scorm_runtime(page, secretariat, tmp_path):
    """The stamp adds files and metadata only: the first SCO still finds the LMS (scorm-again) and
    reports a passed quiz."""
    from courses.lmd import model
    from tests.browser.test_course_browser import pass_quiz
    from tests.scorm.lms import cmi, serve_package
    from tests.scorm.test_scorm_player import leave

    with serve_package(export(secretariat), "2004", tmp_path) as base:
        page.goto(f"{base}/lms.html")
        frame = page.frame_locator("#sco")
        frame.locator(".lmd-quiz .lmd-submit").first.wait_for()  # module 1 also holds the course pre-test
        assert frame.locator(".lmd-scorm-note").count() == 0  # an LMS was found
        pass_quiz(frame, model.load_course()[0])
        leave(page)
        data = cmi(page, "2004")
    assert data["success_status"] == "passed" and float(data["score"]["scaled"]) == 1.0


def test_tampered_file_is_refused(secretariat):
    package = rezip(export(secretariat), lambda f: f.__setitem__("shared/sco.js", f["shared/sco.js"] + b"//x"))
    refused(secretariat, package, "shared/sco.js was changed after signing")


def test_added_file_is_refused(secretariat):
    package = rezip(export(secretariat), lambda f: f.__setitem__("extra.html", b"<p>x</p>"))
    refused(secretariat, package, "extra.html was added")


def test_tampered_licence_is_refused(secretariat):
    def extend(files):
        licence = json.loads(files["lmd-licence/licence.json"])
        licence["valid_until"] = "2099-12-31"
        files["lmd-licence/licence.json"] = json.dumps(licence).encode()
    refused(secretariat, rezip(export(secretariat), extend), "signature does not match")


def test_expired_licence_is_refused(secretariat):
    package = export(secretariat)
    with pytest.raises(ImportRefused, match="expired on 2027-12-31"):
        import_package(package, keys.load_public(secretariat / "sec.pub"), secretariat / "imports", "t",
                       today=datetime.date(2028, 1, 1))
    assert not (secretariat / "imports").exists()


def test_revoked_licence_is_refused(secretariat):
    refused(secretariat, export(secretariat), "LIC-1 has been revoked", revoked=["LIC-1"])


def test_course_outside_the_licence_is_refused(secretariat):
    licence = licence_record("LIC-2", "Eastland", "EL", ["course-v1:Other+X+1"], ["import"], "2026-01-01",
                             "2027-12-31", "secretariat")
    files = stamp({"a.html": b"<p>a</p>"}, licence, keys.load_private(secretariat / "sec.pem"), COURSE_ID, "1")
    package = secretariat / "other.zip"
    rezip_from(files, package)
    refused(secretariat, package, re.escape(f"course {COURSE_ID} is not covered by licence LIC-2"))


def test_licence_without_import_right_is_refused(secretariat):
    licence = licence_record("LIC-3", "Eastland", "EL", [COURSE_ID], ["translate"], "2026-01-01", "2027-12-31", "s")
    package = secretariat / "noimport.zip"
    rezip_from(stamp({"a.html": b"x"}, licence, keys.load_private(secretariat / "sec.pem"), COURSE_ID, "1"), package)
    refused(secretariat, package, "does not grant the right to import")


def test_other_key_is_refused(secretariat, tmp_path):
    keys.generate(tmp_path / "evil.pem", tmp_path / "evil.pub")
    licence = json.loads((secretariat / "lic.json").read_text())
    package = secretariat / "forged.zip"
    rezip_from(stamp({"a.html": b"x"}, licence, keys.load_private(tmp_path / "evil.pem"), COURSE_ID, "1"), package)
    refused(secretariat, package, "signature does not match")


def test_unsigned_package_is_refused(secretariat):
    package = secretariat / "plain.zip"
    rezip_from({"a.html": b"x"}, package)
    refused(secretariat, package, "carries no licence")


@pytest.mark.parametrize("name", ["../escape.html", "/etc/evil"])
def test_paths_escaping_the_package_are_refused(secretariat, name):
    package = secretariat / "evil.zip"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, b"x")
    package.write_bytes(out.getvalue())
    refused(secretariat, package, "unsafe archive")


def test_links_in_a_tar_are_refused(secretariat):
    package = secretariat / "link.tar.gz"
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        info = tarfile.TarInfo("course/link")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(info)
    package.write_bytes(out.getvalue())
    refused(secretariat, package, "is a link or a special file")


def test_too_many_files_and_too_many_bytes_are_refused(secretariat):
    package = secretariat / "many.zip"
    rezip_from({f"f{i}.txt": b"x" for i in range(30)}, package)
    refused(secretariat, package, "more than 20 files", max_files=20)
    bomb = secretariat / "bomb.zip"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", b"\0" * 5_000_000)
    bomb.write_bytes(out.getvalue())
    refused(secretariat, bomb, "more than 1000000 bytes once unpacked", max_bytes=1_000_000)


def test_xml_with_entities_is_refused(secretariat):
    package = rezip(export(secretariat), lambda f: f.__setitem__(
        "imsmanifest.xml", b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x "y">]><m>&x;</m>'))
    refused(secretariat, package, "imsmanifest.xml: XML with a DOCTYPE")


def rezip_from(files, package):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    package.write_bytes(out.getvalue())


@pytest.mark.django_db
def test_secretariat_issues_downloads_and_revokes_licences_in_the_admin(client, secretariat):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from lmd_access.models import GatedCourse, Licence, MemberAdministration
    staff = get_user_model().objects.create_superuser("sec", password="pw")
    admin = MemberAdministration.objects.create(name="Eastland", country_code="EL")
    course = GatedCourse.objects.create(course_id=COURSE_ID, title="LMD")
    client.force_login(staff)
    response = client.post("/admin/lmd_access/licence/add/", {
        "number": "LIC-9", "licensee": admin.pk, "courses": [course.pk], "may_import": "on", "may_translate": "on",
        "valid_from": "2026-01-01", "valid_until": "2027-12-31", "status": "active", "issued_at_0": "2026-01-01",
        "issued_at_1": "00:00:00"})
    assert response.status_code == 302, response.content[:500]
    licence = Licence.objects.get(number="LIC-9")
    assert licence.issued_by == staff and licence.rights() == ["import", "translate"]
    response = client.post("/admin/lmd_access/licence/", {"action": "download_records",
                                                           "_selected_action": [licence.pk]})
    record = json.loads(response.content)
    assert record["courses"] == [COURSE_ID] and record["issued_by"] == "sec" and record["licensee"] == "Eastland"
    client.post("/admin/lmd_access/licence/", {"action": "revoke", "_selected_action": [licence.pk]})
    out = io.StringIO()
    call_command("lmd_licences_revoked", stdout=out)
    assert out.getvalue().split() == ["LIC-9"]
