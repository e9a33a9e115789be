from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "collaboration"
    verbose_name = _("Collaboration")

    def ready(self):
        # The list of calls reads the directory's listing rows: its source joins theirs.
        from directory import listing_rows

        from .listing import Calls

        listing_rows.register(Calls())
