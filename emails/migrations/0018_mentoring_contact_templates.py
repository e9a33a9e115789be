# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""Mentoring's contact emails: to the mentor who accepts, the mentee's first name and address;
to the mentee, one email naming the mentors they asked. The emails closing a mentee's request
(declined, expired) gain the mentors proposed now, {proposal_list}, placed before the link to
their page. A frozen copy of emails/default_templates.py's texts, added as migration 0016 did.
"""

import uuid

from django.conf import settings
from django.db import migrations

TEXTS = {
    "en": {
        "mentoring_accepted_mentor": (
            "{mentee_name} is your mentee",
            """Hello {recipient_name},

Thank you for accepting to mentor {mentee_name}. You can write to them at {mentee_email}; they have your address too. Please get in touch soon to arrange your first meeting.

Your page, where you log your meetings: {mentoring_link}

The {site_name} team
""",
        ),
        "mentoring_requests_sent": (
            "Your mentoring requests are sent",
            """Hello {recipient_name},

Your request was sent to:

{mentors_asked}

Each mentor answers on their own page. As soon as one accepts, we send you their email address and the other requests close. You can follow them or withdraw them on your page:

{mentoring_link}

The {site_name} team
""",
        ),
    },
    "it": {
        "mentoring_accepted_mentor": (
            "{mentee_name} è il tuo mentee",
            """Ciao {recipient_name},

grazie per aver accettato di seguire {mentee_name}. Puoi scrivere a {mentee_email}; anche {mentee_name} ha il tuo indirizzo. Mettiti in contatto presto per fissare il primo incontro.

La tua pagina, dove registri gli incontri: {mentoring_link}

Il team di {site_name}
""",
        ),
        "mentoring_requests_sent": (
            "Le tue richieste di mentoring sono state inviate",
            """Ciao {recipient_name},

la tua richiesta è stata inviata a:

{mentors_asked}

Ogni mentore risponde dalla propria pagina. Appena uno accetta, ti mandiamo il suo indirizzo email e le altre richieste si chiudono. Puoi seguirle o ritirarle dalla tua pagina:

{mentoring_link}

Il team di {site_name}
""",
        ),
    },
    "el": {
        "mentoring_accepted_mentor": (
            "Ο/Η {mentee_name} είναι ο/η καθοδηγούμενός σας",
            """Γεια σας {recipient_name},

Σας ευχαριστούμε που δεχτήκατε να καθοδηγήσετε τον/την {mentee_name}. Μπορείτε να γράψετε στο {mentee_email}· έχει κι εκείνος/εκείνη τη διεύθυνσή σας. Επικοινωνήστε σύντομα για να κανονίσετε την πρώτη σας συνάντηση.

Η σελίδα σας, όπου καταγράφετε τις συναντήσεις: {mentoring_link}

Η ομάδα του {site_name}
""",
        ),
        "mentoring_requests_sent": (
            "Τα αιτήματά σας για καθοδήγηση στάλθηκαν",
            """Γεια σας {recipient_name},

Το αίτημά σας στάλθηκε στους:

{mentors_asked}

Κάθε μέντορας απαντά από τη δική του σελίδα. Μόλις κάποιος δεχτεί, σας στέλνουμε τη διεύθυνση email του και τα άλλα αιτήματα κλείνουν. Μπορείτε να τα παρακολουθείτε ή να τα αποσύρετε από τη σελίδα σας:

{mentoring_link}

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "mentoring_accepted_mentor": (
            "{mentee_name} هو المتدرّب معك",
            """مرحبًا {recipient_name}،

شكرًا لقبولك إرشاد {mentee_name}. يمكنك مراسلته على {mentee_email}؛ ولديه عنوانك أيضًا. يُرجى التواصل قريبًا لترتيب لقائكما الأول.

صفحتك، حيث تسجّل اللقاءات: {mentoring_link}

فريق {site_name}
""",
        ),
        "mentoring_requests_sent": (
            "أُرسلت طلبات الإرشاد الخاصة بك",
            """مرحبًا {recipient_name}،

أُرسل طلبك إلى:

{mentors_asked}

يجيب كل مرشد من صفحته. فور قبول أحدهم، نرسل إليك عنوان بريده الإلكتروني وتُغلق الطلبات الأخرى. يمكنك متابعتها أو سحبها من صفحتك:

{mentoring_link}

فريق {site_name}
""",
        ),
    },
}


#: The templates that now name fresh proposals, just before the link to the mentee's page.
WITH_PROPOSALS = ("mentoring_declined", "mentoring_expired")


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
    for template in EmailTemplate.objects.using(db).filter(key__in=WITH_PROPOSALS):
        if "{proposal_list}" in template.body or "{mentoring_link}" not in template.body:
            continue
        template.body = template.body.replace(
            "{mentoring_link}", "{proposal_list}\n\n{mentoring_link}", 1
        )
        template.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [
        ("emails", "0017_mentoring_reminder_choices"),
    ]

    operations = [
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
