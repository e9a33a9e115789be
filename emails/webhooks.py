"""The providers' tracking webhooks, as the portal serves them: closed unless they can be trusted.

anymail's own views accept anyone's posts when its WEBHOOK_SECRET is unset (with a warning), and
answer junk with a 500 for several providers (a body that is not their JSON, a field of the wrong
type). Each tracking view is served here wrapped: 410 while tracking is off
(PORTAL_EMAIL_TRACKING), 403 while no secret is set or the provider is not configured, and 400
for a post that cannot be read. Inbound email is not served at all: the portal receives none.
(No 404: outside the language prefixes, a 404 is redirected to one.)
"""

import logging
from functools import wraps

from anymail import urls as anymail_urls
from anymail.exceptions import AnymailError
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseGone
from django.urls import URLPattern

logger = logging.getLogger(__name__)

#: What a provider's parser raises on a body it cannot read.
UNREADABLE = (AnymailError, ValueError, LookupError, TypeError, AttributeError)


def guarded(view):
    @wraps(view)
    def tracking_webhook(request, *args, **kwargs):
        if not settings.PORTAL_EMAIL_TRACKING:
            return HttpResponseGone("Email tracking is off.", content_type="text/plain")
        if not (getattr(settings, "ANYMAIL", None) or {}).get("WEBHOOK_SECRET"):
            return HttpResponseForbidden(
                "The tracking webhook has no secret: every post is refused.",
                content_type="text/plain",
            )
        try:
            return view(request, *args, **kwargs)
        except ImproperlyConfigured as error:
            logger.error("tracking webhook %s is not configured: %s", request.path, error)
            return HttpResponseForbidden(
                "This provider's webhook is not configured.", content_type="text/plain"
            )
        except UNREADABLE as error:
            logger.warning("unreadable tracking webhook post to %s: %r", request.path, error)
            return HttpResponse(
                "The post could not be read.", status=400, content_type="text/plain"
            )

    return tracking_webhook


def tracking_urlpatterns():
    """anymail's tracking endpoints (/anymail/<provider>/tracking/ and Mandrill's), guarded."""
    return [
        URLPattern(pattern.pattern, guarded(pattern.callback), pattern.default_args, pattern.name)
        for pattern in anymail_urls.urlpatterns
        if "tracking" in pattern.name or pattern.name == "mandrill_webhook"
    ]


urlpatterns = tracking_urlpatterns()
app_name = "anymail"
