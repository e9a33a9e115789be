"""A caching proxy in front (PORTAL_FRONTEND_CACHE_URL): what is purged from it when a page is
published or unpublished.

Wagtail's own handlers (wagtail.contrib.frontend_cache, not installed) would purge the page's
address with its language prefix swapped for each of the others: /it/organisations/italia/x/
would become /en/organisations/italia/x/, an address nothing is shown at, while the English
visitors' copy at /en/organisations/italy/x/ would stay in the proxy. Here the page's own
addresses are purged instead: where a visitor of each language is shown that page
(directory/addresses.py: its own address in its own language, the address across translations
in a language it is not translated into), and no other. Its translations, pages of their own, are
purged when they are published.
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from directory.addresses import Addresses


def shown_at(page):
    """The full addresses at which visitors, in each of the portal's languages, are shown `page`."""
    _site_id, root_url, own = page.get_url_parts() or (None, None, None)
    if own is None:
        return []
    codes = [code for code, _name in settings.LANGUAGES]
    found = Addresses([page], codes)
    urls = {root_url + own}
    for code in codes:
        translation = found.translation(page, code)
        if translation is not None and translation.pk != page.pk:
            continue  # the translation is shown there, not this page
        url = found.url(page, code)
        if url:
            urls.add(url if "://" in url else root_url + url)
    return sorted(urls)


def purge_page(instance, **kwargs):
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_urls_from_cache(shown_at(instance))


def purge_content(translation_keys):
    """Purge the addresses of every live version of the content with these translation keys:
    for a change shown on pages that are not published again (a network's membership, shown on
    the network's page and its member's)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = set()
    for page in Page.objects.live().filter(translation_key__in=list(translation_keys)).specific():
        urls.update(shown_at(page))
    if urls:
        purge_urls_from_cache(sorted(urls))


def purge_proxy_on_changes():
    for signal in (page_published, page_unpublished):
        signal.connect(purge_page, dispatch_uid=f"frontend_cache_{signal}", weak=False)
