from django.utils.functional import cached_property
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from directory.listing import request_locales


class Chrome:
    """What every public page's header and footer show, read once per request."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def homes(self):
        """The site's home page in each language it is published in, by language code."""
        site = Site.find_for_request(self.request)
        if site is None:
            return {}
        root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
        pages = Page.objects.live().filter(translation_key__in=root_key).select_related("locale")
        return {page.locale.language_code: page for page in pages}

    @cached_property
    def home(self):
        locales = request_locales(self.request)
        return self.homes.get(locales.active.language_code) or self.homes.get(
            locales.default.language_code
        )

    @cached_property
    def menu(self):
        if self.home is None:
            return []
        return list(self.home.get_children().live().in_menu().select_related("locale"))


def chrome(request):
    if not hasattr(request, "_portal_chrome"):
        request._portal_chrome = Chrome(request)
    return request._portal_chrome


def portal(request):
    """The active language's direction (for `dir` on <html>) and the header and footer."""
    info = get_language_info(get_language() or "en")
    return {"text_direction": "rtl" if info["bidi"] else "ltr", "chrome": chrome(request)}
