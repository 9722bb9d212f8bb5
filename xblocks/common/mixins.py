"""Behaviour shared by the LMD blocks, kept to what every block needs."""
import functools
import hashlib
import json
import math

from lxml import etree
from xblock.core import XBlock
from webob import Response
from xblock.exceptions import JsonHandlerError, NoSuchServiceError
from xblock.fields import Scope

from . import localized
from .errors import ContentError, InputError
from .xmlcontent import refuse_unsafe

MAX_JSON_BYTES = 64 * 1024


def _(text):
    """Marks a string for extraction; translated later through the i18n service."""
    return text


class NonFiniteNumber(ValueError):
    """NaN, Infinity or a number too large for a float in a JSON body."""


def _refuse_constant(name):
    raise NonFiniteNumber(f"JSON numbers must be finite, not {name}")


def _finite_float(text):
    value = float(text)
    if not math.isfinite(value):  # 1e999 parses to infinity
        raise NonFiniteNumber(f"JSON numbers must be finite, not {text}")
    return value


def parse_json_body(body):
    """A request body as JSON, refusing what Python's json accepts beyond the standard: NaN,
    Infinity and -Infinity, and numbers that overflow to infinity. Raises ValueError."""
    return json.loads(body.decode("utf-8"), parse_constant=_refuse_constant, parse_float=_finite_float)


def json_api(func):
    """Like XBlock.json_handler, with the errors a learner's browser and a tester can act on:
    413 for oversized bodies, 400 naming the JSON problem, 400 for a body that is not an object,
    400 for numbers that are not finite (NaN, Infinity, 1e999), 400 with the message of a
    ContentError or InputError raised by the handler. Handlers raise
    before they change any field, so a refused request leaves the state as it was."""
    @XBlock.handler
    @functools.wraps(func)
    def wrapper(self, request, suffix=""):
        if request.method != "POST":
            return JsonHandlerError(405, "Method must be POST").get_response(allow=["POST"])
        body = request.body
        if len(body) > MAX_JSON_BYTES:
            return JsonHandlerError(
                413, f"Request too large: {len(body)} bytes; the limit is {MAX_JSON_BYTES}").get_response()
        try:
            data = parse_json_body(body)
        except NonFiniteNumber as exc:
            return JsonHandlerError(400, str(exc)).get_response()
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # RecursionError: nesting too deep
            return JsonHandlerError(400, f"Malformed JSON: {exc}").get_response()
        if not isinstance(data, dict):
            return JsonHandlerError(400, "The request body must be a JSON object").get_response()
        try:
            result = func(self, data, suffix)
        except JsonHandlerError as err:
            return err.get_response()
        except ContentError as exc:  # in the author's language (the Studio editor shows it)
            return JsonHandlerError(400, exc.translated(self.gettext)).get_response()
        except InputError as exc:
            return JsonHandlerError(400, str(exc)).get_response()
        if isinstance(result, Response):
            return result
        return Response(json.dumps(result), content_type="application/json", charset="utf8")
    return wrapper


class LmdBlockMixin:
    """i18n, learner identity and request checks."""

    @property
    def i18n(self):
        return self.runtime.service(self, "i18n")

    def gettext(self, text):
        return self.i18n.gettext(text)

    def ngettext(self, singular, plural, number):
        return self.i18n.ngettext(singular, plural, number)

    @property
    def learner_id(self):
        return str(self.scope_ids.user_id)

    def learner_seed(self, salt="", learner=None):
        """A number fixed for this learner (or `learner`) and this placement: stable shuffles
        across reloads."""
        learner = self.learner_id if learner is None else learner
        raw = f"{self.scope_ids.usage_id}:{learner}:{salt}".encode()
        return int.from_bytes(hashlib.sha256(raw).digest()[:8], "big")

    def current_user_attrs(self):
        user_service = self.runtime.service(self, "user")
        user = user_service.get_current_user() if user_service else None
        return getattr(user, "opt_attrs", None) or {}

    def user_is_staff(self):
        """Course staff as the runtime's user service reports it (Open edX and the demo both
        set `edx-platform.user_is_staff`)."""
        return bool(self.current_user_attrs().get("edx-platform.user_is_staff"))

    def learner_label(self):
        attrs = self.current_user_attrs()
        return attrs.get("edx-platform.username") or self.learner_id

    def require_staff(self):
        if not self.user_is_staff():
            raise JsonHandlerError(403, self.gettext("Only course staff may do this."))

    def user_is_author(self):
        """May this user change the block's content? In Studio the platform's permissions
        service answers for the course (blocks must declare `wants("studio_user_permissions")`);
        elsewhere (the LMS, the demo, the workbench) only course staff."""
        try:
            permissions = self.runtime.service(self, "studio_user_permissions")
        except NoSuchServiceError:
            permissions = None
        if permissions is not None:
            course_key = getattr(self.scope_ids.usage_id, "context_key", None)  # an opaque key in Studio
            return bool(permissions.can_write(course_key))
        return self.user_is_staff()

    def require_author(self):
        if not self.user_is_author():
            raise JsonHandlerError(403, self.gettext("Only the course's authors may change its content."))

    @json_api
    def get_user_state(self, data, suffix=""):
        """{} -> the learner's state, as the block's page would start from. For the mobile apps:
        the platform computes student_view_data once, at publish, for every learner, so it holds
        content only (as drag-and-drop-v2 does)."""
        return self.current_learner_state()



class XmlContentMixin(localized.LocalizedContentMixin):
    """parse_xml/add_xml_to_node through the block's `content` module (a parser and its twin
    serializer), so OLX import, export and the Studio editor share one definition. The content's
    translations travel with it (localized.py)."""

    content_module = None  # set by each block: a module with parse(node) and serialize(data, node)
    xml_settings = ("display_name",)
    legacy_attributes = {}  # {old attribute the content parser still reads: its new name}

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        refuse_unsafe(node)
        node, found = localized.split(node)
        block = runtime.construct_xblock_from_class(cls, keys)
        block.apply_content(cls.content_module.parse(node))
        block.translations = {**localized.from_attribute(node), **localized.stored(found)}
        for name in cls.xml_settings:
            if node.get(name) is not None:
                setattr(block, name, node.get(name))
        block.apply_platform_settings(node)
        return block

    def platform_setting_names(self):
        """Fields of the block that are neither its content nor its own settings: in Open edX
        the ones the platform mixes into every block (visible_to_staff_only, group_access, due,
        start...), which an export must keep and an import must restore."""
        ours = {*self.content_field_names, *self.xml_settings, "children", "parent", "translations"}
        return [name for name, field in self.fields.items()
                if name not in ours and field.scope in (Scope.settings, Scope.content)]

    def apply_platform_settings(self, node):
        legacy = {old for old, new in self.legacy_attributes.items() if node.get(new) is None}
        for name in self.platform_setting_names():
            value = None if name in legacy else node.get(name)
            if value is not None:
                try:
                    parsed = self.fields[name].from_string(value)
                except (TypeError, ValueError) as exc:
                    raise ContentError(_("{element}: {attribute}: {problem}"), element=f"<{node.tag}>",
                                       attribute=f"{name}={value!r}", problem=str(exc)) from exc
                if isinstance(parsed, float) and not math.isfinite(parsed):  # nan, inf
                    raise ContentError(_("{element}: {attribute} is not a finite number."), element=f"<{node.tag}>",
                                       attribute=f"{name}={value!r}")
                setattr(self, name, parsed)

    def add_platform_settings(self, node):
        for name in self.platform_setting_names():
            field = self.fields[name]
            if field.is_set_on(self) and field.read_from(self) is not None:
                node.set(name, field.to_string(field.read_from(self)))

    def apply_content(self, data):
        for name, value in data.items():
            setattr(self, name, value)

    def content_data(self):
        return {name: getattr(self, name) for name in self.content_field_names}

    def add_xml_to_node(self, node):
        """Export and copy: the block's own XML, every platform setting set on it, and its
        translations."""
        self.add_own_xml(node)
        self.add_platform_settings(node)
        localized.add_to(node, self.translations)

    def add_own_xml(self, node):
        """The block's own XML, without child blocks: what the Studio editor edits."""
        node.tag = self.scope_ids.block_type
        for name in self.xml_settings:
            value = getattr(self, name)
            if value:
                node.set(name, str(value))
        self.content_module.serialize(self.content_data(), node)

    def to_xml_string(self):
        node = etree.Element(self.scope_ids.block_type)
        self.add_xml_to_node(node)
        return etree.tostring(node, encoding="unicode", pretty_print=True)
