from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeaturedConfig(AppConfig):
    """Organisations featured on the portal's social media and home page, and their share cards."""

    name = "featured"
    verbose_name = _("Featured organisations")
    default_auto_field = "django.db.models.BigAutoField"
