import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from core.factories import fixed_page_factory

from .models import CallKind, CollaborationCallPage, CollaborationIndexPage, ExpressionOfInterest

CollaborationIndexPageFactory = fixed_page_factory(
    CollaborationIndexPage, "Collaboration", "collaboration"
)


class CollaborationCallPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Call for partners {n}")
    kind = CallKind.NEW_SERVICE
    summary = "We are looking for a partner to open a job club for young people."
    description = "<p>We bring the premises and two job coaches; we need trainers.</p>"
    deadline = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))

    class Meta:
        model = CollaborationCallPage


class ExpressionOfInterestFactory(DjangoModelFactory):
    """`organisation`'s interest in `call` (both required), for the organisation that posted it."""

    call_key = factory.SelfAttribute("call.translation_key")
    organisation_key = factory.SelfAttribute("organisation.translation_key")
    owner_key = factory.LazyAttribute(lambda interest: interest.call.get_parent().translation_key)
    message = "Two trainers from Thessaloniki could join in spring."

    class Meta:
        model = ExpressionOfInterest
