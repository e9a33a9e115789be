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
        ('emails', '0013_template_choices_networks_and_mentoring'),
    ]

    operations = [
        migrations.AlterField(
            model_name='emailtemplate',
            name='body',
            field=models.TextField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {check_list}, {check_until}, {confirm_link}, {subscription_choices}, {link_days}, {search_words}, {search_results}, {search_link}, {news_list}, {news_link}, {mentoring_link}, {mentee_name}, {mentee_message}, {mentor_name}, {mentor_email}, {decline_reason}, {request_days}, {network_name}, {network_link}, {member_name}, {member_link}, {membership_role}, {ended_by_name}, {membership_answer}, {memberships_link}, {digest}', verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='key',
            field=models.CharField(choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page'), ('registration_existing_account', 'Registration with an address that has an account'), ('yearly_check', "Yearly check of an organisation's pages"), ('subscription_confirm', 'Confirmation of a subscription'), ('search_alert', 'New results of a saved search'), ('news_digest', 'News digest to subscribers'), ('mentoring_mentee_link', "Mentoring: the mentee's link"), ('mentoring_mentor_link', "Mentoring: the mentor's link"), ('mentoring_request', 'Mentoring: a request to a mentor'), ('mentoring_accepted', 'Mentoring: accepted, to the mentee'), ('mentoring_declined', 'Mentoring: declined, to the mentee'), ('mentoring_expired', 'Mentoring: expired, to the mentee'), ('mentoring_expired_mentor', 'Mentoring: expired, to the mentor'), ('mentoring_superseded', 'Mentoring: another mentor accepted first, to the mentor'), ('network_invitation', 'Invitation to join a network'), ('network_request', 'Request to join a network'), ('network_answer', 'Answer to an invitation or a request to join a network'), ('network_ended', 'A membership of a network ended by the other side')], max_length=40, verbose_name='email'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='subject',
            field=models.CharField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {check_list}, {check_until}, {confirm_link}, {subscription_choices}, {link_days}, {search_words}, {search_results}, {search_link}, {news_list}, {news_link}, {mentoring_link}, {mentee_name}, {mentee_message}, {mentor_name}, {mentor_email}, {decline_reason}, {request_days}, {network_name}, {network_link}, {member_name}, {member_link}, {membership_role}, {ended_by_name}, {membership_answer}, {memberships_link}, {digest}', max_length=200, verbose_name='subject'),
        ),
        migrations.AlterField(
            model_name='outboxemail',
            name='template_key',
            field=models.CharField(blank=True, choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page'), ('registration_existing_account', 'Registration with an address that has an account'), ('yearly_check', "Yearly check of an organisation's pages"), ('subscription_confirm', 'Confirmation of a subscription'), ('search_alert', 'New results of a saved search'), ('news_digest', 'News digest to subscribers'), ('mentoring_mentee_link', "Mentoring: the mentee's link"), ('mentoring_mentor_link', "Mentoring: the mentor's link"), ('mentoring_request', 'Mentoring: a request to a mentor'), ('mentoring_accepted', 'Mentoring: accepted, to the mentee'), ('mentoring_declined', 'Mentoring: declined, to the mentee'), ('mentoring_expired', 'Mentoring: expired, to the mentee'), ('mentoring_expired_mentor', 'Mentoring: expired, to the mentor'), ('mentoring_superseded', 'Mentoring: another mentor accepted first, to the mentor'), ('network_invitation', 'Invitation to join a network'), ('network_request', 'Request to join a network'), ('network_answer', 'Answer to an invitation or a request to join a network'), ('network_ended', 'A membership of a network ended by the other side')], max_length=40, verbose_name='template'),
        ),
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
