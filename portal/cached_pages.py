"""Kept pages answered in front of Django, in the WSGI application the web process serves.

A page the page cache (core/page_cache.py) serves as a hit goes, even then, through the whole
middleware stack: the request's id, the security headers, WhiteNoise, the cache's own lookup.
Under load that is most of the time a kept page costs. `PageCacheApp` keeps, in this process,
each page it saw Django serve as a hit, exactly as it was sent (status, headers, bytes), and
answers the same request again itself, before Django is called at all.

"The same request": the same method family (GET or HEAD), the same host, scheme (and the proxy's
X-Forwarded-Proto and X-Forwarded-Host), path and query string, read as they arrive; only paths
with their language in front (/en/..., /it/...), so that no cookie or Accept-Language decides
the language; and no session nor message waiting (a signed-in user, or a message to show),
like the page cache itself. Anything else (a POST, the admin, a sign-in, a miss) goes to Django.

What is sent is what Django sent for the hit, with a request id of the request's own
(X-Request-ID, as `portal.logs.RequestIdMiddleware` gives it: the proxy's when sane, else a new
one). Nothing else of a hit depends on the request: no cookie, no CSRF token, no CSP nonce.

Purges: each kept answer is of one generation of the page cache; it is served only while that
generation is the current one, read from the shared cache at most every
PORTAL_PAGE_CACHE_LOCAL_SECONDS (`LocalCopies.current_generation`), at once after a purge made
in this process. Another process's purge therefore reaches it within that many seconds (1 by
default), as it reaches the page cache's own copies in memory. The layer is off when the page
cache or its copies in memory are (PORTAL_PAGE_CACHE_SECONDS or PORTAL_PAGE_CACHE_LOCAL_SECONDS 0).
"""

import uuid

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import parse_cookie
from django.utils.translation import get_language_from_path

from core.page_cache import Kept, local_copies
from portal.logs import HEADER as REQUEST_ID_HEADER
from portal.logs import SANE_ID


def layer_key(environ):
    """What Django's answer to an anonymous GET or HEAD depends on, read from the WSGI
    environment as it is: None when the layer does not answer the request (another method, a
    session or a message waiting, a path without its language in front)."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    path = environ.get("PATH_INFO", "")
    if get_language_from_path(path) is None:
        return None  # the language comes from a cookie or Accept-Language: Django decides
    cookies = environ.get("HTTP_COOKIE")
    if cookies:
        names = parse_cookie(cookies)
        if settings.SESSION_COOKIE_NAME in names or CookieStorage.cookie_name in names:
            return None
    return (
        environ.get("wsgi.url_scheme"),
        environ.get("HTTP_X_FORWARDED_PROTO"),
        environ.get("HTTP_HOST"),
        environ.get("HTTP_X_FORWARDED_HOST"),
        environ.get("SERVER_NAME"),
        environ.get("SERVER_PORT"),
        environ.get("SCRIPT_NAME", ""),
        path,
        environ.get("QUERY_STRING", ""),
    )


class PageCacheApp:
    """The WSGI application `application` with kept pages answered in front of it (see the
    module's docstring); everything it does not answer goes to `application` unchanged."""

    def __init__(self, application, copies=local_copies):
        self.application = application
        self.kept = Kept(copies)  # each answer checked against the generation `copies` read

    def __call__(self, environ, start_response):
        if not (settings.PORTAL_PAGE_CACHE_SECONDS and settings.PORTAL_PAGE_CACHE_LOCAL_SECONDS):
            return self.application(environ, start_response)
        key = layer_key(environ)
        if key is None:
            return self.application(environ, start_response)
        kept = self.find(key)
        if kept is not None:
            status, headers, body = kept
            given = environ.get("HTTP_X_REQUEST_ID", "")
            rid = given if SANE_ID.match(given) else uuid.uuid4().hex
            start_response(status, [*headers, (REQUEST_ID_HEADER, rid)])
            return [body]
        sent = []

        def noted(status, headers, exc_info=None):
            sent[:] = [status, headers]
            return start_response(status, headers, exc_info)

        response = self.application(environ, noted)
        generation = getattr(response, "page_cache_generation", None)
        if generation is not None and sent and environ["REQUEST_METHOD"] == "GET":
            status, headers = sent
            if status.startswith("200 ") and not any(
                name.lower() == "set-cookie" for name, _value in headers
            ):
                self.keep(key, generation, status, headers, response.content)
        return response

    def find(self, key):
        found = self.kept.get(key)
        return None if found is None else found[1]

    def keep(self, key, generation, status, headers, body):
        headers = [(n, v) for n, v in headers if n.lower() != REQUEST_ID_HEADER.lower()]
        kept = (status, headers, body)
        self.kept.put(key, generation, kept, settings.PORTAL_PAGE_CACHE_SECONDS)
