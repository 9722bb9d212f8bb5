"""The JSON API, with the same rules as the pages: 401 anonymous, 403 not allowed, 400 bad
input, 409 conflict (or a busy database), 413 oversized; a refused request changes nothing.
Every field is checked for its JSON type: no string "false" read as a yes."""
import json

from django.db import OperationalError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import queries, services

MAX_BODY = 64 * 1024


def _no_constant(name):
    raise ValueError(_("%(name)s is not a number JSON allows") % {"name": name})


def _parse(body):
    """The body as a JSON object. NaN and Infinity (which Python's json accepts) are refused,
    and nesting too deep for the parser is malformed input, not a server error."""
    try:
        data = json.loads(body or b"{}", parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise services.AccessError(_("Malformed JSON: %(problem)s") % {"problem": exc}) from None
    if not isinstance(data, dict):
        raise services.AccessError(_("The request body must be a JSON object"))
    return data


def _only(data, *allowed):
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise services.AccessError(_("Unknown field: %(names)s") % {"names": ", ".join(unknown)})


def _json_view(func):
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"error": _("Sign in first.")}, status=401)
        if request.method == "POST" and len(request.body) > MAX_BODY:
            return JsonResponse({"error": _("Request too large; the limit is %(max)d bytes") % {"max": MAX_BODY}},
                                status=413)
        try:
            data = _parse(request.body) if request.method == "POST" else {}
            return JsonResponse(func(request, data, *args, **kwargs))
        except services.AccessError as exc:
            return JsonResponse({"error": str(exc)}, status=exc.status)
        except OperationalError as exc:  # a busy database: the client may try again
            if not any(word in str(exc).lower() for word in services.BUSY):
                raise
            return JsonResponse({"error": _("The database is busy; nothing was changed. Try again.")}, status=409)
    return wrapper


def _row(item):
    return {"id": item.pk, "officer": item.officer.username, "course": item.course.course_id,
            "position": item.position, "unit": item.unit, "status": item.status, "reason": item.reason,
            "created_at": item.created_at.isoformat()}


@require_http_methods(["GET", "POST"])
@_json_view
def requests_view(request, data):
    """GET: my requests (officer) or my administration's (coordinator). POST: ask for access,
    {"course": "...", "position": "...", "unit": "...", "justification": "..."}."""
    if request.method == "POST":
        _only(data, "course", "position", "unit", "justification")
        item = services.request_access(request.user, data.get("course", ""), data.get("position"),
                                       data.get("unit"), data.get("justification"))
        return {"request": _row(item)}
    if services.coordinated_administrations(request.user):
        rows = queries.coordinator_requests(request.user, status=request.GET.get("status", ""))[:queries.PAGE_SIZE]
    else:
        rows = queries.officer_requests(request.user)
    return {"requests": [_row(r) for r in rows]}


@require_http_methods(["POST"])
@_json_view
def withdraw_view(request, data, pk):
    _only(data)
    return {"request": _row(services.withdraw(request.user, pk))}


@require_http_methods(["POST"])
@_json_view
def decisions_view(request, data):
    """{"ids": [1, 2], "approve": true|false, "reason": "..."} (reason required to reject)."""
    _only(data, "ids", "approve", "reason")
    decided = services.decide(request.user, data.get("ids"), data.get("approve"), data.get("reason", ""))
    return {"requests": [_row(r) for r in decided]}


@require_http_methods(["POST"])
@_json_view
def revocations_view(request, data):
    """{"ids": [1, 2], "reason": "..."}: approvals taken back (coordinator or Secretariat)."""
    _only(data, "ids", "reason")
    revoked = services.revoke(request.user, data.get("ids"), data.get("reason"))
    return {"requests": [_row(r) for r in revoked]}
