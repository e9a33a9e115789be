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
        ("emails", "0011_mentoring_templates"),
    ]

    operations = [
        migrations.AlterField(
            model_name="emailtemplate",
            name="body",
            field=models.TextField(
                help_text="Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {check_list}, {check_until}, {confirm_link}, {subscription_choices}, {link_days}, {search_words}, {search_results}, {search_link}, {news_list}, {news_link}, {mentoring_link}, {mentee_name}, {mentee_message}, {mentor_name}, {mentor_email}, {decline_reason}, {request_days}, {rejection_reason}, {digest}",
                verbose_name="body",
            ),
        ),
        migrations.AlterField(
            model_name="emailtemplate",
            name="key",
            field=models.CharField(
                choices=[
                    ("welcome", "Welcome"),
                    ("welcome_country_missing", "Welcome, country of work missing"),
                    ("profile_reminder", "Profile reminder"),
                    ("email_verification", "Email address verification"),
                    ("enquiry", "Message from a citizen"),
                    ("collaboration_interest", "Interest in a call for collaboration"),
                    ("enquiry_reply", "An organisation's reply to a citizen"),
                    ("collaboration_response", "Response to an expression of interest"),
                    ("facilitator_registration", "To facilitators: a new registration"),
                    (
                        "facilitator_email_confirmed",
                        "To facilitators: an organisation confirmed its email address",
                    ),
                    ("facilitator_submission", "To facilitators: a page waits for approval"),
                    ("facilitator_digest", "To facilitators: the weekly digest"),
                    ("page_approved", "Page approved"),
                    ("page_rejected", "Changes requested on a page"),
                    ("verified", "Organisation verified"),
                    ("verification_revoked", "Verification withdrawn"),
                    ("moderation_submission", "To moderators: a site page waits for approval"),
                    ("moderation_approved", "Site page approved"),
                    ("moderation_rejected", "Changes requested on a site page"),
                    (
                        "registration_existing_account",
                        "Registration with an address that has an account",
                    ),
                    ("yearly_check", "Yearly check of an organisation's pages"),
                    ("subscription_confirm", "Confirmation of a subscription"),
                    ("search_alert", "New results of a saved search"),
                    ("news_digest", "News digest to subscribers"),
                    ("mentoring_mentee_link", "Mentoring: the mentee's link"),
                    ("mentoring_mentor_link", "Mentoring: the mentor's link"),
                    ("mentoring_request", "Mentoring: a request to a mentor"),
                    ("mentoring_accepted", "Mentoring: accepted, to the mentee"),
                    ("mentoring_declined", "Mentoring: declined, to the mentee"),
                    ("mentoring_expired", "Mentoring: expired, to the mentee"),
                    ("mentoring_expired_mentor", "Mentoring: expired, to the mentor"),
                    (
                        "mentoring_superseded",
                        "Mentoring: another mentor accepted first, to the mentor",
                    ),
                    ("mentoring_mentor_approved", "Mentoring: the mentor's profile approved"),
                    ("mentoring_mentor_rejected", "Mentoring: the mentor's profile not approved"),
                ],
                max_length=40,
                verbose_name="email",
            ),
        ),
        migrations.AlterField(
            model_name="emailtemplate",
            name="subject",
            field=models.CharField(
                help_text="Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {check_list}, {check_until}, {confirm_link}, {subscription_choices}, {link_days}, {search_words}, {search_results}, {search_link}, {news_list}, {news_link}, {mentoring_link}, {mentee_name}, {mentee_message}, {mentor_name}, {mentor_email}, {decline_reason}, {request_days}, {rejection_reason}, {digest}",
                max_length=200,
                verbose_name="subject",
            ),
        ),
        migrations.AlterField(
            model_name="outboxemail",
            name="template_key",
            field=models.CharField(
                blank=True,
                choices=[
                    ("welcome", "Welcome"),
                    ("welcome_country_missing", "Welcome, country of work missing"),
                    ("profile_reminder", "Profile reminder"),
                    ("email_verification", "Email address verification"),
                    ("enquiry", "Message from a citizen"),
                    ("collaboration_interest", "Interest in a call for collaboration"),
                    ("enquiry_reply", "An organisation's reply to a citizen"),
                    ("collaboration_response", "Response to an expression of interest"),
                    ("facilitator_registration", "To facilitators: a new registration"),
                    (
                        "facilitator_email_confirmed",
                        "To facilitators: an organisation confirmed its email address",
                    ),
                    ("facilitator_submission", "To facilitators: a page waits for approval"),
                    ("facilitator_digest", "To facilitators: the weekly digest"),
                    ("page_approved", "Page approved"),
                    ("page_rejected", "Changes requested on a page"),
                    ("verified", "Organisation verified"),
                    ("verification_revoked", "Verification withdrawn"),
                    ("moderation_submission", "To moderators: a site page waits for approval"),
                    ("moderation_approved", "Site page approved"),
                    ("moderation_rejected", "Changes requested on a site page"),
                    (
                        "registration_existing_account",
                        "Registration with an address that has an account",
                    ),
                    ("yearly_check", "Yearly check of an organisation's pages"),
                    ("subscription_confirm", "Confirmation of a subscription"),
                    ("search_alert", "New results of a saved search"),
                    ("news_digest", "News digest to subscribers"),
                    ("mentoring_mentee_link", "Mentoring: the mentee's link"),
                    ("mentoring_mentor_link", "Mentoring: the mentor's link"),
                    ("mentoring_request", "Mentoring: a request to a mentor"),
                    ("mentoring_accepted", "Mentoring: accepted, to the mentee"),
                    ("mentoring_declined", "Mentoring: declined, to the mentee"),
                    ("mentoring_expired", "Mentoring: expired, to the mentee"),
                    ("mentoring_expired_mentor", "Mentoring: expired, to the mentor"),
                    (
                        "mentoring_superseded",
                        "Mentoring: another mentor accepted first, to the mentor",
                    ),
                    ("mentoring_mentor_approved", "Mentoring: the mentor's profile approved"),
                    ("mentoring_mentor_rejected", "Mentoring: the mentor's profile not approved"),
                ],
                max_length=40,
                verbose_name="template",
            ),
        ),
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
