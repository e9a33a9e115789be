"""The email an organisation receives when another expresses interest in its call for
collaboration, in its four languages.

A frozen copy of the "collaboration_interest" texts of facilitators/default_templates.py as they
were when this migration was written, added the way migration 0004 added the enquiry email.
Staff edit the texts in the admin.
"""

# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.

import uuid

from django.conf import settings
from django.db import migrations, models

LANGUAGES = ("en", "it", "el", "ar")
KEY = "collaboration_interest"

TEXTS = {
    "en": (
        "{interested_organisation} is interested in your call: {call_title}",
        """Dear {contact_name},

{interested_organisation} has expressed interest in your call for collaboration "{call_title}" on {site_name}:

{interest_message}

To answer, simply reply to this email: your reply goes to {interested_organisation}.

Their profile: {interested_organisation_link}
Your call: {call_link}

You can also read it in your area of {site_name} and mark your response there: {interest_link}

Best wishes,
The {site_name} team
""",
    ),
    "it": (
        "{interested_organisation} è interessata al vostro invito a collaborare: {call_title}",
        """Gentile {contact_name},

{interested_organisation} ha manifestato interesse per il vostro invito a collaborare "{call_title}" su {site_name}:

{interest_message}

Per rispondere è sufficiente replicare a questa email: la vostra risposta arriverà a {interested_organisation}.

Il loro profilo: {interested_organisation_link}
Il vostro invito: {call_link}

Potete leggerla anche nella vostra area riservata di {site_name} e indicare lì la vostra risposta: {interest_link}

Cordiali saluti,
Il team di {site_name}
""",
    ),
    "el": (
        "Ενδιαφέρον από {interested_organisation} για την πρόσκλησή σας: {call_title}",
        """Αγαπητέ/ή {contact_name},

Ο οργανισμός {interested_organisation} εξέφρασε ενδιαφέρον για την πρόσκληση συνεργασίας σας «{call_title}» στο {site_name}:

{interest_message}

Για να απαντήσετε, απλώς απαντήστε σε αυτό το email: η απάντησή σας θα σταλεί στον οργανισμό {interested_organisation}.

Το προφίλ τους: {interested_organisation_link}
Η πρόσκλησή σας: {call_link}

Μπορείτε επίσης να το διαβάσετε στον χώρο σας στο {site_name} και να σημειώσετε εκεί την απάντησή σας: {interest_link}

Με εκτίμηση,
Η ομάδα του {site_name}
""",
    ),
    "ar": (
        "اهتمام من {interested_organisation} بدعوتكم: {call_title}",
        """عزيزي/عزيزتي {contact_name}،

أبدت {interested_organisation} اهتمامها بدعوة التعاون التي نشرتموها «{call_title}» على {site_name}:

{interest_message}

للرد، يكفي أن تردّوا على هذه الرسالة: سيصل ردّكم إلى {interested_organisation}.

صفحة المنظمة: {interested_organisation_link}
دعوتكم: {call_link}

يمكنكم أيضاً قراءتها في مساحتكم على {site_name}، وتسجيل ردّكم هناك: {interest_link}

مع أطيب التحيات،
فريق {site_name}
""",
    ),
}


def create_templates(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    EmailTemplate = apps.get_model("facilitators", "EmailTemplate")
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
    existing = EmailTemplate.objects.using(db).filter(key=KEY)
    translation_key = existing.values_list("translation_key", flat=True).first() or uuid.uuid4()
    have = set(existing.values_list("locale__language_code", flat=True))
    for code, locale in locales.items():
        if code in have:
            continue
        subject, body = TEXTS[code]
        EmailTemplate.objects.using(db).create(
            key=KEY, locale=locale, translation_key=translation_key, subject=subject, body=body
        )


class Migration(migrations.Migration):
    dependencies = [
        ("facilitators", "0005_facilitator"),
    ]

    operations = [
        migrations.AlterField(
            model_name="emailtemplate",
            name="body",
            field=models.TextField(
                help_text="Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}",
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
                ],
                max_length=40,
                verbose_name="email",
            ),
        ),
        migrations.AlterField(
            model_name="emailtemplate",
            name="subject",
            field=models.CharField(
                help_text="Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}",
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
                ],
                max_length=40,
                verbose_name="template",
            ),
        ),
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
