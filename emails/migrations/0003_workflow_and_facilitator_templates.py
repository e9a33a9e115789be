"""The emails that tell facilitators what waits for them (a registration, a confirmed address, a
page submitted, the weekly digest) and tell organisations what was decided (approved, changes
requested, verified, verification withdrawn), in the portal's four languages.

A frozen copy of those texts of emails/default_templates.py as they were when this migration was
written, added the way earlier migrations added theirs. Staff edit the texts in the admin.
"""

# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.

import uuid

from django.conf import settings
from django.db import migrations, models

TEXTS = {
    'en': {
        'facilitator_registration': (
            'New registration in {country_name}: {organisation_name}',
            """Dear {facilitator_name},

{organisation_name} has just registered on {site_name} ({country_name}). The contact person is {contact_name}. The email address is not confirmed yet: the organisation has received a link to confirm it.

The organisation's file: {organisation_link}

You receive this email because you follow the organisations of {country_name}. If you prefer one weekly digest instead, ask the central staff to change your facilitator profile.

The {site_name} team
""",
        ),
        'facilitator_email_confirmed': (
            '{organisation_name} has confirmed its email address',
            """Dear {facilitator_name},

{organisation_name} ({country_name}) has confirmed its email address: it can now sign in to {site_name} and complete its profile, and it has received the welcome email.

This is a good moment to get in touch. The organisation's file: {organisation_link}

The {site_name} team
""",
        ),
        'facilitator_submission': (
            'Waiting for your approval: {page_title} ({organisation_name})',
            """Dear {facilitator_name},

{organisation_name} ({country_name}) has submitted "{page_title}" for approval.

Review the page, then approve it or request changes: {page_edit_link}

The organisation's file: {organisation_link}

The {site_name} team
""",
        ),
        'facilitator_digest': (
            '{site_name}: your week, {week}',
            """Dear {facilitator_name},

Here is what happened this week ({week}) with the organisations you follow.

{digest}

Your dashboard: {dashboard_link}

The {site_name} team
""",
        ),
        'page_approved': (
            'Approved and published: {page_title}',
            """Dear {contact_name},

The facilitators have approved "{page_title}": it is now published on {site_name}.

{comment}

Your area of {site_name}: {page_edit_link}

Best wishes,
The {site_name} team
""",
        ),
        'page_rejected': (
            'Changes requested: {page_title}',
            """Dear {contact_name},

The facilitators have read "{page_title}" and ask for some changes before it is published.

{comment}

Make the changes and submit the page for approval again: {page_edit_link}

If anything is unclear, simply reply to this email.

Best wishes,
The {site_name} team
""",
        ),
        'verified': (
            '{organisation_name} is verified on {site_name}',
            """Dear {contact_name},

The facilitators have verified {organisation_name}. From now on you publish your profile, services and projects yourselves, without waiting for approval.

Your area of {site_name}: {dashboard_link}

Best wishes,
The {site_name} team
""",
        ),
        'verification_revoked': (
            '{organisation_name}: verification withdrawn',
            """Dear {contact_name},

The facilitators have withdrawn the verification of {organisation_name} on {site_name}. Your published pages stay as they are; from now on, each new page or change is published once the facilitators have approved it.

If you have any questions, simply reply to this email.

Best wishes,
The {site_name} team
""",
        ),
    },
    'it': {
        'facilitator_registration': (
            'Nuova registrazione in {country_name}: {organisation_name}',
            """Gentile {facilitator_name},

{organisation_name} si è appena registrata su {site_name} ({country_name}). La persona di riferimento è {contact_name}. L'indirizzo email non è ancora confermato: l'organizzazione ha ricevuto un link per confermarlo.

La scheda dell'organizzazione: {organisation_link}

Ricevi questa email perché segui le organizzazioni di {country_name}. Se preferisci un unico riepilogo settimanale, chiedi allo staff centrale di modificare il tuo profilo di facilitatore.

Il team di {site_name}
""",
        ),
        'facilitator_email_confirmed': (
            '{organisation_name} ha confermato il suo indirizzo email',
            """Gentile {facilitator_name},

{organisation_name} ({country_name}) ha confermato il suo indirizzo email: ora può accedere a {site_name} e completare il suo profilo, e ha ricevuto l'email di benvenuto.

È un buon momento per contattarla. La scheda dell'organizzazione: {organisation_link}

Il team di {site_name}
""",
        ),
        'facilitator_submission': (
            'In attesa della tua approvazione: {page_title} ({organisation_name})',
            """Gentile {facilitator_name},

{organisation_name} ({country_name}) ha inviato "{page_title}" per l'approvazione.

Esamina la pagina, poi approvala o chiedi delle modifiche: {page_edit_link}

La scheda dell'organizzazione: {organisation_link}

Il team di {site_name}
""",
        ),
        'facilitator_digest': (
            '{site_name}: la tua settimana, {week}',
            """Gentile {facilitator_name},

Ecco cosa è successo questa settimana ({week}) con le organizzazioni che segui.

{digest}

La tua bacheca: {dashboard_link}

Il team di {site_name}
""",
        ),
        'page_approved': (
            'Approvata e pubblicata: {page_title}',
            """Gentile {contact_name},

I facilitatori hanno approvato "{page_title}": ora è pubblicata su {site_name}.

{comment}

La vostra area riservata di {site_name}: {page_edit_link}

Cordiali saluti,
Il team di {site_name}
""",
        ),
        'page_rejected': (
            'Modifiche richieste: {page_title}',
            """Gentile {contact_name},

I facilitatori hanno letto "{page_title}" e chiedono alcune modifiche prima della pubblicazione.

{comment}

Apportate le modifiche e inviate di nuovo la pagina per l'approvazione: {page_edit_link}

Se qualcosa non è chiaro, rispondete semplicemente a questa email.

Cordiali saluti,
Il team di {site_name}
""",
        ),
        'verified': (
            '{organisation_name} è verificata su {site_name}',
            """Gentile {contact_name},

I facilitatori hanno verificato {organisation_name}. D'ora in poi pubblicate da soli il vostro profilo, i servizi e i progetti, senza attendere l'approvazione.

La vostra area riservata di {site_name}: {dashboard_link}

Cordiali saluti,
Il team di {site_name}
""",
        ),
        'verification_revoked': (
            '{organisation_name}: verifica revocata',
            """Gentile {contact_name},

I facilitatori hanno revocato la verifica di {organisation_name} su {site_name}. Le pagine già pubblicate restano come sono; d'ora in poi, ogni nuova pagina o modifica sarà pubblicata dopo l'approvazione dei facilitatori.

Per qualsiasi domanda, rispondete semplicemente a questa email.

Cordiali saluti,
Il team di {site_name}
""",
        ),
    },
    'el': {
        'facilitator_registration': (
            'Νέα εγγραφή ({country_name}): {organisation_name}',
            """Αγαπητέ/ή {facilitator_name},

Ο οργανισμός {organisation_name} μόλις εγγράφηκε στο {site_name} ({country_name}). Υπεύθυνος/η επικοινωνίας: {contact_name}. Η διεύθυνση email δεν έχει επιβεβαιωθεί ακόμη: ο οργανισμός έλαβε σύνδεσμο για να την επιβεβαιώσει.

Ο φάκελος του οργανισμού: {organisation_link}

Λαμβάνετε αυτό το email επειδή παρακολουθείτε τους οργανισμούς της χώρας {country_name}. Αν προτιμάτε μία εβδομαδιαία σύνοψη, ζητήστε από την κεντρική ομάδα να αλλάξει το προφίλ σας.

Η ομάδα του {site_name}
""",
        ),
        'facilitator_email_confirmed': (
            'Ο οργανισμός {organisation_name} επιβεβαίωσε τη διεύθυνση email του',
            """Αγαπητέ/ή {facilitator_name},

Ο οργανισμός {organisation_name} ({country_name}) επιβεβαίωσε τη διεύθυνση email του: μπορεί πλέον να συνδεθεί στο {site_name} και να συμπληρώσει το προφίλ του, και έλαβε το email καλωσορίσματος.

Είναι μια καλή στιγμή να επικοινωνήσετε μαζί του. Ο φάκελος του οργανισμού: {organisation_link}

Η ομάδα του {site_name}
""",
        ),
        'facilitator_submission': (
            'Αναμένει την έγκρισή σας: {page_title} ({organisation_name})',
            """Αγαπητέ/ή {facilitator_name},

Ο οργανισμός {organisation_name} ({country_name}) υπέβαλε τη σελίδα «{page_title}» για έγκριση.

Ελέγξτε τη σελίδα και εγκρίνετέ τη ή ζητήστε αλλαγές: {page_edit_link}

Ο φάκελος του οργανισμού: {organisation_link}

Η ομάδα του {site_name}
""",
        ),
        'facilitator_digest': (
            '{site_name}: η εβδομάδα σας, {week}',
            """Αγαπητέ/ή {facilitator_name},

Δείτε τι έγινε αυτή την εβδομάδα ({week}) με τους οργανισμούς που παρακολουθείτε.

{digest}

Ο πίνακας ελέγχου σας: {dashboard_link}

Η ομάδα του {site_name}
""",
        ),
        'page_approved': (
            'Εγκρίθηκε και δημοσιεύτηκε: {page_title}',
            """Αγαπητέ/ή {contact_name},

Οι διευκολυντές ενέκριναν τη σελίδα «{page_title}»: είναι πλέον δημοσιευμένη στο {site_name}.

{comment}

Ο χώρος σας στο {site_name}: {page_edit_link}

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
        'page_rejected': (
            'Ζητούνται αλλαγές: {page_title}',
            """Αγαπητέ/ή {contact_name},

Οι διευκολυντές διάβασαν τη σελίδα «{page_title}» και ζητούν ορισμένες αλλαγές πριν από τη δημοσίευσή της.

{comment}

Κάντε τις αλλαγές και υποβάλετε ξανά τη σελίδα για έγκριση: {page_edit_link}

Αν κάτι δεν είναι σαφές, απαντήστε απλώς σε αυτό το email.

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
        'verified': (
            'Ο οργανισμός {organisation_name} επαληθεύτηκε στο {site_name}',
            """Αγαπητέ/ή {contact_name},

Οι διευκολυντές επαλήθευσαν τον οργανισμό {organisation_name}. Από εδώ και πέρα δημοσιεύετε μόνοι σας το προφίλ, τις υπηρεσίες και τα έργα σας, χωρίς να περιμένετε έγκριση.

Ο χώρος σας στο {site_name}: {dashboard_link}

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
        'verification_revoked': (
            '{organisation_name}: η επαλήθευση ανακλήθηκε',
            """Αγαπητέ/ή {contact_name},

Οι διευκολυντές ανακάλεσαν την επαλήθευση του οργανισμού {organisation_name} στο {site_name}. Οι δημοσιευμένες σελίδες σας παραμένουν ως έχουν· από εδώ και πέρα, κάθε νέα σελίδα ή αλλαγή θα δημοσιεύεται μετά την έγκριση των διευκολυντών.

Για οποιαδήποτε ερώτηση, απαντήστε απλώς σε αυτό το email.

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
    },
    'ar': {
        'facilitator_registration': (
            'تسجيل جديد في {country_name}: {organisation_name}',
            """عزيزي/عزيزتي {facilitator_name}،

سجّلت {organisation_name} للتوّ في {site_name} ({country_name}). الشخص المسؤول عن التواصل: {contact_name}. لم يُؤكَّد عنوان البريد الإلكتروني بعد: تلقّت المنظمة رابطاً لتأكيده.

ملف المنظمة: {organisation_link}

تصلك هذه الرسالة لأنك تتابع منظمات {country_name}. إذا كنت تفضّل ملخّصاً أسبوعياً واحداً بدلاً منها، فاطلب من الفريق المركزي تعديل ملفك كميسّر.

فريق {site_name}
""",
        ),
        'facilitator_email_confirmed': (
            'أكّدت {organisation_name} عنوان بريدها الإلكتروني',
            """عزيزي/عزيزتي {facilitator_name}،

أكّدت {organisation_name} ({country_name}) عنوان بريدها الإلكتروني: يمكنها الآن تسجيل الدخول إلى {site_name} واستكمال ملفها، وقد تلقّت رسالة الترحيب.

هذا وقت مناسب للتواصل معها. ملف المنظمة: {organisation_link}

فريق {site_name}
""",
        ),
        'facilitator_submission': (
            'بانتظار موافقتك: {page_title} ({organisation_name})',
            """عزيزي/عزيزتي {facilitator_name}،

أرسلت {organisation_name} ({country_name}) الصفحة "{page_title}" للموافقة عليها.

راجِع الصفحة، ثم وافِق عليها أو اطلب تعديلات: {page_edit_link}

ملف المنظمة: {organisation_link}

فريق {site_name}
""",
        ),
        'facilitator_digest': (
            '{site_name}: أسبوعك، {week}',
            """عزيزي/عزيزتي {facilitator_name}،

إليك ما جرى هذا الأسبوع ({week}) مع المنظمات التي تتابعها.

{digest}

لوحة التحكم الخاصة بك: {dashboard_link}

فريق {site_name}
""",
        ),
        'page_approved': (
            'تمت الموافقة والنشر: {page_title}',
            """عزيزي/عزيزتي {contact_name}،

وافق الميسّرون على "{page_title}": أصبحت الصفحة منشورة الآن على {site_name}.

{comment}

مساحتكم على {site_name}: {page_edit_link}

مع أطيب التحيات،
فريق {site_name}
""",
        ),
        'page_rejected': (
            'مطلوب إجراء تعديلات: {page_title}',
            """عزيزي/عزيزتي {contact_name}،

اطّلع الميسّرون على "{page_title}" ويطلبون بعض التعديلات قبل نشرها.

{comment}

أجروا التعديلات ثم أرسلوا الصفحة مجدداً للموافقة: {page_edit_link}

إذا كان هناك أي أمر غير واضح، يكفي أن تردّوا على هذه الرسالة.

مع أطيب التحيات،
فريق {site_name}
""",
        ),
        'verified': (
            'تم التحقق من {organisation_name} على {site_name}',
            """عزيزي/عزيزتي {contact_name}،

تحقّق الميسّرون من {organisation_name}. من الآن فصاعداً، تنشرون ملفكم وخدماتكم ومشاريعكم بأنفسكم، دون انتظار الموافقة.

مساحتكم على {site_name}: {dashboard_link}

مع أطيب التحيات،
فريق {site_name}
""",
        ),
        'verification_revoked': (
            '{organisation_name}: سُحب التحقق',
            """عزيزي/عزيزتي {contact_name}،

سحب الميسّرون التحقق من {organisation_name} على {site_name}. تبقى صفحاتكم المنشورة كما هي؛ ومن الآن فصاعداً، تُنشر كل صفحة أو تعديل جديد بعد موافقة الميسّرين.

لأي سؤال، يكفي أن تردّوا على هذه الرسالة.

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
        ('emails', '0002_reply_and_response_templates'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AlterField(
            model_name='emailtemplate',
            name='body',
            field=models.TextField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {week}, {digest}', verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='key',
            field=models.CharField(choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn')], max_length=40, verbose_name='email'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='subject',
            field=models.CharField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}, {call_title}, {call_link}, {interested_organisation}, {interested_organisation_link}, {interest_message}, {interest_link}, {facilitator_name}, {country_name}, {organisation_link}, {page_title}, {page_edit_link}, {comment}, {dashboard_link}, {week}, {digest}', max_length=200, verbose_name='subject'),
        ),
        migrations.AlterField(
            model_name='outboxemail',
            name='template_key',
            field=models.CharField(blank=True, choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen'), ('collaboration_interest', 'Interest in a call for collaboration'), ('facilitator_registration', 'To facilitators: a new registration'), ('facilitator_email_confirmed', 'To facilitators: an organisation confirmed its email address'), ('facilitator_submission', 'To facilitators: a page waits for approval'), ('facilitator_digest', 'To facilitators: the weekly digest'), ('page_approved', 'Page approved'), ('page_rejected', 'Changes requested on a page'), ('verified', 'Organisation verified'), ('verification_revoked', 'Verification withdrawn')], max_length=40, verbose_name='template'),
        ),
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
