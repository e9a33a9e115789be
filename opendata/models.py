from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.translation import PAGE_TRANSLATABLE, translated
from directory.models.mixins import RICH_TEXT_FEATURES
from directory.record_properties import registered_properties


class OpenDataPage(Page):
    """What the portal publishes as open data, for whom, and on which terms: staff write the
    text; the licence (a setting), the API's addresses and the downloads are added below it."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "opendata/open_data_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = [*PAGE_TRANSLATABLE, *translated("intro", "body")]

    class Meta:
        verbose_name = _("open data page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        api = request.build_absolute_uri("/api/hsds/")
        context.update(
            licence_title=settings.PORTAL_OPEN_DATA_LICENCE_TITLE,
            licence_name=settings.PORTAL_OPEN_DATA_LICENCE_NAME,
            licence_url=settings.PORTAL_OPEN_DATA_LICENCE_URL,
            api_url=api,
            openapi_url=request.build_absolute_uri(reverse("hsds:openapi-json")),
            # The organisations' properties beyond HSDS's fields, as their apps describe them.
            record_properties=[
                described
                for provider in registered_properties()
                for described in provider.described
            ],
            packages=[
                (code, name, reverse("hsds_package", args=[code]))
                for code, name in settings.LANGUAGES
            ],
        )
        return context
