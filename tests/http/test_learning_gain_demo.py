"""Learning gain (issue 15, item 5) on a course that has a pre-test and a post-test: quizzes whose
url_names end in -pretest and -posttest (the course has none yet; this test adds them to module
1, as an author would). Officers take both through the course's handlers; the facilitator sees
the gain per administration, the Secretariat sees it per administration only for groups at
least as large as the minimum."""
import json
import re
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from courses.lmd.model import MODULES_DIR
from lmd_access import services
from lmd_access.models import GatedCourse, MemberAdministration, OfficerProfile
from lmd_demo.course_block import forget_course
from lmd_demo.insight_results import WorkbenchResults
from tests.http.test_insight_demo import answers

pytestmark = pytest.mark.django_db(transaction=True)
QUIZ = re.compile(r'  <lmd_quiz url_name="m01-quiz".*?</lmd_quiz>\n', re.S)


@pytest.fixture
def course_with_tests(tmp_path, settings, live_server):
    """Module 1 with a pre-test and a post-test (copies of its quiz), served as a restarted demo."""
    source = tmp_path / "modules"
    source.mkdir()
    original = next(MODULES_DIR.glob("01-*.xml"))
    text = original.read_text(encoding="utf-8")
    quiz = QUIZ.search(text).group(0)
    tests = "".join(quiz.replace('url_name="m01-quiz"', f'url_name="lmd-{kind}"')
                    .replace('display_name="Check your understanding"', f'display_name="{kind}"')
                    for kind in ("pretest", "posttest"))
    (source / original.name).write_text(text.replace("</lmd_module>", tests + "</lmd_module>"), encoding="utf-8")
    from workbench.runtime import ID_MANAGER
    from workbench.scenarios import init_scenarios
    settings.LMD_COURSE_SOURCE, settings.LMD_OVERLAY = str(source), None
    forget_course()
    ID_MANAGER.clear()
    with transaction.atomic():
        init_scenarios()
    call_command("lmd_demo_seed", verbosity=0)
    yield
    forget_course()


def officers_take_both_tests(count, administration):
    users = get_user_model()
    admin = MemberAdministration.objects.get(name=administration)
    course = GatedCourse.objects.get()
    coordinator = users.objects.get(username="coord_eastland" if "Eastland" in administration else "coord_westmark")
    ids = {name: usage for usage, name in WorkbenchResults().usage_ids(["lmd-pretest", "lmd-posttest"]).items()}
    from workbench.runtime import WorkbenchRuntime
    questions = WorkbenchRuntime("x").get_block(ids["lmd-pretest"]).questions
    for i in range(count):
        officer = users.objects.create_user(f"{administration[:4]}{i}", password="pw")
        OfficerProfile.objects.create(user=officer, administration=admin)
        item = services.request_access(officer, course.course_id, "p", "u", "j")
        services.decide(coordinator, [item.pk], True, "")
        client = Client(HTTP_HOST="127.0.0.1")
        assert client.login(username=officer.username, password="pw")
        for name, right in (("lmd-pretest", False), ("lmd-posttest", True)):
            response = client.post(f"/course/handler/{ids[name]}/submit/",
                                   json.dumps({"responses": answers(questions, right)}), content_type="application/json")
            assert response.status_code == 200, response.content


def signed_in(username):
    client = Client(HTTP_HOST="127.0.0.1")
    assert client.login(username=username, password="demo")
    return client


def gain_row(page, label):
    row = re.search(rf'<tr><th scope="row">{re.escape(label)}</th>(.*?)</tr>', page, re.S).group(1)
    return re.findall(r'<td class="num">([^<]*)</td>', row)


def test_facilitator_sees_the_gain_per_administration(course_with_tests):
    officers_take_both_tests(2, "Customs Service of Eastland")
    officers_take_both_tests(1, "Westmark Revenue and Customs")
    course = GatedCourse.objects.get().pk
    page = signed_in("facilitator").get(f"/access/staff/{course}/questions/?module=1").content.decode()
    assert "Learning gain per administration" in page
    # learners, pre-test, post-test, gain (points), normalized gain: course staff see every group
    assert gain_row(page, "Customs Service of Eastland") == ["2", "0 %", "100 %", "100", "1.00"]
    assert gain_row(page, "Westmark Revenue and Customs") == ["1", "0 %", "100 %", "100", "1.00"]
    assert gain_row(page, "All learners")[0] == "3"


def test_secretariat_sees_the_gain_only_of_groups_large_enough(course_with_tests):
    officers_take_both_tests(5, "Customs Service of Eastland")
    officers_take_both_tests(2, "Westmark Revenue and Customs")
    page = signed_in("secretariat").get("/access/report/").content.decode()
    assert "Normalized learning gain" in page
    east = re.search(r'<tr><th scope="row">Customs Service of Eastland</th>(.*?)</tr>',
                     page[page.index("learning-title"):], re.S).group(1)
    west = re.search(r'<tr><th scope="row">Westmark Revenue and Customs</th>(.*?)</tr>',
                     page[page.index("learning-title"):], re.S).group(1)
    assert re.findall(r'<td class="num">([^<]*)</td>', east)[-1] == "1.00"
    assert re.findall(r'<td class="num">([^<]*)</td>', west)[-1] == "–"  # two officers: suppressed
