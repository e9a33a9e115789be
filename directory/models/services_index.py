from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from directory.filters import SERVICES, DirectoryFilterForm
from directory.listing import (
    TermLabels,
    attach_parents,
    one_per_translation,
    request_locales,
)
from directory.presentation import listing
from directory.search import DirectorySearch

from .country import DirectoryIndexPage
from .mixins import IntroPage
from .organisation import LOGO_FILTER, OrganisationPage
from .service import ServicePage
from .taxonomy import ExpertiseCategory, TargetGroup


def service_cards(services):
    """Everything a service card shows, for a whole list, in a fixed number of queries."""
    services = list(services)
    prefetch_related_objects(services, "target_groups")
    logos = get_image_model().get_rendition_model().objects.filter(filter_spec=LOGO_FILTER)
    organisations = OrganisationPage.objects.select_related("logo").prefetch_related(
        Prefetch("logo__renditions", queryset=logos)
    )
    attach_parents(services, OrganisationPage, "organisation", queryset=organisations)
    from .country import CountryPage

    attach_parents(services, CountryPage, "country_page", levels_up=2)
    labels = TermLabels(ExpertiseCategory, TargetGroup)
    for service in services:
        service.place_label = service.place_line(service.organisation, service.country_page)
        service.category_label = labels.name(service.category, service.locale_id)
        service.target_group_labels = labels.names_for(
            service.target_groups.all(), service.locale_id
        )
    return services


def listed_services(locales):
    """Every live service and opportunity, once each, in the active language where translated."""
    return (
        one_per_translation(ServicePage.objects.live(), locales.active, locales.default)
        .select_related("locale", "category")
        .order_by("-first_published_at", "-pk")
    )


class ServicesIndexPage(IntroPage):
    """Every service and opportunity of the directory, with filters: /<lang>/services/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "directory/services_index_page.html"
    translatable_fields = DirectoryIndexPage.translatable_fields

    class Meta:
        verbose_name = _("services index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locales = request_locales(request)
        form = DirectoryFilterForm(request.GET, locales, scope=SERVICES)
        engine = DirectorySearch(form, locales, scope=SERVICES)
        page, filters, query = listing(request, form, engine)
        context.update(form=form, filters=filters, services=page, filter_query=query.urlencode())
        return context
