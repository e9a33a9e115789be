# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""The emails of memberships of networks: an invitation to join a network, a request to join
one, and the answer to either, in the portal's four languages (a frozen copy of
emails/default_templates.py's texts, added the way migration 0010 added its emails).
"""

import uuid

from django.conf import settings
from django.db import migrations, models


TEXTS = {
    "en": {
        "network_invitation": (
            "{network_name} invites {organisation_name} to join",
            """Dear {contact_name},

{network_name} invites {organisation_name} to become one of its members on {site_name}, with the role: {membership_role}.

About the network: {network_link}

Accept or decline the invitation from your home in the admin: {memberships_link}
Once you accept, the network's page lists {organisation_name} and your page says you are a member.

The {site_name} team
""",
        ),
        "network_request": (
            "{member_name} asks to join {network_name}",
            """Dear {contact_name},

{member_name} asks to join {network_name} on {site_name}, with the role: {membership_role}.

About the organisation: {member_link}

Accept or decline the request from your home in the admin: {memberships_link}
Once you accept, your network's page lists {member_name}.

The {site_name} team
""",
        ),
        "network_answer": (
            "{network_name}: membership of {member_name} {membership_answer}",
            """Dear {contact_name},

The membership of {member_name} in {network_name} ({membership_role}) has been {membership_answer}.

Your memberships: {memberships_link}

The {site_name} team
""",
        ),
    },
    "it": {
        "network_invitation": (
            "{network_name} invita {organisation_name} a farne parte",
            """Gentile {contact_name},

{network_name} invita {organisation_name} a diventare uno dei suoi membri su {site_name}, con il ruolo: {membership_role}.

La rete: {network_link}

Accettate o rifiutate l'invito dalla vostra pagina iniziale nell'area di amministrazione: {memberships_link}
Quando accettate, la pagina della rete elenca {organisation_name} e la vostra pagina indica che ne siete membri.

Il team di {site_name}
""",
        ),
        "network_request": (
            "{member_name} chiede di entrare in {network_name}",
            """Gentile {contact_name},

{member_name} chiede di entrare in {network_name} su {site_name}, con il ruolo: {membership_role}.

L'organizzazione: {member_link}

Accettate o rifiutate la richiesta dalla vostra pagina iniziale nell'area di amministrazione: {memberships_link}
Quando accettate, la pagina della vostra rete elenca {member_name}.

Il team di {site_name}
""",
        ),
        "network_answer": (
            "{network_name}: adesione di {member_name} {membership_answer}",
            """Gentile {contact_name},

l'adesione di {member_name} a {network_name} ({membership_role}) è stata {membership_answer}.

Le vostre adesioni: {memberships_link}

Il team di {site_name}
""",
        ),
    },
    "el": {
        "network_invitation": (
            "Το {network_name} προσκαλεί τον οργανισμό {organisation_name} να γίνει μέλος",
            """Αγαπητή/ε {contact_name},

Το {network_name} προσκαλεί τον οργανισμό {organisation_name} να γίνει μέλος του στο {site_name}, με τον ρόλο: {membership_role}.

Σχετικά με το δίκτυο: {network_link}

Αποδεχθείτε ή απορρίψτε την πρόσκληση από την αρχική σας σελίδα στη διαχείριση: {memberships_link}
Μόλις την αποδεχθείτε, η σελίδα του δικτύου θα αναφέρει τον οργανισμό {organisation_name} και η σελίδα σας ότι είστε μέλος.

Η ομάδα του {site_name}
""",
        ),
        "network_request": (
            "Ο οργανισμός {member_name} ζητά να γίνει μέλος του {network_name}",
            """Αγαπητή/ε {contact_name},

Ο οργανισμός {member_name} ζητά να γίνει μέλος του {network_name} στο {site_name}, με τον ρόλο: {membership_role}.

Σχετικά με τον οργανισμό: {member_link}

Αποδεχθείτε ή απορρίψτε το αίτημα από την αρχική σας σελίδα στη διαχείριση: {memberships_link}
Μόλις το αποδεχθείτε, η σελίδα του δικτύου σας θα αναφέρει τον οργανισμό {member_name}.

Η ομάδα του {site_name}
""",
        ),
        "network_answer": (
            "{network_name}: η συμμετοχή του οργανισμού {member_name}: {membership_answer}",
            """Αγαπητή/ε {contact_name},

Η συμμετοχή του οργανισμού {member_name} στο {network_name} ({membership_role}): {membership_answer}.

Οι συμμετοχές σας: {memberships_link}

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "network_invitation": (
            "تدعو {network_name} منظمة {organisation_name} إلى الانضمام",
            """عزيزي/عزيزتي {contact_name}،

تدعو {network_name} منظمة {organisation_name} إلى أن تصبح أحد أعضائها على {site_name}، بدور: {membership_role}.

عن الشبكة: {network_link}

اقبل الدعوة أو ارفضها من صفحتك الرئيسية في لوحة الإدارة: {memberships_link}
بعد القبول، تذكر صفحة الشبكة منظمة {organisation_name} وتذكر صفحتك أنك عضو فيها.

فريق {site_name}
""",
        ),
        "network_request": (
            "تطلب {member_name} الانضمام إلى {network_name}",
            """عزيزي/عزيزتي {contact_name}،

تطلب منظمة {member_name} الانضمام إلى {network_name} على {site_name}، بدور: {membership_role}.

عن المنظمة: {member_link}

اقبل الطلب أو ارفضه من صفحتك الرئيسية في لوحة الإدارة: {memberships_link}
بعد القبول، تذكر صفحة شبكتك منظمة {member_name}.

فريق {site_name}
""",
        ),
        "network_answer": (
            "{network_name}: عضوية {member_name}: {membership_answer}",
            """عزيزي/عزيزتي {contact_name}،

عضوية {member_name} في {network_name} ({membership_role}): {membership_answer}.

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
        ('emails', '0011_mentoring_templates'),
    ]

    operations = [
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
