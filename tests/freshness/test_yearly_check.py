"""The yearly check: one email per organisation a year, in its language, through the outbox; each
answer a single-use signed link that changes exactly what it says, or nothing and says why."""

import datetime
import html
import re
import time

import pytest
from django.core import signing
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext

from directory.factories import OrganisationPageFactory, ServicePageFactory
from directory.models import ServicePage
from emails.models import OutboxEmail
from facilitators.models import ContactLog
from freshness.checks import SALT, send_due
from freshness.models import CheckAnswer, CheckRequest
from tests.directory.organisations import live_with_service
from tests.helpers import publish

pytestmark = pytest.mark.django_db


class Then(signing.TimestampSigner):
    """Signs as the portal did 31 days ago."""

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 31 * 24 * 60 * 60)


LINK = re.compile(r"^(?:  )?(.+?): (http\S+/check/(\S+)/)$", re.M)


@pytest.fixture
def checked(portal):
    """Il Ponte (in Italian) with two services, long unchecked, and the email it was sent."""
    _user, organisation, _account, course = live_with_service()
    other_service = ServicePageFactory(parent=organisation, title="Sportello lavoro")
    old = timezone.localdate() - datetime.timedelta(days=500)
    ServicePage.objects.filter(pk__in=[course.pk, other_service.pk]).update(checked_on=old)
    [check] = send_due(limit=10)
    return organisation, course, other_service, check


def italian(text):
    """`text` as Il Ponte reads it: its email and the answers' pages are in Italian."""
    with translation.override("it"):
        return gettext(text)


ACCURATE, GONE = italian("Still accurate"), italian("No longer offered")


def page_text(response):
    return html.unescape(response.content.decode())


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def answer_paths(check, title):
    """{answer label: address path} of the item `title` in the check's email."""
    body = check.email.body_text
    block = body[body.index(title) :].split("\n\n")[0]
    return {label.strip(): path_of(url) for label, url, _token in LINK.findall(block)}


def test_one_email_per_organisation_in_its_language_through_the_outbox(checked):
    organisation, course, other_service, check = checked
    email = OutboxEmail.objects.get(template_key="yearly_check")
    assert email.language == "it" and email.to == ["info@ponte.example.org"]
    assert "Cooperativa Il Ponte" in email.subject and "sono ancora esatte" in email.subject
    # The profile, then each published service, each with its links, in Italian addresses.
    assert "Corso di italiano" in email.body_text and "Sportello lavoro" in email.body_text
    assert len(answer_paths(check, "Corso di italiano")) == 3
    assert len(answer_paths(check, "Cooperativa Il Ponte")) == 2  # a profile is not withdrawn
    assert all(
        p.startswith("/it/check/") for p in answer_paths(check, "Corso di italiano").values()
    )
    # A second run, or a later one within the year, sends nothing more.
    assert send_due(limit=10) == []
    assert send_due(limit=10, now=timezone.now() + datetime.timedelta(days=200)) == []
    assert len(send_due(limit=10, now=timezone.now() + datetime.timedelta(days=370))) == 1
    assert OutboxEmail.objects.filter(template_key="yearly_check").count() == 2


def test_the_command_sends_at_most_the_number_asked(portal, settings):
    for n in range(3):
        page = OrganisationPageFactory(
            parent=portal.countries["GR"], title=f"Org {n}", email=f"org{n}@example.org"
        )
        publish(page)
    call_command("send_yearly_checks", "--limit", "2")
    assert CheckRequest.objects.count() == 2
    settings.PORTAL_CHECK_EMAILS_PER_RUN = 5
    call_command("send_yearly_checks")
    assert CheckRequest.objects.count() == 3


def test_still_accurate_needs_no_sign_in_and_works_once(client, checked):
    organisation, course, other_service, check = checked
    accurate = answer_paths(check, "Corso di italiano")[ACCURATE]
    response = client.get(accurate)
    assert response.status_code == 200
    assert "Corso di italiano" in response.content.decode()
    course.refresh_from_db()
    other_service.refresh_from_db()
    assert course.checked_on == timezone.localdate()
    assert other_service.checked_on < timezone.localdate()  # only that service
    contact = ContactLog.objects.get(
        organisation_key=organisation.translation_key, email=check.email
    )
    assert "Corso di italiano" in contact.note and "Still accurate" in contact.note
    # Twice: refused, nothing changed, and it says why.
    again = client.get(accurate)
    assert again.status_code == 409
    already = italian("This answer was already given on %(day)s: nothing was changed.")
    assert already.split("%(day)s")[0] in page_text(again)
    assert (
        CheckAnswer.objects.count() == 1
        and ContactLog.objects.filter(email=check.email).count() == 1
    )


def test_no_longer_offered_unpublishes_exactly_that_service_after_confirmation(client, checked):
    organisation, course, other_service, check = checked
    gone = answer_paths(check, "Corso di italiano")[GONE]
    page = client.get(gone)
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    assert ServicePage.objects.get(pk=course.pk).live  # a GET changes nothing
    assert not CheckAnswer.objects.exists()
    response = client.post(gone)
    assert response.status_code == 200
    assert not ServicePage.objects.get(pk=course.pk).live
    assert ServicePage.objects.get(pk=other_service.pk).live
    organisation.refresh_from_db()
    assert organisation.live
    assert client.post(gone).status_code == 409


def test_needs_changes_opens_the_editor(client, checked):
    organisation, course, other_service, check = checked
    [changes] = [
        path
        for label, path in answer_paths(check, "Corso di italiano").items()
        if label not in (ACCURATE, GONE)
    ]
    response = client.get(changes)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{course.pk}/edit/"
    assert CheckAnswer.objects.get().answer == "changes"


def test_a_changed_link_changes_nothing_and_says_why(client, checked):
    organisation, course, other_service, check = checked
    accurate = answer_paths(check, "Corso di italiano")[ACCURATE]
    tampered = accurate.replace("/it/check/", "/it/check/x")
    response = client.get(tampered)
    assert response.status_code == 400
    changed = italian(
        "This link is not complete or has been changed. Copy the whole link from the email."
    )
    assert changed in page_text(response)
    # A token signed for another answer cannot be made from this one either.
    other = signing.dumps({"c": check.pk, "k": str(course.translation_key), "a": "gone"}, salt="x")
    assert client.get(f"/it/check/{other}/").status_code == 400
    assert not CheckAnswer.objects.exists()


def test_an_expired_link_changes_nothing_and_says_why(client, checked):
    organisation, course, other_service, check = checked
    # The same link, as it was signed 31 days ago.
    then = Then(salt=SALT).sign_object(
        {"c": check.pk, "k": str(course.translation_key), "a": "accurate"}, compress=True
    )
    response = client.get(f"/it/check/{then}/")
    assert response.status_code == 410
    expired = italian(
        "This link has expired: the links of the yearly check work for %(days)s days. "
        "Sign in to update your pages, or write to your facilitator."
    )
    assert expired.split("%(days)s")[0] in page_text(response)
    course.refresh_from_db()
    assert course.checked_on < timezone.localdate()
    assert not CheckAnswer.objects.exists()


def test_a_link_for_another_organisations_service_changes_nothing(client, checked, portal):
    organisation, course, other_service, check = checked
    stranger = publish(OrganisationPageFactory(parent=portal.countries["GR"], title="Vita"))
    theirs = ServicePageFactory(parent=stranger, title="Their service")
    token = signing.dumps(
        {"c": check.pk, "k": str(theirs.translation_key), "a": "gone"}, salt=SALT, compress=True
    )
    response = client.post(f"/it/check/{token}/")
    assert response.status_code == 403
    assert italian("This service is not one of the services of the organisation asked.") in (
        page_text(response)
    )
    assert ServicePage.objects.get(pk=theirs.pk).live
