"""Scripts, styles and images a browser may keep: the demo's static files and the blocks' own
files (/resource/...) are cacheable for a day, and revalidated with their ETag after that, so a
learner on a slow link downloads them once, not on every module page. Pages stay uncached."""
from django.conf import settings

MAX_AGE = 24 * 3600


class CacheableAssets:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = (settings.STATIC_URL, "/resource/")

    def __call__(self, request):
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and response.status_code == 200 and request.path.startswith(self.prefixes):
            response.headers.setdefault("Cache-Control", f"public, max-age={MAX_AGE}")
        return response
