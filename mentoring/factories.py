"""Test data of mentoring: mentors (approved unless told) and mentees of age."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import Approval, Mentee, MentorLanguage, MentorProfile
from .registration import set_keywords


class MentorProfileFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Mentor {n}")
    email = factory.Sequence(lambda n: f"mentor{n}@example.org")
    profile = "Twenty years in recruitment."
    country = "IT"
    city = "Palermo"
    capacity = 1
    language = "en"
    approval = Approval.APPROVED
    consent_at = factory.LazyFunction(timezone.now)
    consent_version = "2026-12"

    class Meta:
        model = MentorProfile
        skip_postgeneration_save = True

    @factory.post_generation
    def expertise(self, create, categories):
        if create and categories:
            self.expertise.set(categories)

    @factory.post_generation
    def spoken(self, create, codes):
        if create:
            for code in codes or ["en"]:
                MentorLanguage.objects.create(mentor=self, code=code)

    @factory.post_generation
    def words(self, create, extracted):
        if create:
            set_keywords(self)


class MenteeFactory(DjangoModelFactory):
    first_name = factory.Sequence(lambda n: f"Mentee{n}")
    email = factory.Sequence(lambda n: f"mentee{n}@example.org")
    country = "IT"
    language = "en"
    age_confirmed = True
    consent_at = factory.LazyFunction(timezone.now)
    consent_version = "2026-12"

    class Meta:
        model = Mentee
        skip_postgeneration_save = True

    @factory.post_generation
    def expertise(self, create, categories):
        if create and categories:
            self.expertise.set(categories)
