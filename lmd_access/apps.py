"""The course-access app: officers reach gated courses once their national coordinator approves."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "lmd_access"
    label = "lmd_access"
    verbose_name = _("LMD course access")  # the admin's section title
    default_auto_field = "django.db.models.BigAutoField"

    # Open edX plugin configuration (edx-django-utils plugins): URLs and settings in LMS and Studio.
    plugin_app = {
        "url_config": {
            "lms.djangoapp": {"namespace": "lmd_access", "regex": r"^lmd-access/", "relative_path": "urls"},
            "cms.djangoapp": {"namespace": "lmd_access", "regex": r"^lmd-access/", "relative_path": "urls"},
        },
        # Every settings type, so that the gate is merged after production's YAML too.
        "settings_config": {
            project: {kind: {"relative_path": "plugin_settings"} for kind in ("common", "production", "devstack", "test")}
            for project in ("lms.djangoapp", "cms.djangoapp")
        },
    }

    def ready(self):
        # Settings can still change after the plugin settings ran (a Tutor patch appended to the
        # settings file): merge the gate into the configuration finally in force as well.
        from django.conf import settings

        from .plugin_settings import install_gate
        install_gate(settings)
