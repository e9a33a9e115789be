"""The email an organisation receives when a citizen writes to it, in its four languages.

A frozen copy of the "enquiry" texts of facilitators/default_templates.py as they were when this
migration was written, added the way migration 0002 added the first ones. Staff edit the texts
in the admin.
"""

import uuid

from django.conf import settings
from django.db import migrations, models

LANGUAGES = ("en", "it", "el", "ar")
KEY = "enquiry"

TEXTS = {
    "en": (
        "A message for {organisation_name} from {citizen_name}",
        """Dear {contact_name},

{citizen_name} has written to {organisation_name} through {site_name}:

{enquiry_message}

To answer, simply reply to this email: your reply goes straight to {citizen_email}.

The message was sent from this page: {page_link}

You can also read it in your area of {site_name}, and mark it as answered there: {enquiry_link}

{citizen_name} agreed to share their name, email address and message with you so that you can answer. Please use them for that only.

Best wishes,
The {site_name} team
""",
    ),
    "it": (
        "Un messaggio per {organisation_name} da {citizen_name}",
        """Gentile {contact_name},

{citizen_name} ha scritto a {organisation_name} tramite {site_name}:

{enquiry_message}

Per rispondere è sufficiente replicare a questa email: la vostra risposta arriverà direttamente a {citizen_email}.

Il messaggio è stato inviato da questa pagina: {page_link}

Potete leggerlo anche nella vostra area riservata di {site_name} e indicare lì che avete risposto: {enquiry_link}

{citizen_name} ha accettato di condividere con voi nome, indirizzo email e messaggio perché possiate rispondere. Vi chiediamo di usarli solo a questo scopo.

Cordiali saluti,
Il team di {site_name}
""",
    ),
    "el": (
        "Μήνυμα για {organisation_name} από {citizen_name}",
        """Αγαπητέ/ή {contact_name},

Λάβατε μήνυμα από {citizen_name} για τον οργανισμό {organisation_name} μέσω του {site_name}:

{enquiry_message}

Μπορείτε να απαντήσετε απευθείας σε αυτό το email: η απάντησή σας θα σταλεί στο {citizen_email}.

Το μήνυμα στάλθηκε από αυτή τη σελίδα: {page_link}

Μπορείτε επίσης να το διαβάσετε στον χώρο σας στο {site_name} και να σημειώσετε εκεί ότι απαντήσατε: {enquiry_link}

Το άτομο που σας έγραψε συμφώνησε να μοιραστεί μαζί σας το όνομα, τη διεύθυνση email και το μήνυμά του, ώστε να μπορέσετε να απαντήσετε. Παρακαλούμε χρησιμοποιήστε τα μόνο για αυτόν τον σκοπό.

Με εκτίμηση,
Η ομάδα του {site_name}
""",
    ),
    "ar": (
        "رسالة إلى {organisation_name} من {citizen_name}",
        """عزيزي/عزيزتي {contact_name}،

وصلتكم رسالة من {citizen_name} إلى {organisation_name} عبر {site_name}:

{enquiry_message}

للرد، يكفي أن تردّوا على هذه الرسالة: سيصل ردّكم مباشرةً إلى {citizen_email}.

أُرسلت الرسالة من هذه الصفحة: {page_link}

يمكنكم أيضاً قراءتها في مساحتكم على {site_name}، والإشارة هناك إلى أنكم رددتم عليها: {enquiry_link}

وافق الشخص الذي كتب إليكم على مشاركة اسمه وعنوان بريده الإلكتروني ورسالته معكم لكي تتمكنوا من الرد عليه. نرجو استخدامها لهذا الغرض فقط.

مع أطيب التحيات،
فريق {site_name}
""",
    ),
}


def create_templates(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    EmailTemplate = apps.get_model("facilitators", "EmailTemplate")
    db = schema_editor.connection.alias

    # Locales are otherwise created by home's post_migrate handler, after all migrations.
    configured = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    for code in LANGUAGES:
        if code in configured:
            Locale.objects.using(db).get_or_create(language_code=code)
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.using(db).filter(language_code__in=LANGUAGES)
    }

    existing = EmailTemplate.objects.using(db).filter(key=KEY)
    translation_key = existing.values_list("translation_key", flat=True).first() or uuid.uuid4()
    have = set(existing.values_list("locale__language_code", flat=True))
    for code, locale in locales.items():
        if code in have:
            continue
        subject, body = TEXTS[code]
        EmailTemplate.objects.using(db).create(
            key=KEY, locale=locale, translation_key=translation_key, subject=subject, body=body
        )


class Migration(migrations.Migration):

    dependencies = [
        ('facilitators', '0003_contact_log'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AlterField(
            model_name='emailtemplate',
            name='body',
            field=models.TextField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}', verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='key',
            field=models.CharField(choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen')], max_length=40, verbose_name='email'),
        ),
        migrations.AlterField(
            model_name='emailtemplate',
            name='subject',
            field=models.CharField(help_text='Placeholders, replaced when the email is sent: {organisation_name}, {contact_name}, {organisation_count}, {portfolio_link}, {services_link}, {collaboration_link}, {missing_items}, {verification_link}, {site_name}, {citizen_name}, {citizen_email}, {enquiry_message}, {page_link}, {enquiry_link}', max_length=200, verbose_name='subject'),
        ),
        migrations.AlterField(
            model_name='outboxemail',
            name='template_key',
            field=models.CharField(blank=True, choices=[('welcome', 'Welcome'), ('welcome_country_missing', 'Welcome, country of work missing'), ('profile_reminder', 'Profile reminder'), ('email_verification', 'Email address verification'), ('enquiry', 'Message from a citizen')], max_length=40, verbose_name='template'),
        ),
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
