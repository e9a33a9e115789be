"""Test data for the directory: pages and vocabulary terms in any locale."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from directory.models import (
    CountryPage,
    DirectoryIndexPage,
    ExpertiseCategory,
    GoodPracticesIndexPage,
    OrganisationKind,
    OrganisationPage,
    PortfolioProjectPage,
    ServiceKind,
    ServicePage,
    ServicesIndexPage,
    TargetGroup,
)


class LocaleFactory(DjangoModelFactory):
    language_code = "en"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class ExpertiseCategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = ExpertiseCategory


class TargetGroupFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = TargetGroup


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Organisations"
    slug = "organisations"

    class Meta:
        model = DirectoryIndexPage


class ServicesIndexPageFactory(wagtail_factories.PageFactory):
    title = "Services"
    slug = "services"

    class Meta:
        model = ServicesIndexPage


class GoodPracticesIndexPageFactory(wagtail_factories.PageFactory):
    title = "Good practices"
    slug = "good-practices"

    class Meta:
        model = GoodPracticesIndexPage


class CountryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Country {n}")
    code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    national_language = ""

    class Meta:
        model = CountryPage


class OrganisationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Cooperative number {n}")
    kind = OrganisationKind.SOCIAL_COOPERATIVE
    short_description = "Job placement and training for people far from work."
    city = "Palermo"
    email = factory.Sequence(lambda n: f"info{n}@coop.example.org")

    class Meta:
        model = OrganisationPage


class ServicePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Service {n}")
    kind = ServiceKind.SERVICE
    summary = "Individual guidance towards a job."
    description = "<p>Weekly meetings with a job coach.</p>"

    class Meta:
        model = ServicePage


class OpportunityPageFactory(ServicePageFactory):
    kind = ServiceKind.OPPORTUNITY
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    application_deadline = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=10)
    )


class PortfolioProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Project {n}")
    summary = "A pilot that trained young people as bakers."
    start_year = 2021

    class Meta:
        model = PortfolioProjectPage
