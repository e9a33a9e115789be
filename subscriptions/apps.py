from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    """Email subscriptions without an account: news, the newsletter, alerts for a search."""

    name = "subscriptions"
    verbose_name = _("Subscriptions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Late: the models are ready only now. anymail's tracking signal: bounces and
        # complaints stop bulk email to the address; and the outbox asks, before each bulk
        # email leaves, whether its address was suppressed since it was queued.
        from emails.mail import register_suppression_check

        from . import signals  # noqa: F401
        from .mail import suppression_reason

        register_suppression_check(suppression_reason)
