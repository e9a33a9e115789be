from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmailsConfig(AppConfig):
    """Every message the portal sends: editable templates, the outbox, sending and tracking."""

    name = "emails"
    verbose_name = _("Email")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # anymail's tracking signal (the webhook's secret is a deploy check: core/deployment.py).
        from . import signals  # noqa: F401
