"""A national server in the demo: the Secretariat issues a licence, Eastland exports the licensed
package, imports it, completes it with a national module (translated in part) and plays it; a
newer upstream version then keeps the learner's state in the blocks it did not change."""
import html
import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from lmd_access.models import Licence
from courses.licensing.overlay import customize
from courses.lmd import model
from lmd_demo.course_block import demo_course, forget_course, scenario_ids

pytestmark = pytest.mark.django_db(transaction=True)
NATIONAL_TITLE = "Clearance at Eastland's land borders"


def serve(settings, source, overlay):
    """Point the demo at a course source and overlay, and load it as a restarted demo does."""
    from workbench.runtime import ID_MANAGER
    from workbench.scenarios import init_scenarios
    settings.LMD_COURSE_SOURCE, settings.LMD_OVERLAY = str(source), str(overlay)
    forget_course()
    ID_MANAGER.clear()  # a new process numbers definitions from zero again
    with transaction.atomic():
        init_scenarios()


@pytest.fixture(autouse=True)
def _reread_course_after():
    yield
    forget_course()


def officer():
    client = Client()
    assert client.login(username="officer1", password="demo")
    return client


def block_usage(number, block_type, language="en"):
    """Usage id of module `number`'s own `block_type` child in the demo's run of `language` (a
    course pre-test or post-test placed in the module is not its quiz)."""
    from workbench.runtime import WorkbenchRuntime
    from workbench.scenarios import get_scenarios
    module = WorkbenchRuntime("officer1").get_block(get_scenarios()[scenario_ids(language)[number]].usage_id)
    return next(str(child.scope_ids.usage_id) for child in module.get_children()
                if child.scope_ids.block_type == block_type and not getattr(child, "purpose", None))


def post(client, usage_id, handler, payload):
    response = client.post(f"/course/handler/{usage_id}/{handler}/", json.dumps(payload),
                           content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def test_licence_issued_exported_imported_completed_and_played(tmp_path, settings):
    out = io.StringIO()
    call_command("lmd_national_demo", dir=str(tmp_path), stdout=out)
    licence = Licence.objects.get(number="LMD-EL-2026-001")
    assert licence.issued_by.username == "secretariat" and licence.licensee.country_code == "EL"
    record = json.loads((tmp_path / "eastland" / "imports" / "imports.jsonl").read_text().splitlines()[-1])
    assert record["licence"] == licence.number and record["licensee"] == licence.licensee.name
    course, overlay = Path(record["path"]), tmp_path / "eastland" / "overlay"
    assert f"LMD_COURSE_SOURCE={course}" in out.getvalue()

    serve(settings, course, overlay)
    client = officer()
    page = html.unescape(client.get("/course/").content.decode())
    assert NATIONAL_TITLE in page and "Customs Service of Eastland" in page
    # one progress bar a module: the imported course, then N1 (after the course's own bar)
    bars = page.split('<ol class="modules">', 1)[1].split("</ol>", 1)[0]
    assert bars.count('<progress class="lmd-progress"') == len(model.load_course()) + 1
    assert bars.rindex('aria-label="Progress in module ') == bars.index('aria-label="Progress in module N1"')
    module = html.unescape(client.get("/course/module/N1/").content.decode())
    assert "Every declaration lodged at an Eastland land border" in module and "lmd-quiz" in module
    state = post(client, block_usage("N1", "lmd_quiz"), "submit",
                 {"responses": {"q1": "a", "q2": "true", "q3": ["a", "b"]}})
    assert state["passed"] and state["score"] == 1.0
    assert "1 of 1 activity complete" in html.unescape(client.get("/course/").content.decode())

    # Eastland's translator has done the national module's titles so far: the rest stays English.
    french = html.unescape(client.get("/course/module/N1/", HTTP_ACCEPT_LANGUAGE="fr").content.decode())
    assert "Le dédouanement aux frontières terrestres de l'Eastland" in french
    assert "Every declaration lodged at an Eastland land border" in french


def test_newer_upstream_keeps_overlay_and_learner_state(tmp_path, settings):
    call_command("lmd_demo_seed", stdout=io.StringIO())
    v1, v2, overlay = tmp_path / "v1", tmp_path / "v2", tmp_path / "overlay"
    v1.mkdir()
    for path in model.module_paths()[:2]:
        shutil.copy(path, v1)
    upstream = model.load_course(v1)
    first = upstream[0]
    custom = first.parts_of("html")[0]
    customize(overlay, upstream, custom.url_name,
              f'<html url_name="{custom.url_name}" display_name="Eastland\'s welcome"><p>Eastland text.</p></html>')
    serve(settings, v1, overlay)
    client = officer()
    case = block_usage(first.number, "lmd_case_study")
    question = first.parts_of("lmd_case_study")[0].data["questions"][0]["id"]
    post(client, case, "save_draft", {"answers": {question: "My draft before the update."}})

    # Upstream v2: module 1 retitled, another section rewritten, a new section at the end.
    shutil.copytree(v1, v2)
    source = v2 / first.path.name
    other = first.parts_of("html")[1]
    text = source.read_text(encoding="utf-8")
    text = text.replace(f'display_name="{first.title}"', 'display_name="Introduction (revised)"', 1)
    text = text.replace(other.data.split("</p>")[0], other.data.split("</p>")[0] + " Revised upstream.", 1)
    text = text.replace("</lmd_module>", '<html url_name="m01-new" display_name="New upstream section">'
                                         "<p>Added in version 2.</p></html>\n</lmd_module>")
    source.write_text(text, encoding="utf-8")
    serve(settings, v2, overlay)

    page = html.unescape(client.get(f"/course/module/{first.number}/").content.decode())
    assert "Introduction (revised)" in page and "Revised upstream." in page and "Added in version 2." in page
    assert "Eastland text." in page  # the customization survived the update
    from workbench.runtime import WorkbenchRuntime
    assert block_usage(first.number, "lmd_case_study") == case
    draft = WorkbenchRuntime("officer1").get_block(case).answers
    assert draft == {question: "My draft before the update."}  # and so did the learner's draft
    assert [m.title for m in demo_course()][0] == "Introduction (revised)"


def test_learners_see_the_licence_terms_in_their_language():
    page = html.unescape(Client().get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode())
    assert "Conditions de la licence" in page and "obtenir gratuitement une licence" in page
    page = html.unescape(Client().get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert "Licence terms" in page and "may also obtain a licence from the Secretariat" in page
