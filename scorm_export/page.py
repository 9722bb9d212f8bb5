"""One SCO page per module: the module's own student view, rendered by the blocks themselves,
with their scripts and styles as package files and the content the local backend grades with."""
import hashlib
import html

import rcssmin
import rjsmin
from xblock.core import XBlock

from xblocks.common.locales import direction
from xblocks.common.rendering import json_for_script

from .runtime import RESOURCE_MARKER, ExportRuntime

SHARED = "shared"


def _descendants(block):
    yield block
    for child_id in getattr(block, "children", []) or []:
        yield from _descendants(block.runtime.get_block(child_id))


def local_content(module_block):
    """{usage id: {"type", "content"}} for every block with content: what the package grades
    with. (A SCORM package has no server, so its answer keys travel with it.)"""
    data = {}
    for block in _descendants(module_block):
        # local_content(): the block's content with rich text sanitized, where it has any
        local = getattr(block, "local_content", None) or getattr(block, "content_data", None)
        if local is not None:
            data[str(block.scope_ids.usage_id)] = {"type": block.scope_ids.block_type, "content": local()}
    return data


def _asset_name(mimetype, data):
    ext = {"text/css": "css", "application/javascript": "js"}[mimetype]
    return f"{SHARED}/r-{hashlib.sha256(data).hexdigest()[:12]}.{ext}"


def _resource_bytes(resource):
    """A fragment's script or style as the package file's bytes: a block's public file (what a
    runtime would serve at its resource URL), minified for learners on slow links."""
    if resource.kind == "text":
        text = resource.data
    elif resource.kind == "url" and resource.data.startswith(RESOURCE_MARKER):
        block_type, uri = resource.data[len(RESOURCE_MARKER):].split("/", 1)
        with XBlock.load_class(block_type).open_local_resource(uri) as stream:
            text = stream.read().decode("utf-8")
    else:
        raise ValueError(f"unexpected resource in a SCORM page: {resource.kind} {resource.data[:80]}")
    return (rcssmin.cssmin(text) if resource.mimetype == "text/css" else rjsmin.jsmin(text)).encode("utf-8")


def render_module_page(module_xml, language, title, extra_scripts, config):
    """-> (page html, {package path: bytes} of the shared assets it uses)."""
    runtime = ExportRuntime()
    module = runtime.get_block(runtime.parse_xml_string(module_xml))
    frag = runtime.render(module, "student_view")
    assets, css, js = {}, [], []
    for resource in frag.resources:
        if resource.mimetype not in ("text/css", "application/javascript"):
            raise ValueError(f"unexpected resource in a SCORM page: {resource.kind} {resource.mimetype}")
        data = _resource_bytes(resource)
        name = _asset_name(resource.mimetype, data)
        assets[name] = data
        (css if resource.mimetype == "text/css" else js).append(name)
    content = json_for_script(local_content(module))
    links = "".join(f'<link rel="stylesheet" href="../{name}">' for name in css)
    scripts = "".join(f'<script src="../{name}"></script>' for name in js + extra_scripts)
    page = (
        f'<!DOCTYPE html><html lang="{html.escape(language)}" dir="{direction(language)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title>{links}</head>"
        f'<body><main id="lmd-main">{frag.body_html()}</main>'
        f'<script type="application/json" id="lmd-scorm-content">{content}</script>'
        f'<script type="application/json" id="lmd-scorm-config">{json_for_script(config)}</script>'
        f"{scripts}</body></html>"
    )
    return page, assets


