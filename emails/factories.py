"""Test data for the outbox."""

import factory
from factory.django import DjangoModelFactory

from emails.models import OutboxEmail


class OutboxEmailFactory(DjangoModelFactory):
    """An email in the outbox, queued unless `status` says otherwise."""

    to = factory.LazyFunction(lambda: ["maria@coop.example.org"])
    from_email = "portal@example.org"
    subject = "Welcome to MoreThanAJob"
    body_text = "Hello"

    class Meta:
        model = OutboxEmail
