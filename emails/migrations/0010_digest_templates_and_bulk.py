# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""What subscribers receive: the new results of a saved search and the news digest, in the
portal's four languages (a frozen copy of emails/default_templates.py's texts, added the way
migration 0009 added its email); the outbox's bulk flag and its "suppressed" status.
"""

import uuid

from django.conf import settings
from django.db import migrations, models


TEXTS = {
    "en": {
        "search_alert": (
            "New results for your search “{search_words}” on {site_name}",
            """Hello,

There are new results for the search you saved on {site_name}, “{search_words}”:

{search_results}

See every result of this search: {search_link}

The {site_name} team
""",
        ),
        "news_digest": (
            "News from {site_name}",
            """Hello,

Here is the news published on {site_name} since our last email:

{news_list}

All the news: {news_link}

The {site_name} team
""",
        ),
    },
    "it": {
        "search_alert": (
            "Nuovi risultati per la vostra ricerca “{search_words}” su {site_name}",
            """Buongiorno,

ci sono nuovi risultati per la ricerca che avete salvato su {site_name}, “{search_words}”:

{search_results}

Tutti i risultati di questa ricerca: {search_link}

Il team di {site_name}
""",
        ),
        "news_digest": (
            "Le notizie di {site_name}",
            """Buongiorno,

ecco le notizie pubblicate su {site_name} dalla nostra ultima email:

{news_list}

Tutte le notizie: {news_link}

Il team di {site_name}
""",
        ),
    },
    "el": {
        "search_alert": (
            "Νέα αποτελέσματα για την αναζήτησή σας «{search_words}» στο {site_name}",
            """Γεια σας,

Υπάρχουν νέα αποτελέσματα για την αναζήτηση που αποθηκεύσατε στο {site_name}, «{search_words}»:

{search_results}

Όλα τα αποτελέσματα αυτής της αναζήτησης: {search_link}

Η ομάδα του {site_name}
""",
        ),
        "news_digest": (
            "Τα νέα του {site_name}",
            """Γεια σας,

Αυτά είναι τα νέα που δημοσιεύθηκαν στο {site_name} από το τελευταίο μας email:

{news_list}

Όλα τα νέα: {news_link}

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "search_alert": (
            "نتائج جديدة لبحثك «{search_words}» على {site_name}",
            """مرحبًا،

توجد نتائج جديدة للبحث الذي حفظته على {site_name}، «{search_words}»:

{search_results}

جميع نتائج هذا البحث: {search_link}

فريق {site_name}
""",
        ),
        "news_digest": (
            "أخبار {site_name}",
            """مرحبًا،

إليك الأخبار المنشورة على {site_name} منذ رسالتنا الأخيرة:

{news_list}

جميع الأخبار: {news_link}

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
        ('emails', '0009_subscription_confirm_template'),
    ]

    operations = [
        migrations.AddField(
            model_name='outboxemail',
            name='bulk',
            field=models.BooleanField(default=False, verbose_name='bulk email'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='body',
            field=models.TextField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {check_list}, {check_until}, {confirm_link}, {subscription_choices}, {link_days}, {search_words}, {search_results}, {search_link}, {news_list}, {news_link}, {digest}', verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='key',
            field=models.CharField(choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page'), ('registration_existing_account', 'Registration with an address that has an account'), ('yearly_check', "Yearly check of an organisation's pages"), ('subscription_confirm', 'Confirmation of a subscription'), ('search_alert', 'New results of a saved search'), ('news_digest', 'News digest to subscribers')], max_length=40, verbose_name='email'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='subject',
            field=models.CharField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {check_list}, {check_until}, {confirm_link}, {subscription_choices}, {link_days}, {search_words}, {search_results}, {search_link}, {news_list}, {news_link}, {digest}', max_length=200, verbose_name='subject'),
        ),
        migrations.AlterField(
            model_name='outboxemail',
            name='status',
            field=models.CharField(choices=[('queued', 'Queued'), ('sending', 'Sending'), ('sent', 'Sent'), ('delivered', 'Delivered'), ('retrying', 'Waiting to retry'), ('failed', 'Failed'), ('bounced', 'Bounced'), ('complained', 'Marked as spam'), ('rejected', 'Rejected by the provider'), ('unknown', 'Unknown – check'), ('suppressed', 'Not sent: address suppressed')], default='queued', max_length=12, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='outboxemail',
            name='template_key',
            field=models.CharField(blank=True, choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page'), ('registration_existing_account', 'Registration with an address that has an account'), ('yearly_check', "Yearly check of an organisation's pages"), ('subscription_confirm', 'Confirmation of a subscription'), ('search_alert', 'New results of a saved search'), ('news_digest', 'News digest to subscribers')], max_length=40, verbose_name='template'),
        ),
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
