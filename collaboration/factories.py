import datetime

import factory
import wagtail_factories

from .models import CallKind, CollaborationCallPage, CollaborationIndexPage


class CollaborationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Collaboration"
    slug = "collaboration"

    class Meta:
        model = CollaborationIndexPage


class CollaborationCallPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Call for partners {n}")
    kind = CallKind.NEW_SERVICE
    summary = "We are looking for a partner to open a job club for young people."
    description = "<p>We bring the premises and two job coaches; we need trainers.</p>"
    deadline = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))

    class Meta:
        model = CollaborationCallPage
