from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Readers' reactions: "Was this page useful?" on every public page, and the admin's report."""

    name = "feedback"
    verbose_name = _("Readers' reactions")
    default_auto_field = "django.db.models.BigAutoField"
