import pytest
from django.conf import settings
from wagtail.test.utils import WagtailPageTestCase

from collaboration.models import CollaborationCallPage, CollaborationIndexPage
from directory.factories import (
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    PortfolioProjectPageFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from directory.models import (
    CountryPage,
    DirectoryIndexPage,
    GoodPracticesIndexPage,
    OrganisationPage,
    PortfolioProjectPage,
    ServicePage,
    ServicesIndexPage,
)
from home.models import HomePage, StandardPage
from networks.models import NetworkIndexPage
from news.models import NewsIndexPage, NewsPage
from opendata.models import OpenDataPage
from tests.helpers import translate

pytestmark = pytest.mark.django_db


class TestPageTypeRules(WagtailPageTestCase):
    def test_tree_follows_the_design(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                DirectoryIndexPage,
                ServicesIndexPage,
                GoodPracticesIndexPage,
                CollaborationIndexPage,
                NetworkIndexPage,
                NewsIndexPage,
                StandardPage,
                OpenDataPage,
            },
        )
        self.assertAllowedSubpageTypes(OpenDataPage, set())
        self.assertAllowedSubpageTypes(DirectoryIndexPage, {CountryPage})
        self.assertAllowedSubpageTypes(CountryPage, {OrganisationPage, NewsPage})
        self.assertAllowedSubpageTypes(
            OrganisationPage, {ServicePage, PortfolioProjectPage, CollaborationCallPage, NewsPage}
        )
        self.assertAllowedSubpageTypes(ServicePage, set())
        self.assertAllowedSubpageTypes(PortfolioProjectPage, set())
        self.assertAllowedSubpageTypes(ServicesIndexPage, set())
        self.assertAllowedSubpageTypes(GoodPracticesIndexPage, set())
        self.assertAllowedSubpageTypes(CollaborationIndexPage, set())
        self.assertAllowedSubpageTypes(CollaborationCallPage, set())
        self.assertAllowedSubpageTypes(NetworkIndexPage, set())
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_services_cannot_be_created_outside_an_organisation(self):
        self.assertCanNotCreateAt(CountryPage, ServicePage)
        self.assertCanNotCreateAt(HomePage, OrganisationPage)
        self.assertCanNotCreateAt(DirectoryIndexPage, OrganisationPage)
        self.assertCanCreateAt(OrganisationPage, ServicePage)
        self.assertCanCreateAt(OrganisationPage, PortfolioProjectPage)
        self.assertCanCreateAt(OrganisationPage, CollaborationCallPage)
        self.assertCanNotCreateAt(CountryPage, CollaborationCallPage)
        self.assertCanNotCreateAt(HomePage, CollaborationCallPage)


@pytest.fixture
def organisation(portal):
    italy = portal.countries["IT"]
    category = ExpertiseCategoryFactory(name="Vocational training", slug="training")
    group = TargetGroupFactory(name="Young people", slug="young")
    organisation = OrganisationPageFactory(
        parent=italy, title="Cooperativa Sociale Il Ponte", acronym="CSIP", city="Palermo"
    )
    organisation.expertise_categories.add(category)
    organisation.target_groups.add(group)
    organisation.save_revision().publish()
    service = ServicePageFactory(
        parent=organisation, title="Bakery apprenticeship", category=category
    )
    service.target_groups.add(group)
    service.save_revision().publish()
    project = PortfolioProjectPageFactory(parent=organisation, title="Bread for tomorrow")
    return organisation, service, project


def test_every_page_type_renders_in_every_locale(client, portal, organisation):
    organisation_page, service, project = organisation
    for code, _name in settings.LANGUAGES:
        for page in (portal.home, portal.directory, portal.services, portal.countries["IT"]):
            localized = page.get_translation(_locale(code))
            # The services index leads to the search in its language.
            response = client.get(localized.url, follow=True)
            assert response.status_code == 200, (code, page.title)
            assert f'<html lang="{code}"' in response.content.decode()
        for page in (organisation_page, service, project):
            if code != "en":
                translate(page, code)
            localized = page.get_translation(_locale(code))
            response = client.get(localized.url)
            assert response.status_code == 200, (code, page.title)
            assert localized.title in response.content.decode()


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def test_arabic_pages_are_right_to_left(client, portal, organisation):
    organisation_page = organisation[0]
    arabic = translate(organisation_page, "ar", title="التعاونية الاجتماعية الجسر")
    response = client.get(arabic.url)
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "التعاونية الاجتماعية الجسر" in html
    english = client.get(organisation_page.url).content.decode()
    assert '<html lang="en" dir="ltr">' in english


def test_organisation_profile_shows_its_services_and_portfolio(client, organisation):
    organisation_page, service, project = organisation
    html = client.get(organisation_page.url).content.decode()
    assert "Cooperativa Sociale Il Ponte" in html
    assert "CSIP" in html
    assert "Bakery apprenticeship" in html
    assert "Bread for tomorrow" in html
    assert "Vocational training" in html
    assert "Young people" in html


def test_service_page_shows_provider_and_falls_back_to_its_contact(client, organisation):
    organisation_page, service, _project = organisation
    html = client.get(service.url).content.decode()
    assert "Cooperativa Sociale Il Ponte" in html
    assert organisation_page.email in html
    assert "Palermo" in html


def test_a_service_does_not_link_to_a_profile_that_is_not_public_yet(client, portal):
    draft = OrganisationPageFactory(parent=portal.countries["IT"], title="Nuova Cooperativa")
    draft.unpublish()
    service = ServicePageFactory(parent=draft, title="Corso di cucina")
    html = client.get(service.url).content.decode()
    assert "Nuova Cooperativa" in html
    assert f'href="{draft.url}"' not in html
    assert client.get(draft.url).status_code == 404
    draft.save_revision().publish()
    draft.refresh_from_db()
    assert f'href="{draft.url}"' in client.get(service.url).content.decode()
