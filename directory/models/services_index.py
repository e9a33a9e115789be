from django.db.models import Prefetch, prefetch_related_objects
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from directory.addresses import attach_visitor_urls
from directory.filters import ANY_SERVICE_KIND
from directory.listing import attach_parents, term_labels

from .country import DirectoryIndexPage
from .mixins import IntroPage
from .organisation import LOGO_FILTER, OrganisationPage
from .taxonomy import ExpertiseCategory, TargetGroup, place_names


def service_cards(services, addresses=True):
    """Everything a service card shows, for a whole list, in a fixed number of queries (none
    for no service: a page of results may hold organisations only). `addresses=False`: but
    their addresses (`attach_visitor_urls`), to be worked out with other cards'."""
    services = list(services)
    if not services:
        return []
    prefetch_related_objects(services, "target_groups")
    logos = get_image_model().get_rendition_model().objects.filter(filter_spec=LOGO_FILTER)
    organisations = OrganisationPage.objects.select_related("logo").prefetch_related(
        Prefetch("logo__renditions", queryset=logos)
    )
    attach_parents(services, OrganisationPage, "organisation", queryset=organisations)
    from directory.countries import country_names  # it reads the page models of this package

    from .country import CountryPage

    attach_parents(services, CountryPage, "country_page", levels_up=2)
    labels = term_labels(ExpertiseCategory, TargetGroup)
    places = place_names()
    countries = country_names()
    for service in services:
        country = service.country_page
        country_name = countries.get(country.code, "") if country and country.code else ""
        service.place_label = service.place_line(service.organisation, country_name, places)
        service.category_label = labels.here(service.category)
        service.target_group_labels = labels.names_here(service.target_groups.all())
    return attach_visitor_urls(services) if addresses else services


def services_search_url(language_code, query=None):
    """The search in `language_code` with `query`'s filters: services and opportunities only,
    unless the query chooses another kind. The page number is dropped: the lists differ."""
    with translation.override(language_code):
        url = reverse("search")
    params = query.copy() if query is not None else QueryDict(mutable=True)
    params.pop("page", None)
    if not params.get("kind"):
        params["kind"] = ANY_SERVICE_KIND
    return f"{url}?{params.urlencode()}"


class ServicesIndexPage(IntroPage):
    """/<lang>/services/: the search, with services and opportunities only.

    Services are listed in one place, the search; this page keeps its address, its place in the
    menus and its title, and sends visitors (and their filters) to the search in its language.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    translatable_fields = DirectoryIndexPage.translatable_fields

    class Meta:
        verbose_name = _("services index")

    def serve(self, request, *args, **kwargs):
        url = services_search_url(self.locale.language_code, request.GET)
        return redirect(url, permanent=True)
