# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""The email to whoever has an account, when the registration form is filled in with its
address (no account is created, and the form answers as for a new address), in the portal's
four languages; and the outbox's template choices with it.

A frozen copy of its texts in emails/default_templates.py as they were when this migration was
written, added the way migration 0005 added the moderation emails. Staff edit the texts in the
admin.
"""

import uuid

from django.conf import settings
from django.db import migrations, models

TEXTS = {
    "en": {
        "registration_existing_account": (
            "Someone tried to register with your address on {site_name}",
            """Dear {recipient_name},

Someone has just filled in the registration form of {site_name} with this email address, which already has an account. No new account was created.

If it was you, sign in as usual: {signin_link}

If you have forgotten your password, ask for a new one: {password_reset_link}

If it was not you, you can ignore this email: your account has not changed.

The {site_name} team
""",
        ),
    },
    "it": {
        "registration_existing_account": (
            "Qualcuno ha provato a registrarsi con il tuo indirizzo su {site_name}",
            """Gentile {recipient_name},

qualcuno ha appena compilato il modulo di registrazione di {site_name} con questo indirizzo email, che ha già un account. Non è stato creato nessun nuovo account.

Se sei stato tu, accedi come sempre: {signin_link}

Se hai dimenticato la password, richiedine una nuova: {password_reset_link}

Se non sei stato tu, puoi ignorare questa email: il tuo account non è cambiato.

Il team di {site_name}
""",
        ),
    },
    "el": {
        "registration_existing_account": (
            "Κάποιος προσπάθησε να εγγραφεί με τη διεύθυνσή σας στο {site_name}",
            """Αγαπητέ/ή {recipient_name},

Κάποιος μόλις συμπλήρωσε τη φόρμα εγγραφής του {site_name} με αυτή τη διεύθυνση email, η οποία έχει ήδη λογαριασμό. Δεν δημιουργήθηκε νέος λογαριασμός.

Αν ήσασταν εσείς, συνδεθείτε όπως πάντα: {signin_link}

Αν ξεχάσατε τον κωδικό σας, ζητήστε νέο: {password_reset_link}

Αν δεν ήσασταν εσείς, μπορείτε να αγνοήσετε αυτό το email: ο λογαριασμός σας δεν άλλαξε.

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "registration_existing_account": (
            "حاول شخص ما التسجيل بعنوانك على {site_name}",
            """عزيزي/عزيزتي {recipient_name}،

قام شخص ما للتو بملء نموذج التسجيل على {site_name} بعنوان البريد الإلكتروني هذا، وهو مرتبط بحساب موجود بالفعل. لم يُنشأ أي حساب جديد.

إذا كنت أنت، فسجّل الدخول كالمعتاد: {signin_link}

إذا نسيت كلمة المرور، فاطلب كلمة مرور جديدة: {password_reset_link}

إذا لم تكن أنت، يمكنك تجاهل هذه الرسالة: لم يتغير شيء في حسابك.

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
        ('emails', '0006_outbox_lease_and_message_parts'),
    ]

    operations = [
        migrations.AlterField(
            model_name='emailtemplate',
            name='body',
            field=models.TextField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {digest}', verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='key',
            field=models.CharField(choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page'), ('registration_existing_account', 'Registration with an address that has an account')], max_length=40, verbose_name='email'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='subject',
            field=models.CharField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {digest}', max_length=200, verbose_name='subject'),
        ),
        migrations.AlterField(
            model_name='outboxemail',
            name='template_key',
            field=models.CharField(blank=True, choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page'), ('registration_existing_account', 'Registration with an address that has an account')], max_length=40, verbose_name='template'),
        ),
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
