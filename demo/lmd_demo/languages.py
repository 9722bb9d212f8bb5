"""Each account's language in the demo: the one it last used (the language menu, or the
browser's), kept so that e-mails reach it in that language, as Open edX's `pref-lang`
preference does there (lmd_access.platform.user_languages reads either)."""
from django.db import connection
from django.utils import translation

from .models import UserLanguage

SESSION_KEY = "lmd_language_saved"


class RememberLanguageMiddleware:
    """Saves the request's language for a signed-in account when it differs from the one saved
    (the session remembers what was saved, so most requests cost no query)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language()
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.session.get(SESSION_KEY) != language:
            # One upsert (no read first, no savepoint).
            # (MariaDB/MySQL upsert on any unique key and refuse to be told which.)
            target = ["user"] if connection.features.supports_update_conflicts_with_target else None
            UserLanguage.objects.bulk_create([UserLanguage(user=user, language=language)], update_conflicts=True,
                                             unique_fields=target, update_fields=["language"])
            request.session[SESSION_KEY] = language
        return self.get_response(request)


def languages_of(user_ids):
    """{user id: language} of the accounts that have used the demo (one query)."""
    return dict(UserLanguage.objects.filter(user_id__in=user_ids).values_list("user_id", "language"))
