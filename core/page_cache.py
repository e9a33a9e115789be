"""Anonymous pages served from the shared cache, and the headers that let a proxy keep them.

A visitor without a session (nobody signed in, no message waiting to be shown) gets the same
page as every other such visitor: the first one's is kept in the shared cache, per host,
language, path and query string, for PORTAL_PAGE_CACHE_SECONDS, and served to the next ones
without a database query. Only what every visitor may see is kept: a 200 to a GET, setting no
cookie (a page with a CSRF token sets one, so a form's page is never kept), not private, outside
the admin and the other PORTAL_PAGE_CACHE_EXCLUDED paths.

Anything published, unpublished, moved, deleted, and any snippet (vocabularies, email
templates), locale, site or image saved, empties it at once (`purge`: one number, the cache's
generation, is changed; a kept page of an older generation is no longer served). Saving a draft
or verifying an organisation does not: nothing public changes.

A page served as a hit is marked with its generation (`page_cache_generation`), so that the
layer in front of Django (portal/cached_pages.py) may keep it as sent and answer it again.

The pages asked most are also kept in each process's memory (`LocalCopies`,
PORTAL_PAGE_CACHE_LOCAL_PAGES of them), checked against the generation in the shared cache at
most every PORTAL_PAGE_CACHE_LOCAL_SECONDS: a page served again then costs no round trip to Redis.

Headers: a kept page says `public, max-age=PORTAL_PAGE_CACHE_MAX_AGE,
s-maxage=PORTAL_PAGE_CACHE_PROXY_SECONDS`, so a proxy in front may keep it too, and has no
`Vary: Cookie` (the page is the same whatever cookies an anonymous visitor has); everything
else a view has not given a Cache-Control of its own is `private, no-store`: signed-in users'
pages, form results, pages with messages, errors and redirects.

The middleware sits before the session middleware (whose `Vary: Cookie` it then removes from
the pages it keeps), so a page served from the cache reads neither the session nor the database.
"""

import hashlib
import pickle
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.translation import get_language_from_request
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

GENERATION_KEY = "page-cache:generation"
NOT_KEPT = {"private", "no-store", "no-cache"}


class Kept:
    """Values kept in this process's memory, each of one generation of the page cache and
    until it expires, the least asked dropped past PORTAL_PAGE_CACHE_LOCAL_PAGES; a value of
    another generation than `generations.current_generation()` is never given back."""

    def __init__(self, generations):
        self.generations = generations
        self.lock = threading.Lock()
        self.pages = OrderedDict()

    def get(self, key):
        """(generation, value) kept under `key`, or None."""
        with self.lock:
            found = self.pages.get(key)
            if found is None:
                return None
            generation, expires, value = found
            if generation != self.generations.current_generation() or expires < time.monotonic():
                del self.pages[key]
                return None
            self.pages.move_to_end(key)
            return generation, value

    def put(self, key, generation, value, seconds):
        with self.lock:
            self.pages[key] = (generation, time.monotonic() + seconds, value)
            self.pages.move_to_end(key)
            while len(self.pages) > settings.PORTAL_PAGE_CACHE_LOCAL_PAGES:
                self.pages.popitem(last=False)

    def clear(self):
        with self.lock:
            self.pages.clear()


class LocalCopies:
    """The most asked pages, also kept in this process's memory, so that a page served again
    costs no round trip to Redis either. Each copy is of one generation: the generation is read
    from the shared cache at most every PORTAL_PAGE_CACHE_LOCAL_SECONDS, so another process's
    purge reaches this one's copies within that time (this process's own purge at once)."""

    def __init__(self):
        self.kept = Kept(self)
        self.generation = None
        self.read_at = float("-inf")

    def current_generation(self):
        if time.monotonic() - self.read_at >= settings.PORTAL_PAGE_CACHE_LOCAL_SECONDS:
            self.generation = cache.get(GENERATION_KEY)
            self.read_at = time.monotonic()
        return self.generation

    def get(self, key):
        found = self.kept.get(key)
        if found is None:
            return None
        generation, content = found
        response = pickle.loads(content)  # noqa: S301 - written by this process, below
        response.page_cache_generation = generation
        return response

    def put(self, key, generation, response, seconds):
        self.kept.put(key, generation, pickle.dumps(response), seconds)

    def forget(self, generation):
        self.kept.clear()
        self.generation = generation
        self.read_at = time.monotonic()


local_copies = LocalCopies()


def kept_in_memory(key, make):
    """`make()`, kept in this process's memory until something shown on public pages changes
    (as `LocalCopies` keeps pages, and with them): what every request would otherwise read
    again, such as the site's home pages and menus. Kept for PORTAL_MEMORY_SECONDS at most
    (0: made for every request); a value made while the cache cannot be read is not kept.

    The value is shared by every request of the process: it must not be changed once made.
    """
    seconds = settings.PORTAL_MEMORY_SECONDS
    if not seconds:
        return make()
    found = local_copies.kept.get(key)
    if found is not None:
        return found[1]
    generation = local_copies.current_generation()
    if generation is None:
        generation = begin_generation()
    value = make()  # read after the generation: a change meanwhile makes it an older one's
    if generation is not None:
        local_copies.kept.put(key, generation, value, seconds)
    return value


def begin_generation():
    """The generation in force, begun now if the cache has none (nothing purged since it was
    emptied), so that what is kept from now on is of one generation, forgotten at the next purge.
    None while the cache cannot be read."""
    cache.add(GENERATION_KEY, time.time_ns(), None)
    generation = cache.get(GENERATION_KEY)
    local_copies.generation, local_copies.read_at = generation, time.monotonic()
    return generation


def purge(**kwargs):
    """Forget every kept page: the next request of each is rendered again."""
    generation = time.time_ns()
    cache.set(GENERATION_KEY, generation, None)
    local_copies.forget(generation)


def cache_key(request):
    """The key of the page an anonymous visitor asks for; None for anyone or anything else."""
    if request.method not in ("GET", "HEAD"):
        return None
    if request.path_info.startswith(
        (*settings.PORTAL_ADMIN_PATH_PREFIXES, *settings.PORTAL_PAGE_CACHE_EXCLUDED)
    ):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in (
        request.COOKIES
    ):
        return None  # a signed-in user, or a message waiting to be shown
    address = "|".join(
        (
            request.scheme,
            request.get_host(),
            get_language_from_request(request, check_path=True),
            request.path,
            request.META.get("QUERY_STRING", ""),
        )
    )
    return f"page-cache:page:{hashlib.sha256(address.encode()).hexdigest()}"


def may_keep(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    directives = {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not directives & NOT_KEPT


def make_public(response):
    """Mark a page every visitor may be given as such; a view's own Cache-Control is kept."""
    if "Cache-Control" not in response:
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PORTAL_PAGE_CACHE_MAX_AGE,
            s_maxage=settings.PORTAL_PAGE_CACHE_PROXY_SECONDS,
        )
    vary = [v for v in cc_delim_re.split(response.get("Vary", "")) if v and v.lower() != "cookie"]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif "Vary" in response:
        del response["Vary"]


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        kept_seconds = settings.PORTAL_PAGE_CACHE_SECONDS
        current = None
        local = key and kept_seconds and settings.PORTAL_PAGE_CACHE_LOCAL_SECONDS
        if local:
            response = local_copies.get(key)
            if response is not None:
                return response
        if key and kept_seconds:
            found = cache.get_many([GENERATION_KEY, key])
            current = found.get(GENERATION_KEY)
            if current is None:
                current = begin_generation()
            kept = found.get(key)
            if kept is not None and kept[0] == current:
                response = kept[1]
                response["X-Page-Cache"] = "hit"
                if local:
                    local_copies.put(key, current, response, kept_seconds)
                    response.page_cache_generation = current
                return response
        response = self.get_response(request)
        if key and may_keep(request, response):
            make_public(response)
            if kept_seconds and request.method == "GET":
                response["X-Page-Cache"] = "miss"
                cache.set(key, (current, response), kept_seconds)
        elif "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_store=True)
        return response


def purge_on_changes():
    """Empty the page cache whenever something shown on public pages changes."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(purge, dispatch_uid=f"page_cache_{signal}", weak=False)

    def shown_on_pages(sender, instance, signal, **kwargs):
        deleted_page = signal is post_delete and isinstance(instance, Page)
        if deleted_page or sender in (Locale, Site, get_image_model(), *get_snippet_models()):
            purge()

    post_save.connect(shown_on_pages, weak=False, dispatch_uid="page_cache_saved")
    post_delete.connect(shown_on_pages, weak=False, dispatch_uid="page_cache_deleted")
