"""The facilitators' follow-up: the 40-day flag, the dashboard panel, reminders, by direct URL."""

import datetime
import re
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from core.roles import CENTRAL_STAFF
from directory.completeness import completeness_of
from directory.factories import (
    CentralStaffFactory,
    CountryFacilitatorFactory,
    OrganisationPageFactory,
    ServicePageFactory,
)
from directory.models import Enquiry
from emails.factories import OutboxEmailFactory
from emails.models import OutboxEmail
from facilitators.factories import ContactLogFactory
from facilitators.followup import (
    days_since,
    follow_up,
    followups_due,
    is_overdue,
    organisations_for,
)
from facilitators.models import ContactChannel, ContactLog
from tests.directory.organisations import refused, registered

User = get_user_model()
ROME = zoneinfo.ZoneInfo("Europe/Rome")


def row_for(rows, page):
    return next(row for row in rows if row.page.translation_key == page.translation_key)


# The 40-day boundary ---------------------------------------------------------------------------


@pytest.mark.parametrize(("days", "flagged"), [(39, False), (40, False), (41, True)])
@pytest.mark.parametrize("zone", ["Europe/Rome", "Asia/Beirut", "UTC"])
def test_an_organisation_is_flagged_after_more_than_40_days(portal, days, flagged, zone):
    _user, page, _account = registered()
    ContactLog.objects.all().delete()  # forget the welcome email
    tz = zoneinfo.ZoneInfo(zone)
    now = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=tz)
    # Late in the evening, local time: a different day in UTC for Rome and Beirut.
    ContactLogFactory(
        organisation=page,
        contacted_at=datetime.datetime(2026, 11, 22, 23, 30, tzinfo=tz) - datetime.timedelta(days),
    )
    with timezone.override(tz):
        row = row_for(follow_up(organisations_for(CentralStaffFactory()), now=now), page)
    assert row.days_since_contact == days
    assert row.overdue is flagged


def test_a_never_contacted_organisation_is_flagged(portal):
    _user, page, _account = registered()
    ContactLog.objects.all().delete()
    row = row_for(follow_up(organisations_for(CentralStaffFactory())), page)
    assert row.last_contact is None and row.days_since_contact is None
    assert row.overdue


def test_days_are_counted_in_the_users_time_zone():
    # 22:30 UTC on 12 October is already 13 October in Rome: 40 days before 22 November there,
    # but 41 in UTC.
    contacted = datetime.datetime(2026, 10, 12, 22, 30, tzinfo=datetime.UTC)
    with timezone.override(ROME):
        assert days_since(contacted, datetime.date(2026, 11, 22)) == 40
        assert not is_overdue(days_since(contacted, datetime.date(2026, 11, 22)))
    with timezone.override(datetime.UTC):
        assert days_since(contacted, datetime.date(2026, 11, 22)) == 41
        assert is_overdue(41)


def test_the_limit_is_a_setting(portal, settings):
    settings.PORTAL_CONTACT_OVERDUE_DAYS = 10
    _user, page, _account = registered()
    ContactLog.objects.all().delete()
    ContactLogFactory(organisation=page, contacted_at=timezone.now() - datetime.timedelta(days=11))
    assert row_for(follow_up(organisations_for(CentralStaffFactory())), page).overdue


# What a row says -------------------------------------------------------------------------------


def test_a_row_has_the_latest_contact_pending_pages_late_messages_and_last_update(portal):
    marco = CountryFacilitatorFactory(
        username="marco", country=portal.countries["IT"], first_name="Marco", last_name="Rossi"
    )
    _user, page, _account = registered()
    old = ContactLogFactory(
        organisation=page, contacted_at=timezone.now() - datetime.timedelta(days=60)
    )
    three_days_ago = timezone.now() - datetime.timedelta(days=3)
    latest = ContactLogFactory(
        organisation=page, contacted_at=three_days_ago, channel=ContactChannel.MEETING, by=marco
    )
    ContactLogFactory(organisation=page, contacted_at=timezone.now() - datetime.timedelta(days=20))
    page.save_revision(user=_user)
    page.get_workflow().start(page, _user)  # the profile waits for its facilitators' approval
    for days, status in [(9, Enquiry.Status.NEW), (2, Enquiry.Status.NEW), (30, "answered")]:
        Enquiry.objects.create(
            organisation=page,
            organisation_key=page.translation_key,
            name="Sara",
            email=f"sara{days}@example.org",
            message="Hello",
            consent_at=timezone.now(),
            created_at=timezone.now() - datetime.timedelta(days=days),
            language="it",
            status=status,
        )

    row = row_for(follow_up(organisations_for(marco)), page)
    assert row.last_contact.pk == latest.pk and row.last_contact.pk != old.pk
    assert row.last_contact.by_name == "Marco Rossi" and row.last_contact.channel == "meeting"
    assert row.days_since_contact == 3 and not row.overdue
    assert row.pending_approvals == 1
    assert row.late_enquiries == 1  # only the message waiting for more than 7 days
    assert row.last_update is not None
    assert abs(row.last_update - timezone.now()) < datetime.timedelta(minutes=5)
    assert row.facilitators == ["Marco Rossi"]
    assert [r.code for r in row.completeness.missing] == [
        r.code for r in completeness_of(page).missing
    ]


def test_a_facilitator_follows_the_organisations_of_their_country_only(portal):
    _u, italian, _a = registered("it", "a@ponte.example.org", "Cooperativa Il Ponte")
    _u, greek, _a = registered("gr", "b@kyklos.example.org", "Κύκλος Αλληλεγγύης")
    marco = CountryFacilitatorFactory(username="marco", country=portal.countries["IT"])
    assert [row.page.pk for row in follow_up(organisations_for(marco))] == [italian.pk]
    everyone = {row.page.pk for row in follow_up(organisations_for(CentralStaffFactory()))}
    assert everyone == {italian.pk, greek.pk}
    assert not organisations_for(_u).exists()  # an organisation's own user follows nobody


# The dashboard panel --------------------------------------------------------------------------


def test_the_panel_flags_the_forgotten_organisation_for_its_facilitator(client, portal):
    _u, forgotten, _a = registered("it", "a@ponte.example.org", "Cooperativa Il Ponte")
    _u, recent, _a = registered("it", "c@sole.example.org", "Cooperativa Sole")
    _u, greek, _a = registered("gr", "b@kyklos.example.org", "Κύκλος Αλληλεγγύης")
    # Noon, 41 calendar days ago in the site's time zone: 41 days whatever the clock changes.
    noon = datetime.datetime.combine(timezone.localdate(), datetime.time(12))
    ContactLogFactory(
        organisation=forgotten, contacted_at=timezone.make_aware(noon - datetime.timedelta(days=41))
    )
    ContactLogFactory(
        organisation=recent, contacted_at=timezone.now() - datetime.timedelta(days=10)
    )
    client.force_login(CountryFacilitatorFactory(username="marco", country=portal.countries["IT"]))

    response = client.get(reverse("wagtailadmin_home"), {"attention": "all"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Organisations to follow up" in html
    assert "<style" not in html, "its rules are in the facilitators' stylesheet"
    assert "/static/facilitators/admin.css" in html
    assert f'data-organisation="{forgotten.pk}" class="follow-up__overdue"' in html
    assert f'data-organisation="{recent.pk}">' in html  # contacted 10 days ago: not flagged
    assert "41 days ago" in html
    # Dates read day first in the portal's (British) English, not 12/04/2026 for 4 December.
    contacted = (noon - datetime.timedelta(days=41)).date()
    assert contacted.strftime("%d/%m/%Y") in html
    if contacted.day <= 12 and contacted.day != contacted.month:
        assert contacted.strftime("%m/%d/%Y") not in html
    assert greek.title not in html
    # The quick actions of each row.
    assert f"{reverse('facilitation_reminder')}?organisation={forgotten.pk}" in html
    assert f"{reverse('contacts:add')}?organisation={forgotten.pk}" in html


def test_the_panel_filters_and_sorts(client, portal):
    _u, complete_ish, _a = registered("it", "a@ponte.example.org", "Alfa")
    _u, other, _a = registered("it", "c@sole.example.org", "Beta")  # never contacted
    ContactLogFactory(
        organisation=complete_ish, contacted_at=timezone.now() - datetime.timedelta(days=1)
    )
    client.force_login(CentralStaffFactory())
    home = reverse("wagtailadmin_home")

    overdue = client.get(home, {"attention": "overdue"}).content.decode()
    assert "Beta" in overdue and "Alfa" not in overdue

    html = client.get(home, {"attention": "all", "sort": "name"}).content.decode()
    assert html.index(">Alfa<") < html.index(">Beta<")
    html = client.get(home, {"attention": "all", "sort": "-name"}).content.decode()
    assert html.index(">Beta<") < html.index(">Alfa<")
    html = client.get(home, {"attention": "all", "q": "bet"}).content.decode()
    assert ">Beta<" in html and ">Alfa<" not in html
    html = client.get(home, {"attention": "all", "country": "GR"}).content.decode()
    assert "No organisation matches these filters." in html

    # With no order asked for, the sort box says the order the list is in: longest forgotten first.
    for params in ({}, {"attention": "all"}):
        html = client.get(home, params).content.decode()
        sort_box = re.search(r'<select name="sort".*?</select>', html, re.S).group(0)
        assert re.findall(r'<option value="([^"]*)" selected', sort_box) == ["-contact"]
    html = client.get(home, {"attention": "all"}).content.decode()
    assert html.index(">Beta<") < html.index(">Alfa<")  # never contacted comes first


def test_the_panel_follows_a_profile_as_it_changes(client, portal):
    """The panel filters and counts from each organisation's stored standing: a change to the
    profile or its services shows on the next view."""
    _u, organisation, _a = registered("it", "a@ponte.example.org", "Cooperativa Il Ponte")
    client.force_login(CentralStaffFactory())
    home = reverse("wagtailadmin_home")

    def listed(attention):
        return "Cooperativa Il Ponte" in client.get(home, {"attention": attention}).content.decode()

    assert listed("incomplete") and not listed("with_service") and not listed("published")
    ServicePageFactory(parent=organisation, title="Sportello lavoro")
    assert listed("with_service")
    organisation.save_revision().publish()
    assert listed("published")
    organisation.get_children().specific().first().unpublish()
    assert not listed("with_service")


def test_central_staff_see_a_summary_per_country(client, portal):
    CountryFacilitatorFactory(country=portal.countries["GR"], username="eleni", first_name="Eleni")
    registered("it", "a@ponte.example.org", "Cooperativa Il Ponte")
    _u, kyklos, _a = registered("gr", "b@kyklos.example.org", "Κύκλος Αλληλεγγύης")
    registered("gr", "d@kyklos.example.org", "Δίκτυο")
    ContactLogFactory(organisation=kyklos, contacted_at=timezone.now() - datetime.timedelta(days=5))
    kyklos.save_revision().publish()
    client.force_login(CentralStaffFactory())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "By country" in html
    greece = html[html.index('<th scope="row">Greece</th>') :].split("</tr>")[0]
    cells = [cell.split("</td>")[0] for cell in greece.split("<td>")[1:]]
    counts = [re.sub(r"<[^>]+>", "", cell) for cell in cells]
    # registered, approved, complete, with a service, contacted, awaiting approval, follow-ups
    # due, facilitators
    assert counts == ["2", "1", "0", "0", "1", "0", "0", "Eleni"]
    # Each count links to the list of what it counts.
    assert cells[0] == '<a href="/admin/?country=GR&amp;attention=all">2</a>'
    assert cells[1] == '<a href="/admin/?country=GR&amp;attention=published">1</a>'
    html = client.get(reverse("wagtailadmin_home"), {"country": "GR", "attention": "contacted"})
    assert "Κύκλος Αλληλεγγύης" in html.content.decode()
    assert "Δίκτυο" not in html.content.decode()


def test_organisations_and_strangers_get_no_panel(client, portal):
    user, _page, _account = registered()
    client.force_login(user)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Organisations to follow up" not in home


def _organisations(country, count):
    """Organisations of every kind the panel shows: contacted or not, with a follow-up due,
    with an email that bounced."""
    for n in range(count):
        page = OrganisationPageFactory(parent=country, title=f"Cooperativa {n:03}")
        if n % 3:
            ContactLogFactory(
                organisation=page,
                contacted_at=timezone.now() - datetime.timedelta(days=n),
                outcome="spoke",
                follow_up_on=timezone.localdate() - datetime.timedelta(days=n % 2)
                if n % 4
                else None,
            )
        if n % 5 == 0:
            OutboxEmailFactory(organisation=page, status=OutboxEmail.Status.BOUNCED)


def _panel_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(reverse("wagtailadmin_home"))  # the first request fills per-process caches
    with CaptureQueriesContext(connection) as queries:
        # In name order, the page shown mixes contacted organisations with the others.
        response = client.get(reverse("wagtailadmin_home"), {"attention": "all", "sort": "name"})
    assert response.status_code == 200
    return len(queries)


def test_the_panel_costs_the_same_queries_for_10_and_200_organisations(client, portal):
    client.force_login(CentralStaffFactory())
    _organisations(portal.countries["IT"], 10)
    small = _panel_queries(client)
    _organisations(portal.countries["GR"], 190)
    large = _panel_queries(client)
    assert large == small, f"{small} queries for 10 organisations, {large} for 200"


def test_follow_ups_due_cost_the_same_queries_for_10_and_200_organisations(portal):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    staff = CentralStaffFactory()
    followups_due(staff)  # who the user is, read once and kept on the user
    counts = []
    for code, size in (("IT", 10), ("GR", 190)):
        _organisations(portal.countries[code], size)
        with CaptureQueriesContext(connection) as queries:
            due = followups_due(staff)
            [(item.organisation.title, item.contact.by) for item in due]
        counts.append(len(queries))
        assert due
    assert counts[0] == counts[1], counts


# Reminders ------------------------------------------------------------------------------------


def test_a_reminder_lists_exactly_what_is_missing_in_the_organisations_language(
    client, portal, django_capture_on_commit_callbacks
):
    _u, page, _a = registered("it", "a@ponte.example.org", "Cooperativa Il Ponte")
    marco = CountryFacilitatorFactory(
        country=portal.countries["IT"],
        username="marco",
        email="marco@facilitators.example.org",
        first_name="Marco",
    )
    client.force_login(marco)
    with override("it"):
        expected = [str(rule.label) for rule in completeness_of(page).missing]
    url = reverse("facilitation_reminder")

    preview = client.get(url, {"organisation": page.pk})
    assert preview.status_code == 200
    body = preview.context["forms"][0].initial["body"]
    # The Italian template, and right after its introduction, the missing items and nothing else.
    introduction = "Mancano ancora questi elementi:\n\n"
    assert introduction in body
    block = body.split(introduction)[1].split("\n\n")[0]
    assert block.splitlines() == [f"- {item}" for item in expected]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "organisation": page.pk,
                f"org-{page.pk}-send": "on",
                f"org-{page.pk}-subject": "Il vostro profilo",
                f"org-{page.pk}-body": body + "\nA presto, Marco",
            },
        )
    assert response.status_code == 302
    email = OutboxEmail.objects.get(template_key="profile_reminder")
    assert email.to == ["a@ponte.example.org"] and email.language == "it"
    assert email.body_text.endswith("A presto, Marco")  # as edited before sending
    assert email.reply_to == ["marco@facilitators.example.org"]
    assert email.status == OutboxEmail.Status.SENT
    assert [m.subject for m in mail.outbox if m.subject == "Il vostro profilo"]
    logged = ContactLog.objects.get(email=email)
    assert logged.by == marco and logged.channel == ContactChannel.EMAIL
    assert logged.organisation_key == page.translation_key


def test_a_reminder_to_several_organisations_at_once(client, portal):
    _u, one, _a = registered("it", "a@ponte.example.org", "Cooperativa Il Ponte")
    _u, two, _a = registered("it", "c@sole.example.org", "Cooperativa Sole")
    client.force_login(CentralStaffFactory())
    url = reverse("facilitation_reminder")
    forms = client.get(url, {"organisation": [one.pk, two.pk]}).context["forms"]
    data = {"organisation": [one.pk, two.pk]}
    for form in forms:
        data[f"org-{form.page.pk}-send"] = "on"
        data[f"org-{form.page.pk}-subject"] = form.initial["subject"]
        data[f"org-{form.page.pk}-body"] = form.initial["body"]
    assert client.post(url, data).status_code == 302
    sent = OutboxEmail.objects.filter(template_key="profile_reminder")
    assert sorted(email.organisation_id for email in sent) == sorted([one.pk, two.pk])
    assert ContactLog.objects.filter(email__in=sent).count() == 2


def test_a_reminder_with_an_empty_message_is_refused_and_nothing_is_sent(client, portal):
    _u, page, _a = registered()
    client.force_login(CentralStaffFactory())
    before = ContactLog.objects.count()
    response = client.post(
        reverse("facilitation_reminder"),
        {"organisation": page.pk, f"org-{page.pk}-send": "on", f"org-{page.pk}-subject": ""},
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not OutboxEmail.objects.filter(template_key="profile_reminder").exists()
    assert ContactLog.objects.count() == before


def test_bad_organisation_numbers_are_refused(client, portal):
    client.force_login(CentralStaffFactory())
    url = reverse("facilitation_reminder")
    assert client.get(url, {"organisation": "abc"}).status_code == 400
    assert client.get(url, {"organisation": list(range(1, 200))}).status_code == 400
    assert client.get(url, {"organisation": 999999}, follow=True).status_code == 404


def test_a_facilitator_of_italy_is_refused_a_greek_organisation_by_url(client, portal):
    _u, greek, _a = registered("gr", "b@kyklos.example.org", "Κύκλος Αλληλεγγύης")
    client.force_login(CountryFacilitatorFactory(username="marco", country=portal.countries["IT"]))
    url = reverse("facilitation_reminder")
    assert refused(client.get(url, {"organisation": greek.pk}))
    response = client.post(
        url,
        {
            "organisation": greek.pk,
            f"org-{greek.pk}-send": "on",
            f"org-{greek.pk}-subject": "x",
            f"org-{greek.pk}-body": "y",
        },
    )
    assert refused(response)
    assert not OutboxEmail.objects.filter(template_key="profile_reminder").exists()
    # The profile itself, and the contact log form for it.
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[greek.pk])))
    response = client.get(reverse("contacts:add"), {"organisation": greek.pk}, follow=True)
    assert response.status_code in (403, 404) or refused(response)


def test_an_organisation_cannot_send_reminders(client, portal):
    user, page, _a = registered()
    client.force_login(user)
    assert refused(client.get(reverse("facilitation_reminder"), {"organisation": page.pk}))


def test_central_staff_group_members_follow_every_country(portal):
    user = User.objects.create_user("staff", "s@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name=CENTRAL_STAFF)[0])
    registered("gr", "b@kyklos.example.org", "Κύκλος Αλληλεγγύης")
    assert organisations_for(user).count() == 1


# The monthly command ----------------------------------------------------------------------------


def _run(*args):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_send_reminders_is_a_dry_run_unless_told_to_send(
    portal, django_capture_on_commit_callbacks
):
    _u, forgotten, _a = registered("it", "a@ponte.example.org", "Cooperativa Il Ponte")
    _u, recent, _a = registered("it", "c@sole.example.org", "Cooperativa Sole")
    _u, greek, _a = registered("gr", "b@kyklos.example.org", "Κύκλος Αλληλεγγύης")
    ContactLogFactory(
        organisation=forgotten, contacted_at=timezone.now() - datetime.timedelta(days=45)
    )
    ContactLogFactory(
        organisation=recent, contacted_at=timezone.now() - datetime.timedelta(days=12)
    )

    dry = _run()
    assert "would remind a@ponte.example.org" in dry
    assert "would remind b@kyklos.example.org" in dry  # never contacted
    assert "c@sole.example.org" not in dry  # contacted 12 days ago
    assert "Nothing was sent" in dry
    assert not OutboxEmail.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        out = _run("--send", "--country", "it")
    assert "1 reminders sent" in out
    email = OutboxEmail.objects.get()
    assert email.to == ["a@ponte.example.org"] and email.language == "it"
    assert email.status == OutboxEmail.Status.SENT
    logged = ContactLog.objects.get(email=email)
    assert logged.by is None and logged.organisation_key == forgotten.translation_key
    with override("it"):
        for rule in completeness_of(forgotten).missing:
            assert f"- {rule.label}" in email.body_text
    # Contacted now: the next run leaves it alone.
    assert "a@ponte.example.org" not in _run()


def test_send_reminders_refuses_an_unknown_country(portal):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        _run("--country", "XX")
