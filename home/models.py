from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.translation import PAGE_TRANSLATABLE, translated
from directory.addresses import RoutesAcrossTranslations
from directory.listing import one_per_translation, request_locales
from directory.models import (
    DirectoryIndexPage,
    ExpertiseCategory,
    ServicePage,
)
from directory.models.mixins import RICH_TEXT_FEATURES
from directory.models.services_index import service_cards, services_search_url
from directory.search import home_figures
from news.listing import latest_news, news_index_for

LATEST = 6  # services on the home page
LATEST_NEWS = 3  # pieces of news on the home page


class HomePage(RoutesAcrossTranslations, Page):
    """The front door: what the portal offers, live figures, the latest services."""

    intro = models.TextField(_("introduction"), blank=True)
    citizens_heading = models.CharField(
        _("heading for people looking for support"), max_length=120, blank=True
    )
    citizens_text = RichTextField(
        _("text for people looking for support"), blank=True, features=RICH_TEXT_FEATURES
    )
    organisations_heading = models.CharField(
        _("heading for organisations"), max_length=120, blank=True
    )
    organisations_text = RichTextField(
        _("text for organisations"), blank=True, features=RICH_TEXT_FEATURES
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "directory.DirectoryIndexPage",
        "directory.ServicesIndexPage",
        "directory.GoodPracticesIndexPage",
        "collaboration.CollaborationIndexPage",
        "networks.NetworkIndexPage",
        "news.NewsIndexPage",
        "opendata.OpenDataPage",
        "home.StandardPage",
    ]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("citizens_heading"), FieldPanel("citizens_text")],
            _("For people looking for support"),
        ),
        MultiFieldPanel(
            [FieldPanel("organisations_heading"), FieldPanel("organisations_text")],
            _("For organisations"),
        ),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE,
        *translated(
            "intro",
            "citizens_heading",
            "citizens_text",
            "organisations_heading",
            "organisations_text",
        ),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locales = request_locales(request)
        # The locales are read once per request: the sharing tags read this page's own.
        self.locale = locales.by_id.get(self.locale_id) or self.locale
        context["counts"], latest = home_figures(locales.active.language_code, LATEST)
        # Late: home's models load before the apps are ready, and featured's views (which
        # featuring imports) build admin forms that need every model loaded.
        from featured.featuring import featured_for_visitor

        context["featured_organisations"] = featured_for_visitor(request)
        pages = ServicePage.objects.filter(pk__in=latest).select_related("locale", "category")
        by_id = {page.pk: page for page in service_cards(pages)}
        context["latest_services"] = [by_id[pk] for pk in latest if pk in by_id]
        # The rows were worked out for the figures just above.
        news = latest_news(locales.active.language_code, LATEST_NEWS, worked_out=True)
        context["latest_news"] = news
        context["news_index"] = news_index_for(locales) if news else None
        context["categories"] = one_per_translation(
            ExpertiseCategory.objects.all(), locales.active, locales.default
        ).order_by("name")
        # "Find a service": the search, services only (where the services index leads).
        context["find_a_service_url"] = services_search_url(locales.active.language_code)
        context["directory_index"] = DirectoryIndexPage.objects.child_of(self).live().first()
        return context


class StandardPage(Page):
    """About, how to register, privacy: text pages that staff write."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        [
            ("heading", blocks.CharBlock(form_classname="title", label=_("Heading"))),
            ("paragraph", blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))),
        ],
        verbose_name=_("body"),
        blank=True,
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = [
        *PAGE_TRANSLATABLE,
        *translated("intro", "body"),
    ]

    class Meta:
        verbose_name = _("standard page")
