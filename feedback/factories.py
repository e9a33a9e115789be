import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import Answer


class AnswerFactory(DjangoModelFactory):
    """A reader's answer about `page` (or, with page=None, a public `view`), this month, in
    English, "no"."""

    language = "en"
    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    useful = False
    missing = ""

    class Meta:
        model = Answer
