from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from core.listing import paginate
from core.translation import PAGE_TRANSLATABLE, synchronized, translated
from directory.filters import ORGANISATIONS, DirectoryFilterForm
from directory.listing import (
    count_by_country,
    one_per_translation,
    request_locales,
    under_any,
)
from directory.presentation import active_filters, listing
from directory.search import DirectorySearch

from .mixins import IntroPage


class DirectoryIndexPage(IntroPage):
    """The directory of organisations, by country: /<lang>/organisations/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.CountryPage"]
    max_count_per_parent = 1
    template = "directory/directory_index_page.html"

    translatable_fields = [*PAGE_TRANSLATABLE, *translated("intro")]

    class Meta:
        verbose_name = _("directory")

    def get_context(self, request, *args, **kwargs):
        from directory.models import OrganisationPage

        context = super().get_context(request, *args, **kwargs)
        locales = request_locales(request)
        countries = list(
            one_per_translation(
                CountryPage.objects.live().select_related("locale"), locales.active, locales.default
            ).order_by("title")
        )
        counts = count_by_country(OrganisationPage.objects.live(), levels_up=1)
        for country in countries:
            country.organisation_count = counts.get(country.translation_key, 0)
        context["countries"] = [c for c in countries if c.code or c.organisation_count]
        return context


class CountryPage(IntroPage):
    """A country of the directory. Its organisations (and their pages) sit below it."""

    code = models.CharField(
        _("country code"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, as in IT or LB."))],
        help_text=_(
            "ISO 3166 code in capitals (IT, GR, LB, JO, PS). Leave empty for the page that holds "
            "organisations whose country is not set yet."
        ),
    )
    national_language = models.CharField(
        _("national language"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Organisations of this country write in this language and in English."),
    )

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = ["directory.OrganisationPage"]
    template = "directory/country_page.html"

    content_panels = [
        *IntroPage.content_panels,
        MultiFieldPanel([FieldPanel("code"), FieldPanel("national_language")], _("Country")),
    ]
    search_fields = [*IntroPage.search_fields, index.FilterField("code")]
    translatable_fields = [
        *DirectoryIndexPage.translatable_fields,
        *synchronized("code", "national_language"),
    ]

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    @cached_property
    def all_translations(self):
        return list(self.get_translations(inclusive=True))

    def organisations(self, locales):
        from directory.models import OrganisationPage

        return (
            one_per_translation(OrganisationPage.objects.live(), locales.active, locales.default)
            .filter(under_any(self.all_translations))
            .select_related("locale", "logo")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locales = request_locales(request)
        if not self.code:  # "Country not set": a plain list of who is waiting for a country
            from directory.models import OrganisationPage

            page = paginate(request, self.organisations(locales), settings.PORTAL_PAGE_SIZE)
            OrganisationPage.prefetch_cards(page.object_list)
            context["organisations"] = page
            return context
        # The directory's own filters, within this country.
        data = request.GET.copy()
        data["country"] = self.code.lower()
        form = DirectoryFilterForm(data, locales, scope=ORGANISATIONS)
        engine = DirectorySearch(form, locales, scope=ORGANISATIONS)
        page, filters, query = listing(request, form, engine)
        filters = [f for f in filters if f["name"] != "country"]
        chips = [chip for chip in active_filters(form, query) if chip["name"] != "country"]
        context.update(
            active_filters=chips,
            organisations=page,
            form=form,
            filters=filters,
            filter_query=query.urlencode(),
            filtered=any(name != "country" for name in form.values),
        )
        return context
