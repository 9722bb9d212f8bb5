"""Sign-in rate limiting through django-axes, for sign-ins that come with an HTTP request."""
from axes.backends import AxesStandaloneBackend


class RateLimitedSignIn(AxesStandaloneBackend):
    """django-axes refuses authenticate() calls without a request. Those are not web sign-ins
    (management commands, Django's test client login()): there is no address to limit, so this
    backend stands aside and the next backend checks the password as usual."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
