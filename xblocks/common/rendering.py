"""Rendering helpers: compiled-once Django templates with the XBlock i18n tags, static files,
and fragments that carry the shared front end (lmd.css, lmd.js) plus a block's own script."""
import functools
import importlib.resources
import json

import rcssmin
import rjsmin
from django.template import Context, Engine
from web_fragments.fragment import Fragment

from .sanitize import sanitize_html

COMMON_PACKAGE = "xblocks.common"


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


@functools.lru_cache(maxsize=None)
def load_minified(package, path):
    """Scripts and styles as learners download them: comments and spaces removed (once)."""
    text = load_resource(package, path)
    return rcssmin.cssmin(text) if path.endswith(".css") else rjsmin.jsmin(text)


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


def block_fragment(block, html, package, script, init_fn, init_data=None):
    """A fragment with the shared CSS/JS, the block's script and its init data island."""
    frag = Fragment((init_data_island(init_data) if init_data is not None else "") + html)
    frag.add_css(load_minified(COMMON_PACKAGE, "static/lmd.css"))
    frag.add_javascript(load_minified(COMMON_PACKAGE, "static/lmd.js"))
    frag.add_javascript(load_minified(package, script))
    frag.initialize_js(init_fn)
    return frag


def dom_id(block, suffix=""):
    """An element id unique on the page even when the same block appears twice: the usage id
    is unique per placement; ids inside the block hang off it."""
    raw = str(block.scope_ids.usage_id)
    safe = "".join(ch if ch.isalnum() else "-" for ch in raw)
    return f"lmd-{safe}{'-' + suffix if suffix else ''}"


def safe_html(markup):
    return sanitize_html(markup)


