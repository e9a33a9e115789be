# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""Mentoring's reminders and digests (mentoring/reminders.py): to mentors, a request waiting,
no meeting logged, the 90-day check-in; to mentees, the end of their mentorship; to
facilitators, mentors waiting for approval and requests left unanswered. A frozen copy of
emails/default_templates.py's texts in the portal's four languages, added as migration 0013 did.
"""

import uuid

from django.conf import settings
from django.db import migrations, models

TEXTS = {
    "en": {
        "mentoring_request_reminder": (
            "{mentee_name} is waiting for your answer on {site_name}",
            """Hello {recipient_name},

{mentee_name} asked you for mentoring {days_waiting} days ago and is still waiting for your answer. A request not answered within {request_days} days closes by itself, and {mentee_name} would then have to start again with another mentor.

Please accept or decline it (a short reason is enough) on your page:

{mentoring_link}

If you cannot take anyone at the moment, you can pause there too.

The {site_name} team
""",
        ),
        "mentoring_session_reminder": (
            "How is your mentoring with {mentee_name} going?",
            """Hello {recipient_name},

No meeting with {mentee_name} has been logged for {days_without_session} days. If you have met, please log the meeting on your page; it takes a minute and helps the facilitators see how mentoring works:

{mentoring_link}

If the mentorship has come to an end, you can end it there as well.

The {site_name} team
""",
        ),
        "mentoring_checkin": (
            "{mentorship_days} days of mentoring with {mentee_name}",
            """Hello {recipient_name},

You started mentoring {mentee_name} {mentorship_days} days ago: thank you. This is a good moment to look back together at what has been achieved and what comes next.

If the goals are reached, you can mark the mentorship as completed on your page; if not, simply carry on:

{mentoring_link}

The {site_name} team
""",
        ),
        "mentoring_ended_mentee": (
            "Your mentorship with {mentor_name} has ended",
            """Hello {recipient_name},

Your mentorship with {mentor_name} on {site_name} has ended. We hope it helped you on your way.

Whenever you wish, you can ask another mentor from your page:

{mentoring_link}

Good luck!

The {site_name} team
""",
        ),
        "mentoring_approvals_digest": (
            "Mentors waiting for your approval on {site_name}",
            """Hello {facilitator_name},

These mentors of your countries are waiting for your approval:

{mentor_list}

Read their profiles and approve or reject them here:

{mentors_link}

The {site_name} team
""",
        ),
        "mentoring_requests_digest": (
            "Mentoring requests waiting for an answer",
            """Hello {facilitator_name},

These mentoring requests in your countries have been waiting for the mentor's answer for more than a week:

{request_list}

You may wish to contact the mentors. All requests:

{requests_link}

The {site_name} team
""",
        ),
    },
    "it": {
        "mentoring_request_reminder": (
            "{mentee_name} attende la vostra risposta su {site_name}",
            """Buongiorno {recipient_name},

{mentee_name} vi ha chiesto di fare da mentore {days_waiting} giorni fa e attende ancora la vostra risposta. Una richiesta senza risposta entro {request_days} giorni si chiude da sola, e {mentee_name} dovrebbe ricominciare con un altro mentore.

Accettatela o rifiutatela (basta un breve motivo) dalla vostra pagina:

{mentoring_link}

Se al momento non potete seguire nessuno, lì potete anche mettervi in pausa.

Il team di {site_name}
""",
        ),
        "mentoring_session_reminder": (
            "Come va il mentoring con {mentee_name}?",
            """Buongiorno {recipient_name},

da {days_without_session} giorni non è registrato nessun incontro con {mentee_name}. Se vi siete incontrati, registrate l'incontro dalla vostra pagina: basta un minuto e aiuta i facilitatori a capire come funziona il mentoring:

{mentoring_link}

Se il percorso è concluso, lì potete anche chiuderlo.

Il team di {site_name}
""",
        ),
        "mentoring_checkin": (
            "{mentorship_days} giorni di mentoring con {mentee_name}",
            """Buongiorno {recipient_name},

avete iniziato a seguire {mentee_name} {mentorship_days} giorni fa: grazie. È un buon momento per guardare insieme ai risultati raggiunti e ai prossimi passi.

Se gli obiettivi sono raggiunti, potete segnare il percorso come concluso dalla vostra pagina; altrimenti, continuate pure:

{mentoring_link}

Il team di {site_name}
""",
        ),
        "mentoring_ended_mentee": (
            "Il tuo percorso con {mentor_name} è concluso",
            """Ciao {recipient_name},

il tuo percorso di mentoring con {mentor_name} su {site_name} è concluso. Speriamo che ti sia stato utile.

Quando vuoi, puoi chiedere a un altro mentore dalla tua pagina:

{mentoring_link}

In bocca al lupo!

Il team di {site_name}
""",
        ),
        "mentoring_approvals_digest": (
            "Mentori in attesa di approvazione su {site_name}",
            """Buongiorno {facilitator_name},

questi mentori dei vostri paesi attendono la vostra approvazione:

{mentor_list}

Leggete i loro profili e approvateli o rifiutateli qui:

{mentors_link}

Il team di {site_name}
""",
        ),
        "mentoring_requests_digest": (
            "Richieste di mentoring in attesa di risposta",
            """Buongiorno {facilitator_name},

queste richieste di mentoring nei vostri paesi attendono la risposta del mentore da più di una settimana:

{request_list}

Potreste contattare i mentori. Tutte le richieste:

{requests_link}

Il team di {site_name}
""",
        ),
    },
    "el": {
        "mentoring_request_reminder": (
            "Ο/Η {mentee_name} περιμένει την απάντησή σας στο {site_name}",
            """Γεια σας {recipient_name},

Ο/Η {mentee_name} σας ζήτησε καθοδήγηση πριν από {days_waiting} ημέρες και περιμένει ακόμη την απάντησή σας. Ένα αίτημα χωρίς απάντηση μέσα σε {request_days} ημέρες κλείνει αυτόματα, και ο/η {mentee_name} θα πρέπει να ξεκινήσει από την αρχή με άλλον μέντορα.

Αποδεχτείτε ή απορρίψτε το (αρκεί ένας σύντομος λόγος) από τη σελίδα σας:

{mentoring_link}

Αν αυτή τη στιγμή δεν μπορείτε να αναλάβετε κανέναν, μπορείτε επίσης να κάνετε παύση εκεί.

Η ομάδα του {site_name}
""",
        ),
        "mentoring_session_reminder": (
            "Πώς πάει η καθοδήγηση με τον/την {mentee_name};",
            """Γεια σας {recipient_name},

Εδώ και {days_without_session} ημέρες δεν έχει καταγραφεί καμία συνάντηση με τον/την {mentee_name}. Αν έχετε συναντηθεί, καταγράψτε τη συνάντηση στη σελίδα σας· χρειάζεται ένα λεπτό και βοηθά τους διευκολυντές να δουν πώς λειτουργεί η καθοδήγηση:

{mentoring_link}

Αν η καθοδήγηση έχει ολοκληρωθεί, μπορείτε να την τερματίσετε εκεί.

Η ομάδα του {site_name}
""",
        ),
        "mentoring_checkin": (
            "{mentorship_days} ημέρες καθοδήγησης με τον/την {mentee_name}",
            """Γεια σας {recipient_name},

Ξεκινήσατε την καθοδήγηση του/της {mentee_name} πριν από {mentorship_days} ημέρες: σας ευχαριστούμε. Είναι μια καλή στιγμή να δείτε μαζί τι έχει επιτευχθεί και ποια είναι τα επόμενα βήματα.

Αν οι στόχοι επιτεύχθηκαν, μπορείτε να σημειώσετε την καθοδήγηση ως ολοκληρωμένη στη σελίδα σας· αλλιώς, απλώς συνεχίστε:

{mentoring_link}

Η ομάδα του {site_name}
""",
        ),
        "mentoring_ended_mentee": (
            "Η καθοδήγησή σου με τον/την {mentor_name} ολοκληρώθηκε",
            """Γεια σου {recipient_name},

Η καθοδήγησή σου με τον/την {mentor_name} στο {site_name} ολοκληρώθηκε. Ελπίζουμε να σε βοήθησε.

Όποτε θέλεις, μπορείς να ζητήσεις άλλον μέντορα από τη σελίδα σου:

{mentoring_link}

Καλή επιτυχία!

Η ομάδα του {site_name}
""",
        ),
        "mentoring_approvals_digest": (
            "Μέντορες περιμένουν την έγκρισή σας στο {site_name}",
            """Γεια σας {facilitator_name},

Αυτοί οι μέντορες των χωρών σας περιμένουν την έγκρισή σας:

{mentor_list}

Διαβάστε τα προφίλ τους και εγκρίνετε ή απορρίψτε τα εδώ:

{mentors_link}

Η ομάδα του {site_name}
""",
        ),
        "mentoring_requests_digest": (
            "Αιτήματα καθοδήγησης χωρίς απάντηση",
            """Γεια σας {facilitator_name},

Αυτά τα αιτήματα καθοδήγησης στις χώρες σας περιμένουν την απάντηση του μέντορα για περισσότερο από μία εβδομάδα:

{request_list}

Ίσως θέλετε να επικοινωνήσετε με τους μέντορες. Όλα τα αιτήματα:

{requests_link}

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "mentoring_request_reminder": (
            "{mentee_name} ينتظر ردّك على {site_name}",
            """مرحبًا {recipient_name}،

طلب منك {mentee_name} الإرشاد منذ {days_waiting} أيام وما زال ينتظر ردّك. الطلب الذي لا يُردّ عليه خلال {request_days} يومًا يُغلق تلقائيًا، وعندها سيضطر {mentee_name} إلى البدء من جديد مع مرشد آخر.

يُرجى قبوله أو رفضه (يكفي سبب قصير) من صفحتك:

{mentoring_link}

إذا لم تكن تستطيع مرافقة أحد في الوقت الحالي، يمكنك أيضًا الإيقاف المؤقت من هناك.

فريق {site_name}
""",
        ),
        "mentoring_session_reminder": (
            "كيف يسير الإرشاد مع {mentee_name}؟",
            """مرحبًا {recipient_name}،

لم يُسجَّل أي لقاء مع {mentee_name} منذ {days_without_session} يومًا. إذا التقيتما، يُرجى تسجيل اللقاء في صفحتك؛ يستغرق ذلك دقيقة ويساعد الميسّرين على معرفة كيف يسير الإرشاد:

{mentoring_link}

إذا انتهى الإرشاد، يمكنك إنهاؤه من هناك أيضًا.

فريق {site_name}
""",
        ),
        "mentoring_checkin": (
            "{mentorship_days} يومًا من الإرشاد مع {mentee_name}",
            """مرحبًا {recipient_name}،

بدأت إرشاد {mentee_name} منذ {mentorship_days} يومًا: شكرًا لك. هذا وقت مناسب لتنظرا معًا فيما تحقق وفي الخطوات التالية.

إذا تحققت الأهداف، يمكنك تسجيل الإرشاد كمكتمل من صفحتك؛ وإلا فتابعا ببساطة:

{mentoring_link}

فريق {site_name}
""",
        ),
        "mentoring_ended_mentee": (
            "انتهى إرشادك مع {mentor_name}",
            """مرحبًا {recipient_name}،

انتهى إرشادك مع {mentor_name} على {site_name}. نأمل أن يكون قد ساعدك في طريقك.

متى شئت، يمكنك أن تطلب مرشدًا آخر من صفحتك:

{mentoring_link}

بالتوفيق!

فريق {site_name}
""",
        ),
        "mentoring_approvals_digest": (
            "مرشدون ينتظرون موافقتك على {site_name}",
            """مرحبًا {facilitator_name}،

هؤلاء المرشدون من بلدانك ينتظرون موافقتك:

{mentor_list}

اقرأ ملفاتهم ووافق عليها أو ارفضها هنا:

{mentors_link}

فريق {site_name}
""",
        ),
        "mentoring_requests_digest": (
            "طلبات إرشاد تنتظر الرد",
            """مرحبًا {facilitator_name}،

طلبات الإرشاد هذه في بلدانك تنتظر ردّ المرشد منذ أكثر من أسبوع:

{request_list}

قد ترغب في التواصل مع المرشدين. جميع الطلبات:

{requests_link}

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
        ("emails", "0015_template_choices"),
    ]

    operations = [
        migrations.RunPython(create_templates, migrations.RunPython.noop),
    ]
