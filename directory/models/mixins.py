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
