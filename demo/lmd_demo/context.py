"""Template context shared by the demo pages."""
import functools
import re

from django.apps import apps
from django.conf import settings

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def demo_context(request):
    path = request.path
    return {"demo_languages": settings.LANGUAGES, "access_app": apps.is_installed("lmd_access"),
            "branding": member_branding(), "lmd_assets": shared_assets(),
            # the header's section of this page (aria-current)
            "section": "course" if path.startswith("/course/") else "access" if path.startswith("/access/") else ""}


def member_branding():
    """The national server's name and colour from the member's overlay (branding.json); a colour
    that is not #rrggbb is ignored rather than written into the page's style."""
    if not settings.LMD_OVERLAY:
        return {}
    from courses.licensing.overlay import branding
    found = branding(settings.LMD_OVERLAY)
    colour = found.get("colour", "")
    return {"name": str(found.get("name", "")), "colour": colour if COLOUR.match(colour) else ""}


@functools.lru_cache(maxsize=None)
def shared_assets():
    """The URLs of the blocks' shared style and script (the design tokens and components, the
    small front-end helpers), as the blocks' own pages get them from the runtime: every page of
    the demo uses them, and the browser fetches and caches them once."""
    from types import SimpleNamespace

    from xblocks.common.rendering import shared_asset_url

    from .runtime import DemoRuntime
    host = SimpleNamespace(runtime=DemoRuntime(None))
    return {"css": shared_asset_url(host, "lmd.css"), "js": shared_asset_url(host, "lmd.js")}
