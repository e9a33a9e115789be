"""Findability: the sitemap, robots.txt, canonical URLs, sharing tags and schema.org data.

Every URL given to crawlers is absolute, with the host of the request that asked for it.
"""

import json

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q, prefetch_related_objects
from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from directory.models import (
    CountryPage,
    OrganisationPage,
    PlaceNames,
    ServicePage,
    ServicesIndexPage,
)
from directory.models.organisation import COVER_FILTER, LOGO_FILTER
from featured.share_card import SHARE_IMAGE, share_card
from featured.share_card import SIZE as SHARE_IMAGE_SIZE
from home.context_processors import chrome
from news.models import NewsPage

DESCRIPTION_LENGTH = 300
# Open Graph wants language_TERRITORY; the portal's languages have one obvious territory each.
OG_LOCALES = {"en": "en_GB", "it": "it_IT", "el": "el_GR", "ar": "ar_AR"}
# How many translation keys go into one `IN (...)` when the sitemap looks up alternates.
ALTERNATES_CHUNK = 500


def absolute(request, url):
    """`url` (a path, or already absolute) on the request's host."""
    return request.build_absolute_uri(url) if url else ""


def og_locale(code):
    return OG_LOCALES.get(code, f"{code}_{code.upper()}" if "-" not in code else code)


# --- Sitemap -------------------------------------------------------------------------------


def site_homes(request):
    """The site's home page in every locale it is published in."""
    return list(chrome(request).homes.values())


def under_homes(homes):
    condition = Q(pk__in=[])
    for home in homes:
        condition |= Q(path__startswith=home.path)
    return condition


class PortalSitemap(Sitemap):
    """Every live, public page of every locale, each with its translations as alternates.

    Pages are read as plain `Page` rows (their URL needs no specific fields) and the
    translations of a whole sitemap page are fetched in bulk, so the query count does not grow
    with the number of pages.
    """

    def homes(self):
        if not hasattr(self, "_homes"):
            self._homes = site_homes(self.request)
        return self._homes

    def public_pages(self):
        holders = CountryPage.objects.filter(code="")  # not a public page (`is_public`)
        return (
            Page.objects.live()
            .public()
            .filter(under_homes(self.homes()))
            .exclude(pk__in=holders.values("pk"))
            .not_type(ServicesIndexPage)  # it redirects to the search
            .select_related("locale")
            .order_by("path")
        )

    def items(self):
        return self.public_pages()

    def location(self, obj):
        return absolute(self.request, obj.get_url(self.request))

    def alternates_for(self, items):
        keys = sorted({item.translation_key for item in items})
        by_key = {}
        for start in range(0, len(keys), ALTERNATES_CHUNK):
            chunk = keys[start : start + ALTERNATES_CHUNK]
            for page in self.public_pages().filter(translation_key__in=chunk):
                location = self.location(page)
                if location:
                    by_key.setdefault(page.translation_key, {})[page.locale.language_code] = (
                        location
                    )
        return by_key

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        alternates = self.alternates_for(items)
        order = [code for code, _name in settings.LANGUAGES]
        urls = []
        last_mods = set()
        for item in items:
            location = self.location(item)
            if not location:
                continue
            lastmod = self.lastmod(item)
            translations = alternates.get(item.translation_key, {})
            links = []
            if len(translations) > 1:
                codes = sorted(translations, key=lambda c: order.index(c) if c in order else 99)
                links = [{"lang_code": c, "location": translations[c]} for c in codes]
                if settings.LANGUAGE_CODE in translations:
                    links.append(
                        {"lang_code": "x-default", "location": translations[settings.LANGUAGE_CODE]}
                    )
            urls.append(
                {"item": item, "location": location, "lastmod": lastmod, "alternates": links}
            )
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PortalSitemap})


# --- robots.txt ----------------------------------------------------------------------------


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Allow: /", "Disallow: /admin/", "Disallow: /*/register/verify/"]
    # The same, spelled out for crawlers that do not read wildcards.
    lines += [f"Disallow: /{code}/register/verify/" for code, _name in settings.LANGUAGES]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# --- Canonical URL and sharing tags --------------------------------------------------------


def current_page_number(context):
    """The number of the listing page shown, when the page lists results across several.

    Values are told apart by their own type, never `isinstance`, which would evaluate the lazy
    ones (the CSRF token, the user): that would give every page a CSRF cookie and read the
    session, and no anonymous page could be cached.
    """
    for layer in context.dicts:
        for value in layer.values():
            if issubclass(type(value), PaginatorPage) and value.paginator.num_pages > 1:
                return value.number
    return None


def canonical_url(request, page=None, page_number=None):
    """The page's own absolute URL without query string; `?page=N` kept beyond the first."""
    if isinstance(page, Page) and page.pk:
        url = absolute(request, page.get_url(request))
    else:
        url = request.build_absolute_uri(request.path)
    if page_number and page_number > 1:
        url = f"{url}?page={page_number}"
    return url


def page_description(page):
    specific = page
    for name in ("search_description", "short_description", "summary", "intro"):
        value = getattr(specific, name, "")
        text = " ".join(strip_tags(str(value or "")).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def rendition_image(request, image, filter_spec):
    if not image:
        return None
    rendition = image.get_rendition(filter_spec)
    return {
        "url": absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.title,
    }


def organisation_image(request, organisation):
    return rendition_image(request, organisation.cover_image, COVER_FILTER) or rendition_image(
        request, organisation.logo, LOGO_FILTER
    )


def default_image(request):
    return {
        "url": absolute(request, static(SHARE_IMAGE)),
        "width": SHARE_IMAGE_SIZE[0],
        "height": SHARE_IMAGE_SIZE[1],
        "alt": "MoreThanAJob",
    }


def share_card_image(request, organisation):
    """The organisation's share card (featured/share_card.py), drawn the first time it is asked."""
    card = share_card(organisation)
    if card is None:
        return None
    return {
        "url": absolute(request, card.url),
        "width": card.width,
        "height": card.height,
        "alt": organisation.title,
    }


def share_image(request, page, context):
    image = None
    if isinstance(page, OrganisationPage):
        image = share_card_image(request, page)
    elif isinstance(page, ServicePage):
        image = organisation_image(request, service_organisation(page, context))
    return image or default_image(request)


def service_organisation(page, context):
    organisation = context.get("organisation")
    if organisation is None:
        organisation = page.get_parent().specific
    return organisation


def translation_codes(page, context):
    """The languages the page is published in: from base.html's language links when given."""
    languages = context.get("languages")
    if languages is not None:
        return [link["code"] for link in languages if link.get("translated")]
    if isinstance(page, Page) and page.pk:
        return list(
            page.get_translations()
            .live()
            .order_by("locale__language_code")
            .values_list("locale__language_code", flat=True)
        )
    return []


# --- schema.org JSON-LD --------------------------------------------------------------------

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    """`data` in a <script type="application/ld+json">, escaped so no value can end the script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def _compact(data):
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def network_data(request, network):
    """What schema.org says of a network beyond any organisation (`network`: its NetworkFacts,
    named in the page's language)."""
    if network is None:
        return {}
    return {
        "foundingDate": str(network.founded) if network.founded else "",
        "areaServed": network.area_served,
        "knowsAbout": network.themes,
        "event": [activity_data(request, activity) for activity in network.activities],
    }


def activity_data(request, activity):
    """A network's knowledge-exchange activity as a schema.org Event it organised (the page
    of activities shown: a dated activity, its documents as the event's works)."""
    return _compact(
        {
            "@type": "Event",
            "name": activity.title,
            "startDate": activity.date,
            "description": activity.summary,
            "about": activity.get_kind_display(),
            "workFeatured": [
                {
                    "@type": "DigitalDocument",
                    "name": document.title,
                    "url": absolute(request, document.url),
                }
                for document in getattr(activity, "document_list", [])
            ],
        }
    )


def organisation_data(request, organisation, country_page=None, url=None, network=None):
    if country_page is None:
        country_page = organisation.get_parent().specific
    places = PlaceNames()
    region = places.region_of.get(organisation.place_id)
    address = _compact(
        {
            "@type": "PostalAddress",
            "streetAddress": organisation.address,
            "addressLocality": places.name(organisation.place_id),
            "addressRegion": places.name(region),
            "addressCountry": getattr(country_page, "code", ""),
        }
    )
    logo = rendition_image(request, organisation.logo, LOGO_FILTER)
    same_as = [organisation.website] if organisation.website else []
    # Prefetched on the page itself, so the profile's own list of links reuses this query.
    prefetch_related_objects([organisation], "social_links")
    same_as += [link.url for link in organisation.social_links.all() if link.url not in same_as]
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": organisation.title,
            "alternateName": organisation.acronym
            if organisation.acronym != organisation.title
            else "",
            "description": page_description(organisation),
            "url": url or canonical_url(request, organisation),
            "logo": logo["url"] if logo else "",
            "email": organisation.email,
            "telephone": organisation.phone,
            "address": address if len(address) > 1 else None,
            "sameAs": same_as,
            "knowsLanguage": list(organisation.languages_spoken or []),
            **network_data(request, network),
        }
    )


def service_data(request, service, context, url=None):
    organisation = service_organisation(service, context)
    place = context.get("place") or PlaceNames().name(service.place_id_with(organisation))
    category = context.get("category_label") or (service.category.name if service.category else "")
    offer = {"@type": "Offer", "url": url or canonical_url(request, service)}
    if service.is_free:
        offer["price"] = "0"
    else:
        offer["description"] = service.cost
    if service.is_opportunity and service.application_deadline:
        # Applications close on the deadline: the offer is not valid after it.
        offer["validThrough"] = service.application_deadline
    channel = None
    if service.external_link:
        channel = {"@type": "ServiceChannel", "serviceUrl": service.external_link}
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "Service",
            "name": service.title,
            "description": page_description(service),
            "url": url or canonical_url(request, service),
            "serviceType": category,
            "provider": {
                "@type": "Organization",
                "name": organisation.title,
                "url": canonical_url(request, organisation),
            },
            "areaServed": place,
            "offers": offer,
            "availableChannel": channel,
        }
    )


def news_data(request, news, url=None):
    """schema.org NewsArticle: its author is its organisation where it has one, else the
    portal, which publishes it."""
    portal = {"@type": "Organization", "name": "MoreThanAJob", "url": absolute(request, "/")}
    organisation = getattr(news, "organisation", None)
    author = portal
    if organisation is not None:
        author = {
            "@type": "Organization",
            "name": organisation.title,
            "url": canonical_url(request, organisation),
        }
    images = [
        rendition_image(request, block.value["image"], COVER_FILTER)
        for block in news.body
        if block.block_type == "image" and block.value["image"]
    ][:1]
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": news.title,
            "description": page_description(news),
            "url": url or canonical_url(request, news),
            "inLanguage": news.locale.language_code,
            "datePublished": news.date,
            "dateModified": news.last_published_at,
            "image": [image["url"] for image in images],
            "author": author,
            "publisher": portal,
        }
    )


def structured_data(request, page, context, url):
    if isinstance(page, NewsPage):
        return news_data(request, page, url=url)
    if isinstance(page, OrganisationPage):
        return organisation_data(
            request, page, context.get("country_page"), url=url, network=context.get("network")
        )
    if isinstance(page, ServicePage):
        return service_data(request, page, context, url=url)
    return None


def head_tags(context):
    """Everything includes/seo_head.html shows, for the page (or view) being rendered."""
    request = context["request"]
    page = context.get("page")
    is_page = isinstance(page, Page) and bool(page.pk)
    url = canonical_url(request, page if is_page else None, current_page_number(context))
    language = (getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE).split("-")[0]
    if is_page:
        language = page.locale.language_code
        alternates = translation_codes(page, context)
    else:
        alternates = [code for code, _name in settings.LANGUAGES if code != language]
    data = structured_data(request, page, context, url) if is_page else None
    return {
        "canonical": url,
        "title": (page.seo_title or page.title) if is_page else "MoreThanAJob",
        "description": page_description(page) if is_page else "",
        "type": "article" if isinstance(page, NewsPage) else "website",
        "locale": og_locale(language),
        "locale_alternates": [og_locale(code) for code in alternates if code != language],
        "site_name": "MoreThanAJob",
        "image": share_image(request, page, context) if is_page else default_image(request),
        "json_ld": json_ld_script(data) if data else "",
    }
