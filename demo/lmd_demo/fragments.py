"""A block fragment's scripts and styles, written into a page under the Content-Security-Policy.

The blocks ship their script and style as text (web_fragments writes it as inline <script> and
<style>), which a policy without 'unsafe-inline' blocks. Here each inline resource carries the
response's nonce: the browser runs what the runtime put there and nothing injected elsewhere."""
import base64
import hashlib
import re

from django.utils.html import escape


def resources_html(frag, placement, nonce, linked=()):
    """The fragment's resources for `placement`, but not the files whose URLs are in `linked`
    (the page links them already: a second <link> of a style sheet makes the browser match its
    rules twice, a second <script> parses and compiles it again)."""
    return "\n".join(_resource_html(resource, nonce) for resource in frag.resources
                     if resource.placement == placement and not (resource.kind == "url" and resource.data in linked))


def _resource_html(resource, nonce):
    nonce_attr = f' nonce="{escape(nonce)}"'
    if resource.mimetype == "text/css":
        if resource.kind == "url":
            return f'<link rel="stylesheet" href="{escape(resource.data)}">'
        return f"<style{nonce_attr}>\n{resource.data}\n</style>"
    if resource.mimetype == "application/javascript":
        if resource.kind == "url":
            return f'<script src="{escape(resource.data)}"></script>'
        return f"<script{nonce_attr}>\n{resource.data}\n</script>"
    # text/html resources are markup the block chose to place as is; the policy judges them.
    return resource.data


def page_parts(frag, nonce, linked=()):
    """What a page template needs of a fragment: body, head and foot HTML; `linked`: the URLs of
    the files the page's own head links already (the blocks' shared lmd.css and lmd.js)."""
    linked = frozenset(linked)
    return {"body": frag.body_html(), "head_html": resources_html(frag, "head", nonce, linked),
            "foot_html": resources_html(frag, "foot", nonce, linked)}


STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)


def style_hashes(html):
    """CSP source expressions for the <style> elements of a page, by the hash of their text."""
    return sorted({"'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
                   for text in STYLE_ELEMENT.findall(html)})
