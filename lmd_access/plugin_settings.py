"""Settings the app adds to Open edX: the enrolment gate as an openedx-filters pipeline step.

Open edX calls plugin_settings() for each settings type the app declares (apps.py: common,
production, devstack, test), after that type's own settings: production's YAML, which may
define OPEN_EDX_FILTERS_CONFIG whole, is read before. So the step is merged into whatever
configuration is in force, never replacing it. AccessConfig.ready() merges once more, for
settings changed after the plugins ran (a Tutor patch appended to the settings file)."""

FILTER = "org.openedx.learning.course.enrollment.started.v1"
STEP = "lmd_access.filters.RequireApprovedRequest"


def with_gate(entry):
    """One filter's configuration with our step in its pipeline, in the form it had: a dict
    ({"pipeline": [...], "fail_silently": ..., other keys}), a list of steps, or one step as a
    string (openedx-filters reads all three). Other steps and keys are kept; idempotent."""
    if not entry:
        return {"fail_silently": False, "pipeline": [STEP]}
    if isinstance(entry, dict):
        pipeline = entry.get("pipeline") or []
        pipeline = [pipeline] if isinstance(pipeline, str) else list(pipeline)
        return {**entry, "pipeline": pipeline if STEP in pipeline else [*pipeline, STEP]}
    steps = [entry] if isinstance(entry, str) else list(entry)
    return steps if STEP in steps else [*steps, STEP]


def install_gate(settings):
    """Merge the step into settings.OPEN_EDX_FILTERS_CONFIG (a settings module or django.conf.settings)."""
    config = dict(getattr(settings, "OPEN_EDX_FILTERS_CONFIG", None) or {})
    config[FILTER] = with_gate(config.get(FILTER))
    settings.OPEN_EDX_FILTERS_CONFIG = config


def plugin_settings(settings):
    install_gate(settings)
