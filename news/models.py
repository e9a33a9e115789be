"""The portal's news: a news index per language and the news written by central staff, by each
country's facilitators and, proposed for their facilitators' approval, by organisations.

Where a piece of news sits in the page tree says who looks after it, as for every page: under the
news index (central staff), under a country (its facilitators, who publish it) or under an
organisation (its people write it; its country's facilitators approve it through the directory's
workflow before it is published). The news index lists every live piece of news by query, once
per translation set, whatever its place in the tree (`news/listing.py`).
"""

import datetime

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page

from core.indexing import filtered, searched, searched_names
from core.translation import PAGE_TRANSLATABLE, synchronized, translated
from directory.addresses import RoutesAcrossTranslations
from directory.models.mixins import RICH_TEXT_FEATURES, IntroPage

#: The page types a piece of news may point readers to.
RELATED_TYPES = [
    "directory.OrganisationPage",
    "directory.ServicePage",
    "directory.PortfolioProjectPage",
]


class FigureBlock(blocks.StructBlock):
    """An image in the body of a piece of news, with its text alternative and a caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Text alternative"),
        max_length=250,
        required=False,
        help_text=_("What the image shows, for people who cannot see it. Empty if decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "news/blocks/figure.html"


class NewsIndexPage(RoutesAcrossTranslations, RoutablePageMixin, IntroPage):
    """Every piece of news, newest first, with filters, and its feeds: /<lang>/news/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    template = "news/news_index_page.html"
    translatable_fields = [*PAGE_TRANSLATABLE, *translated("intro")]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        from .listing import index_context  # the listing reads this module's models

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(request))
        return context

    @path("feed/", name="rss")
    def rss_feed(self, request):
        from .feeds import NewsRssFeed  # the feeds read this module's models

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from .feeds import NewsAtomFeed  # the feeds read this module's models

        return NewsAtomFeed(self)(request)


class NewsPage(Page):
    """A piece of news: what happened or is coming, with the portal's content it concerns."""

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown on cards and feeds.")
    )
    body = StreamField(
        [
            ("heading", blocks.CharBlock(form_classname="title", label=_("Heading"))),
            ("paragraph", blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))),
            ("image", FigureBlock()),
        ],
        verbose_name=_("body"),
    )
    categories = ParentalManyToManyField(
        "directory.ExpertiseCategory",
        verbose_name=_("categories"),
        blank=True,
        related_name="+",
    )
    target_groups = ParentalManyToManyField(
        "directory.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )

    parent_page_types = [
        "news.NewsIndexPage",
        "directory.CountryPage",
        "directory.OrganisationPage",
    ]
    subpage_types = []
    template = "news/news_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
            ],
            _("Tags"),
        ),
        MultipleChooserPanel(
            "related_pages",
            chooser_field_name="page",
            heading=_("Related organisations, services and good practices"),
            label=_("Related page"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        *searched("summary", boost=2),
        *searched("body"),
        *searched_names("categories", "target_groups"),
        *filtered("date"),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE,
        *translated("summary", "body"),
        *synchronized("date", "categories", "target_groups", "related_pages"),
    ]

    class Meta:
        verbose_name = _("news")
        verbose_name_plural = _("news")

    def get_context(self, request, *args, **kwargs):
        from .listing import news_context  # the listing reads this module's models

        context = super().get_context(request, *args, **kwargs)
        context.update(news_context(self, request))
        return context

    @property
    def published_on(self):
        """The news' date as a moment, for the feeds (midnight in the site's time zone)."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time()))


class NewsRelatedPage(Orderable):
    """An organisation, service or good practice a piece of news is about."""

    news = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page", RELATED_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
