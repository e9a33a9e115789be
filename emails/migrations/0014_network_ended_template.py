# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""The email of a membership ended by one side, to the other side's users, in the portal's four
languages (a frozen copy of emails/default_templates.py's texts, added the way migration 0012
added the other emails of memberships), and the template's place among the choices.
"""

import uuid

from django.conf import settings
from django.db import migrations, models


TEXTS = {
    "en": {
        "network_ended": (
            "{network_name}: membership of {member_name} ended",
            """Dear {contact_name},

{ended_by_name} has ended the membership of {member_name} in {network_name} ({membership_role}) on {site_name}. The network's page no longer lists {member_name}; the membership stays in the history of your memberships.

Your memberships: {memberships_link}

The {site_name} team
""",
        ),
    },
    "it": {
        "network_ended": (
            "{network_name}: terminata l'adesione di {member_name}",
            """Gentile {contact_name},

{ended_by_name} ha terminato l'adesione di {member_name} a {network_name} ({membership_role}) su {site_name}. La pagina della rete non elenca più {member_name}; l'adesione resta nello storico delle vostre adesioni.

Le vostre adesioni: {memberships_link}

Il team di {site_name}
""",
        ),
    },
    "el": {
        "network_ended": (
            "{network_name}: η συμμετοχή του οργανισμού {member_name} έληξε",
            """Αγαπητή/ε {contact_name},

Ο οργανισμός {ended_by_name} τερμάτισε τη συμμετοχή του οργανισμού {member_name} στο {network_name} ({membership_role}) στο {site_name}. Η σελίδα του δικτύου δεν αναφέρει πλέον τον οργανισμό {member_name}· η συμμετοχή παραμένει στο ιστορικό των συμμετοχών σας.

Οι συμμετοχές σας: {memberships_link}

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "network_ended": (
            "{network_name}: انتهت عضوية {member_name}",
            """عزيزي/عزيزتي {contact_name}،

أنهت {ended_by_name} عضوية {member_name} في {network_name} ({membership_role}) على {site_name}. لم تعد صفحة الشبكة تذكر {member_name}، وتبقى العضوية في سجل عضوياتك.

عضوياتك: {memberships_link}

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
        ('emails', '0013_mentor_approval_templates'),
    ]

    operations = [
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
