"""Test data for the directory: pages and vocabulary terms in any locale, the people who work on
them (central staff, country facilitators, organisations' members) and citizens' enquiries."""

import datetime

import factory
import wagtail_factories
from anyascii import anyascii
from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from core.factories import fixed_page_factory
from directory.models import (
    CountryPage,
    DirectoryIndexPage,
    Enquiry,
    ExpertiseCategory,
    GoodPracticesIndexPage,
    NetworkForm,
    NetworkLevel,
    NetworkOrientation,
    NetworkPurpose,
    OrganisationAccount,
    OrganisationKind,
    OrganisationPage,
    Place,
    PortfolioProjectPage,
    ServiceKind,
    ServicePage,
    ServicesIndexPage,
    TargetGroup,
)
from directory.permissions import sync_central_staff, sync_country

PASSWORD = "bread-and-roses-2026"  # noqa: S105 (the test users' password)


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


class NetworkPurposeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Purpose {n}")
    slug = factory.Sequence(lambda n: f"purpose-{n}")
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = NetworkPurpose


class PlaceFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Town {n}")
    slug = factory.LazyAttribute(lambda place: place_slug(place.name))
    country = "IT"
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Place


def place_slug(name):
    """A code for a new place called `name`, unused so far."""
    base = slugify(anyascii(name)) or "place"
    slug, n = base, 1
    while Place.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def place_named(name, parent=None):
    """The place called `name` (in any language) in the country of `parent` (a page under a
    country, or the country itself; Italy without one), made in `parent`'s language if new."""
    if not name:
        return None
    country = CountryPage.objects.ancestor_of(parent, inclusive=True).first() if parent else None
    code = country.code if country is not None and country.code else "IT"
    place = Place.objects.filter(name=name, country=code).first()
    if place is None:
        locale = parent.locale if parent is not None else Locale.get_default()
        place = PlaceFactory(name=name, country=code, locale=locale)
    return place


def parent_of(page):
    """The `parent` a page factory was given, if any."""
    return getattr(page, "parent", None)


DirectoryIndexPageFactory = fixed_page_factory(DirectoryIndexPage, "Organisations", "organisations")


ServicesIndexPageFactory = fixed_page_factory(ServicesIndexPage, "Services", "services")


GoodPracticesIndexPageFactory = fixed_page_factory(
    GoodPracticesIndexPage, "Good practices", "good-practices"
)


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
    email = factory.Sequence(lambda n: f"info{n}@coop.example.org")
    # `city="Athens"`: the place of that name in the parent's country (made if new).
    place = factory.LazyAttribute(
        lambda page: place_named(page.city, getattr(page, "parent", None))
    )

    class Params:
        city = "Palermo"

    class Meta:
        model = OrganisationPage


class NetworkPageFactory(OrganisationPageFactory):
    """A network or umbrella organisation, with the forms' values of a regional consortium."""

    title = factory.Sequence(lambda n: f"Network number {n}")
    kind = OrganisationKind.NETWORK
    network_form = NetworkForm.CONSORTIUM
    network_level = NetworkLevel.REGIONAL
    network_orientation = NetworkOrientation.THEMATIC


class ServicePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Service {n}")
    kind = ServiceKind.SERVICE
    summary = "Individual guidance towards a job."
    description = "<p>Weekly meetings with a job coach.</p>"
    place = factory.LazyAttribute(
        lambda page: place_named(page.town, getattr(page, "parent", None))
    )

    class Params:
        town = ""  # its own place, by name (none: its organisation's)

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


class UserFactory(DjangoModelFactory):
    """A user who signs in with `PASSWORD`, in no group."""

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True


class CentralStaffFactory(UserFactory):
    """A member of the central staff, who look after every country."""

    @factory.post_generation
    def central_staff(user, create, extracted, **kwargs):
        user.groups.add(sync_central_staff())


class CountryFacilitatorFactory(UserFactory):
    """A user in the facilitators' group of `country` (a CountryPage, or its code), without a
    Facilitator profile: facilitators.factories.FacilitatorFactory makes one as staff do."""

    @factory.post_generation
    def country(user, create, extracted, **kwargs):
        if extracted is None:
            raise TypeError("CountryFacilitatorFactory needs country=<CountryPage or code>")
        if isinstance(extracted, str):
            extracted = CountryPage.objects.filter(code=extracted).first()
        user.groups.add(sync_country(extracted))


class OrganisationMemberFactory(UserFactory):
    """A user in the group of `organisation` (an OrganisationPage with its account)."""

    @factory.post_generation
    def organisation(user, create, extracted, **kwargs):
        if extracted is None:
            raise TypeError("OrganisationMemberFactory needs organisation=<OrganisationPage>")
        account = OrganisationAccount.objects.get(translation_key=extracted.translation_key)
        user.groups.add(account.group)


class EnquiryFactory(DjangoModelFactory):
    """A citizen's message to `organisation` (required), in the organisation page's language."""

    organisation_key = factory.SelfAttribute("organisation.translation_key")
    name = "Amina Haddad"
    email = factory.LazyAttribute(lambda enquiry: f"{enquiry.name.split()[0].lower()}@example.org")
    message = factory.LazyAttribute(lambda enquiry: f"A question from {enquiry.name}.")
    consent_at = factory.LazyFunction(timezone.now)
    language = factory.SelfAttribute("organisation.locale.language_code")

    class Meta:
        model = Enquiry
