"""Issue 12 item 17: licensing bugs the suite let through, each caught here. A licensed package
whose course XML was changed, or whose signed files were removed, is refused; a licence not yet
valid, or marked revoked in its own signed record, is refused; both ends of the validity period
are accepted and the days outside refused; a zip entry that is a symbolic link is refused. Each
refusal writes nothing."""
import datetime
import io
import json
import stat
import tarfile
import zipfile

import pytest

from courses.licensing import keys
from courses.licensing.importer import import_package
from courses.licensing.stamp import licence_record, stamp
from courses.licensing.verify import ImportRefused, verify_package
from courses.olx_export import COURSE_ID
from tests.licensing.test_licensed_import import TODAY, export, refused, rezip, rezip_from, secretariat  # noqa: F401


def _olx_members(package):
    with tarfile.open(package) as archive:
        return {m.name: archive.extractfile(m).read() for m in archive.getmembers() if m.isfile()}


def _retar(package, change):
    files = _olx_members(package)
    change(files)
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    package.write_bytes(out.getvalue())
    return package


def test_a_changed_course_xml_is_refused(secretariat):
    package = export(secretariat, "olx")
    names = [n for n in _olx_members(package) if n.endswith(".xml") and "lmd-licence" not in n]
    target = next(n for n in names if n.endswith("course.xml")) if any(n.endswith("course.xml") for n in names) else names[0]

    def change(files):
        files[target] = files[target].rstrip() + b"\n<!-- changed after signing -->\n"  # still well-formed
    refused(secretariat, _retar(package, change), f"{target} was changed after signing")


def test_every_kind_of_module_xml_change_is_refused(secretariat):
    package = export(secretariat, "olx")
    members = _olx_members(package)
    modules = sorted(n for n in members if n.endswith(".xml") and b'correct="true"' in members[n])
    assert modules, "the OLX package has quiz XML"

    def change(files):
        files[modules[0]] = files[modules[0]].replace(b'correct="true"', b'correct="false"', 1) + b"\n"
    refused(secretariat, _retar(package, change), "was changed after signing")


@pytest.mark.parametrize("kind", ["scorm", "olx"])
def test_a_signed_file_removed_is_refused(secretariat, kind):
    package = export(secretariat, kind)
    if kind == "scorm":
        refused(secretariat, rezip(package, lambda f: f.pop("shared/sco.js")), "shared/sco.js is missing")
    else:
        victim = next(n for n in _olx_members(package) if n.endswith(".xml") and "lmd-licence" not in n)
        refused(secretariat, _retar(package, lambda f: f.pop(victim)), f"{victim} is missing")


def _signed(secretariat, **changes):
    fields = dict(number="LIC-9", licensee="Eastland", country="EL", courses=[COURSE_ID], rights=["import"],
                  valid_from="2026-01-01", valid_until="2027-12-31", issued_by="secretariat")
    fields.update(changes)
    licence = licence_record(**fields)
    package = secretariat / "signed.zip"
    rezip_from(stamp({"a.html": b"<p>a</p>"}, licence, keys.load_private(secretariat / "sec.pem"), COURSE_ID, "1"),
               package)
    return package


def _verify(secretariat, package, today):
    return verify_package(package.read_bytes(), keys.load_public(secretariat / "sec.pub"), today=today)


def test_a_licence_not_yet_valid_is_refused(secretariat):
    package = _signed(secretariat, valid_from="2026-07-01")
    refused(secretariat, package, "not valid before 2026-07-01")  # TODAY is 2026-06-01


@pytest.mark.parametrize("day, accepted", [
    ("2025-12-31", False), ("2026-01-01", True), ("2026-01-02", True),
    ("2027-12-30", True), ("2027-12-31", True), ("2028-01-01", False)])
def test_the_validity_period_includes_both_ends_and_nothing_outside(secretariat, day, accepted):
    package = _signed(secretariat)
    today = datetime.date.fromisoformat(day)
    if accepted:
        _verify(secretariat, package, today)
    else:
        with pytest.raises(ImportRefused, match="not valid before|expired on"):
            _verify(secretariat, package, today)


def test_a_licence_marked_revoked_in_its_own_signed_record_is_refused(secretariat):
    refused(secretariat, _signed(secretariat, status="revoked"), "LIC-9 has been revoked")


def test_an_active_licence_not_on_the_revocation_list_is_accepted(secretariat):
    files, licence, package = _verify(secretariat, _signed(secretariat), TODAY)
    assert licence["number"] == "LIC-9" and package["course"] == COURSE_ID
    refused(secretariat, _signed(secretariat), "LIC-9 has been revoked", revoked=["LIC-0", "LIC-9"])


@pytest.mark.parametrize("mode", [stat.S_IFLNK | 0o777, stat.S_IFLNK | 0o644])
def test_a_zip_entry_that_is_a_symbolic_link_is_refused(secretariat, mode):
    package = export(secretariat)
    data = package.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        link = zipfile.ZipInfo("shared/evil-link")
        link.external_attr = mode << 16
        link.create_system = 3  # Unix, where the mode bits mean what they say
        archive.writestr(link, "/etc/passwd")
    package.write_bytes(out.getvalue())
    refused(secretariat, package, "is a link")
