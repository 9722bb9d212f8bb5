"""The enrolment gate in Open edX (issue 11, defect 9): our openedx-filters step is merged into
whatever filter configuration is in force, production's YAML or a settings patch included;
course staff pass; an officer without an approved request is refused, in their language; a
revoked approval unenrols."""
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from common.djangoapps.course_modes.models import CourseMode
from common.djangoapps.student.models import CourseEnrollment
from common.djangoapps.student.roles import CourseStaffRole
from common.djangoapps.student.tests.factories import UserFactory
from lmd_access import services
from lmd_access.models import (
    CoordinatorRegistration, EnrolmentRequest, GatedCourse, MemberAdministration, OfficerProfile,
)
from openedx.core.djangoapps.lang_pref import LANGUAGE_KEY
from openedx.core.djangoapps.user_api.preferences.api import set_user_preference
from tests.platform.lms_base import PASSWORD, LmdCourseTestCase

STEP = "lmd_access.filters.RequireApprovedRequest"
FILTER = "org.openedx.learning.course.enrollment.started.v1"


def settings_as_production_loads_them(tmp_path, yaml_text, patch=""):
    """OPEN_EDX_FILTERS_CONFIG after the LMS's production settings read `yaml_text` (LMS_CFG),
    optionally followed by a settings patch (as Tutor appends one), in a fresh process."""
    config = Path(tmp_path) / "lms.yml"
    config.write_text(yaml_text)
    module = Path(tmp_path) / "patched_settings.py"
    module.write_text("from lms.envs.production import *  # noqa\n" + textwrap.dedent(patch))
    code = ("import django, json; django.setup(); from django.conf import settings; "
            "print(json.dumps(settings.OPEN_EDX_FILTERS_CONFIG))")
    project = Path(services.__file__).resolve().parents[2]  # the code under test, first on the path
    env = {"LMS_CFG": str(config), "DJANGO_SETTINGS_MODULE": "patched_settings", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": f"{tmp_path}:{project}"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


class TestGateInProductionSettings:
    YAML = textwrap.dedent("""\
        SECRET_KEY: "a-secret-for-this-test"
        OPEN_EDX_FILTERS_CONFIG:
          org.openedx.learning.course.enrollment.started.v1:
            fail_silently: false
            pipeline:
              - some_site.filters.TheirOwnStep
          org.openedx.learning.student.login.requested.v1:
            pipeline: []
        """)

    def test_production_yaml_keeps_the_sites_steps_and_gains_ours(self, tmp_path):
        config = settings_as_production_loads_them(tmp_path, self.YAML)
        assert config[FILTER]["pipeline"] == ["some_site.filters.TheirOwnStep", STEP]
        assert config[FILTER]["fail_silently"] is False
        assert config["org.openedx.learning.student.login.requested.v1"] == {"pipeline": []}

    def test_a_settings_patch_replacing_the_configuration_in_list_form_keeps_the_gate(self, tmp_path):
        config = settings_as_production_loads_them(tmp_path, 'SECRET_KEY: "x"\n', patch="""
            OPEN_EDX_FILTERS_CONFIG = {
                "org.openedx.learning.course.enrollment.started.v1": ["some_site.filters.Other"],
            }
        """)
        assert config[FILTER] == ["some_site.filters.Other", STEP]


class TestEnrolmentThroughTheLms(LmdCourseTestCase):
    def setUp(self):
        super().setUp()
        # A free course: one audit mode, so that enrolment is the one-step enrolment the gate guards.
        CourseMode.objects.filter(course_id=self.course_key).delete()
        CourseMode.objects.create(course_id=self.course_key, mode_slug="audit", mode_display_name="Audit")
        GatedCourse.objects.create(course_id=str(self.course_key), title="LMD")
        administration = MemberAdministration.objects.create(name="Eastland", country_code="EL")
        self.officer = UserFactory(password=PASSWORD)
        OfficerProfile.objects.create(user=self.officer, administration=administration)
        self.coordinator = UserFactory(password=PASSWORD)
        CoordinatorRegistration.objects.create(user=self.coordinator, administration=administration)

    def enrol(self, user, language=None):
        self.sign_in(user)
        if language:  # the learner's choice: the preference, and the cookie the LMS sets from it
            set_user_preference(user, LANGUAGE_KEY, language)
            self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        return self.client.post(reverse("change_enrollment"), {"enrollment_action": "enroll",
                                                              "course_id": str(self.course_key)})

    def test_without_an_approved_request_the_officer_is_refused(self):
        response = self.enrol(self.officer)
        assert response.status_code == 400
        assert "national coordinator has not approved" in response.content.decode()
        assert not CourseEnrollment.is_enrolled(self.officer, self.course_key)

    def test_the_refusal_is_in_the_officers_language(self):
        response = self.enrol(self.officer, language="fr")
        assert response.status_code == 400
        assert "Votre coordonnateur national n’a pas encore approuvé" in response.content.decode()
        response = self.enrol(self.officer, language="es")
        assert "Su coordinador nacional todavía no ha aprobado" in response.content.decode()

    def test_course_staff_pass_without_a_request(self):
        staff = UserFactory(password=PASSWORD)
        CourseStaffRole(self.course_key).add_users(staff)
        assert self.enrol(staff).status_code == 200
        assert CourseEnrollment.is_enrolled(staff, self.course_key)

    def test_approved_then_revoked(self):
        item = services.request_access(self.officer, str(self.course_key), "Chief", "Port", "To lead better.")
        services.decide(self.coordinator, [item.pk], True, "")
        assert self.enrol(self.officer).status_code == 200
        assert CourseEnrollment.is_enrolled(self.officer, self.course_key)
        services.revoke(self.coordinator, [item.pk], "Left the service.")
        assert EnrolmentRequest.objects.get(pk=item.pk).status == EnrolmentRequest.REVOKED
        assert not CourseEnrollment.is_enrolled(self.officer, self.course_key)
        assert self.enrol(self.officer).status_code == 400
