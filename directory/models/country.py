from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from core.translation import PAGE_TRANSLATABLE, synchronized, translated
from directory.addresses import RoutesAcrossTranslations
from directory.filters import ORGANISATIONS, DirectoryFilterForm
from directory.listing import (
    one_per_translation,
    request_locales,
)
from directory.presentation import active_filters, listing
from directory.search import DirectorySearch, organisations_by_country

from .mixins import IntroPage


class DirectoryIndexPage(RoutesAcrossTranslations, IntroPage):
    """The directory of organisations, by country: /<lang>/organisations/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.CountryPage"]
    max_count_per_parent = 1
    template = "directory/directory_index_page.html"

    translatable_fields = [*PAGE_TRANSLATABLE, *translated("intro")]

    class Meta:
        verbose_name = _("directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locales = request_locales(request)
        # "Country not set" is no country: its organisations are listed by what they do instead.
        countries = list(
            one_per_translation(
                CountryPage.objects.live().exclude(code="").select_related("locale"),
                locales.active,
                locales.default,
            ).order_by("title")
        )
        counts = organisations_by_country()
        for country in countries:
            country.organisation_count = counts.get(country.code.lower(), 0)
        context["countries"] = countries
        return context


class CountryPage(RoutesAcrossTranslations, IntroPage):
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
    subpage_types = ["directory.OrganisationPage", "news.NewsPage"]
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

    @property
    def place_name(self):
        """Its name where a place is said; none for the page holding the organisations whose
        country is not set, which is no place."""
        return self.title if self.code else ""

    @property
    def is_public(self):
        """A country's page is; the page holding the organisations whose country is not set is
        not (its organisations are found by what they do, and their pages are public)."""
        return bool(self.code)

    def serve(self, request, *args, **kwargs):
        if not self.is_public:
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locales = request_locales(request)
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
