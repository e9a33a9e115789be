from django.core.exceptions import DisallowedHost
from django.utils.functional import cached_property
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from core.page_cache import kept_in_memory
from directory.listing import request_locales


class SiteChrome:
    """A site's home page in each language it is published in (`homes`, by language code), and
    each one's menu (read when first asked): the same for every request to the site until
    something public changes, so kept in the process's memory (`kept_in_memory`). The pages are
    shared by those requests: never changed."""

    def __init__(self, site):
        self.site = site
        self.homes = {}
        self.menus = {}
        if site is None:
            return
        root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
        pages = Page.objects.live().filter(translation_key__in=root_key).select_related("locale")
        self.homes = {page.locale.language_code: page for page in pages}

    def menu(self, code):
        """The menu of the home page in `code` (there is one)."""
        if code not in self.menus:
            home = self.homes[code]
            self.menus[code] = list(home.get_children().live().in_menu().select_related("locale"))
        return self.menus[code]


class Chrome:
    """What every public page's header and footer show: the site's (`SiteChrome`), as the
    visitor's language reads it."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def site_chrome(self):
        def read():
            return SiteChrome(Site.find_for_request(self.request))

        try:
            host = self.request.get_host()
        except DisallowedHost:
            return read()  # not kept: an address the portal does not serve
        kept = kept_in_memory(f"chrome:{host}:{self.request.get_port()}", read)
        if not hasattr(self.request, "_wagtail_site"):
            # Where `Site.find_for_request` keeps the request's site: each page address read
            # (`Page.get_url`) asks for it, which would otherwise read it again.
            self.request._wagtail_site = kept.site
        return kept

    @property
    def homes(self):
        """The site's home page in each language it is published in, by language code."""
        return self.site_chrome.homes

    @cached_property
    def home_language(self):
        locales = request_locales(self.request)
        for code in (locales.active.language_code, locales.default.language_code):
            if code in self.homes:
                return code
        return None

    @property
    def home(self):
        return self.homes.get(self.home_language)

    @property
    def menu(self):
        if self.home_language is None:
            return []
        return self.site_chrome.menu(self.home_language)


def chrome(request):
    if not hasattr(request, "_portal_chrome"):
        request._portal_chrome = Chrome(request)
    return request._portal_chrome


def portal(request):
    """The active language's direction (for `dir` on <html>) and the header and footer."""
    info = get_language_info(get_language() or "en")
    return {"text_direction": "rtl" if info["bidi"] else "ltr", "chrome": chrome(request)}
