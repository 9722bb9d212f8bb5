"""Stand-in LMS pages for real SCORM runtimes. Two runtimes provide the API object:
npm's scorm-again (/lms.html: Scorm12API as window.API, Scorm2004API as window.API_1484_11),
lenient as most LMSs are, and our strict one (/strict.html, tests/scorm/strict_rte.js), which
returns every error the RTE books require. The SCO runs in an iframe, served over HTTP from the
unpacked package, as an LMS would serve it; `?launch=m03/index.html` picks another SCO than the
first resource, and `cross_origin=True` serves the SCO from another origin (localhost instead of
127.0.0.1), as LMSs that keep content on a CDN do."""
import contextlib
import functools
import http.server
import json
import shutil
import threading
import urllib.parse
import zipfile
from pathlib import Path

SCORM_AGAIN = Path(__file__).resolve().parents[2] / "node_modules" / "scorm-again" / "dist"
STRICT_RTE = Path(__file__).resolve().parent / "strict_rte.js"

# Where the SCO is loaded from: this origin, or the same server under another host name.
SCO_FRAME = """<iframe id="sco" title="course" style="width:100%;height:90vh;border:0"></iframe>
<script>
  var launch = new URLSearchParams(location.search).get('launch') || '{launch}';
  var origin = {cross_origin} ? location.protocol + '//localhost:' + location.port : '';
  document.getElementById('sco').src = origin + '/pkg/' + launch;
</script>"""

LMS_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm-again/{script}"></script>
<script>
  var api = new {cls}({{autocommit: false, logLevel: 5}});
  window.lmdCommits = 0;
  api.on('{commit}', function () {{ window.lmdCommits += 1; }});
  var resume = location.hash ? JSON.parse(decodeURIComponent(location.hash.slice(1))) : null;
  if (resume) {{ api.loadFromJSON(resume); }}
  window.{name} = api;
</script></head>
<body>{frame}</body></html>"""

# The strict runtime: `#{"data": <api.saved() of the last session>, "options": {...}}` resumes.
STRICT_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Strict LMS</title>
<script src="/strict/strict_rte.js"></script>
<script>
  var given = location.hash ? JSON.parse(decodeURIComponent(location.hash.slice(1))) : {{}};
  window.lmdStrict = StrictScorm.{factory}(given.data, given.options);
  window.{name} = window.lmdStrict;
</script></head>
<body>{frame}</body></html>"""


def write_lms(root, version, launch, cross_origin=False):
    script, cls, name, commit = (("scorm12.min.js", "Scorm12API", "API", "LMSCommit") if version == "1.2"
                                 else ("scorm2004.min.js", "Scorm2004API", "API_1484_11", "Commit"))
    frame = SCO_FRAME.format(launch=launch, cross_origin="true" if cross_origin else "false")
    (root / "lms.html").write_text(LMS_PAGE.format(script=script, cls=cls, name=name, commit=commit, frame=frame))
    (root / "strict.html").write_text(STRICT_PAGE.format(
        factory="Scorm12" if version == "1.2" else "Scorm2004", name=name, frame=frame))


@contextlib.contextmanager
def serve_package(package_zip, version, tmp_path, cross_origin=False):
    """Unpack the package under /pkg/, the LMS pages at /lms.html (scorm-again) and /strict.html
    (the strict runtime); yield the base URL."""
    root = Path(tmp_path) / "site"
    (root / "pkg").mkdir(parents=True)
    with zipfile.ZipFile(package_zip) as archive:
        archive.extractall(root / "pkg")
        manifest = archive.read("imsmanifest.xml").decode()
    shutil.copytree(SCORM_AGAIN, root / "scorm-again")
    (root / "strict").mkdir()
    shutil.copy(STRICT_RTE, root / "strict" / "strict_rte.js")
    launch = manifest.split('href="', 1)[1].split('"', 1)[0]  # the first resource: what LMSs launch
    write_lms(root, version, launch, cross_origin)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def cmi(page, version):
    """The LMS's whole CMI data model as JSON (readable after the SCO terminated)."""
    name = "API" if version == "1.2" else "API_1484_11"
    return page.evaluate(f"JSON.parse(JSON.stringify(window.{name}.cmi))")


def resume_hash(data):
    return "#" + json.dumps(data)


def strict_url(base, launch=None, data=None, options=None):
    """The strict LMS page, launching `launch`, resuming from `data` (a previous session's saved())."""
    query = f"?launch={urllib.parse.quote(launch)}" if launch else ""
    given = {key: value for key, value in (("data", data), ("options", options)) if value is not None}
    return f"{base}/strict.html{query}" + (("#" + urllib.parse.quote(json.dumps(given))) if given else "")


def strict_failures(page):
    """Every SCO call the strict runtime refused, with its error code and diagnostic."""
    return page.evaluate("window.lmdStrict.failures()")


def strict_data(page):
    """The data model as the session left it."""
    return page.evaluate("window.lmdStrict.data()")


def strict_saved(page):
    """The data model as the LMS keeps it for the next session."""
    return page.evaluate("window.lmdStrict.saved()")
