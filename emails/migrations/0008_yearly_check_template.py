# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""The yearly check's email to each organisation (freshness app), in the portal's four
languages; and the outbox's template choices with it.

A frozen copy of its texts in emails/default_templates.py as they were when this migration was
written, added the way migration 0007 added its email. Staff edit the texts in the admin.
"""

import uuid

from django.conf import settings
from django.db import migrations, models

TEXTS = {
    "en": {
        "yearly_check": (
            "{organisation_name}: are your pages on {site_name} still accurate?",
            """Dear {contact_name},

Once a year we ask each organisation to check what {site_name} says about it, so that the people who find it can trust it. Please look at each item below and choose one answer:

- "Still accurate": nothing to change (no need to sign in);
- "Needs changes": opens the page in the editor;
- "No longer offered": takes the service off the portal, after you confirm.

{check_list}

The links work once each, until {check_until}. A page not checked for a long time is shown lower in the directory, and then no longer listed.

If you have a question, reply to this email.

Best wishes,
The {site_name} team
""",
        ),
    },
    "it": {
        "yearly_check": (
            "{organisation_name}: le vostre pagine su {site_name} sono ancora esatte?",
            """Gentile {contact_name},

una volta l'anno chiediamo a ogni organizzazione di verificare ciò che {site_name} dice di lei, perché chi la trova possa fidarsene. Guardate ciascuna voce qui sotto e scegliete una risposta:

- "Ancora esatto": niente da cambiare (non serve accedere);
- "Richiede modifiche": apre la pagina nell'editor;
- "Non più offerto": toglie il servizio dal portale, dopo la vostra conferma.

{check_list}

Ogni link funziona una volta, fino al {check_until}. Una pagina non verificata da molto tempo compare più in basso nella directory, e poi non è più elencata.

Per qualsiasi domanda, rispondete a questa email.

Cordiali saluti,
Il team di {site_name}
""",
        ),
    },
    "el": {
        "yearly_check": (
            "{organisation_name}: είναι ακόμη ακριβείς οι σελίδες σας στο {site_name};",
            """Αγαπητέ/ή {contact_name},

Μία φορά τον χρόνο ζητάμε από κάθε οργανισμό να ελέγξει όσα λέει γι' αυτόν το {site_name}, ώστε να μπορούν να τα εμπιστεύονται όσοι τον βρίσκουν. Δείτε κάθε στοιχείο παρακάτω και επιλέξτε μία απάντηση:

- «Ακόμη ακριβές»: τίποτα να αλλάξει (χωρίς σύνδεση)·
- «Χρειάζεται αλλαγές»: ανοίγει τη σελίδα στον επεξεργαστή·
- «Δεν προσφέρεται πια»: αφαιρεί την υπηρεσία από την πύλη, αφού το επιβεβαιώσετε.

{check_list}

Κάθε σύνδεσμος λειτουργεί μία φορά, έως τις {check_until}. Μια σελίδα που δεν έχει ελεγχθεί για πολύ καιρό εμφανίζεται χαμηλότερα στον κατάλογο και έπειτα δεν εμφανίζεται πια.

Για οποιαδήποτε ερώτηση, απαντήστε σε αυτό το email.

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "yearly_check": (
            "{organisation_name}: هل ما زالت صفحاتكم على {site_name} دقيقة؟",
            """عزيزي/عزيزتي {contact_name}،

نطلب مرة في السنة من كل منظمة أن تراجع ما يقوله {site_name} عنها، حتى يثق به من يجدها. يرجى مراجعة كل بند أدناه واختيار إجابة واحدة:

- "ما زال دقيقًا": لا شيء يحتاج إلى تغيير (دون تسجيل الدخول)؛
- "يحتاج إلى تعديل": يفتح الصفحة في المحرر؛
- "لم يعد متاحًا": يزيل الخدمة من البوابة بعد تأكيدكم.

{check_list}

يعمل كل رابط مرة واحدة، حتى {check_until}. الصفحة التي لم تُراجَع منذ وقت طويل تظهر في مرتبة أدنى في الدليل، ثم لا تعود مدرجة فيه.

إذا كان لديكم أي سؤال، ردّوا على هذه الرسالة.

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
        ('emails', '0007_registration_existing_account_template'),
    ]

    operations = [
        migrations.AlterField(
            model_name='emailtemplate',
            name='body',
            field=models.TextField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {check_list}, {check_until}, {digest}', verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='key',
            field=models.CharField(choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page'), ('registration_existing_account', 'Registration with an address that has an account'), ('yearly_check', "Yearly check of an organisation's pages")], max_length=40, verbose_name='email'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='subject',
            field=models.CharField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {check_list}, {check_until}, {digest}', max_length=200, verbose_name='subject'),
        ),
        migrations.AlterField(
            model_name='outboxemail',
            name='template_key',
            field=models.CharField(blank=True, choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page'), ('registration_existing_account', 'Registration with an address that has an account'), ('yearly_check', "Yearly check of an organisation's pages")], max_length=40, verbose_name='template'),
        ),
            migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
