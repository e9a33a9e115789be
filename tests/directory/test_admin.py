"""Staff edit every page type and the vocabularies in the Wagtail admin."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directory.factories import (
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    PortfolioProjectPageFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from directory.models import OrganisationPage, ServicePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw-123456")
    client.force_login(user)
    return client


def test_every_page_type_opens_in_the_editor(staff_client, portal):
    organisation = OrganisationPageFactory(parent=portal.countries["IT"])
    pages = [
        portal.home,
        portal.directory,
        portal.services,
        portal.countries["IT"],
        organisation,
        ServicePageFactory(parent=organisation),
        PortfolioProjectPageFactory(parent=organisation),
    ]
    for page in pages:
        response = staff_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, type(page).__name__


def test_staff_create_an_organisation_with_languages_and_terms(staff_client, portal):
    category = ExpertiseCategoryFactory(name="Housing", slug="housing")
    group = TargetGroupFactory(name="Migrants", slug="migrants")
    italy = portal.countries["IT"]
    url = reverse("wagtailadmin_pages:add", args=["directory", "organisationpage", italy.pk])
    data = nested_form_data(
        {
            "title": "Associazione Casa Comune",
            "slug": "casa-comune",
            "kind": "association",
            "short_description": "Housing support for newcomers.",
            "mission": rich_text("Everyone deserves a home."),
            "main_activities": rich_text(""),
            "social_links": inline_formset(
                [{"platform": "facebook", "url": "https://facebook.example.org/casacomune"}]
            ),
            "action-publish": "publish",
        }
    )
    data.update(
        expertise_categories=[category.pk], target_groups=[group.pk], languages_spoken=["it", "ar"]
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    organisation = OrganisationPage.objects.get(slug="casa-comune")
    assert organisation.live
    assert organisation.languages_spoken == ["it", "ar"]
    assert list(organisation.expertise_categories.all()) == [category]
    assert organisation.social_links.get().platform == "facebook"


def test_service_with_a_cost_must_say_what_it_costs(staff_client, portal):
    organisation = OrganisationPageFactory(parent=portal.countries["IT"])
    url = reverse("wagtailadmin_pages:add", args=["directory", "servicepage", organisation.pk])
    data = nested_form_data(
        {
            "title": "Evening course",
            "slug": "evening-course",
            "kind": "service",
            "summary": "Italian in the evening.",
            "description": rich_text("Twice a week."),
            "eligibility": rich_text(""),
            "how_to_access": rich_text(""),
            "delivery": "in_person",
            "cost": "",
            "action-publish": "publish",
        }
    )
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "Say what it costs" in response.content.decode()
    assert not ServicePage.objects.filter(slug="evening-course").exists()


def test_vocabularies_are_managed_as_snippets(staff_client):
    ExpertiseCategoryFactory(name="Legal aid", slug="legal-aid")
    TargetGroupFactory(name="Single parents", slug="single-parents")
    categories = staff_client.get(reverse("wagtailsnippets_directory_expertisecategory:list"))
    assert "Legal aid" in categories.content.decode()
    groups = staff_client.get(reverse("wagtailsnippets_directory_targetgroup:list"))
    assert "Single parents" in groups.content.decode()


def test_the_editor_offers_the_terms_of_the_pages_own_language(staff_client, portal):
    from wagtail.models import Locale

    from directory.models import TargetGroup

    italian = Locale.objects.get(language_code="it")
    TargetGroupFactory(name="Young people", slug="young")
    TargetGroupFactory(name="Giovani", slug="young", locale=italian)
    italy_it = portal.localized(portal.countries["IT"], "it")
    organisation = OrganisationPageFactory(parent=italy_it)
    url = reverse("wagtailadmin_pages:add", args=["directory", "servicepage", organisation.pk])
    form = staff_client.get(url).context["form"]
    assert [term.name for term in form.fields["target_groups"].queryset] == ["Giovani"]
    assert TargetGroup.objects.count() == 2


@pytest.mark.parametrize("words", ["legal", "Legal aid", "legal-aid", "aid"])
def test_staff_search_the_vocabularies_by_name_or_code(staff_client, words):
    ExpertiseCategoryFactory(name="Legal aid", slug="legal-aid")
    ExpertiseCategoryFactory(name="Carpentry", slug="carpentry")
    TargetGroupFactory(name="Single parents", slug="single-parents")
    response = staff_client.get(
        reverse("wagtailsnippets_directory_expertisecategory:list"), {"q": words}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Legal aid" in html and "Carpentry" not in html
    groups = staff_client.get(
        reverse("wagtailsnippets_directory_targetgroup:list"), {"q": "single-parents"}
    )
    assert groups.status_code == 200 and "Single parents" in groups.content.decode()


def test_a_term_whose_code_exists_is_refused_with_a_message(staff_client, portal):
    from directory.models import ExpertiseCategory

    ExpertiseCategoryFactory(name="Legal aid", slug="legal-aid", locale=portal.home.locale)
    before = ExpertiseCategory.objects.count()
    response = staff_client.post(
        reverse("wagtailsnippets_directory_expertisecategory:add"),
        {"name": "Legal advice", "slug": "legal-aid", "description": ""},
    )
    assert response.status_code in (200, 400)
    assert "This code is already used" in response.content.decode()
    assert ExpertiseCategory.objects.count() == before


def test_the_admin_language_is_chosen_among_the_portals_languages(staff_client, settings):
    html = staff_client.get(reverse("wagtailadmin_account")).content.decode()
    select = re.search(r'<select name="locale-preferred_language".*?</select>', html, re.S)
    offered = set(re.findall(r'<option value="([^"]*)"', select.group(0))) - {""}
    assert offered == {code for code, _name in settings.LANGUAGES} == {"en", "it", "el", "ar"}
