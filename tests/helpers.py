"""Small helpers shared by the tests (no stand-ins: they drive the real blocks)."""
import json
import re

from webob import Request

INIT_ISLAND = re.compile(r'<script type="application/json" class="lmd-init">(.*?)</script>', re.S)


def post(runtime, block, handler, payload=None, raw=None):
    """Call a JSON handler as the browser does. Returns (status, body as dict or text)."""
    body = raw if raw is not None else json.dumps(payload if payload is not None else {}).encode()
    request = Request.blank("/", method="POST", body=body, content_type="application/json")
    response = runtime.handle(block, handler, request)
    try:
        return response.status_code, json.loads(response.body)
    except ValueError:
        return response.status_code, response.body.decode()


def get(runtime, block, handler):
    response = runtime.handle(block, handler, Request.blank("/", method="GET"))
    return response.status_code, response


def init_args(frag):
    """A block's init data, as its script reads it: the JSON island the block writes first in
    its fragment (xblocks/common/rendering.py)."""
    match = INIT_ISLAND.match(frag.content)
    assert match, "the fragment does not start with the block's init data"
    return json.loads(match.group(1))


def load(runtime, xml):
    return runtime.get_block(runtime.parse_xml_string(xml))


def user_state(runtime, block):
    """The learner's stored fields, for 'state unchanged' assertions."""
    from xblock.fields import Scope
    return {name: getattr(block, name) for name, f in block.fields.items() if f.scope == Scope.user_state}
