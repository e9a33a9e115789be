"""The call's organisation reads and answers interest in its admin; everyone else sees only what
concerns them. Every refusal is checked by direct URL."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text

from collaboration.factories import ExpressionOfInterestFactory
from collaboration.models import CollaborationCallPage, ExpressionOfInterest
from directory.factories import CentralStaffFactory, CountryFacilitatorFactory
from tests.directory.organisations import refused
from tests.helpers import signed_in

pytestmark = pytest.mark.django_db
User = get_user_model()
Status = ExpressionOfInterest.Status


@pytest.fixture
def interest(world):
    """Synergasia Vita (B, Greece) is interested in Il Ponte's (A, Italy) Greek call."""
    return ExpressionOfInterestFactory(
        call=world.calls.gr, organisation=world.b.page, sent_by=world.b.user
    )


def listed(client, **query):
    response = client.get(reverse("interests:index"), query)
    assert response.status_code == 200
    return list(response.context["object_list"])


def url(name, interest):
    return reverse(f"interests:{name}", args=[interest.pk])


# The call's organisation ----------------------------------------------------------------------


def test_the_calls_organisation_reads_the_interest_and_marks_its_response(world, interest):
    client = signed_in(world.a.user)
    assert listed(client) == [interest]
    assert listed(client, call=world.calls.gr.translation_key) == [interest]
    assert listed(client, call=world.calls.training_it.translation_key) == []
    assert listed(client, call="not-a-key") == []

    page = client.get(url("inspect", interest))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Two trainers from Thessaloniki could join in spring." in html
    assert url("respond", interest) in html

    assert client.get(url("respond", interest)).status_code == 200
    response = client.post(
        url("respond", interest), {"status": Status.IN_TOUCH, "response_note": "Call on Monday."}
    )
    assert response.status_code == 302
    interest.refresh_from_db()
    assert interest.status == Status.IN_TOUCH
    assert interest.response_note == "Call on Monday."
    assert interest.responded_by == world.a.user and interest.responded_at is not None

    # Back to "awaiting": the response's author and date go too.
    client.post(url("respond", interest), {"status": Status.NEW, "response_note": ""})
    interest.refresh_from_db()
    assert interest.status == Status.NEW and interest.responded_by is None


@pytest.mark.parametrize("status", ["", "maybe", "ACCEPTED"])
def test_a_response_that_is_not_one_of_the_choices_is_400_and_changes_nothing(
    world, interest, status
):
    response = signed_in(world.a.user).post(
        url("respond", interest), {"status": status, "response_note": "x"}
    )
    assert response.status_code == 400
    interest.refresh_from_db()
    assert interest.status == Status.NEW and interest.response_note == ""


# Everyone else --------------------------------------------------------------------------------


def test_the_interested_organisation_sees_what_it_sent_but_does_not_answer_it(world, interest):
    client = signed_in(world.b.user)
    assert listed(client) == [interest]
    inspect = client.get(url("inspect", interest))
    assert inspect.status_code == 200
    assert url("respond", interest) not in inspect.content.decode()
    for response in (
        client.get(url("respond", interest), follow=True),
        client.post(url("respond", interest), {"status": Status.ACCEPTED}, follow=True),
    ):
        assert response.status_code == 404 or refused(response)
    interest.refresh_from_db()
    assert interest.status == Status.NEW


def test_another_organisation_sees_nothing_of_it(world, interest):
    client = signed_in(world.c.user)
    assert listed(client) == []
    assert client.get(url("inspect", interest), follow=True).status_code == 404
    response = client.post(url("respond", interest), {"status": Status.ACCEPTED}, follow=True)
    assert response.status_code == 404 or refused(response)
    interest.refresh_from_db()
    assert interest.status == Status.NEW


def test_facilitators_of_either_country_and_central_staff_read_it_without_answering(
    world, interest
):
    for user in (
        CountryFacilitatorFactory(username="lucia", country=world.portal.countries["IT"]),
        CountryFacilitatorFactory(username="nikos", country=world.portal.countries["GR"]),
        CentralStaffFactory(username="sofia"),
    ):
        client = signed_in(user)
        assert listed(client) == [interest], user.username
        assert client.get(url("inspect", interest)).status_code == 200
        response = client.post(url("respond", interest), {"status": Status.ACCEPTED}, follow=True)
        assert response.status_code == 404 or refused(response), user.username
    interest.refresh_from_db()
    assert interest.status == Status.NEW


def test_a_visitor_is_sent_to_sign_in(world, interest):
    for address in (reverse("interests:index"), url("inspect", interest), url("respond", interest)):
        response = Client().get(address)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


# Calls are edited by their own organisation only -----------------------------------------------


def call_edit_data(call, **changes):
    return nested_form_data(
        {
            "title": call.title,
            "slug": call.slug,
            "kind": call.kind,
            "summary": call.summary,
            "description": rich_text("<p>We bring the premises.</p>"),
            "expertise_sought": [term.pk for term in call.expertise_sought.all()],
            "countries": [country.pk for country in call.countries.all()],
            "deadline": call.deadline.isoformat() if call.deadline else "",
            "is_open": "on",
            **changes,
        }
    )


def test_only_the_owning_organisation_edits_its_calls(world):
    call = world.calls.gr
    edit = reverse("wagtailadmin_pages:edit", args=[call.pk])
    add = reverse(
        "wagtailadmin_pages:add", args=["collaboration", "collaborationcallpage", world.a.page.pk]
    )
    for user in (world.b.user, world.c.user):
        client = signed_in(user)
        assert refused(client.get(edit, follow=True))
        assert refused(client.post(edit, call_edit_data(call, title="Hijacked"), follow=True))
        assert refused(client.get(add, follow=True))
        assert refused(client.post(add, call_edit_data(call, slug="new-one"), follow=True))
    assert CollaborationCallPage.objects.get(pk=call.pk).title == "Exchange of trainers with Greece"
    assert not CollaborationCallPage.objects.filter(slug="new-one").exists()

    owner = signed_in(world.a.user)
    assert owner.get(edit).status_code == 200
    response = owner.post(edit, call_edit_data(call, title="Exchange of trainers, 2027"))
    assert response.status_code == 302
    saved = CollaborationCallPage.objects.get(pk=call.pk).get_latest_revision_as_object()
    assert saved.title == "Exchange of trainers, 2027"


def new_call_data(world, **changes):
    """A new call of organisation C, as its editor posts it."""
    return nested_form_data(
        {
            "title": "Volunteers for a repair café",
            "slug": "repair-cafe",
            "kind": "other",
            "summary": "People who repair bicycles and teach it.",
            "description": rich_text("<p>Every Saturday in Bari.</p>"),
            "expertise_sought": [world.terms.formazione.pk],
            "countries": [],
            "deadline": "",
            "is_open": "on",
            **changes,
        }
    )


def add_call_url(world):
    return reverse(
        "wagtailadmin_pages:add", args=["collaboration", "collaborationcallpage", world.c.page.pk]
    )


def test_an_organisation_posts_a_call_under_its_own_page(world):
    client = signed_in(world.c.user)
    add = add_call_url(world)
    assert client.get(add).status_code == 200
    response = client.post(add, new_call_data(world))
    assert response.status_code == 302
    call = CollaborationCallPage.objects.get(slug="repair-cafe")
    assert call.get_parent().pk == world.c.page.pk
    assert call.translation_key != world.c.page.translation_key


# The organisation's admin home ----------------------------------------------------------------


def test_the_admin_home_lists_matching_calls_and_the_organisations_own_calls(world, interest):
    html = signed_in(world.c.user).get(reverse("wagtailadmin_home")).content.decode()
    assert "Calls that seek your expertise" in html
    assert "Partners for a bakery job club" in html
    assert "Exchange of trainers with Greece" not in html  # Greece only

    response = signed_in(world.a.user).get(reverse("wagtailadmin_home"))
    [row] = next(
        panel for panel in response.context["panels"] if panel.name == "collaboration"
    ).get_context_data({})["rows"]
    calls = {item["call"].title: item for item in row["calls"]}
    assert set(calls) == {
        "Partners for a bakery job club",
        "Co-design a digital help desk",
        "Exchange of trainers with Greece",
        "Closed call for mentors",
        "Past call for volunteers",
    }
    greek = calls["Exchange of trainers with Greece"]
    assert greek["interests"] == 1 and greek["new_interests"] == 1
    assert [o.title for o in greek["suggestions"]] == ["Synergasia Vita"]
    assert [o.title for o in calls["Partners for a bakery job club"]["suggestions"]] == [
        "Lavoro Insieme"
    ]
    assert calls["Closed call for mentors"]["suggestions"] == []
    html = response.content.decode()
    assert "Post a call for collaboration" in html
    assert f"/admin/interests/?call={world.calls.gr.translation_key}" in html


def test_the_monitoring_report_counts_each_organisations_calls(world):
    client = signed_in(CentralStaffFactory(username="sofia"))
    response = client.get(reverse("facilitation_report", args=["csv"]), {"attention": "all"})
    assert response.status_code == 200
    rows = {
        row["Organisation"]: row
        for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    }
    assert rows["Cooperativa Il Ponte"]["Collaboration calls"] == "5"
    assert rows["Synergasia Vita"]["Collaboration calls"] == "0"


def test_a_call_is_not_published_with_a_deadline_already_past(world):
    client = signed_in(world.c.user)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(add_call_url(world), new_call_data(world, deadline=yesterday))
    assert response.status_code == 200  # Wagtail's editor shows the form again, with the error
    assert "This deadline has passed" in response.content.decode()
    assert not CollaborationCallPage.objects.filter(slug="repair-cafe").exists()

    # A call that has closed keeps its deadline when it is edited later.
    call = world.calls.gr
    CollaborationCallPage.objects.filter(pk=call.pk).update(deadline=yesterday)
    call.refresh_from_db()
    owner = signed_in(world.a.user)
    edit = reverse("wagtailadmin_pages:edit", args=[call.pk])
    response = owner.post(edit, call_edit_data(call, title="Exchange of trainers (closed)"))
    assert response.status_code == 302
