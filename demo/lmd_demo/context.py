"""Template context shared by the demo pages."""
import re

from django.apps import apps
from django.conf import settings

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def demo_context(request):
    return {"demo_languages": settings.LANGUAGES, "access_app": apps.is_installed("lmd_access"),
            "branding": member_branding()}


def member_branding():
    """The national server's name and colour from the member's overlay (branding.json); a colour
    that is not #rrggbb is ignored rather than written into the page's style."""
    if not settings.LMD_OVERLAY:
        return {}
    from courses.licensing.overlay import branding
    found = branding(settings.LMD_OVERLAY)
    colour = found.get("colour", "")
    return {"name": str(found.get("name", "")), "colour": colour if COLOUR.match(colour) else ""}
