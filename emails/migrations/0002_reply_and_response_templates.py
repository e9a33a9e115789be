# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""Two new emails in the portal's four languages: an organisation's reply to a citizen's message
("enquiry_reply", the frame around the reply the organisation writes in the admin) and the
response to an expression of interest ("collaboration_response", to the interested
organisation).

A frozen copy of their texts in emails/default_templates.py as they were when this migration was
written, added the way facilitators' migration 0006 added the interest email. Staff edit the texts
in the admin.
"""

import uuid

from django.conf import settings
from django.db import migrations, models

LANGUAGES = ("en", "it", "el", "ar")

TEXTS = {
    "en": {
        "enquiry_reply": (
            "Re: your message to {organisation_name}",
            """{reply_message}

--
{organisation_name} is answering the message you sent through {site_name}. To write back, simply reply to this email: your reply goes to {organisation_name}.

Your message:
{enquiry_message}
""",
        ),
        "collaboration_response": (
            "{call_organisation} has responded to your interest: {call_title}",
            """Dear {contact_name},

{call_organisation} has responded to the interest {organisation_name} expressed in its call for collaboration "{call_title}" on {site_name}.

Their response: {response_status}
{response_note}

The call: {call_link}
Your message and the response, in your area of {site_name}: {interest_link}

Best wishes,
The {site_name} team
""",
        ),
    },
    "it": {
        "enquiry_reply": (
            "Re: il Suo messaggio a {organisation_name}",
            """{reply_message}

--
{organisation_name} risponde al messaggio che ha inviato tramite {site_name}. Per scrivere di nuovo, basta rispondere a questa email: la risposta arriverà a {organisation_name}.

Il Suo messaggio:
{enquiry_message}
""",
        ),
        "collaboration_response": (
            "{call_organisation} ha risposto al vostro interesse: {call_title}",
            """Gentile {contact_name},

{call_organisation} ha risposto all'interesse che {organisation_name} ha manifestato per il suo invito a collaborare "{call_title}" su {site_name}.

La risposta: {response_status}
{response_note}

L'invito: {call_link}
Il vostro messaggio e la risposta, nella vostra area riservata di {site_name}: {interest_link}

Cordiali saluti,
Il team di {site_name}
""",
        ),
    },
    "el": {
        "enquiry_reply": (
            "Απ: το μήνυμά σας προς {organisation_name}",
            """{reply_message}

--
Ο οργανισμός {organisation_name} απαντά στο μήνυμα που στείλατε μέσω του {site_name}. Για να γράψετε ξανά, απλώς απαντήστε σε αυτό το email: η απάντησή σας θα σταλεί στον οργανισμό {organisation_name}.

Το μήνυμά σας:
{enquiry_message}
""",
        ),
        "collaboration_response": (
            "Απάντηση από {call_organisation} στο ενδιαφέρον σας: {call_title}",
            """Αγαπητέ/ή {contact_name},

Ο οργανισμός {call_organisation} απάντησε στο ενδιαφέρον που εξέφρασε ο οργανισμός {organisation_name} για την πρόσκληση συνεργασίας «{call_title}» στο {site_name}.

Η απάντηση: {response_status}
{response_note}

Η πρόσκληση: {call_link}
Το μήνυμά σας και η απάντηση, στον χώρο σας στο {site_name}: {interest_link}

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "enquiry_reply": (
            "ردّ: رسالتكم إلى {organisation_name}",
            """{reply_message}

--
هذا ردّ {organisation_name} على الرسالة التي أرسلتموها عبر {site_name}. للكتابة إليهم مجدداً، يكفي أن تردّوا على هذه الرسالة: سيصل ردّكم إلى {organisation_name}.

رسالتكم:
{enquiry_message}
""",
        ),
        "collaboration_response": (
            "ردّ {call_organisation} على اهتمامكم: {call_title}",
            """عزيزي/عزيزتي {contact_name}،

ردّت {call_organisation} على الاهتمام الذي أبدته {organisation_name} بدعوة التعاون «{call_title}» على {site_name}.

الردّ: {response_status}
{response_note}

الدعوة: {call_link}
رسالتكم والردّ عليها في مساحتكم على {site_name}: {interest_link}

مع أطيب التحيات،
فريق {site_name}
""",
        ),
    },
}


def create_templates(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    EmailTemplate = apps.get_model("emails", "EmailTemplate")
    db = schema_editor.connection.alias

    # Locales are otherwise created by home's post_migrate handler, after all migrations.
    configured = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    for code in LANGUAGES:
        if code in configured:
            Locale.objects.using(db).get_or_create(language_code=code)
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.using(db).filter(language_code__in=LANGUAGES)
    }
    for key in TEXTS["en"]:
        existing = EmailTemplate.objects.using(db).filter(key=key)
        translation_key = existing.values_list("translation_key", flat=True).first() or uuid.uuid4()
        have = set(existing.values_list("locale__language_code", flat=True))
        for code, locale in locales.items():
            if code in have:
                continue
            subject, body = TEXTS[code][key]
            EmailTemplate.objects.using(db).create(
                key=key, locale=locale, translation_key=translation_key, subject=subject, body=body
            )


class Migration(migrations.Migration):
    dependencies = [
        ("emails", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="emailtemplate",
            name="body",
            field=models.TextField(
                help_text="Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}",
                verbose_name="body",
            ),
        ),
        migrations.AlterField(
            model_name="emailtemplate",
            name="key",
            field=models.CharField(
                choices=[
                    ("welcome", "Welcome"),
                    ("welcome_country_missing", "Welcome, country of work missing"),
                    ("profile_reminder", "Profile reminder"),
                    ("email_verification", "Email address verification"),
                    ("enquiry", "Message from a citizen"),
                    ("collaboration_interest", "Interest in a call for collaboration"),
                    ("enquiry_reply", "An organisation's reply to a citizen"),
                    ("collaboration_response", "Response to an expression of interest"),
                ],
                max_length=40,
                verbose_name="email",
            ),
        ),
        migrations.AlterField(
            model_name="emailtemplate",
            name="subject",
            field=models.CharField(
                help_text="Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}",
                max_length=200,
                verbose_name="subject",
            ),
        ),
        migrations.AlterField(
            model_name="outboxemail",
            name="template_key",
            field=models.CharField(
                blank=True,
                choices=[
                    ("welcome", "Welcome"),
                    ("welcome_country_missing", "Welcome, country of work missing"),
                    ("profile_reminder", "Profile reminder"),
                    ("email_verification", "Email address verification"),
                    ("enquiry", "Message from a citizen"),
                    ("collaboration_interest", "Interest in a call for collaboration"),
                    ("enquiry_reply", "An organisation's reply to a citizen"),
                    ("collaboration_response", "Response to an expression of interest"),
                ],
                max_length=40,
                verbose_name="template",
            ),
        ),
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
