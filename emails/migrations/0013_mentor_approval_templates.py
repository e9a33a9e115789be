# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""What a mentor is told when a facilitator approves their profile, or does not (with why), in
the portal's four languages (a frozen copy of emails/default_templates.py's texts, added the way
migration 0011 added the other mentoring emails).
"""

import uuid

from django.conf import settings
from django.db import migrations, models

TEXTS = {
    "en": {
        "mentoring_mentor_approved": (
            "Your mentor profile on {site_name} is approved",
            """Hello {recipient_name},

A facilitator has read and approved your mentor profile: from now on it is proposed to young people looking for a mentor, and you will receive their requests by email. You can accept or decline each one, and pause whenever you need to, on your page:

{mentoring_link}

Thank you for giving your time.

The {site_name} team
""",
        ),
        "mentoring_mentor_rejected": (
            "Your mentor profile on {site_name}",
            """Hello {recipient_name},

Thank you for offering to mentor on {site_name}. A facilitator has read your profile and cannot approve it as it is, for this reason:

{rejection_reason}

Your page: {mentoring_link}

If you have questions, reply to this email.

The {site_name} team
""",
        ),
    },
    "it": {
        "mentoring_mentor_approved": (
            "Il vostro profilo di mentore su {site_name} è approvato",
            """Buongiorno {recipient_name},

un facilitatore ha letto e approvato il vostro profilo di mentore: da ora viene proposto ai giovani che cercano un mentore, e riceverete le loro richieste per email. Potete accettarle o rifiutarle una per una, e mettervi in pausa quando serve, dalla vostra pagina:

{mentoring_link}

Grazie per il vostro tempo.

Il team di {site_name}
""",
        ),
        "mentoring_mentor_rejected": (
            "Il vostro profilo di mentore su {site_name}",
            """Buongiorno {recipient_name},

grazie per esservi offerti come mentori su {site_name}. Un facilitatore ha letto il vostro profilo e non può approvarlo così com'è, per questo motivo:

{rejection_reason}

La vostra pagina: {mentoring_link}

Per qualsiasi domanda, rispondete a questa email.

Il team di {site_name}
""",
        ),
    },
    "el": {
        "mentoring_mentor_approved": (
            "Το προφίλ σας ως μέντορα στο {site_name} εγκρίθηκε",
            """Γεια σας {recipient_name},

Ένας διευκολυντής διάβασε και ενέκρινε το προφίλ σας ως μέντορα: από τώρα προτείνεται σε νέους που αναζητούν μέντορα, και θα λαμβάνετε τα αιτήματά τους με email. Μπορείτε να αποδεχτείτε ή να απορρίψετε το καθένα, και να κάνετε παύση όποτε χρειαστεί, από τη σελίδα σας:

{mentoring_link}

Σας ευχαριστούμε για τον χρόνο σας.

Η ομάδα του {site_name}
""",
        ),
        "mentoring_mentor_rejected": (
            "Το προφίλ σας ως μέντορα στο {site_name}",
            """Γεια σας {recipient_name},

Σας ευχαριστούμε που προσφερθήκατε ως μέντορας στο {site_name}. Ένας διευκολυντής διάβασε το προφίλ σας και δεν μπορεί να το εγκρίνει ως έχει, για τον εξής λόγο:

{rejection_reason}

Η σελίδα σας: {mentoring_link}

Για οποιαδήποτε ερώτηση, απαντήστε σε αυτό το email.

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "mentoring_mentor_approved": (
            "تمت الموافقة على ملفك كمرشد على {site_name}",
            """مرحبًا {recipient_name}،

قرأ أحد الميسّرين ملفك كمرشد ووافق عليه: من الآن يُقترح على الشباب الذين يبحثون عن مرشد، وستصلك طلباتهم بالبريد الإلكتروني. يمكنك قبول كل طلب أو رفضه، والإيقاف المؤقت متى احتجت، من صفحتك:

{mentoring_link}

شكرًا لتخصيص وقتك.

فريق {site_name}
""",
        ),
        "mentoring_mentor_rejected": (
            "ملفك كمرشد على {site_name}",
            """مرحبًا {recipient_name}،

شكرًا لعرضك أن تكون مرشدًا على {site_name}. قرأ أحد الميسّرين ملفك ولا يستطيع الموافقة عليه كما هو، للسبب التالي:

{rejection_reason}

صفحتك: {mentoring_link}

إذا كانت لديك أسئلة، فردّ على هذه الرسالة.

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
        ("emails", "0012_network_templates"),
    ]

    operations = [
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
