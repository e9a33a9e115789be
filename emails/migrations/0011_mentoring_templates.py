# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""What mentoring sends: the mentee's and the mentor's links to their own pages, a request to a
mentor, an acceptance with the mentor's address, a decline with its reason, a request expired
(to both sides), and a request closed because another mentor accepted first, in the portal's
four languages (a frozen copy of emails/default_templates.py's
texts, added the way migration 0010 added its emails).
"""

import uuid

from django.conf import settings
from django.db import migrations, models


TEXTS = {
    "en": {
        "mentoring_mentee_link": (
            "Your mentors on {site_name}",
            """Hello {recipient_name},

Thank you for looking for a mentor on {site_name}. Open your page to see the mentors we propose and choose up to three to ask:

{mentoring_link}

Keep this email: the link is your way back to your page. Your email address is given to a mentor only once they accept.

The {site_name} team
""",
        ),
        "mentoring_mentor_link": (
            "Your mentoring page on {site_name}",
            """Hello {recipient_name},

Thank you for offering to mentor on {site_name}. A facilitator of your country reads your profile before it is proposed to young people. Your page shows where your profile stands and the requests you receive:

{mentoring_link}

Keep this email: the link is your way back to your page.

The {site_name} team
""",
        ),
        "mentoring_request": (
            "{mentee_name} would like you as a mentor",
            """Hello {recipient_name},

{mentee_name} would like you as their mentor on {site_name}. Their message:

{mentee_message}

Please accept or decline on your page; their email address is given to you once you accept:

{mentoring_link}

The {site_name} team
""",
        ),
        "mentoring_accepted": (
            "{mentor_name} is your mentor",
            """Hello {recipient_name},

Good news: {mentor_name} has accepted to be your mentor. You can write to them at {mentor_email}; they have your email address too, and will get in touch.

Your page: {mentoring_link}

The {site_name} team
""",
        ),
        "mentoring_superseded": (
            "{mentee_name} has found a mentor",
            """Hello {recipient_name},

{mentee_name} asked several mentors, and another one accepted first. Their request to you is closed: there is nothing more to do. Thank you for your time.

Your page: {mentoring_link}

The {site_name} team
""",
        ),
        "mentoring_declined": (
            "{mentor_name} cannot be your mentor",
            """Hello {recipient_name},

{mentor_name} cannot be your mentor at the moment, and wrote:

{decline_reason}

Other mentors may suit you: your page shows those we propose now, and you can ask them.

{mentoring_link}

The {site_name} team
""",
        ),
        "mentoring_expired": (
            "Your request to {mentor_name} has expired",
            """Hello {recipient_name},

{mentor_name} did not answer your request within {request_days} days, so it has expired. Your page shows the mentors we propose now, and you can ask others:

{mentoring_link}

The {site_name} team
""",
        ),
        "mentoring_expired_mentor": (
            "A request from {mentee_name} has expired",
            """Hello {recipient_name},

The request {mentee_name} sent you was not answered within {request_days} days, so it has expired and they can ask another mentor. If you cannot take mentees for a while, you can pause on your page:

{mentoring_link}

The {site_name} team
""",
        ),
    },
    "it": {
        "mentoring_mentee_link": (
            "I vostri mentori su {site_name}",
            """Ciao {recipient_name},

grazie per aver cercato un mentore su {site_name}. Aprite la vostra pagina per vedere i mentori che vi proponiamo e sceglietene fino a tre a cui scrivere:

{mentoring_link}

Conservate questa email: il link è il vostro modo per tornare alla pagina. Il vostro indirizzo email viene dato a un mentore solo quando accetta.

Il team di {site_name}
""",
        ),
        "mentoring_mentor_link": (
            "La vostra pagina di mentoring su {site_name}",
            """Buongiorno {recipient_name},

grazie per esservi offerti come mentori su {site_name}. Un facilitatore del vostro paese legge il vostro profilo prima che venga proposto ai giovani. La vostra pagina mostra a che punto è il profilo e le richieste che ricevete:

{mentoring_link}

Conservate questa email: il link è il vostro modo per tornare alla pagina.

Il team di {site_name}
""",
        ),
        "mentoring_request": (
            "{mentee_name} vorrebbe voi come mentore",
            """Buongiorno {recipient_name},

{mentee_name} vorrebbe voi come mentore su {site_name}. Il suo messaggio:

{mentee_message}

Accettate o rifiutate dalla vostra pagina; riceverete il suo indirizzo email quando accettate:

{mentoring_link}

Il team di {site_name}
""",
        ),
        "mentoring_accepted": (
            "{mentor_name} è il vostro mentore",
            """Ciao {recipient_name},

buone notizie: {mentor_name} ha accettato di essere il vostro mentore. Potete scrivergli a {mentor_email}; anche lui ha il vostro indirizzo email e vi contatterà.

La vostra pagina: {mentoring_link}

Il team di {site_name}
""",
        ),
        "mentoring_superseded": (
            "{mentee_name} ha trovato un mentore",
            """Buongiorno {recipient_name},

{mentee_name} aveva scritto a più mentori e un altro ha accettato per primo. La sua richiesta a voi è chiusa: non c'è altro da fare. Grazie per il vostro tempo.

La vostra pagina: {mentoring_link}

Il team di {site_name}
""",
        ),
        "mentoring_declined": (
            "{mentor_name} non può essere il vostro mentore",
            """Ciao {recipient_name},

{mentor_name} non può essere il vostro mentore in questo momento e ha scritto:

{decline_reason}

Altri mentori possono fare al caso vostro: la vostra pagina mostra quelli che vi proponiamo ora, e potete scrivere loro.

{mentoring_link}

Il team di {site_name}
""",
        ),
        "mentoring_expired": (
            "La vostra richiesta a {mentor_name} è scaduta",
            """Ciao {recipient_name},

{mentor_name} non ha risposto alla vostra richiesta entro {request_days} giorni, quindi è scaduta. La vostra pagina mostra i mentori che vi proponiamo ora, e potete scrivere ad altri:

{mentoring_link}

Il team di {site_name}
""",
        ),
        "mentoring_expired_mentor": (
            "Una richiesta di {mentee_name} è scaduta",
            """Buongiorno {recipient_name},

la richiesta che {mentee_name} vi ha inviato non ha avuto risposta entro {request_days} giorni, quindi è scaduta e potrà scrivere a un altro mentore. Se per un periodo non potete seguire nessuno, potete mettervi in pausa dalla vostra pagina:

{mentoring_link}

Il team di {site_name}
""",
        ),
    },
    "el": {
        "mentoring_mentee_link": (
            "Οι μέντορές σας στο {site_name}",
            """Γεια σου {recipient_name},

Σε ευχαριστούμε που αναζητάς μέντορα στο {site_name}. Άνοιξε τη σελίδα σου για να δεις τους μέντορες που σου προτείνουμε και διάλεξε έως τρεις για να τους ζητήσεις:

{mentoring_link}

Κράτησε αυτό το email: ο σύνδεσμος είναι ο τρόπος να επιστρέφεις στη σελίδα σου. Η διεύθυνση email σου δίνεται σε έναν μέντορα μόνο όταν δεχτεί.

Η ομάδα του {site_name}
""",
        ),
        "mentoring_mentor_link": (
            "Η σελίδα σας ως μέντορα στο {site_name}",
            """Γεια σας {recipient_name},

Σας ευχαριστούμε που προσφέρεστε ως μέντορας στο {site_name}. Ένας διευκολυντής της χώρας σας διαβάζει το προφίλ σας πριν προταθεί σε νέους. Η σελίδα σας δείχνει πού βρίσκεται το προφίλ σας και τα αιτήματα που λαμβάνετε:

{mentoring_link}

Κρατήστε αυτό το email: ο σύνδεσμος είναι ο τρόπος να επιστρέφετε στη σελίδα σας.

Η ομάδα του {site_name}
""",
        ),
        "mentoring_request": (
            "Ο/Η {mentee_name} θα ήθελε εσάς για μέντορα",
            """Γεια σας {recipient_name},

Ο/Η {mentee_name} θα ήθελε εσάς για μέντορα στο {site_name}. Το μήνυμά του/της:

{mentee_message}

Αποδεχτείτε ή απορρίψτε από τη σελίδα σας· θα λάβετε τη διεύθυνση email του/της μόλις αποδεχτείτε:

{mentoring_link}

Η ομάδα του {site_name}
""",
        ),
        "mentoring_accepted": (
            "Ο/Η {mentor_name} είναι ο/η μέντοράς σου",
            """Γεια σου {recipient_name},

Καλά νέα: ο/η {mentor_name} δέχτηκε να γίνει ο/η μέντοράς σου. Μπορείς να γράψεις στο {mentor_email}· έχει κι εκείνος/εκείνη τη διεύθυνσή σου και θα επικοινωνήσει μαζί σου.

Η σελίδα σου: {mentoring_link}

Η ομάδα του {site_name}
""",
        ),
        "mentoring_superseded": (
            "Ο/Η {mentee_name} βρήκε μέντορα",
            """Γεια σας {recipient_name},

Ο/Η {mentee_name} είχε ζητήσει από περισσότερους μέντορες και κάποιος άλλος δέχτηκε πρώτος. Το αίτημά του/της προς εσάς έκλεισε: δεν χρειάζεται να κάνετε κάτι άλλο. Σας ευχαριστούμε για τον χρόνο σας.

Η σελίδα σας: {mentoring_link}

Η ομάδα του {site_name}
""",
        ),
        "mentoring_declined": (
            "Ο/Η {mentor_name} δεν μπορεί να γίνει μέντοράς σου",
            """Γεια σου {recipient_name},

Ο/Η {mentor_name} δεν μπορεί να γίνει μέντοράς σου αυτή τη στιγμή και έγραψε:

{decline_reason}

Άλλοι μέντορες μπορεί να σου ταιριάζουν: η σελίδα σου δείχνει όσους σου προτείνουμε τώρα, και μπορείς να τους ζητήσεις.

{mentoring_link}

Η ομάδα του {site_name}
""",
        ),
        "mentoring_expired": (
            "Το αίτημά σου προς τον/την {mentor_name} έληξε",
            """Γεια σου {recipient_name},

Ο/Η {mentor_name} δεν απάντησε στο αίτημά σου μέσα σε {request_days} ημέρες, οπότε έληξε. Η σελίδα σου δείχνει τους μέντορες που σου προτείνουμε τώρα, και μπορείς να ζητήσεις από άλλους:

{mentoring_link}

Η ομάδα του {site_name}
""",
        ),
        "mentoring_expired_mentor": (
            "Ένα αίτημα του/της {mentee_name} έληξε",
            """Γεια σας {recipient_name},

Το αίτημα που σας έστειλε ο/η {mentee_name} δεν απαντήθηκε μέσα σε {request_days} ημέρες, οπότε έληξε και μπορεί να ζητήσει από άλλον μέντορα. Αν για ένα διάστημα δεν μπορείτε να αναλάβετε κανέναν, μπορείτε να κάνετε παύση από τη σελίδα σας:

{mentoring_link}

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "mentoring_mentee_link": (
            "مرشدوك على {site_name}",
            """مرحبًا {recipient_name}،

شكرًا لبحثك عن مرشد على {site_name}. افتح صفحتك لترى المرشدين الذين نقترحهم عليك واختر ما يصل إلى ثلاثة لتطلب منهم:

{mentoring_link}

احتفظ بهذه الرسالة: الرابط هو طريقك للعودة إلى صفحتك. لا يُعطى عنوان بريدك الإلكتروني لأي مرشد إلا بعد أن يقبل.

فريق {site_name}
""",
        ),
        "mentoring_mentor_link": (
            "صفحتك كمرشد على {site_name}",
            """مرحبًا {recipient_name}،

شكرًا لعرضك أن تكون مرشدًا على {site_name}. يقرأ أحد الميسّرين في بلدك ملفك قبل أن يُقترح على الشباب. تُظهر صفحتك حالة ملفك والطلبات التي تصلك:

{mentoring_link}

احتفظ بهذه الرسالة: الرابط هو طريقك للعودة إلى صفحتك.

فريق {site_name}
""",
        ),
        "mentoring_request": (
            "يودّ {mentee_name} أن تكون مرشده",
            """مرحبًا {recipient_name}،

يودّ {mentee_name} أن تكون مرشده على {site_name}. رسالته:

{mentee_message}

يرجى القبول أو الرفض من صفحتك؛ ستحصل على عنوان بريده الإلكتروني بعد القبول:

{mentoring_link}

فريق {site_name}
""",
        ),
        "mentoring_accepted": (
            "{mentor_name} هو مرشدك",
            """مرحبًا {recipient_name}،

أخبار سارة: قبل {mentor_name} أن يكون مرشدك. يمكنك مراسلته على {mentor_email}؛ ولديه عنوان بريدك أيضًا وسيتواصل معك.

صفحتك: {mentoring_link}

فريق {site_name}
""",
        ),
        "mentoring_superseded": (
            "وجد {mentee_name} مرشدًا",
            """مرحبًا {recipient_name}،

طلب {mentee_name} من عدة مرشدين، وقبل مرشد آخر أولًا. أُغلق طلبه إليك: لا شيء آخر عليك فعله. شكرًا لوقتك.

صفحتك: {mentoring_link}

فريق {site_name}
""",
        ),
        "mentoring_declined": (
            "لا يستطيع {mentor_name} أن يكون مرشدك",
            """مرحبًا {recipient_name}،

لا يستطيع {mentor_name} أن يكون مرشدك في الوقت الحالي، وكتب:

{decline_reason}

قد يناسبك مرشدون آخرون: تعرض صفحتك من نقترحهم عليك الآن، ويمكنك أن تطلب منهم.

{mentoring_link}

فريق {site_name}
""",
        ),
        "mentoring_expired": (
            "انتهت صلاحية طلبك إلى {mentor_name}",
            """مرحبًا {recipient_name}،

لم يُجب {mentor_name} على طلبك خلال {request_days} يومًا، فانتهت صلاحيته. تعرض صفحتك المرشدين الذين نقترحهم عليك الآن، ويمكنك أن تطلب من غيرهم:

{mentoring_link}

فريق {site_name}
""",
        ),
        "mentoring_expired_mentor": (
            "انتهت صلاحية طلب من {mentee_name}",
            """مرحبًا {recipient_name}،

لم تتم الإجابة على الطلب الذي أرسله إليك {mentee_name} خلال {request_days} يومًا، فانتهت صلاحيته ويمكنه أن يطلب من مرشد آخر. إذا لم تكن تستطيع استقبال أحد لفترة، يمكنك الإيقاف المؤقت من صفحتك:

{mentoring_link}

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
        ('emails', '0010_digest_templates_and_bulk'),
    ]

    operations = [
        migrations.AlterField(
            model_name='emailtemplate',
            name='body',
            field=models.TextField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {check_list}, {check_until}, {confirm_link}, {subscription_choices}, {link_days}, {search_words}, {search_results}, {search_link}, {news_list}, {news_link}, {mentoring_link}, {mentee_name}, {mentee_message}, {mentor_name}, {mentor_email}, {decline_reason}, {request_days}, {digest}', verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='key',
            field=models.CharField(choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page'), ('registration_existing_account', 'Registration with an address that has an account'), ('yearly_check', "Yearly check of an organisation's pages"), ('subscription_confirm', 'Confirmation of a subscription'), ('search_alert', 'New results of a saved search'), ('news_digest', 'News digest to subscribers'), ('mentoring_mentee_link', "Mentoring: the mentee's link"), ('mentoring_mentor_link', "Mentoring: the mentor's link"), ('mentoring_request', 'Mentoring: a request to a mentor'), ('mentoring_accepted', 'Mentoring: accepted, to the mentee'), ('mentoring_declined', 'Mentoring: declined, to the mentee'), ('mentoring_expired', 'Mentoring: expired, to the mentee'), ('mentoring_expired_mentor', 'Mentoring: expired, to the mentor'), ('mentoring_superseded', 'Mentoring: another mentor accepted first, to the mentor')], max_length=40, verbose_name='email'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='subject',
            field=models.CharField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {reply_message}, {call_organisation}, {response_status}, {response_note}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {recipient_name}, {submitter_name}, {signin_link}, {password_reset_link}, {week}, {check_list}, {check_until}, {confirm_link}, {subscription_choices}, {link_days}, {search_words}, {search_results}, {search_link}, {news_list}, {news_link}, {mentoring_link}, {mentee_name}, {mentee_message}, {mentor_name}, {mentor_email}, {decline_reason}, {request_days}, {digest}', max_length=200, verbose_name='subject'),
        ),
        migrations.AlterField(
            model_name='outboxemail',
            name='template_key',
            field=models.CharField(blank=True, choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('enquiry_reply', "An organisation's reply to a citizen"), ('collaboration_response', 'Response to an expression of interest'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn'), ('moderation_submission', 'To moderators: a site page waits for approval'), ('moderation_approved', 'Site page approved'), ('moderation_rejected', 'Changes requested on a site page'), ('registration_existing_account', 'Registration with an address that has an account'), ('yearly_check', "Yearly check of an organisation's pages"), ('subscription_confirm', 'Confirmation of a subscription'), ('search_alert', 'New results of a saved search'), ('news_digest', 'News digest to subscribers'), ('mentoring_mentee_link', "Mentoring: the mentee's link"), ('mentoring_mentor_link', "Mentoring: the mentor's link"), ('mentoring_request', 'Mentoring: a request to a mentor'), ('mentoring_accepted', 'Mentoring: accepted, to the mentee'), ('mentoring_declined', 'Mentoring: declined, to the mentee'), ('mentoring_expired', 'Mentoring: expired, to the mentee'), ('mentoring_expired_mentor', 'Mentoring: expired, to the mentor'), ('mentoring_superseded', 'Mentoring: another mentor accepted first, to the mentor')], max_length=40, verbose_name='template'),
        ),
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
