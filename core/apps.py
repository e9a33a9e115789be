from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every other app builds on; it imports none of them."""

    name = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The deploy checks of what production cannot do without.
        from . import checks  # noqa: F401
        from .page_cache import purge_on_changes

        # Public pages kept in the cache are forgotten when what they show changes.
        purge_on_changes()
