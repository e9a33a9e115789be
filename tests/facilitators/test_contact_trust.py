"""Contacts people can trust: what counts for the 40-day clock, the contact form's bounds, the
outcome and follow-up of a contact, and the panel and report columns built on them."""

import csv
import datetime
import importlib
import io
from html import unescape

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from directory.factories import CentralStaffFactory, CountryFacilitatorFactory
from directory.models import Enquiry, OrganisationAccount
from emails.factories import OutboxEmailFactory
from emails.models import OutboxEmail, TemplateKey
from facilitators.factories import ContactLogFactory
from facilitators.followup import follow_up, followups_due, organisations_for, registered_at
from facilitators.models import ContactChannel, ContactLog, ContactOutcome
from featured.factories import FeaturedOrganisationFactory
from featured.models import FeaturedOrganisation
from tests.directory.organisations import registered

pytestmark = pytest.mark.django_db


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def row_for(user, page):
    rows = follow_up(organisations_for(user))
    return next(row for row in rows if row.page.translation_key == page.translation_key)


@pytest.fixture
def ponte(portal):
    """An Italian organisation that registered 30 days ago, with no contact logged yet."""
    user, page, account = registered("it", "info@ponte.example.org", "Cooperativa Il Ponte")
    OrganisationAccount.objects.filter(pk=account.pk).update(created_at=ago(30))
    type(user).objects.filter(pk=user.pk).update(date_joined=ago(30))
    ContactLog.objects.all().delete()
    return page


@pytest.fixture
def lucia(portal):
    return CountryFacilitatorFactory(
        username="lucia", first_name="Lucia", last_name="Bianchi", country=portal.countries["IT"]
    )


def form(page, **changes):
    return {
        "organisation": page.pk,
        "contacted_at": local(ago(1)),
        "channel": ContactChannel.PHONE,
        "outcome": ContactOutcome.AGREED,
        "follow_up_on": "",
        "note": "They will add their courses.",
        **changes,
    }


# The contact form -------------------------------------------------------------------------------


def test_a_contact_has_an_outcome_and_a_follow_up_date(client, ponte, lucia):
    client.force_login(lucia)
    due = timezone.localdate() + datetime.timedelta(days=14)
    response = client.post(reverse("contacts:add"), form(ponte, follow_up_on=due.isoformat()))
    assert response.status_code == 302, response.content.decode()[:2000]
    contact = ContactLog.objects.get()
    assert contact.outcome == ContactOutcome.AGREED
    assert contact.follow_up_on == due
    html = unescape(client.get(reverse("contacts:index")).content.decode())
    assert "Agreed next steps" in html


def test_the_feature_channel_is_never_offered(client, ponte, lucia):
    client.force_login(lucia)
    html = client.get(reverse("contacts:add")).content.decode()
    assert 'value="featured"' not in html
    response = client.post(reverse("contacts:add"), form(ponte, channel=ContactChannel.FEATURED))
    assert response.status_code == 400
    assert not ContactLog.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"contacted_at": "1900-01-01 10:00"}, "contacted_at", "registered on the portal on"),
        ({"contacted_at": "9999-12-31 10:00"}, "contacted_at", "cannot be in the future"),
        ({"note": "x" * 200_000}, "note", "at most 4000 characters"),
        ({"outcome": "bogus"}, "outcome", "Select a valid choice"),
        ({"outcome": ""}, "outcome", "This field is required"),
        ({"follow_up_on": "1900-01-01"}, "follow_up_on", "A follow-up comes after the contact"),
        ({"follow_up_on": "9999-12-31"}, "follow_up_on", "within a year of the contact"),
        ({"follow_up_on": "not a date"}, "follow_up_on", "Enter a valid date"),
    ],
)
def test_hostile_input_is_a_form_error_and_saves_nothing(
    client, ponte, lucia, changes, field, message
):
    client.force_login(lucia)
    response = client.post(reverse("contacts:add"), form(ponte, **changes))
    assert response.status_code == 400
    assert message in unescape(response.content.decode())
    assert field in response.context["form"].errors
    assert not ContactLog.objects.exists()


def test_a_contact_cannot_be_older_than_the_registration(client, ponte, lucia):
    client.force_login(lucia)
    response = client.post(reverse("contacts:add"), form(ponte, contacted_at=local(ago(31))))
    assert response.status_code == 400
    registered_on = timezone.localtime(ago(30)).date()
    html = unescape(response.content.decode())
    assert "Cooperativa Il Ponte registered on the portal on" in html
    assert f"{registered_on.day} " in html  # the day, in the admin's own date format
    assert not ContactLog.objects.exists()
    # The registration day itself is fine.
    response = client.post(reverse("contacts:add"), form(ponte, contacted_at=local(ago(30))))
    assert response.status_code == 302


def test_an_organisation_without_account_registered_with_its_first_revision(ponte):
    OrganisationAccount.objects.all().delete()
    revision = ponte.save_revision()
    type(revision).objects.filter(pk=revision.pk).update(created_at=ago(100))
    assert timezone.localtime(registered_at(ponte)).date() == timezone.localtime(ago(100)).date()


# What counts for the clock ----------------------------------------------------------------------


def test_welcome_and_reminder_emails_count_other_emails_do_not(ponte, lucia):
    enquiry = OutboxEmailFactory(template_key=TemplateKey.ENQUIRY, organisation=ponte)
    ContactLog.for_email(enquiry, ponte)
    assert row_for(lucia, ponte).last_contact is None

    for key in (TemplateKey.WELCOME, TemplateKey.PROFILE_REMINDER):
        ContactLog.objects.all().delete()
        ContactLog.for_email(OutboxEmailFactory(template_key=key), ponte)
        row = row_for(lucia, ponte)
        assert row.last_contact is not None and row.days_since_contact == 0


def test_a_feature_counts_only_once_posted_dated_its_posted_day(ponte, lucia):
    feature = FeaturedOrganisationFactory(
        organisation=ponte, organisation_key=ponte.translation_key
    )
    # A row a planned feature would have had: not a contact.
    ContactLogFactory(
        organisation=ponte, contacted_at=timezone.now(), channel="featured", featured=feature
    )
    assert row_for(lucia, ponte).last_contact is None

    feature.status = FeaturedOrganisation.Status.POSTED
    feature.save()
    assert row_for(lucia, ponte).days_since_contact == 0


def test_the_data_migration_keeps_only_posted_features_dated_their_day(ponte):
    migration = importlib.import_module("facilitators.migrations.0012_features_contact_once_posted")
    planned = FeaturedOrganisationFactory(
        organisation=ponte, organisation_key=ponte.translation_key
    )
    posted_on = timezone.localdate() - datetime.timedelta(days=3)
    posted = FeaturedOrganisationFactory(
        organisation=ponte,
        organisation_key=ponte.translation_key,
        status=FeaturedOrganisation.Status.POSTED,
        posted_on=posted_on,
    )
    for feature in (planned, posted):
        ContactLogFactory(
            organisation=ponte, contacted_at=ago(20), channel="featured", featured=feature
        )
    by_hand = ContactLogFactory(organisation=ponte)
    migration.features_count_once_posted(apps, None)
    remaining = {contact.featured_id: contact for contact in ContactLog.objects.all()}
    assert set(remaining) == {posted.pk, None}
    assert timezone.localtime(remaining[posted.pk].contacted_at).date() == posted_on
    assert remaining[None].pk == by_hand.pk


# Follow-ups due ---------------------------------------------------------------------------------


def test_follow_ups_due_are_those_of_the_last_contact_today_or_past(portal, ponte, lucia):
    today = timezone.localdate()
    _u, arci, _a = registered("it", "info@arci.example.org", "Arci Palermo")
    _u, ergo, _a = registered("gr", "info@ergo.example.org", "Ergo Koinsep")
    ContactLog.objects.filter(email__isnull=False).delete()
    due = ContactLogFactory(organisation=ponte, follow_up_on=today, outcome="agreed")
    ContactLogFactory(organisation=arci, follow_up_on=today + datetime.timedelta(days=1))
    ContactLogFactory(organisation=ergo, follow_up_on=today - datetime.timedelta(days=2))

    found = followups_due(lucia, today)
    assert [(item.organisation.pk, item.contact.pk, item.due_on) for item in found] == [
        (ponte.pk, due.pk, today)
    ]
    assert [item.organisation.pk for item in followups_due(["GR"], today)] == [ergo.pk]
    assert len(followups_due(CentralStaffFactory(), today)) == 2
    assert [item.organisation.pk for item in followups_due(lucia, today + datetime.timedelta(1))]

    # A later contact is the follow-up: nothing is due any more.
    ContactLogFactory(organisation=ponte, contacted_at=timezone.now())
    assert followups_due(lucia, today) == []


# The panel --------------------------------------------------------------------------------------


def test_the_panel_shows_contact_details_states_and_follow_ups(client, ponte, lucia):
    ponte.phone = "+39 091 123 4567"
    ponte.contact_person = "Giulia Ferraro"
    ponte.save_revision().publish()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    ContactLogFactory(
        organisation=ponte, by=lucia, follow_up_on=yesterday, outcome=ContactOutcome.SPOKE
    )
    OutboxEmailFactory(organisation=ponte, status=OutboxEmail.Status.BOUNCED)
    client.force_login(lucia)

    home = reverse("wagtailadmin_home")
    html = unescape(client.get(home, {"attention": "follow_up"}).content.decode())
    row = html[html.index(f'data-organisation="{ponte.pk}"') :].split("</tr>")[0]
    for text in (
        "Giulia Ferraro",
        "mailto:info@ponte.example.org",
        "+39 091 123 4567",
        "Palermo",
        "Published",
        "Not verified",
        "Spoke with them",
        "Follow-up due",
        "Last email: Bounced",
        yesterday.strftime("%d/%m/%Y"),  # the admin's English: day first
    ):
        assert text in row, text
    # Every action sits in the scrollable, focusable box.
    assert 'class="follow-up__table follow-up__scroll" tabindex="0" role="region"' in html
    assert "1 follow-up due" in html

    # In Italian, the date reads as Italians write it.
    profile = UserProfile.get_for_user(lucia)
    profile.preferred_language = "it"
    profile.save()
    html = client.get(home, {"attention": "follow_up"}).content.decode()
    assert yesterday.strftime("%d/%m/%Y") in html

    # Without a follow-up due or a delivery problem, the filters leave it out.
    OutboxEmailFactory(organisation=ponte, status=OutboxEmail.Status.DELIVERED)
    html = client.get(reverse("wagtailadmin_home"), {"attention": "delivery"}).content.decode()
    assert f'data-organisation="{ponte.pk}"' not in html


def test_the_counts_link_to_what_they_count(client, ponte, lucia):
    Enquiry.objects.create(
        organisation=ponte,
        organisation_key=ponte.translation_key,
        name="Ada",
        email="ada@example.org",
        message="Hello",
        consent_at=timezone.now(),
    )
    Enquiry.objects.update(created_at=ago(20))
    client.force_login(lucia)
    html = unescape(client.get(reverse("wagtailadmin_home"), {"attention": "all"}).content.decode())
    assert f'href="{reverse("enquiries:index")}?status=new&organisation={ponte.pk}"' in html


# The report -------------------------------------------------------------------------------------


def test_the_report_carries_the_panel_columns(client, ponte, lucia):
    ponte.phone = "+39 091 123 4567"
    ponte.save_revision().publish()
    OrganisationAccount.objects.update(verified=True)
    due = timezone.localdate()
    ContactLogFactory(organisation=ponte, follow_up_on=due, outcome=ContactOutcome.NO_ANSWER)
    OutboxEmailFactory(organisation=ponte, status=OutboxEmail.Status.BOUNCED)
    client.force_login(lucia)
    response = client.get(reverse("facilitation_report", args=["csv"]), {"attention": "all"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    row = next(row for row in rows if row["Organisation"] == "Cooperativa Il Ponte")
    assert row["Contact person"] == ponte.contact_person
    assert row["Email"] == "info@ponte.example.org"
    assert row["Phone"] == "'+39 091 123 4567"  # kept text, never a formula
    assert row["City"] == "Palermo"
    assert row["Published"] == "yes"
    assert row["Verified"] == "yes"
    assert row["Outcome"] == "No answer"
    assert row["Follow up on"] == due.isoformat()
    assert row["Follow-up due"] == "yes"
    assert row["Delivery problem"] == "Bounced"
    assert row["Last contact"]
