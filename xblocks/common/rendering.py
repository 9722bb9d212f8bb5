"""Rendering helpers: compiled-once Django templates with the XBlock i18n tags, and fragments
that carry the shared front end (lmd.css, lmd.js), a block's own script and its init data."""
import functools
import importlib.resources
import json

from django.template import Context, Engine
from web_fragments.fragment import Fragment

from .sanitize import sanitize_html



@functools.lru_cache(maxsize=None)
def _engine():
    # The XBlock i18n tag library translates with the block's own i18n service, as Open edX
    # does for blocks that bundle their catalogs.
    return Engine(
        libraries={"i18n": "xblock.utils.templatetags.i18n"},
        builtins=["xblocks.common.templatetags"],
        autoescape=True,
    )


@functools.lru_cache(maxsize=None)
def load_resource(package, path):
    return importlib.resources.files(package).joinpath(path).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def _template(package, path):
    return _engine().from_string(load_resource(package, path))


def render_template(package, path, context, i18n_service=None):
    values = dict(context)
    values["_i18n_service"] = i18n_service
    return _template(package, path).render(Context(values))


# Inside <script>, '</script>' or '<!--' in a string would end or change the element, and an
# HTML parser does not know JSON escapes: escape the characters that matter as JSON \u escapes
# (still the same JSON). U+2028/2029 too, for older JavaScript engines.
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_for_script(value):
    """JSON text that is safe as the content of a <script> element, whatever its strings hold.
    The one place where the blocks' init data and the SCORM pages' data are serialized."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False).translate(_SCRIPT_UNSAFE)


def init_data_island(value):
    """The block's init data as the first element of its fragment; `LMD.initData(element)`
    reads it back. Runtimes' own init arguments are not used: the XBlock SDK workbench and
    XBlock's reference runtime write them with a bare json.dumps, which '</script>' escapes."""
    return f'<script type="application/json" class="lmd-init">{json_for_script(value)}</script>'


def block_fragment(block, html, script, init_fn, init_data=None, css=(), shared_script=False):
    """A fragment with the blocks' shared script and style, the block's own script (and
    styles), and its init data island. Scripts and styles are files the runtime serves (Open edX
    collects them as static files: cached, on a CDN where there is one), not text inlined into
    every page: `script` and `css` name files in the block package's public/ folder (`script` in
    the shared folder when `shared_script`)."""
    frag = Fragment((init_data_island(init_data) if init_data is not None else "") + html)
    frag.add_css_url(shared_asset_url(block, "lmd.css"))
    for name in css:
        frag.add_css_url(block.runtime.local_resource_url(block, f"public/{name}"))
    frag.add_javascript_url(shared_asset_url(block, "lmd.js"))
    frag.add_javascript_url(shared_asset_url(block, script) if shared_script
                            else block.runtime.local_resource_url(block, f"public/{script}"))
    frag.initialize_js(init_fn)
    return frag


SHARED_ASSETS_TYPE = "lmd_module"  # the block type whose package's public/ holds the shared files


def shared_asset_url(block, name):
    """The URL of a file every LMD block uses (lmd.js, lmd.css, studio.js): one URL on every page,
    whichever blocks it holds, so the browser loads and caches it once. Runtimes build a resource
    URL from the block's type (dev servers, the workbench) or its class's package (Open edX's
    collected static files), so the runtime is asked as if for the lmd_module block."""
    return block.runtime.local_resource_url(_shared_assets_host(), f"public/{name}")


@functools.lru_cache(maxsize=None)
def _shared_assets_host():
    from xblock.fields import ScopeIds

    from ..lmd_module.block import LmdModuleBlock
    host = type("SharedAssetsHost", (), {"__class__": LmdModuleBlock})()
    host.scope_ids = ScopeIds(None, SHARED_ASSETS_TYPE, None, None)
    return host


def dom_id(block, suffix=""):
    """An element id unique on the page even when the same block appears twice: the usage id
    is unique per placement; ids inside the block hang off it."""
    raw = str(block.scope_ids.usage_id)
    safe = "".join(ch if ch.isalnum() else "-" for ch in raw)
    return f"lmd-{safe}{'-' + suffix if suffix else ''}"


def safe_html(markup):
    return sanitize_html(markup)


