from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_BACKENDS = (
    "anymail.backends.console.",
    "anymail.backends.test.",
    "django.core.mail.backends.",
)


@register(Tags.security, deploy=True)
def check_tracking_webhook_secret(app_configs, **kwargs):
    """A real provider without a webhook secret lets anyone rewrite the outbox's delivery status."""
    if settings.EMAIL_BACKEND.startswith(LOCAL_BACKENDS):
        return []
    if (getattr(settings, "ANYMAIL", None) or {}).get("WEBHOOK_SECRET"):
        return []
    return [
        Warning(
            "ANYMAIL_WEBHOOK_SECRET is not set: the email tracking webhook accepts anyone's posts.",
            hint="Set ANYMAIL_WEBHOOK_SECRET to 'user:password' and use it in the provider's "
            "webhook address.",
            id="emails.W001",
        )
    ]
