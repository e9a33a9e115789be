# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""Mentoring's email to the mentor when the mentee ends the mentorship or deletes their data:
{mentee_name}, {ended_reason} and the link to their page. A frozen copy of
emails/default_templates.py's texts, added as migration 0016 did.
"""

import uuid

from django.conf import settings
from django.db import migrations

TEXTS = {
    "en": {
        "mentoring_ended_mentor": (
            "Your mentorship with {mentee_name} has ended",
            """Hello {recipient_name},

{mentee_name} has ended your mentorship on {site_name}:

{ended_reason}

Thank you for the time and experience you gave. Your place is free again: unless you have paused, new mentees can ask you.

Your page: {mentoring_link}

The {site_name} team
""",
        ),
    },
    "it": {
        "mentoring_ended_mentor": (
            "Il tuo percorso con {mentee_name} è concluso",
            """Ciao {recipient_name},

{mentee_name} ha concluso il percorso di mentoring con te su {site_name}:

{ended_reason}

Grazie per il tempo e l'esperienza che hai dedicato. Il tuo posto è di nuovo libero: se non sei in pausa, nuovi mentee possono chiederti di seguirli.

La tua pagina: {mentoring_link}

Il team di {site_name}
""",
        ),
    },
    "el": {
        "mentoring_ended_mentor": (
            "Η καθοδήγησή σας με τον/την {mentee_name} ολοκληρώθηκε",
            """Γεια σας {recipient_name},

Ο/Η {mentee_name} τερμάτισε την καθοδήγησή σας στο {site_name}:

{ended_reason}

Σας ευχαριστούμε για τον χρόνο και την εμπειρία που προσφέρατε. Η θέση σας είναι ξανά ελεύθερη: αν δεν έχετε κάνει παύση, νέοι καθοδηγούμενοι μπορούν να σας ζητήσουν καθοδήγηση.

Η σελίδα σας: {mentoring_link}

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "mentoring_ended_mentor": (
            "انتهى إرشادك مع {mentee_name}",
            """مرحبًا {recipient_name}،

أنهى {mentee_name} الإرشاد معك على {site_name}:

{ended_reason}

شكرًا لك على الوقت والخبرة اللذين قدّمتهما. لديك مكان شاغر من جديد: ما لم تكن في وضع الإيقاف المؤقت، يمكن لمتدرّبين جدد أن يطلبوا إرشادك.

صفحتك: {mentoring_link}

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
    for code in TEXTS:
        if code in configured:
            Locale.objects.using(db).get_or_create(language_code=code)
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.using(db).filter(language_code__in=list(TEXTS))
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
        ("emails", "0021_outbox_about"),
    ]

    operations = [
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
