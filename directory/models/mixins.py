from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.fields import optional_link

RICH_TEXT_FEATURES = ["bold", "italic", "h3", "ol", "ul", "link"]


# The fields every page type has from Wagtail's Page, translated like its own text.
class IntroPage(Page):
    """A page with a short introduction above what it lists."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True


def image_field(verbose_name):
    return optional_link("wagtailimages.Image", verbose_name)


class CheckedMixin(models.Model):
    """When the content was last confirmed accurate (HSDS `assured_date`), in every language.

    Set by the portal, never in the editor: when the organisation answers its yearly check,
    when a facilitator records a check, and when a version of the content is published
    (`directory.freshness`). A revision published again keeps the date the content has now.
    """

    checked_on = models.DateField(_("last checked"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def with_content_json(self, content):
        page = super().with_content_json(content)
        page.checked_on = self.checked_on
        return page

    @property
    def freshness(self):
        """ "recent", "old" (past the note's months) or "hidden" (past the listings' months)."""
        from directory.freshness import freshness  # models load before the module's settings

        return freshness(self.checked_on)
