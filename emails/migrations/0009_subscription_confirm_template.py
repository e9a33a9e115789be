# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""The confirmation email of the subscriptions (subscriptions app), in the portal's four
languages; and the outbox's template choices with it.

A frozen copy of its texts in emails/default_templates.py as they were when this migration was
written, added the way migration 0007 added its email. Staff edit the texts in the admin.
"""

import uuid

from django.conf import settings
from django.db import migrations, models

TEXTS = {
    "en": {
        "subscription_confirm": (
            "Please confirm your subscription to {site_name}",
            """Hello,

Someone, probably you, asked to receive these emails from {site_name} at this address:

{subscription_choices}

To confirm, open this link and press the button: {confirm_link}

The link works for {link_days} days. If you did not ask for this, ignore this email: nothing will be sent to you, and your address will be deleted.

Every email we send has a link to change your choices or to stop receiving them.

The {site_name} team
""",
        ),
    },
    "it": {
        "subscription_confirm": (
            "Confermate la vostra iscrizione a {site_name}",
            """Buongiorno,

qualcuno, probabilmente voi, ha chiesto di ricevere queste email di {site_name} a questo indirizzo:

{subscription_choices}

Per confermare, aprite questo link e premete il pulsante: {confirm_link}

Il link funziona per {link_days} giorni. Se non l'avete chiesto voi, ignorate questa email: non vi sarà inviato nulla e il vostro indirizzo sarà cancellato.

Ogni email che inviamo contiene un link per cambiare le vostre scelte o per non riceverle più.

Il team di {site_name}
""",
        ),
    },
    "el": {
        "subscription_confirm": (
            "Επιβεβαιώστε την εγγραφή σας στο {site_name}",
            """Γεια σας,

Κάποιος, πιθανότατα εσείς, ζήτησε να λαμβάνει αυτά τα email του {site_name} σε αυτή τη διεύθυνση:

{subscription_choices}

Για να το επιβεβαιώσετε, ανοίξτε αυτόν τον σύνδεσμο και πατήστε το κουμπί: {confirm_link}

Ο σύνδεσμος λειτουργεί για {link_days} ημέρες. Αν δεν το ζητήσατε εσείς, αγνοήστε αυτό το email: δεν θα σας σταλεί τίποτα και η διεύθυνσή σας θα διαγραφεί.

Κάθε email που στέλνουμε έχει έναν σύνδεσμο για να αλλάξετε τις επιλογές σας ή να σταματήσετε να τα λαμβάνετε.

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "subscription_confirm": (
            "يرجى تأكيد اشتراكك في {site_name}",
            """مرحبًا،

طلب شخص ما، على الأرجح أنت، تلقي رسائل {site_name} هذه على هذا العنوان:

{subscription_choices}

للتأكيد، افتح هذا الرابط واضغط على الزر: {confirm_link}

يعمل الرابط لمدة {link_days} أيام. إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لن يُرسل إليك شيء، وسيُحذف عنوانك.

تحتوي كل رسالة نرسلها على رابط لتغيير اختياراتك أو للتوقف عن تلقيها.

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
        ("emails", "0008_yearly_check_template"),
    ]

    operations = [
        migrations.AlterField(
            model_name='emailtemplate',
            name='body',
            field=models.TextField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {check_list}, {check_until}, {confirm_link}, {subscription_choices}, {link_days}, {digest}', verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='key',
            field=models.CharField(choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page'), ('registration_existing_account', 'Registration with an address that has an account'), ('yearly_check', "Yearly check of an organisation's pages"), ('subscription_confirm', 'Confirmation of a subscription')], max_length=40, verbose_name='email'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='subject',
            field=models.CharField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {check_list}, {check_until}, {confirm_link}, {subscription_choices}, {link_days}, {digest}', max_length=200, verbose_name='subject'),
        ),
        migrations.AlterField(
            model_name='outboxemail',
            name='template_key',
            field=models.CharField(blank=True, choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page'), ('registration_existing_account', 'Registration with an address that has an account'), ('yearly_check', "Yearly check of an organisation's pages"), ('subscription_confirm', 'Confirmation of a subscription')], max_length=40, verbose_name='template'),
        ),
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
