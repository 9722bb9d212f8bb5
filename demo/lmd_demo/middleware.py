"""A busy database is a conflict the client can retry (409), not a server error."""
from django.db import OperationalError
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

BUSY = ("locked", "busy", "deadlock")


class BusyDatabaseMiddleware:
    """SQLite waits up to its timeout for the write lock (settings: BEGIN IMMEDIATE); past that,
    or on a MariaDB deadlock, the request was rolled back whole (ATOMIC_REQUESTS): answer 409 so
    the page or script tries again, instead of a 500 that reads as a bug."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError) or not any(w in str(exception).lower() for w in BUSY):
            return None
        message = _("The server is busy; nothing was saved. Please try again.")
        if "json" in request.headers.get("Content-Type", "") or "json" in request.headers.get("Accept", ""):
            return JsonResponse({"error": message}, status=409)
        return HttpResponse(message, status=409, content_type="text/plain; charset=utf-8")
