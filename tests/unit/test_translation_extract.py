"""Every user-facing string is reachable by gettext: the extractor finds them in Python (including
the JS string tables and the Studio editor), in templates, with plurals; msgfmt accepts the result."""
import shutil
import subprocess

from translations.extract import extract


def test_template_covers_python_templates_js_tables_and_plurals():
    catalog = extract()
    ids = {entry.msgid for entry in catalog}
    assert "Submit answers" in ids                          # quiz template and JS table
    assert "Feedback: {text}" in ids and "Not saved: {message}" in ids  # JS string table, Studio editor
    assert "Move up: %(text)s" in ids                         # blocktrans with a variable
    assert "Expert analysis" in ids and "Printable role cards and observer checklist (facilitator)" in ids
    assert "You have no attempts left." in ids              # Python handler error and SCORM runtime
    plural = next(e for e in catalog if e.msgid == "%(n)s question")
    assert plural.msgid_plural == "%(n)s questions" and "python-format" in plural.flags
    assert "Your access requests" in ids                    # the access app's templates


def test_msgfmt_accepts_the_template(tmp_path):
    target = tmp_path / "text.pot"
    extract().save(str(target))
    result = subprocess.run([shutil.which("msgfmt"), "--check-format", "-o", "/dev/null", str(target)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
