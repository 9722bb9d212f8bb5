"""Who may open the demo's staff pages: signed-out visitors are sent to sign in (a GET), anyone
else who is not active staff gets a 403 saying why."""
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _


def is_staff(user):
    return user.is_active and user.is_staff


def refuse(request, message):
    if not request.user.is_authenticated and request.method == "GET":
        return redirect_to_login(request.get_full_path())
    return HttpResponseForbidden(message)


def staff_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_staff(request.user):
            return refuse(request, _("This page is for course staff."))
        return view(request, *args, **kwargs)
    return wrapper
