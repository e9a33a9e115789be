"""The emails to facilitators and about the approval workflow: a text in each of the portal's
languages, staff-editable, with only placeholders the portal fills."""

import pytest

from emails.default_templates import DEFAULT_TEMPLATES, WORKFLOW_TEMPLATES
from emails.mail import render_template
from emails.models import EmailTemplate, TemplateKey
from emails.placeholders import PLACEHOLDER_RE, unknown_placeholders

pytestmark = pytest.mark.django_db

KEYS = [
    TemplateKey.FACILITATOR_REGISTRATION,
    TemplateKey.FACILITATOR_EMAIL_CONFIRMED,
    TemplateKey.FACILITATOR_SUBMISSION,
    TemplateKey.FACILITATOR_DIGEST,
    TemplateKey.PAGE_APPROVED,
    TemplateKey.PAGE_REJECTED,
    TemplateKey.VERIFIED,
    TemplateKey.VERIFICATION_REVOKED,
]
LANGUAGES = ["en", "it", "el", "ar"]


def test_every_new_email_has_a_default_text_in_each_language():
    assert sorted(WORKFLOW_TEMPLATES["en"]) == sorted(KEYS)
    for language in LANGUAGES:
        assert set(KEYS) <= set(DEFAULT_TEMPLATES[language]), language


@pytest.mark.parametrize("key", KEYS)
def test_the_migration_made_each_text_editable_in_each_language(key):
    templates = EmailTemplate.objects.filter(key=key).select_related("locale")
    by_language = {template.locale.language_code: template for template in templates}
    assert sorted(by_language) == sorted(LANGUAGES)
    assert len({template.translation_key for template in templates}) == 1
    for language, template in by_language.items():
        assert (template.subject, template.body) == DEFAULT_TEMPLATES[language][key]


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_text_uses_known_placeholders_the_same_in_every_language(key, language):
    subject, body = DEFAULT_TEMPLATES[language][key]
    assert unknown_placeholders(subject + body) == []
    english = set(PLACEHOLDER_RE.findall("".join(DEFAULT_TEMPLATES["en"][key])))
    assert set(PLACEHOLDER_RE.findall(subject + body)) == english


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comment_is_in_the_changes_requested_email(language):
    values = {
        "contact_name": "Giulia",
        "page_title": "Forno del Sole",
        "comment": "Comment from Marco:\n\nPlease add your opening hours.",
        "page_edit_link": "https://portal.example/admin/pages/7/edit/",
    }
    subject, body = render_template("page_rejected", language, values)
    assert "Forno del Sole" in subject
    assert "Please add your opening hours." in body
    assert "https://portal.example/admin/pages/7/edit/" in body
    assert "{" not in subject + body
