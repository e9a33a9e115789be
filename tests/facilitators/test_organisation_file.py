"""The organisation's file: one screen with everything about one organisation, for the
facilitators of its country and central staff only.

Organisation A is in Italy, organisation B in Greece. Marco facilitates Italy.
"""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from collaboration.factories import CollaborationCallPageFactory, ExpressionOfInterestFactory
from directory.factories import (
    CentralStaffFactory,
    EnquiryFactory,
    OrganisationMemberFactory,
    ServicePageFactory,
)
from directory.models import OrganisationAccount
from emails.factories import OutboxEmailFactory
from emails.models import OutboxEmail, TemplateKey
from facilitators.factories import ContactLogFactory, FacilitatorFactory
from facilitators.models import ContactLog
from facilitators.organisation_file import PER_PAGE, file_url
from featured.factories import FeaturedOrganisationFactory
from tests.directory.organisations import refused, registered
from tests.helpers import translate

pytestmark = pytest.mark.django_db


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


@pytest.fixture
def world(portal):
    a_user, a, _account = registered("it", "info@ponte.example.org", "Cooperativa Il Ponte")
    b_user, b, _account = registered("gr", "info@vita.example.org", "Synergasia Vita Ergasia")
    ContactLog.objects.all().delete()
    a.contact_person = "Giulia Bianchi"
    a.phone = "+39 091 123456"
    a.address = "Via Roma 12"
    a.save_revision().publish()
    marco = FacilitatorFactory(
        user__username="marco",
        user__first_name="Marco",
        user__last_name="Rossi",
        countries=[portal.countries["IT"]],
    ).user
    return SimpleNamespace(portal=portal, a=a, a_user=a_user, b=b, b_user=b_user, marco=marco)


def history(world):
    """One thing of each kind in A's life."""
    a, marco = world.a, world.marco
    ContactLogFactory(organisation=a, by=marco, note="Called Giulia about the courses 4417")
    welcome = OutboxEmailFactory(
        organisation=a,
        template_key=TemplateKey.WELCOME,
        subject="Benvenuti su MoreThanAJob",
        status=OutboxEmail.Status.DELIVERED,
    )
    ContactLog.for_email(welcome, a)
    reminder = OutboxEmailFactory(
        organisation=a,
        template_key=TemplateKey.PROFILE_REMINDER,
        subject="Il vostro profilo 5521",
        status=OutboxEmail.Status.BOUNCED,
    )
    ContactLog.for_email(reminder, a, by=marco)
    EnquiryFactory(organisation=a, name="Amina Haddad", message="Do you teach Italian? 6630")
    call = CollaborationCallPageFactory(parent=world.b, title="Job club in Thessaloniki")
    ExpressionOfInterestFactory(call=call, organisation=a, message="We could join 7741")
    FeaturedOrganisationFactory(organisation=a)
    PageLogEntry.objects.log_action(
        a,
        "wagtail.workflow.reject",
        user=marco,
        data={
            "workflow": {"title": "Approval", "task": {"title": "Facilitators"}},
            "comment": "Please add a logo 8852",
        },
    )


def not_found(response):
    """A 404. (An admin address that is not found is first sent to the site's /en/ one.)"""
    chain = getattr(response, "redirect_chain", [])
    return response.status_code == 404 and all(to.startswith("/en/") for to, _status in chain)


def get(client, user, organisation, **query):
    client.force_login(user)
    return client.get(file_url(organisation), query)


def entries(html):
    """The kinds of the timeline's entries, in their order."""
    return re.findall(r'class="org-file__entry[^"]*" data-kind="([a-z]+)"', html)


# What it shows ----------------------------------------------------------------------------------


def test_the_file_shows_who_the_organisation_is_and_where_it_stands(client, world):
    OrganisationAccount.objects.filter(translation_key=world.a.translation_key).update(
        verified=True, verified_at=timezone.now(), verified_by=world.marco
    )
    response = get(client, world.marco, world.a)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<style" not in html, "its rules are in the facilitators' stylesheet"
    assert "/static/facilitators/admin.css" in html
    for text in (
        "Cooperativa Il Ponte",
        "Giulia Bianchi",
        "info@ponte.example.org",
        "+39 091 123456",
        "Via Roma 12",
        "Palermo",
        "Italy",
        "Marco Rossi",  # its facilitator
        "Registered",
        "Email address confirmed",
        "Never submitted for approval",
        "Published",
        "Verified",
        "A logo",  # missing from the profile
        "Never contacted",
    ):
        assert text in html, text
    # Its actions: log a contact and send a reminder, prefilled; open its profile.
    assert f"{reverse('contacts:add')}?organisation={world.a.pk}" in html
    assert f"{reverse('facilitation_reminder')}?organisation={world.a.pk}" in html
    assert reverse("wagtailadmin_pages:edit", args=[world.a.pk]) in html
    # Its enquiries, the list narrowed to it; and, verified, the way to take that back.
    assert f"{reverse('enquiries:index')}?organisation={world.a.pk}" in html
    assert reverse("directory_revoke_organisation", args=[world.a.pk]) in html
    assert reverse("directory_verify_organisation", args=[world.a.pk]) not in html


def test_an_unverified_organisation_offers_verification(client, world):
    html = get(client, world.marco, world.a).content.decode()
    assert "Not verified" in html
    assert reverse("directory_verify_organisation", args=[world.a.pk]) in html
    assert reverse("directory_revoke_organisation", args=[world.a.pk]) not in html


def test_the_file_is_the_same_from_every_language_version(client, world):
    english = translate(world.a, "en", title="The Bridge Cooperative")
    assert file_url(english) == file_url(world.a)
    service = ServicePageFactory(parent=english, title="Italian for work")
    html = get(client, world.marco, english).content.decode()
    assert "Cooperativa Il Ponte" in html
    # Its pages, each with its editor: the profile in both languages and the service below.
    for page in (world.a, english, service):
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert "Italian for work" in html


def test_the_timeline_shows_everything_newest_first(client, world):
    history(world)
    html = get(client, world.marco, world.a).content.decode()
    for text in (
        "Called Giulia about the courses 4417",
        "Benvenuti su MoreThanAJob",
        "Delivered",
        "Il vostro profilo 5521",
        "Bounced",
        "Message from Amina Haddad",
        "Do you teach Italian? 6630",
        "Interest sent in a call",
        "Job club in Thessaloniki",
        "Feature on social media",
        "Please add a logo 8852",
    ):
        assert text in html, text
    kinds = {"contact", "email", "reminder", "enquiry", "interest", "feature", "approval"}
    assert set(entries(html)) == kinds, "every draft saved would bury the rest: not by default"
    moments = re.findall(r'<time datetime="([^"]+)"', html)
    assert moments == sorted(moments, reverse=True)

    # Filtered with nothing ticked: everything, the profile's edits too.
    html = get(client, world.marco, world.a, filtered="1").content.decode()
    assert set(entries(html)) == {*kinds, "page"}
    html = get(client, world.marco, world.a, filtered="1", kind="page").content.decode()
    assert set(entries(html)) == {"page"}


def test_the_bounced_reminder_is_flagged_and_says_who_sent_it(client, world):
    history(world)
    html = get(client, world.marco, world.a, kind="reminder").content.decode()
    [entry] = re.findall(r'<li class="org-file__entry[^>]*>.*?</li>', html, re.S)
    assert "org-file__entry--alert" in entry
    assert "Bounced" in entry and "Marco Rossi" in entry


def test_the_timeline_is_filtered_by_kind(client, world):
    history(world)
    html = get(client, world.marco, world.a, kind=["contact", "enquiry"]).content.decode()
    assert set(entries(html)) == {"contact", "enquiry"}
    assert "Called Giulia about the courses 4417" in html
    assert "Il vostro profilo 5521" not in html
    html = get(client, world.marco, world.a, kind="interest").content.decode()
    assert entries(html) == ["interest"]


def test_a_received_interest_is_on_the_file_of_the_call_s_organisation(client, world):
    history(world)
    central = CentralStaffFactory()
    html = get(client, central, world.b, kind="interest").content.decode()
    assert "Interest received from Cooperativa Il Ponte" in html


def test_a_filter_that_does_not_exist_is_a_form_error(client, world):
    response = get(client, world.marco, world.a, kind="gossip")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert get(client, world.marco, world.a, page="x").status_code == 400


def test_a_long_history_is_paginated(client, world):
    for i in range(PER_PAGE + 5):
        ContactLogFactory(organisation=world.a, contacted_at=ago(days=i + 1), note=f"Call n{i}.")
    html = get(client, world.marco, world.a, kind="contact").content.decode()
    assert len(entries(html)) == PER_PAGE
    assert "Call n0." in html and f"Call n{PER_PAGE}." not in html
    assert "page=2" in html
    html = get(client, world.marco, world.a, kind="contact", page=2).content.decode()
    assert len(entries(html)) == 5
    assert f"Call n{PER_PAGE}." in html


# Who opens it -----------------------------------------------------------------------------------


def test_central_staff_open_every_file(client, world):
    central = CentralStaffFactory()
    assert get(client, central, world.a).status_code == 200
    assert get(client, central, world.b).status_code == 200


def test_another_countrys_facilitator_does_not_open_the_file(client, world):
    greek = FacilitatorFactory(countries=[world.portal.countries["GR"]]).user
    client.force_login(greek)
    assert not_found(client.get(file_url(world.a), follow=True))
    client.force_login(world.marco)
    assert not_found(client.get(file_url(world.b), follow=True))


def test_an_organisation_does_not_open_its_own_file_nor_another(client, world):
    member = OrganisationMemberFactory(organisation=world.a)
    for organisation in (world.a, world.b):
        assert refused(get(client, member, organisation))
        assert refused(get(client, world.a_user, organisation))


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    response = client.get(file_url(world.a))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_an_unknown_organisation_is_not_found(client, world):
    client.force_login(CentralStaffFactory())
    url = reverse("facilitators_organisation_file", args=["00000000-0000-0000-0000-000000000000"])
    assert not_found(client.get(url, follow=True))


def test_the_header_button_on_the_organisation_page_is_for_who_follows_it(client, world):
    edit = reverse("wagtailadmin_pages:edit", args=[world.a.pk])
    client.force_login(world.marco)
    assert file_url(world.a) in client.get(edit).content.decode()
    client.force_login(world.a_user)
    response = client.get(edit)
    assert response.status_code == 200
    assert file_url(world.a) not in response.content.decode()


def test_the_page_listings_offer_the_file_to_who_follows_the_organisation(client, world):
    italy = reverse("wagtailadmin_explore", args=[world.a.get_parent().pk])
    client.force_login(world.marco)
    response = client.get(italy)
    assert response.status_code == 200
    assert file_url(world.a) in response.content.decode()
    client.force_login(CentralStaffFactory())
    greece = reverse("wagtailadmin_explore", args=[world.b.get_parent().pk])
    assert file_url(world.b) in client.get(greece).content.decode()
    # Its own people see their pages listed, not the facilitators' file.
    client.force_login(world.a_user)
    listing = client.get(reverse("wagtailadmin_explore", args=[world.a.pk])).content.decode()
    assert file_url(world.a) not in listing


# Where it is reached from -----------------------------------------------------------------------


def test_the_follow_up_panel_links_every_row_to_its_file(client, world):
    client.force_login(world.marco)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert file_url(world.a) in html
    assert file_url(world.b) not in html


def test_the_contact_log_links_to_the_file_and_filters_by_organisation(client, world):
    ContactLogFactory(organisation=world.a, note="Italian call 1517")
    ContactLogFactory(organisation=world.b, note="Greek call 2929")
    client.force_login(CentralStaffFactory())
    html = client.get(reverse("contacts:index")).content.decode()
    assert file_url(world.a) in html and file_url(world.b) in html

    english = translate(world.a, "en", title="The Bridge Cooperative")
    for value in (world.a.pk, english.pk, world.a.translation_key):
        html = client.get(reverse("contacts:index"), {"organisation": value}).content.decode()
        assert "Italian call 1517" in html, value
        assert "Greek call 2929" not in html, value
    for value in ("nonsense", 999999):
        response = client.get(reverse("contacts:index"), {"organisation": value})
        assert response.status_code == 400
        assert "Choose an organisation from the list." in response.content.decode()


def test_the_contact_log_is_searched_by_organisation_name(client, world):
    ContactLogFactory(organisation=world.a, note="Italian call 1517")
    ContactLogFactory(organisation=world.b, note="Greek call 2929")
    client.force_login(CentralStaffFactory())
    html = client.get(reverse("contacts:index"), {"q": "vita ergasia"}).content.decode()
    assert "Greek call 2929" in html and "Italian call 1517" not in html
    html = client.get(reverse("contacts:index"), {"q": "1517"}).content.decode()
    assert "Italian call 1517" in html and "Greek call 2929" not in html


def test_the_enquiries_link_to_the_file_for_facilitators_only(client, world):
    EnquiryFactory(organisation=world.a)
    client.force_login(world.marco)
    assert file_url(world.a) in client.get(reverse("enquiries:index")).content.decode()
    client.force_login(world.a_user)
    html = client.get(reverse("enquiries:index")).content.decode()
    assert "Amina Haddad" in html
    assert file_url(world.a) not in html


# What it costs ----------------------------------------------------------------------------------


def grow(world, n, start=0):
    """`n` more of each kind of entry in A's life."""
    a = world.a
    for i in range(start, start + n):
        ContactLogFactory(organisation=a, by=world.marco, note=f"Call {i}")
        email = OutboxEmailFactory(organisation=a, template_key=TemplateKey.PROFILE_REMINDER)
        ContactLog.for_email(email, a, by=world.marco)
        OutboxEmailFactory(organisation=a, template_key=TemplateKey.WELCOME)
        EnquiryFactory(organisation=a)
        FeaturedOrganisationFactory(organisation=a)
        ServicePageFactory(parent=a, title=f"Servizio {i}").save_revision(log_action=True)
        call = CollaborationCallPageFactory(parent=world.b)
        ExpressionOfInterestFactory(call=call, organisation=a)


def queries(client, world):
    client.force_login(world.marco)
    url = file_url(world.a)
    client.get(url)  # the session and the user's role, read once
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_file_costs_the_same_queries_whatever_the_history(client, world):
    grow(world, 2)
    small = queries(client, world)
    grow(world, 12, start=2)
    assert queries(client, world) == small
