"""EMAIL_BACKEND: every message Django, Wagtail or a library sends is written to the outbox.

Django's password reset, Wagtail's moderation and comment notifications, `mail_admins`,
`sendtestemail`...: whatever calls `send_mail`, `EmailMessage.send()` or `get_connection()`
gets this backend, which writes one outbox row per message, in the caller's transaction, and
leaves the sending (and its retries) to the outbox's sender (`emails.mail`). The provider's own
backend, PORTAL_EMAIL_PROVIDER_BACKEND, is used by that sender only.
"""

import logging

from django.core.mail.backends.base import BaseEmailBackend
from django.utils import translation

logger = logging.getLogger(__name__)


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .mail import queue_message  # the app's models are not ready when backends load

        written = 0
        for message in email_messages:
            try:
                queue_message(message, language=translation.get_language() or "")
            except Exception:
                if not self.fail_silently:
                    raise
                logger.exception("Could not write %r to the outbox", message.subject)
            else:
                written += 1
        return written
