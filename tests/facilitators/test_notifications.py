"""Facilitators hear of what waits for them: a registration, a confirmed address, a page
submitted for approval; each by email, in their admin language, or in one weekly digest.

Marco facilitates Italy (his admin is in Italian), Eleni Greece (in Greek); Sara is central staff
(in English) and hears of the organisations whose country is not set.
"""

import datetime
import io
import re
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState

from directory.factories import CentralStaffFactory, UserFactory
from emails.models import OutboxEmail
from facilitators.digest import build_digest, iso_week, send_digest
from facilitators.factories import ContactLogFactory, FacilitatorFactory
from facilitators.models import Facilitator, Notifications
from facilitators.notifications import organisation_link
from tests.directory.organisations import profile_edit_data, registered
from tests.directory.workflow import speaks
from tests.helpers import registration_form

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def people(portal):
    marco = FacilitatorFactory(
        user__username="marco",
        user__first_name="Marco",
        user__last_name="Rossi",
        user__email="marco@cesie.example.org",
        countries=[portal.countries["IT"]],
    )
    eleni = FacilitatorFactory(
        user__username="eleni",
        user__first_name="Eleni",
        user__last_name="Papadaki",
        user__email="eleni@praksis.example.org",
        countries=[portal.countries["GR"]],
    )
    speaks(marco.user, "it")
    speaks(eleni.user, "el")
    sara = CentralStaffFactory(username="sara", first_name="Sara", email="sara@mtaj.example.org")
    # A superuser: Wagtail's own moderation emails would go to them.
    User.objects.create_superuser("root", "root@mtaj.example.org", "x-long-password-1")
    return SimpleNamespace(portal=portal, marco=marco, eleni=eleni, sara=sara)


def registration(**changes):
    # Italy has no places to choose from in these tests.
    return registration_form(**{"place": "", **changes})


def told(key):
    return list(OutboxEmail.objects.filter(template_key=key).order_by("pk"))


def delivered_to(address):
    """The messages the provider received for `address` (anymail's test backend)."""
    return [message for message in mail.outbox if address in message.to]


def digests(*options):
    """Run `send_facilitator_digests`; what it printed."""
    out = io.StringIO()
    call_command("send_facilitator_digests", *options, stdout=out)
    return out.getvalue()


def verification_link():
    [message] = delivered_to("giulia@ponte.example.org")
    return re.search(r"http://testserver(/en/register/verify/\S+/)", message.body)


def assert_only_outbox_mail():
    """Every message the provider received left from the outbox: none from Wagtail itself."""
    sent = set(OutboxEmail.objects.values_list("subject", flat=True))
    assert [m.subject for m in mail.outbox if m.subject not in sent] == []


def test_a_registration_is_told_to_the_countrys_facilitators_only(client, people, on_commit):
    with on_commit():
        response = client.post("/en/register/", registration())
    assert response.status_code == 302

    emails = told("facilitator_registration")
    assert [email.to for email in emails] == [["marco@cesie.example.org"]], "not Greece, not staff"
    email = emails[0]
    page = email.organisation.specific
    assert page.title == "Cooperativa Sociale Il Ponte"
    assert email.language == "it", "Marco's admin language"
    assert email.subject == "Nuova registrazione in Italia: Cooperativa Sociale Il Ponte"
    assert "Gentile Marco Rossi" in email.body_text
    link = organisation_link(page)
    assert link.startswith("http://testserver/admin/")
    assert link in email.body_text
    assert email.status == "sent"
    [message] = delivered_to("marco@cesie.example.org")
    assert link in message.body
    assert not delivered_to("eleni@praksis.example.org")
    assert not delivered_to("sara@mtaj.example.org")


def test_the_link_opens_the_organisation_for_its_facilitator(client, people, on_commit):
    with on_commit():
        client.post("/en/register/", registration())
    [email] = told("facilitator_registration")
    path = re.search(r"http://testserver(/admin/\S+)", email.body_text).group(1)
    client.force_login(people.marco.user)
    response = client.get(path)
    assert response.status_code == 200
    assert "Cooperativa Sociale Il Ponte" in response.content.decode()


def test_an_organisation_without_a_country_is_told_to_central_staff(client, people, on_commit):
    with on_commit():
        client.post("/en/register/", registration(country="none"))
    emails = told("facilitator_registration")
    assert [email.to for email in emails] == [["sara@mtaj.example.org"]]
    assert emails[0].language == "en"
    assert emails[0].subject == (
        "New registration in Country not set: Cooperativa Sociale Il Ponte"
    )


def test_a_confirmed_address_is_told_to_the_countrys_facilitators(client, people, on_commit):
    with on_commit():
        client.post("/en/register/", registration())
    link = verification_link()
    with on_commit():
        assert client.get(link.group(1)).status_code == 200
    [email] = told("facilitator_email_confirmed")
    assert email.to == ["marco@cesie.example.org"]
    assert email.subject == "Cooperativa Sociale Il Ponte ha confermato il suo indirizzo email"
    assert organisation_link(email.organisation.specific) in email.body_text

    client.get(link.group(1))  # a second click tells nobody again
    assert len(told("facilitator_email_confirmed")) == 1


def submit(client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, profile_edit_data(page, **{"action-submit": "submit"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    return TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")


def test_a_page_submitted_for_approval_is_told_to_the_countrys_facilitators(
    client, people, on_commit
):
    user, page, _account = registered("gr", "info@vita.example.org", "Synergasia Vita")
    mail.outbox.clear()
    client.force_login(user)
    with on_commit():
        submit(client, page)

    [email] = told("facilitator_submission")
    assert email.to == ["eleni@praksis.example.org"]
    assert email.language == "el"
    assert email.subject == "Αναμένει την έγκρισή σας: Synergasia Vita (Synergasia Vita)"
    edit = f"http://testserver{reverse('wagtailadmin_pages:edit', args=[page.pk])}"
    assert edit in email.body_text
    assert organisation_link(page) in email.body_text
    assert not delivered_to("root@mtaj.example.org"), "no Wagtail email to superusers"
    assert not delivered_to("marco@cesie.example.org")
    assert_only_outbox_mail()


def test_a_facilitator_who_chose_the_digest_gets_no_single_emails(client, people, on_commit):
    Facilitator.objects.filter(pk=people.marco.pk).update(notifications=Notifications.DIGEST)
    with on_commit():
        client.post("/en/register/", registration())
    assert told("facilitator_registration") == []


def test_central_staff_choose_how_a_facilitator_is_told(client, people):
    client.force_login(people.sara)
    url = reverse("facilitators:edit", args=[people.marco.pk])
    html = client.get(url).content.decode()
    assert 'type="radio" name="notifications" value="digest"' in html
    response = client.post(
        url,
        {
            "countries": [people.portal.countries["IT"].pk],
            "works_for": "CESIE",
            "email": "",
            "phone": "",
            "notifications": "digest",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    people.marco.refresh_from_db()
    assert people.marco.notifications == Notifications.DIGEST

    response = client.post(url, {"countries": [], "notifications": "hourly"})
    assert response.status_code == 400, "an unknown choice is a form error"
    people.marco.refresh_from_db()
    assert people.marco.notifications == Notifications.DIGEST


# The weekly digest -------------------------------------------------------------------------------


def test_the_weekly_digest_lists_the_week_and_is_sent_once(client, people, on_commit):
    Facilitator.objects.filter(pk=people.marco.pk).update(notifications=Notifications.DIGEST)
    with on_commit():
        client.post("/en/register/", registration())
        user, page, _account = registered("it", "info@sole.example.org", "Bottega del Sole")
        client.force_login(user)
        submit(client, page)
        # Registered long ago, contacted 60 days ago (at midday, local time: "60 days" whatever
        # the hour the test runs, across a change of summer time): overdue for contact.
        _u, old, _a = registered("it", "info@vecchio.example.org", "Forno Vecchio")
        sixty_days_ago = timezone.localdate() - datetime.timedelta(days=60)
        ContactLogFactory(
            organisation=old,
            contacted_at=timezone.make_aware(
                datetime.datetime.combine(sixty_days_ago, datetime.time(12))
            ),
        )
        # Called three days ago, to be called back yesterday: a follow-up due.
        ContactLogFactory(
            organisation=page,
            contacted_at=timezone.now() - datetime.timedelta(days=3),
            follow_up_on=timezone.localdate() - datetime.timedelta(days=1),
        )
        # In Greece: not Marco's.
        registered("gr", "info@vita.example.org", "Synergasia Vita")
    link = verification_link()
    with on_commit():
        client.get(link.group(1))
    assert [e.to for e in told("facilitator_registration")] == [["eleni@praksis.example.org"]]

    found = build_digest({"IT"}, timezone.localdate())
    titles = lambda items: [organisation.title for organisation, _value in items]  # noqa: E731
    assert titles(found.registered) == [
        "Cooperativa Sociale Il Ponte",
        "Bottega del Sole",
        "Forno Vecchio",
    ], "this week's registrations, Italian ones only"
    assert titles(found.confirmed) == ["Cooperativa Sociale Il Ponte"]
    assert [(o.title, n) for o, n in found.waiting] == [("Bottega del Sole", 1)]
    assert ("Forno Vecchio", 60) in [(o.title, days) for o, days in found.overdue]
    assert titles(found.followups) == ["Bottega del Sole"]

    with on_commit():
        digests()
    [digest] = told("facilitator_digest")
    assert digest.to == ["marco@cesie.example.org"]
    assert digest.language == "it"
    assert digest.subject.startswith("MoreThanAJob: la tua settimana, ")
    text = digest.body_text
    assert text.startswith("Gentile Marco Rossi,")
    for title in ("Cooperativa Sociale Il Ponte (Italia)", "Bottega del Sole (Italia)"):
        assert title in text
    assert "Forno Vecchio (Italia)" in text and "60" in text
    assert "Synergasia Vita" not in text, "another country's organisation"
    assert organisation_link(page) in text
    assert digest.status == "sent"
    assert delivered_to("marco@cesie.example.org")

    with on_commit():
        digests()
    assert len(told("facilitator_digest")) == 1, "not twice the same week"

    people.marco.refresh_from_db()
    assert people.marco.digest_week == iso_week(timezone.localdate())
    next_week = timezone.localdate() + datetime.timedelta(days=7)
    assert send_digest(people.marco, today=next_week) is not None
    assert send_digest(people.marco, today=next_week) is None
    assert len(told("facilitator_digest")) == 2


def test_a_dry_run_sends_nothing(people):
    Facilitator.objects.filter(pk=people.eleni.pk).update(notifications=Notifications.DIGEST)
    output = digests("--dry-run")
    assert "would send the digest" in output and "eleni@praksis.example.org" in output
    assert told("facilitator_digest") == []
    people.eleni.refresh_from_db()
    assert people.eleni.digest_week == ""


def test_only_facilitators_who_chose_it_get_a_digest(people, on_commit):
    Facilitator.objects.filter(pk=people.eleni.pk).update(notifications=Notifications.DIGEST)
    UserFactory(username="nobody")
    with on_commit():
        digests()
    [digest] = told("facilitator_digest")
    assert digest.to == ["eleni@praksis.example.org"]
    assert digest.language == "el"
    assert digest.body_text.startswith("Αγαπητέ/ή Eleni Papadaki,")


def test_the_digest_costs_the_same_queries_for_more_organisations(people):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            build_digest({"IT", ""}, timezone.localdate())
        return len(captured)

    for n in range(2):
        registered("it", f"info{n}@few.example.org", f"Few {n}")
    few = queries()
    for n in range(6):
        registered("it", f"info{n}@many.example.org", f"Many {n}")
    assert queries() == few
