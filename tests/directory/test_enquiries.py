"""A citizen writes to an organisation from its page; the organisation reads it in its admin.

Organisation A (Italy, page in Italian, live) has a service; organisation B is in Greece. Every
message is stored as an Enquiry and emailed to the organisation through the outbox, both or
neither; robots, mistakes and floods are answered with a 4xx and leave nothing behind.
"""

import json
import re
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from core.roles import CENTRAL_STAFF
from directory.factories import (
    CentralStaffFactory,
    CountryFacilitatorFactory,
    CountryPageFactory,
    EnquiryFactory,
    ServicePageFactory,
    UserFactory,
)
from directory.models import Enquiry
from directory.permissions import access_admin, sync_central_staff
from emails.default_templates import DEFAULT_TEMPLATES
from emails.mail import render_template
from emails.models import EmailTemplate, OutboxEmail
from tests.directory.organisations import PASSWORD, live_with_service, refused, registered
from tests.helpers import publish, translate

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def a(portal):
    user, page, account, service = live_with_service()
    return SimpleNamespace(user=user, page=page, account=account, service=service)


@pytest.fixture
def b(portal):
    user, page, account = registered("gr", "info@vita.example.org", "Synergasia Vita Ergasia")
    return SimpleNamespace(user=user, page=publish(page), account=account)


def valid(**changes):
    return {
        "name": "Amina Haddad",
        "email": "Amina@Example.org",
        "message": "Buongiorno, is the Italian course still open?\nThank you, Amina",
        "consent": "on",
        "website": "",
        **changes,
    }


def send(client, page, language=None, **changes):
    language = language or page.locale.language_code
    return client.post(f"/{language}/enquiry/{page.pk}/", valid(**changes))


def nothing_kept():
    return not Enquiry.objects.exists() and not OutboxEmail.objects.exists() and not mail.outbox


# Sending ----------------------------------------------------------------------------------------


def test_the_form_is_on_the_organisation_and_service_pages(client, a):
    for page in (a.page, a.service):
        html = client.get(page.url).content.decode()
        assert f'action="/it/enquiry/{page.pk}/#enquiry"' in html
        assert "Cooperativa Il Ponte" in html
        assert "conservati su questo portale" in html
        assert 'name="consent"' in html and 'name="message"' in html
        # The field for robots is hidden from people and out of the tab order.
        assert re.search(r'aria-hidden="true">\s*<label for="enquiry-website"', html)
        assert 'name="website" id="enquiry-website" tabindex="-1"' in html


def test_a_message_is_stored_and_emailed_to_the_organisation(client, a, on_commit):
    with on_commit():
        response = send(client, a.page, name="  Amina   Haddad ")

    assert response.status_code == 303
    assert response["Location"] == f"{a.page.url}#enquiry"

    enquiry = Enquiry.objects.get()
    assert enquiry.organisation == a.page.specific
    assert enquiry.organisation_key == a.page.translation_key
    assert enquiry.service is None
    assert enquiry.name == "Amina Haddad"
    assert enquiry.email == "amina@example.org"
    assert enquiry.message == valid()["message"]
    assert enquiry.consent_at is not None
    assert enquiry.language == "it"
    assert enquiry.status == Enquiry.Status.NEW

    email = OutboxEmail.objects.get()
    assert enquiry.outbox_email == email
    assert email.to == ["info@ponte.example.org"]
    assert email.reply_to == ["amina@example.org"]
    assert email.template_key == "enquiry"
    assert email.language == "it", "in the organisation's language"
    assert email.organisation_id == a.page.pk
    assert email.status == "sent"

    [message] = mail.outbox
    assert message.to == ["info@ponte.example.org"]
    assert message.message()["Reply-To"] == "amina@example.org"
    assert message.anymail_status.status == {"sent"}
    assert "Amina Haddad" in message.subject and "Cooperativa Il Ponte" in message.subject
    assert message.body.startswith("Gentile Giulia Rossi,"), "the Italian text, to its contact"
    assert valid()["message"] in message.body
    assert a.page.full_url in message.body  # the site's own address
    assert f"http://testserver/admin/enquiries/inspect/{enquiry.pk}/" in message.body
    assert "{" not in message.subject + message.body

    thanks = client.get(response["Location"]).content.decode()
    assert re.search(
        r'<p class="message message--success" role="status">[^<]*Cooperativa Il Ponte[^<]*'
        r"amina@example.org",
        thanks,
    )
    again = client.get(a.page.url).content.decode()
    assert "amina@example.org" not in again, "the thank-you is shown once"


def test_a_service_page_writes_to_the_services_address(client, a, on_commit):
    with on_commit():
        response = send(client, a.service)
    assert response.status_code == 303
    assert response["Location"] == f"{a.service.url}#enquiry"
    enquiry = Enquiry.objects.get()
    assert enquiry.service == a.service.specific
    assert enquiry.organisation == a.page.specific
    [message] = mail.outbox
    assert message.to == ["corsi@ponte.example.org"]
    assert message.message()["Reply-To"] == "amina@example.org"
    assert a.service.full_url in message.body


def test_a_service_without_an_address_of_its_own_writes_to_the_organisation(client, a, on_commit):
    service = ServicePageFactory(parent=a.page, title="Sportello lavoro", contact_email="")
    with on_commit():
        assert send(client, service).status_code == 303
    assert mail.outbox[0].to == ["info@ponte.example.org"]
    assert Enquiry.objects.get().service == service.specific


def test_a_message_from_a_translation_reaches_the_same_organisation(client, a, on_commit):
    english = translate(a.page, "en", title="Il Ponte Cooperative")
    with on_commit():
        assert send(client, english, language="en").status_code == 303
    enquiry = Enquiry.objects.get()
    assert enquiry.organisation == english.specific and enquiry.language == "en"
    assert enquiry.organisation_key == a.page.translation_key
    email = OutboxEmail.objects.get()
    assert email.language == "it", "the organisation reads its own language"
    assert email.subject.startswith("Un messaggio per Cooperativa Il Ponte")
    assert english.full_url in email.body_text, "the page the citizen used"


# Mistakes, robots, floods -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"consent": ""}, "consent", "Spunta la casella"),
        ({"email": "amina-at-example"}, "email", "indirizzo e-mail valido"),
        ({"email": ""}, "email", "così potranno risponderti"),
        ({"message": "   \n  "}, "message", "Scrivi il tuo messaggio."),
        ({"message": "x" * 5001}, "message", "al massimo 5000 caratteri, ne ha 5001"),
        ({"name": ""}, "name", "Scrivi il tuo nome."),
    ],
)
@pytest.mark.parametrize("on_service", [False, True])
def test_bad_input_returns_the_page_with_the_message_and_keeps_nothing(
    client, a, changes, field, text, on_service
):
    page = a.service if on_service else a.page
    response = send(client, page, **changes)

    assert response.status_code == 400
    html = response.content.decode()
    assert page.title in html, "the same page, with the form"
    assert text in html
    summary = re.search(
        r'<div class="notice" role="alert" id="enquiry-errors".*?</div>', html, re.S
    )
    assert summary and f'href="#enquiry-{field}"' in summary.group(0)
    assert f'id="enquiry-{field}_error"' in html
    field_tag = re.search(rf'<(?:input|textarea)[^>]*id="enquiry-{field}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field_tag
    assert f"enquiry-{field}_error" in re.search(r'aria-describedby="([^"]*)"', field_tag).group(1)
    if field != "name":
        assert 'value="Amina Haddad"' in html, "what was written is kept"
    assert nothing_kept()


def test_a_robot_filling_the_hidden_field_is_refused_and_nothing_is_kept(client, a, on_commit):
    with on_commit():
        response = send(client, a.page, website="http://cheap-pills.example.com")
    assert response.status_code == 400
    assert response.context["enquiry_form"].is_spam
    assert nothing_kept()


def test_too_many_messages_from_one_address_are_refused(client, a, b, settings, on_commit):
    settings.PORTAL_ENQUIRY_RATE_LIMIT = 2
    with on_commit():
        assert send(client, a.page, email="one@example.org").status_code == 303
        assert send(client, b.page, email="two@example.org").status_code == 303
        response = send(client, a.service, email="three@example.org")

    assert response.status_code == 429
    html = response.content.decode()
    assert "Per proteggere le organizzazioni dallo spam, riprova più tardi" in html
    assert 'value="three@example.org"' in html
    assert Enquiry.objects.count() == OutboxEmail.objects.count() == len(mail.outbox) == 2

    # Another client is not affected.
    other = Client(REMOTE_ADDR="203.0.113.9")
    with on_commit():
        assert send(other, a.page, email="four@example.org").status_code == 303
    assert Enquiry.objects.count() == 3


def test_too_many_messages_from_one_email_address_are_refused(a, settings, on_commit):
    settings.PORTAL_ENQUIRY_RATE_LIMIT = 2
    for number in range(2):
        with on_commit():
            response = send(Client(REMOTE_ADDR=f"198.51.100.{number}"), a.page)
        assert response.status_code == 303
    response = send(Client(REMOTE_ADDR="198.51.100.77"), a.page, email="AMINA@example.org")
    assert response.status_code == 429
    assert Enquiry.objects.count() == 2


def test_mistakes_do_not_count_towards_the_limit(client, a, settings, on_commit):
    settings.PORTAL_ENQUIRY_RATE_LIMIT = 1
    for _attempt in range(3):
        assert send(client, a.page, consent="").status_code == 400
    with on_commit():
        assert send(client, a.page).status_code == 303
    assert send(client, a.page, email="again@example.org").status_code == 429


def test_a_limit_of_zero_turns_the_limit_off(client, a, settings, on_commit):
    settings.PORTAL_ENQUIRY_RATE_LIMIT = 0
    for _message in range(3):
        with on_commit():
            assert send(client, a.page).status_code == 303
    assert Enquiry.objects.count() == 3


def test_behind_a_proxy_each_citizen_has_their_own_limit(a, settings, on_commit):
    settings.PORTAL_ENQUIRY_RATE_LIMIT = 1
    settings.PORTAL_TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}

    def from_client(address, email, forged=""):
        client = Client(HTTP_X_FORWARDED_FOR=f"{forged}{address}", **proxy)
        with on_commit():
            return send(client, a.page, email=email).status_code

    assert from_client("203.0.113.1", "one@example.org") == 303
    assert from_client("203.0.113.2", "two@example.org") == 303, "another citizen, same proxy"
    # An address the client wrote itself in front of the proxy's is not believed.
    assert from_client("203.0.113.1", "three@example.org", forged="192.0.2.50, ") == 429


def test_a_failure_half_way_keeps_nothing(client, a, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the outbox table is locked")

    monkeypatch.setattr("emails.mail.queue_email", broken)
    with pytest.raises(RuntimeError):
        send(client, a.page)
    assert nothing_kept()


def test_only_live_organisation_and_service_pages_take_messages(client, a, portal):
    assert client.get(f"/it/enquiry/{a.page.pk}/").status_code == 405
    draft = ServicePageFactory(parent=a.page, contact_email="x@ponte.example.org", live=False)
    for page_id in (portal.countries["IT"].pk, portal.home.pk, draft.pk, 987654, 10**30):
        assert client.post(f"/it/enquiry/{page_id}/", valid()).status_code == 404, page_id
    assert nothing_kept()


def test_an_organisation_without_an_email_address_shows_its_phone_and_no_form(client, a):
    page = a.page.specific
    page.email = ""
    page.phone = "+39 091 612 4480"
    publish(page)
    service = ServicePageFactory(parent=page, title="Doposcuola", contact_email="")

    html = client.get(page.url).content.decode()
    assert "+39 091 612 4480" in html
    assert 'id="enquiry"' not in html
    assert 'id="enquiry"' not in client.get(service.url).content.decode()
    assert 'id="enquiry"' in client.get(a.service.url).content.decode(), "its own address"
    assert send(client, page).status_code == 404
    assert send(client, service).status_code == 404
    assert nothing_kept()


def test_a_private_page_takes_no_messages(client, a):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=a.page, restriction_type="login")
    assert send(client, a.page).status_code == 404
    assert send(client, a.service).status_code == 404
    assert nothing_kept()


def test_the_form_needs_the_csrf_token(a):
    assert send(Client(enforce_csrf_checks=True), a.page).status_code == 403
    assert nothing_kept()


HOSTILE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200
) | st.sampled_from(["", " ", "\x00", "<script>alert(1)</script>", "{site_name}", "é" * 6000])


@hypothesis_settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=HOSTILE, email=HOSTILE | st.emails(), message=HOSTILE, consent=HOSTILE)
def test_hostile_input_never_breaks_the_form(client, a, name, email, message, consent):
    cache.clear()
    before = Enquiry.objects.count()
    response = send(client, a.page, name=name, email=email, message=message, consent=consent)
    assert response.status_code in (303, 400)
    assert Enquiry.objects.count() == before + (response.status_code == 303)
    if response.status_code == 400:
        assert "<script>alert(1)</script>" not in response.content.decode()


# The email template -----------------------------------------------------------------------------


def test_the_enquiry_email_exists_in_every_language_as_written():
    templates = EmailTemplate.objects.filter(key="enquiry").select_related("locale")
    assert {t.locale.language_code for t in templates} == {"en", "it", "el", "ar"}
    assert len({t.translation_key for t in templates}) == 1, "one text, four translations"
    for template in templates:
        code = template.locale.language_code
        assert (template.subject, template.body) == DEFAULT_TEMPLATES[code]["enquiry"]
        template.full_clean()  # only known placeholders


@pytest.mark.parametrize("language", ["en", "it", "el", "ar"])
def test_the_enquiry_email_has_everything_the_organisation_needs(language):
    context = {
        "organisation_name": "Cooperativa Sole",
        "contact_name": "Maria Rossi",
        "citizen_name": "Amina Haddad",
        "citizen_email": "amina@example.org",
        "enquiry_message": "Is the course still open?",
        "page_link": "https://portal.example/it/sole/",
        "enquiry_link": "https://portal.example/admin/enquiries/inspect/7/",
    }
    subject, body = render_template("enquiry", language, context)
    assert "Cooperativa Sole" in subject and "Amina Haddad" in subject
    for value in context.values():
        assert value in body
    assert "{" not in subject + body


# The admin --------------------------------------------------------------------------------------


@pytest.fixture
def inbox(a, b):
    return SimpleNamespace(
        a=EnquiryFactory(organisation=a.page, name="Amina Haddad", service=a.service),
        b=EnquiryFactory(organisation=b.page, name="Nikos Pappas"),
    )


def not_found(response):
    """404. (The admin's 404 comes after LocaleMiddleware's redirect to /en/admin/..., followed.)"""
    return response.status_code == 404


def index_html(client, **params):
    response = client.get(reverse("enquiries:index"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_an_organisation_sees_its_own_messages_only(client, a, inbox):
    client.force_login(a.user)
    assert reverse("enquiries:index") in client.get(reverse("wagtailadmin_home")).content.decode()

    html = index_html(client)
    assert "Amina Haddad" in html and "Corso di italiano" in html
    assert "Nikos Pappas" not in html
    assert "Nikos Pappas" not in index_html(client, q="Nikos")
    assert "Amina Haddad" in index_html(client, q="amina@example")
    assert "Amina Haddad" not in index_html(client, status="answered")

    inspect = client.get(reverse("enquiries:inspect", args=[inbox.a.pk]))
    assert inspect.status_code == 200
    assert "A question from Amina Haddad." in inspect.content.decode()
    assert "Mark as answered" in inspect.content.decode()


def test_another_organisations_message_is_not_found_by_direct_address(client, a, inbox):
    client.force_login(a.user)
    for response in (
        client.get(reverse("enquiries:inspect", args=[inbox.b.pk]), follow=True),
        client.post(
            reverse("enquiries:status", args=[inbox.b.pk]), {"status": "answered"}, follow=True
        ),
    ):
        assert not_found(response)
        assert "Nikos Pappas" not in response.content.decode()
    inbox.b.refresh_from_db()
    assert inbox.b.status == Enquiry.Status.NEW


def test_the_organisation_marks_a_message_answered_by_post_only(client, a, inbox):
    client.force_login(a.user)
    url = reverse("enquiries:status", args=[inbox.a.pk])
    assert client.get(url).status_code == 405
    inbox.a.refresh_from_db()
    assert inbox.a.status == Enquiry.Status.NEW

    response = client.post(url, {"status": "answered"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("enquiries:inspect", args=[inbox.a.pk])
    assert "is marked as answered" in response.content.decode()
    assert "Mark as new" in response.content.decode()
    inbox.a.refresh_from_db()
    assert inbox.a.status == Enquiry.Status.ANSWERED
    assert inbox.a.answered_by == a.user and inbox.a.answered_at is not None

    client.post(url, {"status": "new"})
    inbox.a.refresh_from_db()
    assert inbox.a.status == Enquiry.Status.NEW and inbox.a.answered_by is None


def test_the_mark_answered_button_needs_the_csrf_token(a, inbox):
    client = Client(enforce_csrf_checks=True)
    client.force_login(a.user)
    response = client.post(reverse("enquiries:status", args=[inbox.a.pk]), {"status": "answered"})
    assert response.status_code == 403
    inbox.a.refresh_from_db()
    assert inbox.a.status == Enquiry.Status.NEW


def test_messages_from_every_language_reach_the_organisation(client, a, inbox):
    english = translate(a.page, "en", title="Il Ponte Cooperative")
    from_english = EnquiryFactory(organisation=english, name="John Smith")
    client.force_login(a.user)
    assert "John Smith" in index_html(client)
    assert client.get(reverse("enquiries:inspect", args=[from_english.pk])).status_code == 200


def test_the_organisations_dashboard_counts_its_new_messages(client, a, inbox):
    EnquiryFactory(organisation=a.page, name="Second Person")
    EnquiryFactory(organisation=a.page, name="Old Question", status=Enquiry.Status.ANSWERED)
    client.force_login(a.user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "2 new messages from people who wrote to you" in html
    assert f"{reverse('enquiries:index')}?status=new" in html


def test_the_countrys_facilitators_read_its_organisations_messages(client, a, b, inbox):
    client.force_login(CountryFacilitatorFactory(country="IT", username="marco"))
    html = index_html(client)
    assert "Amina Haddad" in html and "Nikos Pappas" not in html
    inspect = client.get(reverse("enquiries:inspect", args=[inbox.a.pk]))
    assert inspect.status_code == 200
    assert "Mark as answered" not in inspect.content.decode(), "they read, the organisation answers"
    assert not_found(client.get(reverse("enquiries:inspect", args=[inbox.b.pk]), follow=True))
    assert refused(
        client.post(reverse("enquiries:status", args=[inbox.a.pk]), {"status": "answered"})
    )
    inbox.a.refresh_from_db()
    assert inbox.a.status == Enquiry.Status.NEW

    client.force_login(CountryFacilitatorFactory(country="GR", username="eleni"))
    html = index_html(client)
    assert "Nikos Pappas" in html and "Amina Haddad" not in html
    assert not_found(client.get(reverse("enquiries:inspect", args=[inbox.a.pk]), follow=True))


def test_central_staff_and_superusers_see_every_message(client, inbox):
    sync_central_staff()
    staff = User.objects.create_user("carla", "carla@example.org", PASSWORD)
    staff.groups.add(Group.objects.get(name=CENTRAL_STAFF))
    client.force_login(staff)
    html = index_html(client)
    assert "Amina Haddad" in html and "Nikos Pappas" in html

    client.force_login(User.objects.create_superuser("root", "root@example.org", PASSWORD))
    assert "Nikos Pappas" in index_html(client)
    client.post(reverse("enquiries:status", args=[inbox.b.pk]), {"status": "answered"})
    inbox.b.refresh_from_db()
    assert inbox.b.status == Enquiry.Status.ANSWERED


def test_anyone_else_gets_nothing(client, portal, inbox):
    urls = [
        reverse("enquiries:index"),
        reverse("enquiries:index_results"),
        reverse("enquiries:inspect", args=[inbox.a.pk]),
    ]
    for url in urls:  # not signed in: the login page
        assert client.get(url)["Location"].startswith(reverse("wagtailadmin_login"))

    editor = User.objects.create_user("editor", "editor@example.org", PASSWORD)
    editor.user_permissions.add(access_admin())
    client.force_login(editor)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("enquiries:index") not in home, "no menu item"
    for url in urls:
        response = client.get(url, follow=True)
        assert refused(response) or not_found(response), url
        assert "Amina Haddad" not in response.content.decode()
    assert refused(
        client.post(reverse("enquiries:status", args=[inbox.a.pk]), {"status": "answered"})
    )
    inbox.a.refresh_from_db()
    assert inbox.a.status == Enquiry.Status.NEW


def test_messages_are_not_added_edited_or_deleted_by_hand(client, a, inbox):
    client.force_login(User.objects.create_superuser("root", "root@example.org", PASSWORD))
    base = reverse("enquiries:index")
    for path in ("new/", f"edit/{inbox.a.pk}/", f"delete/{inbox.a.pk}/"):
        assert client.get(base + path, follow=True).status_code == 404
    assert "Add enquiry" not in index_html(client)


def test_a_facilitator_of_a_country_without_organisations_sees_none(client, portal, inbox):
    CountryPageFactory(parent=portal.directory, title="Lebanon", code="LB")
    client.force_login(CountryFacilitatorFactory(country="LB", username="rami"))
    html = index_html(client)
    assert "Amina Haddad" not in html and "Nikos Pappas" not in html


def sidebar(client):
    """The admin's main menu, as the sidebar receives it."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    return re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)


def test_the_menu_leads_to_messages_for_who_reads_some(client, a, portal):
    client.force_login(a.user)
    menu = sidebar(client)
    assert reverse("enquiries:index") in menu and reverse("interests:index") in menu
    nobody = UserFactory()
    nobody.user_permissions.add(access_admin())
    client.force_login(nobody)
    menu = sidebar(client)
    assert reverse("enquiries:index") not in menu and reverse("interests:index") not in menu


# Replying from the admin ------------------------------------------------------------------------

REPLY = "Buongiorno Amina, sì: il corso riprende lunedì alle 9. Ti aspettiamo!"


def reply(client, enquiry, body=REPLY, subject="Re: il corso di italiano"):
    return client.post(
        reverse("enquiries:reply", args=[enquiry.pk]), {"subject": subject, "body": body}
    )


def nothing_replied(enquiry):
    enquiry.refresh_from_db()
    return (
        not enquiry.replies.exists()
        and not OutboxEmail.objects.filter(template_key="enquiry_reply").exists()
        and enquiry.status == Enquiry.Status.NEW
    )


def test_the_organisation_replies_and_the_person_is_emailed_in_their_language(
    client, a, inbox, on_commit
):
    client.force_login(a.user)
    inspect = client.get(reverse("enquiries:inspect", args=[inbox.a.pk])).content.decode()
    assert "mailto:amina@example.org" not in inspect.split("<dl")[0], "no bare mailto button"
    assert reverse("enquiries:reply", args=[inbox.a.pk]) in inspect
    # The subject is prefilled in the language Amina wrote in (the Italian page).
    assert 'value="Re: il Suo messaggio a Cooperativa Il Ponte"' in inspect

    with on_commit():
        response = reply(client, inbox.a)
    assert response.status_code == 302
    assert response["Location"] == reverse("enquiries:inspect", args=[inbox.a.pk])

    inbox.a.refresh_from_db()
    assert inbox.a.status == Enquiry.Status.ANSWERED
    assert inbox.a.answered_by == a.user and inbox.a.answered_at is not None
    [kept] = inbox.a.replies.all()
    assert kept.body == REPLY and kept.subject == "Re: il corso di italiano"
    assert kept.sent_by == a.user

    email = OutboxEmail.objects.get(template_key="enquiry_reply")
    assert kept.outbox_email == email and email.status == OutboxEmail.Status.SENT
    assert email.to == ["amina@example.org"]
    assert email.reply_to == ["corsi@ponte.example.org"], "the service's address answers"
    assert email.language == "it" and email.subject == "Re: il corso di italiano"
    assert email.body_text.startswith(REPLY)
    assert "A question from Amina Haddad." in email.body_text, "her message below the reply"
    assert "Cooperativa Il Ponte risponde al messaggio" in email.body_text
    [sent] = [message for message in mail.outbox if message.to == ["amina@example.org"]]
    assert sent.reply_to == ["corsi@ponte.example.org"] and REPLY in sent.body

    page = client.get(reverse("enquiries:inspect", args=[inbox.a.pk])).content.decode()
    assert "Re: il corso di italiano" in page and "il corso riprende lunedì" in page
    assert "amina@example.org: Sent" in page, "the reply's delivery status"
    assert "Mark as new" in page


def test_a_second_reply_is_kept_too(client, a, inbox, on_commit):
    client.force_login(a.user)
    with on_commit():
        reply(client, inbox.a)
    inbox.a.refresh_from_db()
    first_answered = inbox.a.answered_at
    with on_commit():
        reply(client, inbox.a, body="PS: porta un documento d'identità.", subject="PS")
    inbox.a.refresh_from_db()
    assert [r.subject for r in inbox.a.replies.all()] == ["Re: il corso di italiano", "PS"]
    assert inbox.a.answered_at == first_answered, "answered when it was first answered"
    assert OutboxEmail.objects.filter(template_key="enquiry_reply").count() == 2
    page = client.get(reverse("enquiries:inspect", args=[inbox.a.pk])).content.decode()
    assert "porta un documento" in page and "il corso riprende" in page


def test_a_message_from_the_english_page_is_answered_in_english(client, a, on_commit):
    english = translate(a.page, "en", title="Il Ponte Cooperative")
    enquiry = EnquiryFactory(organisation=english, name="John Smith")
    client.force_login(a.user)
    page = client.get(reverse("enquiries:inspect", args=[enquiry.pk])).content.decode()
    assert 'value="Re: your message to Il Ponte Cooperative"' in page
    with on_commit():
        reply(client, enquiry, body="Hello John, yes.", subject="Re: your message")
    email = OutboxEmail.objects.get(template_key="enquiry_reply")
    assert email.language == "en" and email.reply_to == ["info@ponte.example.org"]
    assert "Il Ponte Cooperative is answering the message you sent" in email.body_text


@pytest.mark.parametrize(
    ("subject", "body", "error"),
    [
        ("Re: ciao", "", "Please write your reply."),
        ("Re: ciao", "   \n  ", "Please write your reply."),
        ("", REPLY, "Please write a subject."),
        ("Re: ciao", "x" * 100_000, "Your reply is too long"),
        ("x" * 300, REPLY, "The subject is too long"),
    ],
)
def test_bad_input_is_returned_with_the_reason_and_nothing_is_kept_or_sent(
    client, a, inbox, on_commit, subject, body, error
):
    client.force_login(a.user)
    with on_commit():
        response = reply(client, inbox.a, body=body, subject=subject)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert "A question from Amina Haddad." in response.content.decode(), "the message, to answer"
    assert nothing_replied(inbox.a) and not mail.outbox


def test_a_failure_half_way_keeps_no_reply(client, a, inbox, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the outbox is down")

    monkeypatch.setattr("emails.mail.queue_email", broken)
    client.force_login(a.user)
    with pytest.raises(RuntimeError):
        reply(client, inbox.a)
    assert nothing_replied(inbox.a)


def test_only_the_organisation_written_to_replies(client, a, b, inbox, portal):
    url = reverse("enquiries:reply", args=[inbox.a.pk])
    # Not signed in: the login page.
    assert client.get(url)["Location"].startswith(reverse("wagtailadmin_login"))
    assert reply(client, inbox.a)["Location"].startswith(reverse("wagtailadmin_login"))

    # Another organisation: no such message.
    client.force_login(b.user)
    assert not_found(client.get(url, follow=True))
    response = client.post(url, {"subject": "x", "body": "y"}, follow=True)
    assert not_found(response) and "Amina Haddad" not in response.content.decode()

    # The country's facilitators read, and do not answer for the organisation; another
    # country's do not even read.
    italy = CountryFacilitatorFactory(country="IT", username="marco")
    client.force_login(italy)
    inspect = client.get(reverse("enquiries:inspect", args=[inbox.a.pk])).content.decode()
    assert url not in inspect and "Send the reply" not in inspect
    assert refused(client.get(url)) and refused(reply(client, inbox.a))
    client.force_login(CountryFacilitatorFactory(country="GR", username="eleni"))
    assert refused(client.get(url)) and refused(reply(client, inbox.a))
    assert nothing_replied(inbox.a)


def test_the_reply_form_needs_the_csrf_token(a, inbox):
    client = Client(enforce_csrf_checks=True)
    client.force_login(a.user)
    assert reply(client, inbox.a).status_code == 403
    assert nothing_replied(inbox.a)


def test_the_reply_email_exists_in_every_language():
    for code in ("en", "it", "el", "ar"):
        subject, body = DEFAULT_TEMPLATES[code]["enquiry_reply"]
        assert "{organisation_name}" in subject
        assert "{reply_message}" in body and "{enquiry_message}" in body
        assert EmailTemplate.objects.get(key="enquiry_reply", locale__language_code=code)


# The menu counts what waits -------------------------------------------------------------------


def menu_labels(client):
    return {item["label"] for item in _menu_items(sidebar(client))}


def _menu_items(props):
    def walk(value):
        if isinstance(value, dict):
            if "label" in value and "url" in value:
                yield value
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    return list(walk(json.loads(props)))


def test_the_menu_counts_the_messages_awaiting_an_answer(client, a, b, inbox):
    EnquiryFactory(organisation=a.page, name="Second Person")
    EnquiryFactory(organisation=a.page, name="Old Question", status=Enquiry.Status.ANSWERED)
    client.force_login(a.user)
    assert "Enquiries (2)" in menu_labels(client)
    assert f"{reverse('enquiries:index')}?status=new" in sidebar(client)

    client.force_login(CountryFacilitatorFactory(country="GR", username="eleni"))
    assert "Enquiries (1)" in menu_labels(client)

    client.force_login(b.user)
    with_reply = client.post(
        reverse("enquiries:reply", args=[inbox.b.pk]), {"subject": "Re", "body": "Yes."}
    )
    assert with_reply.status_code == 302
    assert "Enquiries" in menu_labels(client), "nothing waits: no count"


def test_the_menus_count_costs_the_same_queries_whatever_the_number_of_messages(client, a):
    client.force_login(a.user)
    home = reverse("wagtailadmin_home")

    def queries():
        client.get(home)  # the session and the user's profile, once
        with CaptureQueriesContext(connection) as captured:
            assert client.get(home).status_code == 200
        return len(captured)

    EnquiryFactory(organisation=a.page)
    few = queries()
    for i in range(12):
        EnquiryFactory(organisation=a.page, name=f"Person {i}")
    assert "Enquiries (13)" in menu_labels(client)
    assert queries() == few


def test_the_list_narrows_to_one_organisation_as_the_panels_counts_link_to_it(client, a, b, inbox):
    EnquiryFactory(organisation=b.page, name="Maria Georgiou")
    client.force_login(CentralStaffFactory(username="sara"))
    everything = index_html(client)
    assert "Amina Haddad" in everything and "Nikos Pappas" in everything

    # By the id of any of its pages, or by the key its language versions share.
    for reference in (b.page.pk, b.page.translation_key):
        html = index_html(client, organisation=reference, status="new")
        assert "Nikos Pappas" in html and "Maria Georgiou" in html
        assert "Amina Haddad" not in html
        assert f'<option value="{reference}" selected>Synergasia Vita Ergasia</option>' in html

    # Narrowing never widens: an organisation's people see nothing of another's.
    client.force_login(a.user)
    html = index_html(client, organisation=b.page.pk)
    assert "Nikos Pappas" not in html and "Amina Haddad" not in html


@pytest.mark.parametrize("reference", ["999999", "not-an-organisation", "1 OR 1=1"])
def test_an_unknown_organisation_in_the_list_address_is_a_form_error(client, a, inbox, reference):
    client.force_login(a.user)
    response = client.get(reverse("enquiries:index"), {"organisation": reference})
    assert response.status_code == 400
    assert "Choose an organisation from the list." in response.content.decode()
