# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""Italian mentoring emails speak to their one reader with "tu", as the mentoring pages do.

The emails to one mentor or one mentee (links, requests, answers, approvals, reminders) said "voi";
they now say "tu" ("la tua pagina", "Puoi", "Accetta o rifiuta") and greet with "Ciao", like the
newer mentoring emails. A row changes only while its subject and body are still exactly the old
default text, so a text staff have edited stays as they wrote it; reversing swaps back under the
same rule. The emails to facilitators keep "voi": they go to the facilitators of several countries.
Frozen copies of both texts; emails/default_templates.py holds the new ones.
"""

from django.db import migrations

OLD = {
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

{proposal_list}

{mentoring_link}

Il team di {site_name}
""",
    ),
    "mentoring_expired": (
        "La vostra richiesta a {mentor_name} è scaduta",
        """Ciao {recipient_name},

{mentor_name} non ha risposto alla vostra richiesta entro {request_days} giorni, quindi è scaduta. La vostra pagina mostra i mentori che vi proponiamo ora, e potete scrivere ad altri:

{proposal_list}

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
}

NEW = {
    "mentoring_mentee_link": (
        "I tuoi mentori su {site_name}",
        """Ciao {recipient_name},

grazie per aver cercato un mentore su {site_name}. Apri la tua pagina per vedere i mentori che ti proponiamo e scegline fino a tre a cui scrivere:

{mentoring_link}

Conserva questa email: il link ti serve per tornare alla tua pagina. Diamo il tuo indirizzo email a un mentore solo quando accetta la tua richiesta.

Il team di {site_name}
""",
    ),
    "mentoring_mentor_link": (
        "La tua pagina di mentoring su {site_name}",
        """Ciao {recipient_name},

grazie per la tua disponibilità come mentore su {site_name}. Un facilitatore del tuo paese leggerà il tuo profilo prima che venga proposto ai giovani. La tua pagina mostra a che punto è il profilo e quali richieste ricevi:

{mentoring_link}

Conserva questa email: il link ti serve per tornare alla tua pagina.

Il team di {site_name}
""",
    ),
    "mentoring_request": (
        "{mentee_name} vorrebbe te come mentore",
        """Ciao {recipient_name},

{mentee_name} vorrebbe te come mentore su {site_name}. Il suo messaggio:

{mentee_message}

Accetta o rifiuta dalla tua pagina; se accetti, riceverai il suo indirizzo email:

{mentoring_link}

Il team di {site_name}
""",
    ),
    "mentoring_accepted": (
        "{mentor_name} è il tuo mentore",
        """Ciao {recipient_name},

buone notizie: {mentor_name} ha accettato di essere il tuo mentore. Puoi scrivere a {mentor_email}; anche {mentor_name} ha il tuo indirizzo email e ti contatterà.

La tua pagina: {mentoring_link}

Il team di {site_name}
""",
    ),
    "mentoring_superseded": (
        "{mentee_name} ha trovato un mentore",
        """Ciao {recipient_name},

{mentee_name} aveva scritto a più mentori e un altro ha accettato per primo. La richiesta che ti aveva inviato è chiusa: non devi fare nulla. Grazie per il tuo tempo.

La tua pagina: {mentoring_link}

Il team di {site_name}
""",
    ),
    "mentoring_declined": (
        "{mentor_name} non può essere il tuo mentore",
        """Ciao {recipient_name},

{mentor_name} non può essere il tuo mentore in questo momento e ha scritto:

{decline_reason}

Altri mentori possono fare al caso tuo: la tua pagina mostra quelli che ti proponiamo ora, e puoi scrivere loro.

{proposal_list}

{mentoring_link}

Il team di {site_name}
""",
    ),
    "mentoring_expired": (
        "La tua richiesta a {mentor_name} è scaduta",
        """Ciao {recipient_name},

{mentor_name} non ha risposto alla tua richiesta entro {request_days} giorni, quindi è scaduta. La tua pagina mostra i mentori che ti proponiamo ora, e puoi scrivere ad altri:

{proposal_list}

{mentoring_link}

Il team di {site_name}
""",
    ),
    "mentoring_expired_mentor": (
        "Una richiesta di {mentee_name} è scaduta",
        """Ciao {recipient_name},

la richiesta che {mentee_name} ti ha inviato non ha avuto risposta entro {request_days} giorni, quindi è scaduta e {mentee_name} potrà scrivere a un altro mentore. Se per un periodo non hai tempo per seguire nessuno, puoi metterti in pausa dalla tua pagina:

{mentoring_link}

Il team di {site_name}
""",
    ),
    "mentoring_mentor_approved": (
        "Il tuo profilo di mentore su {site_name} è approvato",
        """Ciao {recipient_name},

un facilitatore ha letto e approvato il tuo profilo di mentore: da ora viene proposto ai giovani che cercano un mentore, e riceverai le loro richieste per email. Puoi accettarle o rifiutarle una per una, e metterti in pausa quando serve, dalla tua pagina:

{mentoring_link}

Grazie per il tuo tempo.

Il team di {site_name}
""",
    ),
    "mentoring_mentor_rejected": (
        "Il tuo profilo di mentore su {site_name}",
        """Ciao {recipient_name},

grazie per la tua disponibilità come mentore su {site_name}. Un facilitatore ha letto il tuo profilo e non può approvarlo così com'è, per questo motivo:

{rejection_reason}

La tua pagina: {mentoring_link}

Per qualsiasi domanda, rispondi a questa email.

Il team di {site_name}
""",
    ),
    "mentoring_request_reminder": (
        "{mentee_name} attende la tua risposta su {site_name}",
        """Ciao {recipient_name},

{mentee_name} ti ha chiesto di fare da mentore {days_waiting} giorni fa e attende ancora la tua risposta. Una richiesta senza risposta entro {request_days} giorni si chiude da sola, e {mentee_name} dovrà ricominciare con un altro mentore.

Accettala o rifiutala (basta un breve motivo) dalla tua pagina:

{mentoring_link}

Se al momento non hai tempo per seguire nessuno, lì puoi anche metterti in pausa.

Il team di {site_name}
""",
    ),
    "mentoring_session_reminder": (
        "Come va il mentoring con {mentee_name}?",
        """Ciao {recipient_name},

da {days_without_session} giorni non è registrato nessun incontro con {mentee_name}. Se un incontro c'è stato, registralo dalla tua pagina: basta un minuto e aiuta i facilitatori a capire come funziona il mentoring:

{mentoring_link}

Se il percorso è concluso, lì puoi anche chiuderlo.

Il team di {site_name}
""",
    ),
    "mentoring_checkin": (
        "{mentorship_days} giorni di mentoring con {mentee_name}",
        """Ciao {recipient_name},

hai iniziato a seguire {mentee_name} {mentorship_days} giorni fa: grazie. È un buon momento per fare il punto insieme sui risultati raggiunti e sui prossimi passi.

Se gli obiettivi sono raggiunti, puoi segnare il percorso come concluso dalla tua pagina; altrimenti, continua pure:

{mentoring_link}

Il team di {site_name}
""",
    ),
}


def swap(apps, schema_editor, before, after):
    EmailTemplate = apps.get_model("emails", "EmailTemplate")
    db = schema_editor.connection.alias
    for key, (subject, body) in before.items():
        EmailTemplate.objects.using(db).filter(
            key=key, locale__language_code="it", subject=subject, body=body
        ).update(subject=after[key][0], body=after[key][1])


def to_tu(apps, schema_editor):
    swap(apps, schema_editor, OLD, NEW)


def to_voi(apps, schema_editor):
    swap(apps, schema_editor, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("emails", "0019_mentoring_contact_choices"),
    ]

    operations = [
        migrations.RunPython(to_tu, to_voi),
    ]
