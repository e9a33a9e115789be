"""Test data for featured organisations."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from featured.models import FeaturedOrganisation


class FeaturedOrganisationFactory(DjangoModelFactory):
    """`organisation` (required) featured on Facebook today, planned."""

    organisation_key = factory.SelfAttribute("organisation.translation_key")
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.SelfAttribute("starts_on")
    status = FeaturedOrganisation.Status.PLANNED
    channels = factory.LazyFunction(lambda: ["facebook"])

    class Meta:
        model = FeaturedOrganisation
