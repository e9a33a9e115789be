"""Staff edit every page type and the vocabularies in the Wagtail admin."""

import re
from types import SimpleNamespace

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
from directory.models import ExpertiseCategory, OrganisationPage, ServicePage, TargetGroup
from tests.helpers import publish, term

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


# Deleting a vocabulary term ---------------------------------------------------------------------


def term_url(term, action):
    return reverse(f"wagtailsnippets_directory_{term._meta.model_name}:{action}", args=[term.pk])


@pytest.fixture
def used_terms(portal):
    """ "Migrants" chosen by a Greek service only (through its Greek name); "Legal aid" by an
    organisation only; "Housing" by an organisation's draft only; "Job search" as a service's
    category only; "Carpentry" by nobody."""
    migrants = term(TargetGroupFactory, "migrants", {"en": "Migrants", "el": "Μετανάστες"})
    legal = ExpertiseCategoryFactory(name="Legal aid", slug="legal-aid")
    housing = ExpertiseCategoryFactory(name="Housing", slug="housing")
    jobs = ExpertiseCategoryFactory(name="Job search", slug="job-search")
    unused = ExpertiseCategoryFactory(name="Carpentry", slug="carpentry")
    greek = OrganisationPageFactory(
        parent=portal.localized(portal.countries["GR"], "el"), title="Synergasia Vita"
    )
    service = ServicePageFactory(parent=greek, title="Μαθήματα ελληνικών")
    service.target_groups = [migrants["el"]]
    service.category = jobs
    service = publish(service)
    italian = OrganisationPageFactory(parent=portal.countries["IT"], title="Cooperativa Sole")
    italian.expertise_categories = [legal]
    italian = publish(italian)
    drafting = OrganisationPageFactory(parent=portal.countries["IT"], title="Casa Aperta")
    drafting.expertise_categories = [housing]
    drafting.save_revision()  # chosen in a draft, not yet published
    return SimpleNamespace(
        migrants=migrants,
        legal=legal,
        housing=housing,
        jobs=jobs,
        unused=unused,
        service=service,
        italian=italian,
        drafting=drafting,
    )


def test_a_term_used_only_by_a_greek_service_is_listed_and_kept(staff_client, used_terms):
    english = used_terms.migrants["en"]

    page = staff_client.get(term_url(english, "delete"))

    html = page.content.decode()
    assert page.status_code == 200
    assert "cannot be deleted" in html
    assert "Μαθήματα ελληνικών" in html
    assert reverse("wagtailadmin_pages:edit", args=[used_terms.service.pk]) in html
    assert "Greek" in html or "Ελληνικά" in html
    assert "Yes, delete" not in html

    response = staff_client.post(term_url(english, "delete"), follow=True)

    assert "cannot be deleted" in response.content.decode()
    assert TargetGroup.objects.filter(slug="migrants").count() == 2
    assert list(used_terms.service.target_groups.all()) == [used_terms.migrants["el"]]


def test_the_terms_usage_and_editor_count_every_language_and_draft(staff_client, used_terms):
    english = used_terms.migrants["en"]
    usage = staff_client.get(term_url(english, "usage")).content.decode()
    assert "Μαθήματα ελληνικών" in usage
    assert reverse("wagtailadmin_pages:edit", args=[used_terms.service.pk]) in usage

    editor = staff_client.get(term_url(english, "edit")).content.decode()
    assert "Used 1 time" in editor

    housing = staff_client.get(term_url(used_terms.housing, "usage")).content.decode()
    assert "Casa Aperta" in housing and "in its draft" in housing
    assert "Used 0 times" in staff_client.get(term_url(used_terms.unused, "edit")).content.decode()


def test_a_term_used_only_by_an_organisation_is_listed_and_kept(staff_client, used_terms):
    html = staff_client.get(term_url(used_terms.legal, "delete")).content.decode()
    assert "Cooperativa Sole" in html
    assert reverse("wagtailadmin_pages:edit", args=[used_terms.italian.pk]) in html

    staff_client.post(term_url(used_terms.legal, "delete"))

    assert ExpertiseCategory.objects.filter(pk=used_terms.legal.pk).exists()


def test_a_term_chosen_only_in_a_draft_is_listed_and_kept(staff_client, used_terms):
    html = staff_client.get(term_url(used_terms.housing, "delete")).content.decode()
    assert "Casa Aperta" in html and "in its draft" in html

    staff_client.post(term_url(used_terms.housing, "delete"))

    assert ExpertiseCategory.objects.filter(pk=used_terms.housing.pk).exists()


def test_a_category_chosen_only_by_a_service_is_listed_and_kept(staff_client, used_terms):
    html = staff_client.get(term_url(used_terms.jobs, "delete")).content.decode()
    assert "Μαθήματα ελληνικών" in html

    staff_client.post(term_url(used_terms.jobs, "delete"))

    assert ExpertiseCategory.objects.filter(pk=used_terms.jobs.pk).exists()


def test_deleting_several_terms_at_once_keeps_them_all_while_one_is_used(staff_client, used_terms):
    url = reverse("wagtail_bulk_action", args=["directory", "expertisecategory", "delete"])
    ids = [used_terms.unused.pk, used_terms.legal.pk]

    response = staff_client.post(f"{url}?id={ids[0]}&id={ids[1]}", {"next": "/admin/"}, follow=True)

    assert "cannot be deleted" in response.content.decode()
    assert ExpertiseCategory.objects.filter(pk__in=ids).count() == 2


def test_an_unused_term_is_deleted(staff_client, used_terms):
    html = staff_client.get(term_url(used_terms.unused, "delete")).content.decode()
    assert "not used by any page" in html and "Yes, delete" in html

    response = staff_client.post(term_url(used_terms.unused, "delete"))

    assert response.status_code == 302
    assert not ExpertiseCategory.objects.filter(pk=used_terms.unused.pk).exists()
