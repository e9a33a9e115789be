"""A scripted email provider: anymail's own test backend, answering as a test tells it to.

Used as fixtures by the tests of the apps that send email (see their conftest.py)."""

import pytest
from anymail.backends.test import EmailBackend as AnymailTestBackend


class ScriptedEmailBackend(AnymailTestBackend):
    """anymail's test backend, with each message's response taken in turn from `responses`.

    It uses the test backend's documented hook, `message.anymail_test_response`: an
    AnymailAPIError instance is raised as the provider's error, a dict is the provider's
    answer ({"recipient_status": {...}}). When `responses` is empty, every recipient is "sent".
    """

    responses = []

    def send_messages(self, email_messages):
        for message in email_messages:
            if type(self).responses:
                message.anymail_test_response = type(self).responses.pop(0)
        return super().send_messages(email_messages)


@pytest.fixture(autouse=True)
def provider(settings):
    """The list of responses the provider gives to the next messages, in order.

    Autouse because Django's test set-up replaces EMAIL_BACKEND with its locmem backend,
    whatever portal.settings.test says; this puts the outbox back, in front of the provider.
    """
    settings.EMAIL_BACKEND = "emails.backends.OutboxBackend"
    settings.PORTAL_EMAIL_PROVIDER_BACKEND = "tests.email_provider.ScriptedEmailBackend"
    ScriptedEmailBackend.responses = []
    yield ScriptedEmailBackend.responses
    ScriptedEmailBackend.responses = []
