# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""The emails about the site's own pages (outside the directory), under Wagtail's group approval
task: the task's groups hear that a page waits for approval, whoever submitted it that it was
approved or sent back for changes; in the portal's four languages.

A frozen copy of their texts in emails/default_templates.py as they were when this migration was
written, added the way migration 0003 added the workflow's emails. Staff edit the texts in the
admin.
"""

import uuid

from django.conf import settings
from django.db import migrations, models

TEXTS = {
    "en": {
        "moderation_submission": (
            "Waiting for your approval: {page_title}",
            """Dear {recipient_name},

{submitter_name} has submitted "{page_title}" for approval on {site_name}.

Review the page, then approve it or request changes: {page_edit_link}

You receive this email because you moderate the site's pages. You can turn these emails off in your account settings in the admin.

The {site_name} team
""",
        ),
        "moderation_approved": (
            "Approved and published: {page_title}",
            """Dear {recipient_name},

"{page_title}", which you submitted for approval, has been approved: it is now published on {site_name}.

{comment}

The page in the admin: {page_edit_link}

The {site_name} team
""",
        ),
        "moderation_rejected": (
            "Changes requested: {page_title}",
            """Dear {recipient_name},

The moderators have read "{page_title}", which you submitted for approval on {site_name}, and ask for some changes before it is published.

{comment}

Make the changes and submit the page for approval again: {page_edit_link}

The {site_name} team
""",
        ),
    },
    "it": {
        "moderation_submission": (
            "In attesa della tua approvazione: {page_title}",
            """Gentile {recipient_name},

{submitter_name} ha inviato la pagina "{page_title}" per l'approvazione su {site_name}.

Esamina la pagina, poi approvala o richiedi modifiche: {page_edit_link}

Ricevi questa email perché moderi le pagine del sito. Puoi disattivare queste email nelle impostazioni del tuo account, nell'area di amministrazione.

Il team di {site_name}
""",
        ),
        "moderation_approved": (
            "Approvata e pubblicata: {page_title}",
            """Gentile {recipient_name},

la pagina "{page_title}" che hai inviato per l'approvazione è stata approvata: ora è pubblicata su {site_name}.

{comment}

La pagina nell'area di amministrazione: {page_edit_link}

Il team di {site_name}
""",
        ),
        "moderation_rejected": (
            "Modifiche richieste: {page_title}",
            """Gentile {recipient_name},

i moderatori hanno letto la pagina "{page_title}" che hai inviato per l'approvazione su {site_name} e chiedono alcune modifiche prima di pubblicarla.

{comment}

Apporta le modifiche e invia di nuovo la pagina per l'approvazione: {page_edit_link}

Il team di {site_name}
""",
        ),
    },
    "el": {
        "moderation_submission": (
            "Αναμένει την έγκρισή σας: {page_title}",
            """Αγαπητέ/ή {recipient_name},

Ο/Η {submitter_name} υπέβαλε τη σελίδα «{page_title}» για έγκριση στο {site_name}.

Ελέγξτε τη σελίδα και εγκρίνετέ τη ή ζητήστε αλλαγές: {page_edit_link}

Λαμβάνετε αυτό το email επειδή εποπτεύετε τις σελίδες του ιστότοπου. Μπορείτε να απενεργοποιήσετε αυτά τα email από τις ρυθμίσεις του λογαριασμού σας στη διαχείριση.

Η ομάδα του {site_name}
""",
        ),
        "moderation_approved": (
            "Εγκρίθηκε και δημοσιεύτηκε: {page_title}",
            """Αγαπητέ/ή {recipient_name},

Η σελίδα «{page_title}» που υποβάλατε για έγκριση εγκρίθηκε: δημοσιεύεται πλέον στο {site_name}.

{comment}

Η σελίδα στη διαχείριση: {page_edit_link}

Η ομάδα του {site_name}
""",
        ),
        "moderation_rejected": (
            "Ζητούνται αλλαγές: {page_title}",
            """Αγαπητέ/ή {recipient_name},

Οι επόπτες διάβασαν τη σελίδα «{page_title}» που υποβάλατε για έγκριση στο {site_name} και ζητούν ορισμένες αλλαγές πριν δημοσιευτεί.

{comment}

Κάντε τις αλλαγές και υποβάλετε ξανά τη σελίδα για έγκριση: {page_edit_link}

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "moderation_submission": (
            "بانتظار موافقتك: {page_title}",
            """عزيزي/عزيزتي {recipient_name}،

أرسل/أرسلت {submitter_name} الصفحة "{page_title}" للموافقة عليها على {site_name}.

راجِع الصفحة، ثم وافِق عليها أو اطلب تعديلات: {page_edit_link}

تصلك هذه الرسالة لأنك تراجع صفحات الموقع. يمكنك إيقاف هذه الرسائل من إعدادات حسابك في لوحة الإدارة.

فريق {site_name}
""",
        ),
        "moderation_approved": (
            "تمت الموافقة والنشر: {page_title}",
            """عزيزي/عزيزتي {recipient_name}،

تمت الموافقة على الصفحة "{page_title}" التي أرسلتها للموافقة: أصبحت منشورة الآن على {site_name}.

{comment}

الصفحة في لوحة الإدارة: {page_edit_link}

فريق {site_name}
""",
        ),
        "moderation_rejected": (
            "مطلوب إجراء تعديلات: {page_title}",
            """عزيزي/عزيزتي {recipient_name}،

قرأ المراجعون الصفحة "{page_title}" التي أرسلتها للموافقة على {site_name}، ويطلبون بعض التعديلات قبل نشرها.

{comment}

أجرِ التعديلات ثم أرسل الصفحة للموافقة مرة أخرى: {page_edit_link}

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
        ('emails', '0004_all_template_choices'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AlterField(
            model_name='emailtemplate',
            name='body',
            field=models.TextField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {week}, {digest}', verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='key',
            field=models.CharField(choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page')], max_length=40, verbose_name='email'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='subject',
            field=models.CharField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {week}, {digest}', max_length=200, verbose_name='subject'),
        ),
        migrations.AlterField(
            model_name='outboxemail',
            name='template_key',
            field=models.CharField(blank=True, choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page')], max_length=40, verbose_name='template'),
        ),
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
