"""Email texts: one per language, edited by staff, filled with the organisation's details."""

import pytest
from django.core.exceptions import ValidationError

from directory.emails import organisation_placeholders
from directory.factories import OrganisationPageFactory
from emails.default_templates import ensure_default_templates
from emails.mail import render_template, send_templated_email
from emails.models import EmailTemplate, OutboxEmail, TemplateKey
from tests.helpers import translate

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
    rows = EmailTemplate.objects.values_list("key", "locale__language_code")
    assert {(key, code) for key, code in rows} == {
        (key, code)
        for key in TemplateKey.values  # every email the portal sends, the first six and
        # those that tell facilitators and organisations about the approval workflow
        for code in ("en", "it", "el", "ar")
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
