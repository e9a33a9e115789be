"""Test data for the facilitators: their profiles and the contacts they log."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from directory.factories import UserFactory
from facilitators.models import ContactChannel, ContactLog, Facilitator


class FacilitatorFactory(DjangoModelFactory):
    """A facilitator of `countries`, made as central staff make one: the user's groups follow."""

    user = factory.SubFactory(UserFactory)

    class Meta:
        model = Facilitator
        skip_postgeneration_save = True

    @factory.post_generation
    def countries(facilitator, create, extracted, **kwargs):
        if extracted:
            facilitator.countries.add(*extracted)


class ContactLogFactory(DjangoModelFactory):
    """A phone call to `organisation` (required) three days ago."""

    organisation_key = factory.SelfAttribute("organisation.translation_key")
    contacted_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=3))
    channel = ContactChannel.PHONE
    note = ""

    class Meta:
        model = ContactLog
