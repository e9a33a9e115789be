"""Email texts: one per language, edited by staff, filled with the organisation's details."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from collaboration.admin import send_response
from collaboration.models import ExpressionOfInterest
from collaboration.views import receive_interest
from directory.emails import (
    organisation_placeholders,
    send_existing_account,
    send_verification,
    send_welcome,
)
from directory.enquiries import send_reply
from directory.events import EMAIL_CONFIRMED, REGISTERED, announce
from directory.factories import (
    CountryFacilitatorFactory,
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    ServicePageFactory,
)
from directory.models import Enquiry, OrganisationAccount
from directory.organisation_admin import Verification
from directory.registration import NO_COUNTRY
from emails.default_templates import ensure_default_templates
from emails.mail import render_template, send_templated_email
from emails.models import EmailTemplate, OutboxEmail, TemplateKey
from emails.placeholders import (
    PLACEHOLDERS,
    TEMPLATE_PLACEHOLDERS,
    allowed_placeholders,
    sample_values,
)
from emails.views import mark_as_test
from facilitators.digest import send_digest
from facilitators.factories import FacilitatorFactory
from facilitators.reminders import draft as reminder_draft
from facilitators.reminders import send_reminder
from home.factories import StandardPageFactory
from mentoring import reminders as mentoring_reminders_module
from mentoring import requests as mentoring_requests
from mentoring.factories import MenteeFactory, MentorProfileFactory
from mentoring.links import mentee_token, mentor_token
from mentoring.models import MentoringRequest, MentorProfile
from mentoring.requests import send_request
from networks import emails as network_emails
from networks import memberships
from news.digest import send_news_digest
from search.alerts import send_search_alerts
from tests.collaboration.calls import make_call
from tests.directory.organisations import refused, registered
from tests.helpers import publish, signed_in, translate
from tests.news.news import make_news
from tests.subscriptions.alerts import news_subscription, search_alert

pytestmark = pytest.mark.django_db

CONTEXT = {
    "organisation_name": "Cooperativa Sole",
    "contact_name": "Maria Rossi",
    "services_link": "https://portal.example/admin/services/",
    "portfolio_link": "https://portal.example/admin/portfolio/",
    "collaboration_link": "https://portal.example/admin/calls/",
}

GREETINGS = {"en": "Welcome", "it": "Benvenuti", "el": "Καλώς ήρθατε", "ar": "أهلاً بكم"}


@pytest.mark.parametrize("language", ["en", "it", "el", "ar"])
def test_the_welcome_email_in_each_language_has_the_details_and_next_steps(language, portal):
    OrganisationPageFactory(parent=portal.countries["IT"])
    OrganisationPageFactory(parent=portal.countries["GR"])

    subject, body = render_template("welcome", language, CONTEXT)

    assert GREETINGS[language] in subject
    assert "Cooperativa Sole" in subject
    assert "MoreThanAJob" in subject
    assert "Maria Rossi" in body
    for link in ("services_link", "portfolio_link", "collaboration_link"):
        assert CONTEXT[link] in body
    assert " 2 " in body or " 2." in body  # two organisations registered
    assert "{" not in subject + body


def test_the_organisation_count_counts_each_organisation_once(portal):
    organisation = OrganisationPageFactory(parent=portal.countries["IT"])
    translate(organisation, "it")
    # A newly registered organisation counts, though its profile is still a draft.
    OrganisationPageFactory(parent=portal.countries["GR"], live=False)

    _subject, body = render_template("welcome", "en", CONTEXT)

    assert "one of 2 organisations" in body


@pytest.mark.parametrize("language", ["en", "it", "el", "ar"])
def test_the_reminder_lists_the_missing_items(language):
    missing = ["a logo", "at least one portfolio project"]
    context = {**CONTEXT, "missing_items": missing}
    _subject, body = render_template("profile_reminder", language, context)

    assert "- a logo\n- at least one portfolio project" in body


@pytest.mark.parametrize("language", ["en", "it", "el", "ar"])
def test_the_verification_email_has_the_link(language):
    link = "https://portal.example/en/register/verify/abc123/"
    _subject, body = render_template("email_verification", language, {"verification_link": link})
    assert link in body


def test_the_country_question_in_italian():
    subject, body = render_template("welcome_country_missing", "it", CONTEXT)
    assert subject == "Benvenuti su MoreThanAJob: in quale paese lavorate?"
    assert "Cooperativa Sole" in body


def test_a_language_without_its_template_falls_back_to_english():
    EmailTemplate.objects.filter(key="profile_reminder", locale__language_code="el").delete()

    subject, body = render_template("profile_reminder", "el", {**CONTEXT, "missing_items": ["x"]})

    assert subject == "Cooperativa Sole: a few steps to complete your profile"
    assert body.startswith("Dear Maria Rossi,")
    assert render_template("welcome", "fr", CONTEXT)[0].startswith("Welcome to")


def test_staff_edits_are_used(settings):
    EmailTemplate.objects.filter(key="welcome", locale__language_code="it").update(
        subject="Ciao {organisation_name}!"
    )
    assert render_template("welcome", "it", CONTEXT)[0] == "Ciao Cooperativa Sole!"


def test_stray_braces_and_unknown_placeholders_are_left_as_written():
    EmailTemplate.objects.filter(key="welcome", locale__language_code="en").update(
        subject="Hi {organisation_name} {",
        body='Dear {contact_name}, {unknown} {0} {{site_name}} } {"a": 1} {organisation_name',
    )

    subject, body = render_template("welcome", "en", CONTEXT)

    assert subject == "Hi Cooperativa Sole {"
    assert body == ('Dear Maria Rossi, {unknown} {0} {MoreThanAJob} } {"a": 1} {organisation_name')


def test_the_admin_form_points_out_a_misspelt_placeholder():
    template = EmailTemplate.objects.get(key="welcome", locale__language_code="en")
    template.body = "Dear {contact_name}, welcome {organization_name}"
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert "{organization_name}" in str(error.value.message_dict["body"])


def test_every_default_template_is_installed_in_every_language():
    """The migrations install every email the portal sends, in its four languages."""
    rows = EmailTemplate.objects.values_list("key", "locale__language_code")
    assert {(key, code) for key, code in rows} == {
        (key, code) for key in TemplateKey.values for code in ("en", "it", "el", "ar")
    }
    # Translations of one email share its translation key (wagtail-localize sees one text).
    assert EmailTemplate.objects.values("translation_key").distinct().count() == len(TemplateKey)


def test_ensure_default_templates_restores_missing_ones_and_keeps_edits():
    EmailTemplate.objects.filter(key="welcome", locale__language_code="ar").delete()
    EmailTemplate.objects.filter(key="welcome", locale__language_code="en").update(subject="Edited")

    assert ensure_default_templates() == 1

    restored = EmailTemplate.objects.get(key="welcome", locale__language_code="ar")
    english = EmailTemplate.objects.get(key="welcome", locale__language_code="en")
    assert restored.translation_key == english.translation_key
    assert english.subject == "Edited"
    assert ensure_default_templates() == 0


def test_send_templated_email_queues_the_rendered_text(portal, on_commit, mailoutbox):
    organisation = OrganisationPageFactory(
        parent=portal.countries["IT"], title="Cooperativa Sole", contact_person="Maria Rossi"
    )
    with on_commit():
        email = send_templated_email(
            "welcome",
            to=[organisation.email],
            language="it",
            context=organisation_placeholders(organisation),
            organisation=organisation,
        )

    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT
    assert email.template_key == "welcome"
    assert email.language == "it"
    assert list(organisation.emails.all()) == [email]
    [message] = mailoutbox
    assert message.subject == "Benvenuti su MoreThanAJob, Cooperativa Sole"
    assert f"/admin/pages/add/directory/servicepage/{organisation.pk}/" in message.body
    assert "Gentile Maria Rossi," in message.body


# Placeholders each email can fill -------------------------------------------------------------


def test_every_email_says_which_placeholders_it_can_fill():
    assert set(TemplateKey.values) <= set(TEMPLATE_PLACEHOLDERS)
    for key, names in TEMPLATE_PLACEHOLDERS.items():
        assert names <= set(PLACEHOLDERS), key


def test_every_placeholder_has_a_realistic_sample():
    values = sample_values()
    for name, description in PLACEHOLDERS.items():
        assert values[name] != f"[{description}]", name


def every_placeholder(key):
    return "\n".join(f"{name}: {{{name}}}" for name in allowed_placeholders(key))


def send_verification_email(world):
    request = RequestFactory().get("/en/register/", HTTP_HOST="localhost")
    send_verification(request, world.it_user, world.it_page, "el")


def send_registration_with_a_taken_address(world):
    send_existing_account(world.it_user, "el")


def send_welcome_email(world):
    send_welcome(world.it_user)


def send_welcome_without_country(world):
    user, _page, _account = registered(
        NO_COUNTRY, "info@senzapaese.example.org", "Cooperativa Senza Paese"
    )
    send_welcome(user)


def send_profile_reminder(world):
    subject, body = reminder_draft(world.it_page)
    send_reminder(world.it_page, subject=subject, body=body)


def send_yearly_check(world):
    from freshness.checks import send_check  # the freshness app sits above the emails

    send_check(world.it_page)


def send_subscription_confirmation(world):
    Client().post(
        "/it/subscriptions/subscribe/",
        {
            "email": "amina@example.org",
            "language": "el",
            "news": "on",
            "countries": ["IT"],
            "newsletter": "on",
            "consent": "on",
        },
    )


def later():
    """After the digests' settling minutes (`subscriptions.digests.SETTLE`)."""
    return timezone.now() + datetime.timedelta(minutes=10)


def send_search_alert(world):
    search_alert("el", query="", filters={"country": ["it"]}, search_language="it")
    publish(ServicePageFactory(parent=world.it_page, title="Corso di cucina"))
    send_search_alerts(now=later())


def send_news_digest_email(world):
    news_subscription("el", ["IT"])
    make_news(world.it_page, title="Il Ponte apre un forno", summary="Pane e lavoro.")
    send_news_digest(now=later())


def send_enquiry(world):
    Client().post(
        f"/it/enquiry/{world.it_page.pk}/",
        {
            "name": "Amina Haddad",
            "email": "amina@example.org",
            "message": "Is the course still open?",
            "consent": "on",
            "website": "",
        },
    )


def send_interest(world):
    call = make_call(world.it_page, title="Partners for a bakery job club")
    receive_interest(
        call,
        world.it_page,
        world.gr_page,
        "We could send two trainers.",
        world.gr_user,
        "https://portal.example/it/call/",
    )


def send_enquiry_reply(world):
    send_enquiry(world)
    send_reply(
        Enquiry.objects.get(),
        subject="Re: the course",
        body="Yes, it is still open.",
        user=world.it_user,
    )


def send_collaboration_response(world):
    send_interest(world)
    interest = ExpressionOfInterest.objects.get()
    interest.status = ExpressionOfInterest.Status.IN_TOUCH
    interest.response_note = "We will call you next week."
    interest.save()
    send_response(interest)


def italian_facilitator(world):
    return FacilitatorFactory(
        user__first_name="Marco",
        user__last_name="Bianchi",
        user__email="marco@cesie.example.org",
        countries=[world.portal.countries["IT"]],
    )


def send_registration_notice(world):
    italian_facilitator(world)
    announce(REGISTERED, world.it_page)


def send_confirmation_notice(world):
    italian_facilitator(world)
    announce(EMAIL_CONFIRMED, world.it_page, user=world.it_user)


def submitted(world):
    """The Italian profile in the approval workflow: its task state."""
    return world.it_page.get_workflow().start(world.it_page, world.it_user).current_task_state


def send_submission_notice(world):
    italian_facilitator(world)
    submitted(world)


def send_digest_email(world):
    send_digest(italian_facilitator(world))


def decide(world, action):
    facilitator = italian_facilitator(world)
    task_state = submitted(world)
    task_state.task.specific.on_action(
        task_state, facilitator.user, action, comment="Please add your opening hours."
    )


def moderation(world, action=None):
    """An Italian editor submits an about page to the site's moderators, who act on it."""
    editor = get_user_model().objects.create_user(
        "luca", "luca@mtaj.example.org", "x", first_name="Luca", last_name="Greco"
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator = get_user_model().objects.create_user(
        "sara", "sara@mtaj.example.org", "x", first_name="Sara", last_name="Conti"
    )
    moderator.groups.add(Group.objects.get(name="Moderators"))
    page = StandardPageFactory(parent=world.portal.home, title="Chi siamo", slug="chi-siamo")
    page.save_revision(user=editor)
    task_state = page.get_workflow().start(page, editor).current_task_state
    if action:
        task_state.task.specific.on_action(task_state, moderator, action, comment="Bene.")


def verification(world, *states):
    account = OrganisationAccount.objects.get(translation_key=world.it_page.translation_key)
    user = italian_facilitator(world).user
    for verified in states:
        Verification(verified=verified).apply(account, world.it_page, user)


def mentoring_pair():
    """A mentee (writing in Greek) and an approved mentor sharing a sector: (mentee, mentor)."""
    sector = ExpertiseCategoryFactory(name="Digital skills", slug="digital-skills")
    mentee = MenteeFactory(first_name="Amal", language="el", expertise=[sector])
    mentor = MentorProfileFactory(name="Giulia Russo", language="it", expertise=[sector])
    return mentee, mentor


def send_mentoring_request(world):
    mentee, mentor = mentoring_pair()
    Client().post(
        f"/el/mentoring/me/{mentee_token(mentee)}/",
        {"mentors": [mentor.pk], "message": "I would like to work in web design."},
    )
    return mentee, mentor


def accept_mentoring_request(world, superseding=False):
    mentee, mentor = mentoring_pair()
    asked = send_request(mentee, mentor, "Hello")
    if superseding:
        send_request(mentee, MentorProfileFactory(name="Marco Bianchi"), "Hello")
    Client().post(f"/it/mentoring/mentor/{mentor_token(mentor)}/accept/{asked.pk}/")
    assert MentoringRequest.objects.get(pk=asked.pk).state == "accepted"


def close_mentoring_request(world, how):
    mentee, mentor = mentoring_pair()
    # Another mentor of the same sector: the one proposed to the mentee instead.
    MentorProfileFactory(name="Marco Bianchi", expertise=list(mentee.expertise.all()))
    days = 0 if how == "decline" else 15  # an expiry: sent longer ago than a mentor has
    asked = send_request(
        mentee, mentor, "Hello", now=timezone.now() - datetime.timedelta(days=days)
    )
    if how == "decline":
        Client().post(
            f"/it/mentoring/mentor/{mentor_token(mentor)}/decline/{asked.pk}/",
            {f"decline-{asked.pk}-reason": "I am away until March."},
        )
    else:
        call_command("expire_mentoring_requests", stdout=io.StringIO())
    assert MentoringRequest.objects.get(pk=asked.pk).state == f"{how}d"


def register_for_mentoring(world, form):
    sector = ExpertiseCategoryFactory(name="Digital skills", slug="digital-skills")
    data = {
        "first_name": "Amal",
        "name": "Giulia Russo",
        "email": "amal@example.org",
        "age": "19",
        "profile": "Web designer.",
        "languages": ["it"],
        "capacity": "1",
        "country": "IT",
        "sectors": [str(sector.pk)],
        "delivery": "both",
        "consent": "on",
    }
    Client().post(f"/el/mentoring/{form}", data)


def mentoring_reminders(world, kind):
    """What makes each reminder of mentoring due, then a run of the daily command (the weekly
    list of requests on a Monday)."""
    monday = timezone.make_aware(datetime.datetime(2026, 11, 30, 9))
    mentee, mentor = mentoring_pair()
    if kind in ("request", "requests_digest"):
        send_request(mentee, mentor, "Hello", now=monday - datetime.timedelta(days=8))
    elif kind in ("session", "checkin"):
        days = 20 if kind == "session" else 91
        asked = send_request(mentee, mentor, "Hello", now=monday - datetime.timedelta(days=days))
        mentoring_requests.accept(asked, now=monday - datetime.timedelta(days=days))
    else:
        MentorProfileFactory(name="Luca Greco", country="IT", approval="pending")
    if kind in ("requests_digest", "approvals_digest"):
        italian_facilitator(world)
    mentoring_reminders_module.send_all(monday)


def end_mentorship(world):
    mentee, mentor = mentoring_pair()
    mentoring_requests.accept(send_request(mentee, mentor, "Hello"))
    Client().post(f"/el/mentoring/me/{mentee_token(mentee)}/end/", {"completed": "on"})


def as_network(world):
    """The Italian organisation, made a network."""
    world.it_page.kind = "network"
    return publish(world.it_page)


def send_network_invitation(world):
    membership = memberships.invite(as_network(world), world.gr_page, world.it_user)
    network_emails.send_invitation(membership)


def send_network_request(world):
    membership = memberships.ask_to_join(world.gr_page, as_network(world), world.gr_user)
    network_emails.send_request(membership)


def send_network_answer(world):
    membership = memberships.invite(as_network(world), world.gr_page, world.it_user)
    memberships.accept(membership, world.gr_user)
    network_emails.send_answer(membership, proposed_by_network=True)


def decide_on_mentor(world, decision):
    """A facilitator of Italy approves a mentor, or rejects them with a reason, in the admin."""
    mentor = MentorProfileFactory(name="Giulia Russo", country="IT", approval="pending")
    browser = signed_in(CountryFacilitatorFactory(country="IT"))
    reason = "Please describe your experience." if decision == "rejected" else ""
    browser.post(
        reverse("mentors:approval", args=[mentor.pk]), {"decision": decision, "reason": reason}
    )
    assert MentorProfile.objects.get(pk=mentor.pk).approval == decision


def send_network_ended(world):
    membership = memberships.invite(as_network(world), world.gr_page, world.it_user)
    memberships.accept(membership, world.gr_user)
    memberships.end(membership, world.gr_user)
    network_emails.send_ended(membership, ended_by_network=False)


#: How each email is sent for real, by the code that sends it.
SENDERS = {
    "welcome": send_welcome_email,
    "welcome_country_missing": send_welcome_without_country,
    "profile_reminder": send_profile_reminder,
    "email_verification": send_verification_email,
    "enquiry": send_enquiry,
    "collaboration_interest": send_interest,
    "enquiry_reply": send_enquiry_reply,
    "collaboration_response": send_collaboration_response,
    "facilitator_registration": send_registration_notice,
    "facilitator_email_confirmed": send_confirmation_notice,
    "facilitator_submission": send_submission_notice,
    "facilitator_digest": send_digest_email,
    "page_approved": lambda world: decide(world, "approve"),
    "page_rejected": lambda world: decide(world, "reject"),
    "verified": lambda world: verification(world, True),
    "verification_revoked": lambda world: verification(world, True, False),
    "moderation_submission": moderation,
    "moderation_approved": lambda world: moderation(world, "approve"),
    "moderation_rejected": lambda world: moderation(world, "reject"),
    "registration_existing_account": send_registration_with_a_taken_address,
    "yearly_check": send_yearly_check,
    "subscription_confirm": send_subscription_confirmation,
    "search_alert": send_search_alert,
    "news_digest": send_news_digest_email,
    "mentoring_mentee_link": lambda world: register_for_mentoring(world, ""),
    "mentoring_mentor_link": lambda world: register_for_mentoring(world, "become-a-mentor/"),
    "mentoring_request": send_mentoring_request,
    "mentoring_accepted": accept_mentoring_request,
    "mentoring_accepted_mentor": accept_mentoring_request,
    "mentoring_requests_sent": send_mentoring_request,
    "mentoring_superseded": lambda world: accept_mentoring_request(world, superseding=True),
    "mentoring_declined": lambda world: close_mentoring_request(world, "decline"),
    "mentoring_expired": lambda world: close_mentoring_request(world, "expire"),
    "mentoring_expired_mentor": lambda world: close_mentoring_request(world, "expire"),
    "network_invitation": send_network_invitation,
    "network_request": send_network_request,
    "network_answer": send_network_answer,
    "mentoring_mentor_approved": lambda world: decide_on_mentor(world, "approved"),
    "mentoring_mentor_rejected": lambda world: decide_on_mentor(world, "rejected"),
    "network_ended": send_network_ended,
    "mentoring_request_reminder": lambda world: mentoring_reminders(world, "request"),
    "mentoring_session_reminder": lambda world: mentoring_reminders(world, "session"),
    "mentoring_checkin": lambda world: mentoring_reminders(world, "checkin"),
    "mentoring_ended_mentee": end_mentorship,
    "mentoring_ended_mentor": end_mentorship,
    "mentoring_approvals_digest": lambda world: mentoring_reminders(world, "approvals_digest"),
    "mentoring_requests_digest": lambda world: mentoring_reminders(world, "requests_digest"),
}


@pytest.fixture
def world(portal):
    it_user, it_page, _account = registered("it", "info@ponte.example.org", "Cooperativa Il Ponte")
    gr_user, gr_page, _account = registered("gr", "info@vita.example.org", "Synergasia Vita")
    return SimpleNamespace(
        portal=portal,
        it_user=it_user,
        it_page=publish(it_page),
        gr_user=gr_user,
        gr_page=publish(gr_page),
    )


@pytest.mark.parametrize("key", TemplateKey.values)
def test_each_email_fills_every_placeholder_it_allows(key, world, on_commit, mailoutbox):
    assert key in SENDERS, f"say in SENDERS how the {key!r} email is sent"
    EmailTemplate.objects.filter(key=key).update(
        subject="{site_name} " + key, body=every_placeholder(key)
    )
    OutboxEmail.objects.all().delete()

    with on_commit():
        SENDERS[key](world)

    email = OutboxEmail.objects.get(template_key=key)
    assert "{" not in email.subject + email.body_text, email.body_text
    [message] = [message for message in mailoutbox if message.subject == email.subject]
    assert "{" not in message.body
    for name in allowed_placeholders(key):
        assert f"{name}: \n" not in message.body + "\n", f"{{{name}}} is empty"


def test_a_placeholder_the_email_cannot_fill_is_refused_and_the_allowed_ones_listed():
    template = EmailTemplate.objects.get(key="welcome", locale__language_code="it")
    template.body = "Gentile {contact_name}, {verification_link} {citizen_name}"
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    message = str(error.value.message_dict["body"])
    assert "{citizen_name}, {verification_link}" in message
    assert "{services_link}" in message and "{organisation_count}" in message

    enquiry = EmailTemplate.objects.get(key="enquiry", locale__language_code="it")
    enquiry.body = "{citizen_name} ({citizen_email}) scrive a {organisation_name}"
    enquiry.full_clean()


# The admin: help text, preview, "Send me a test" --------------------------------------------


def admin_url(name, *args):
    return reverse(f"wagtailsnippets_emails_emailtemplate:{name}", args=args)


def template_in(key, language):
    return EmailTemplate.objects.select_related("locale").get(
        key=key, locale__language_code=language
    )


def edit_data(template, **changes):
    return {"key": template.key, "subject": template.subject, "body": template.body, **changes}


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")


@pytest.fixture
def staff_client(staff):
    return logged_in(staff)


def test_the_edit_form_names_the_placeholders_of_that_email(staff_client):
    enquiry = staff_client.get(admin_url("edit", template_in("enquiry", "en").pk))
    welcome = staff_client.get(admin_url("edit", template_in("welcome", "en").pk))

    assert "{citizen_name}" in enquiry.content.decode()
    assert "{missing_items}" not in enquiry.content.decode()
    assert "{missing_items}" in welcome.content.decode()
    assert "{citizen_name}" not in welcome.content.decode()


def test_saving_a_placeholder_the_email_cannot_fill_is_a_form_error(staff_client):
    template = template_in("profile_reminder", "el")
    response = staff_client.post(
        admin_url("edit", template.pk), edit_data(template, subject="{enquiry_message}")
    )

    assert response.status_code == 200
    assert "{enquiry_message}" in str(response.context["form"].errors["subject"])
    template.refresh_from_db()
    assert template.subject != "{enquiry_message}"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Dear Maria Rossi"),
        ("it", "Gentile Maria Rossi"),
        ("el", "Cooperativa Sole"),
        ("ar", "Cooperativa Sole"),
    ],
)
def test_the_preview_shows_the_email_filled_in_its_own_language(staff_client, language, words):
    template = template_in("profile_reminder", language)
    url = admin_url("preview_on_edit", template.pk)

    staff_client.post(url, edit_data(template))
    html = staff_client.get(url).content.decode()

    assert words in html
    assert "Cooperativa Sole" in html
    assert "<style" not in html and "/static/emails/email_preview.css" in html
    assert f'lang="{language}"' in html
    assert "{" not in html.split("<body>")[1]
    if language == "ar":
        assert 'dir="rtl"' in html


def test_the_preview_follows_the_unsaved_text_and_refuses_a_bad_placeholder(staff_client):
    template = template_in("welcome", "en")
    url = admin_url("preview_on_edit", template.pk)

    staff_client.post(url, edit_data(template, body="Hello {contact_name}, at last!"))
    assert "Hello Maria Rossi, at last!" in staff_client.get(url).content.decode()

    response = staff_client.post(url, edit_data(template, body="Hello {enquiry_link}"))
    assert response.json()["is_valid"] is False
    assert "{enquiry_link}" not in staff_client.get(url).content.decode()


def test_staff_send_themselves_a_test_in_the_templates_language(
    staff_client, on_commit, mailoutbox
):
    template = template_in("welcome", "it")
    with on_commit():
        response = staff_client.post(admin_url("send_test", template.pk), follow=True)

    assert response.redirect_chain[-1][0] == admin_url("edit", template.pk)
    assert "staff@example.org" in response.content.decode()
    email = OutboxEmail.objects.get()
    assert email.to == ["staff@example.org"]
    assert email.language == "it"
    assert email.subject == mark_as_test("Benvenuti su MoreThanAJob, Cooperativa Sole", "it")
    assert email.subject != "Benvenuti su MoreThanAJob, Cooperativa Sole"
    [message] = mailoutbox
    assert message.subject == email.subject
    assert "Gentile Maria Rossi," in message.body
    assert "{" not in message.body


def test_the_edit_screen_has_the_send_me_a_test_button(staff_client):
    template = template_in("enquiry", "el")
    html = staff_client.get(admin_url("edit", template.pk)).content.decode()
    assert f'action="{admin_url("send_test", template.pk)}"' in html
    assert "Send me a test" in html


def test_sending_a_test_is_post_only(staff_client):
    response = staff_client.get(admin_url("send_test", template_in("welcome", "en").pk))
    assert response.status_code == 405
    assert not OutboxEmail.objects.exists()


def test_a_user_without_an_email_address_is_told_why_nothing_was_sent(staff, staff_client):
    staff.email = ""
    staff.save()
    template = template_in("welcome", "en")

    response = staff_client.post(admin_url("send_test", template.pk), follow=True)

    assert "has no email address" in response.content.decode()
    assert not OutboxEmail.objects.exists()


def test_only_who_may_change_email_templates_sends_a_test(client, django_user_model, world):
    template = template_in("welcome", "en")
    url = admin_url("send_test", template.pk)
    viewer = django_user_model.objects.create_user("viewer", "viewer@example.org", "pw")
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_emailtemplate"])
    )
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "change_emailtemplate"])
    )

    assert client.post(url).status_code == 302  # to the login
    assert client.post(url)["Location"].startswith(reverse("wagtailadmin_login"))
    for user in (viewer, world.it_user):
        assert refused(logged_in(user).post(url)), user
    assert not OutboxEmail.objects.exists()

    assert logged_in(editor).post(url).status_code == 302
    assert OutboxEmail.objects.filter(to=["editor@example.org"]).exists()


def test_the_preview_can_be_shown_in_the_admins_frame(staff_client):
    """Wagtail renders a preview through a request at the public address; the public pages'
    enforced policy (no framing) would leave the admin's preview panel empty."""
    template = template_in("profile_reminder", "it")
    url = admin_url("preview_on_edit", template.pk)
    staff_client.post(url, edit_data(template))
    response = staff_client.get(url, {"mode": "", "in_preview_panel": "true"})
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert "frame-ancestors 'none'" in response["Content-Security-Policy-Report-Only"]
