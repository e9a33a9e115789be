from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmailsConfig(AppConfig):
    """Every message the portal sends: editable templates, the outbox, sending and tracking."""

    name = "emails"
    verbose_name = _("Email")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # anymail's tracking signal, and the deploy check of the webhook's secret.
        from . import checks, signals  # noqa: F401
