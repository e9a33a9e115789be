from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FacilitatorsConfig(AppConfig):
    name = "facilitators"
    verbose_name = _("Facilitators")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connect anymail's tracking signal and register the deploy checks.
        from . import checks, signals  # noqa: F401

        signals.connect_facilitator_signals()
