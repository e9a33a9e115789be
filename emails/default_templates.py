# ruff: noqa: E501 -- email paragraphs are one line each, as they will be sent.
"""The portal's first email texts, in its four languages. Staff edit them in the admin afterwards.

`ensure_default_templates()` puts back any template that is missing (a new language, a deleted
row); it never overwrites a text staff have edited. Migrations 0002, 0003 and 0005 hold frozen
copies of these texts, so changing them here changes new installs' starting point only through
this function.
"""

from django.conf import settings
from django.db import transaction

DEFAULT_TEMPLATES = {
    "en": {
        "welcome": (
            "Welcome to {site_name}, {organisation_name}",
            """Dear {contact_name},

Thank you for registering {organisation_name} on {site_name}. You are now one of {organisation_count} organisations in the directory.

Here is what to do next, in any order:

1. Complete your profile: a short description, your areas of expertise, contact details, a logo and a cover image. A complete profile is easier to find.
2. Add your services and opportunities, so that people looking for support can find them: {services_link}
3. Show your work in your portfolio of projects: {portfolio_link}
4. Answer calls for collaboration from other organisations, or publish your own: {collaboration_link}

If you have a question, reply to this email and your national facilitator will help you.

Best wishes,
The {site_name} team
""",
        ),
        "welcome_country_missing": (
            "Welcome to {site_name}: which country do you work in?",
            """Dear {contact_name},

Thank you for registering {organisation_name} on {site_name}.

Your registration does not tell us which country you work in. The directory is organised by country, and each country has a facilitator who reviews new organisations and helps them get started, so we need to know this before your profile can be published.

Please reply to this email and tell us the country (or countries) where your organisation works. We will then place your profile in the right part of the directory and send you the next steps.

Best wishes,
The {site_name} team
""",
        ),
        "profile_reminder": (
            "{organisation_name}: a few steps to complete your profile",
            """Dear {contact_name},

The profile of {organisation_name} on {site_name} is almost ready. These items are still missing:

{missing_items}

Complete profiles appear higher in the directory and help people and partners understand what you do. You can add what is missing here:
- services and opportunities: {services_link}
- portfolio projects: {portfolio_link}

If something is not clear, reply to this email and we will help.

Best wishes,
The {site_name} team
""",
        ),
        "email_verification": (
            "Please confirm your email address for {site_name}",
            """Hello,

Please confirm that this is your email address by opening this link:

{verification_link}

If you did not register on {site_name}, you can ignore this email and nothing will happen.

The {site_name} team
""",
        ),
        "enquiry": (
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
        "collaboration_interest": (
            "{interested_organisation} is interested in your call: {call_title}",
            """Dear {contact_name},

{interested_organisation} has expressed interest in your call for collaboration "{call_title}" on {site_name}:

{interest_message}

To answer, simply reply to this email: your reply goes to {interested_organisation}.

Their profile: {interested_organisation_link}
Your call: {call_link}

You can also read it in your area of {site_name} and mark your response there: {interest_link}

Best wishes,
The {site_name} team
""",
        ),
        "enquiry_reply": (
            "Re: your message to {organisation_name}",
            """{reply_message}

--
{organisation_name} is answering the message you sent through {site_name}. To write back, simply reply to this email: your reply goes to {organisation_name}.

Your message:
{enquiry_message}
""",
        ),
        "collaboration_response": (
            "{call_organisation} has responded to your interest: {call_title}",
            """Dear {contact_name},

{call_organisation} has responded to the interest {organisation_name} expressed in its call for collaboration "{call_title}" on {site_name}.

Their response: {response_status}
{response_note}

The call: {call_link}
Your message and the response, in your area of {site_name}: {interest_link}

Best wishes,
The {site_name} team
""",
        ),
    },
    "it": {
        "welcome": (
            "Benvenuti su {site_name}, {organisation_name}",
            """Gentile {contact_name},

grazie per aver registrato {organisation_name} su {site_name}. Ora fate parte delle {organisation_count} organizzazioni presenti nell'elenco.

Ecco i prossimi passi, nell'ordine che preferite:

1. Completate il profilo: una breve descrizione, i vostri ambiti di competenza, i contatti, un logo e un'immagine di copertina. Un profilo completo si trova più facilmente.
2. Aggiungete i vostri servizi e le vostre opportunità, perché chi cerca sostegno possa trovarli: {services_link}
3. Mostrate il vostro lavoro nel portfolio dei progetti: {portfolio_link}
4. Rispondete agli inviti a collaborare di altre organizzazioni, o pubblicatene di vostri: {collaboration_link}

Per qualsiasi domanda, rispondete a questa email: il facilitatore nazionale vi aiuterà.

Cordiali saluti,
Il team di {site_name}
""",
        ),
        "welcome_country_missing": (
            "Benvenuti su {site_name}: in quale paese lavorate?",
            """Gentile {contact_name},

grazie per aver registrato {organisation_name} su {site_name}.

Dalla registrazione non risulta in quale paese lavorate. L'elenco è organizzato per paese e ogni paese ha un facilitatore che esamina le nuove organizzazioni e le aiuta a iniziare: ci serve quindi questa informazione prima di pubblicare il vostro profilo.

Rispondete a questa email indicando il paese (o i paesi) in cui opera la vostra organizzazione. Inseriremo il profilo nella sezione giusta dell'elenco e vi invieremo i prossimi passi.

Cordiali saluti,
Il team di {site_name}
""",
        ),
        "profile_reminder": (
            "{organisation_name}: pochi passi per completare il profilo",
            """Gentile {contact_name},

il profilo di {organisation_name} su {site_name} è quasi pronto. Mancano ancora questi elementi:

{missing_items}

I profili completi compaiono più in alto nell'elenco e aiutano persone e partner a capire che cosa fate. Potete aggiungere ciò che manca qui:
- servizi e opportunità: {services_link}
- progetti del portfolio: {portfolio_link}

Se qualcosa non è chiaro, rispondete a questa email e vi aiuteremo.

Cordiali saluti,
Il team di {site_name}
""",
        ),
        "email_verification": (
            "Confermate il vostro indirizzo email per {site_name}",
            """Buongiorno,

per confermare che questo è il vostro indirizzo email, aprite questo link:

{verification_link}

Se non vi siete registrati su {site_name}, potete ignorare questa email: non succederà nulla.

Il team di {site_name}
""",
        ),
        "enquiry": (
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
        "collaboration_interest": (
            "{interested_organisation} è interessata al vostro invito a collaborare: {call_title}",
            """Gentile {contact_name},

{interested_organisation} ha manifestato interesse per il vostro invito a collaborare "{call_title}" su {site_name}:

{interest_message}

Per rispondere è sufficiente replicare a questa email: la vostra risposta arriverà a {interested_organisation}.

Il loro profilo: {interested_organisation_link}
Il vostro invito: {call_link}

Potete leggerla anche nella vostra area riservata di {site_name} e indicare lì la vostra risposta: {interest_link}

Cordiali saluti,
Il team di {site_name}
""",
        ),
        "enquiry_reply": (
            "Re: il Suo messaggio a {organisation_name}",
            """{reply_message}

--
{organisation_name} risponde al messaggio che ha inviato tramite {site_name}. Per scrivere di nuovo, basta rispondere a questa email: la risposta arriverà a {organisation_name}.

Il Suo messaggio:
{enquiry_message}
""",
        ),
        "collaboration_response": (
            "{call_organisation} ha risposto al vostro interesse: {call_title}",
            """Gentile {contact_name},

{call_organisation} ha risposto all'interesse che {organisation_name} ha manifestato per il suo invito a collaborare "{call_title}" su {site_name}.

La risposta: {response_status}
{response_note}

L'invito: {call_link}
Il vostro messaggio e la risposta, nella vostra area riservata di {site_name}: {interest_link}

Cordiali saluti,
Il team di {site_name}
""",
        ),
    },
    "el": {
        "welcome": (
            "Καλώς ήρθατε στο {site_name}, {organisation_name}",
            """Αγαπητέ/ή {contact_name},

Σας ευχαριστούμε που καταχωρίσατε τον οργανισμό {organisation_name} στο {site_name}. Είστε πλέον ένας από τους {organisation_count} οργανισμούς του καταλόγου.

Τα επόμενα βήματα, με όποια σειρά προτιμάτε:

1. Συμπληρώστε το προφίλ σας: μια σύντομη περιγραφή, τους τομείς εξειδίκευσής σας, τα στοιχεία επικοινωνίας, ένα λογότυπο και μια εικόνα εξωφύλλου. Ένα πλήρες προφίλ βρίσκεται πιο εύκολα.
2. Προσθέστε τις υπηρεσίες και τις ευκαιρίες σας, ώστε να τις βρίσκουν όσοι αναζητούν στήριξη: {services_link}
3. Παρουσιάστε τη δουλειά σας στο χαρτοφυλάκιο έργων: {portfolio_link}
4. Απαντήστε σε προσκλήσεις συνεργασίας άλλων οργανισμών ή δημοσιεύστε τις δικές σας: {collaboration_link}

Για οποιαδήποτε ερώτηση, απαντήστε σε αυτό το μήνυμα και ο εθνικός διευκολυντής θα σας βοηθήσει.

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
        "welcome_country_missing": (
            "Καλώς ήρθατε στο {site_name}: σε ποια χώρα δραστηριοποιείστε;",
            """Αγαπητέ/ή {contact_name},

Σας ευχαριστούμε που καταχωρίσατε τον οργανισμό {organisation_name} στο {site_name}.

Από την εγγραφή σας δεν προκύπτει σε ποια χώρα δραστηριοποιείστε. Ο κατάλογος είναι οργανωμένος ανά χώρα και κάθε χώρα έχει έναν διευκολυντή που εξετάζει τους νέους οργανισμούς και τους βοηθά να ξεκινήσουν. Γι' αυτό χρειαζόμαστε αυτή την πληροφορία πριν δημοσιευτεί το προφίλ σας.

Απαντήστε σε αυτό το μήνυμα και πείτε μας σε ποια χώρα (ή χώρες) δραστηριοποιείται ο οργανισμός σας. Στη συνέχεια θα τοποθετήσουμε το προφίλ σας στη σωστή ενότητα του καταλόγου και θα σας στείλουμε τα επόμενα βήματα.

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
        "profile_reminder": (
            "{organisation_name}: λίγα βήματα για να ολοκληρώσετε το προφίλ σας",
            """Αγαπητέ/ή {contact_name},

Το προφίλ του οργανισμού {organisation_name} στο {site_name} είναι σχεδόν έτοιμο. Λείπουν ακόμη τα εξής:

{missing_items}

Τα πλήρη προφίλ εμφανίζονται ψηλότερα στον κατάλογο και βοηθούν τους πολίτες και τους εταίρους να καταλάβουν τι κάνετε. Μπορείτε να προσθέσετε ό,τι λείπει εδώ:
- υπηρεσίες και ευκαιρίες: {services_link}
- έργα του χαρτοφυλακίου: {portfolio_link}

Αν κάτι δεν είναι σαφές, απαντήστε σε αυτό το μήνυμα και θα σας βοηθήσουμε.

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
        "email_verification": (
            "Επιβεβαιώστε τη διεύθυνση email σας για το {site_name}",
            """Γεια σας,

Για να επιβεβαιώσετε ότι αυτή είναι η διεύθυνση email σας, ανοίξτε τον παρακάτω σύνδεσμο:

{verification_link}

Αν δεν εγγραφήκατε στο {site_name}, μπορείτε να αγνοήσετε αυτό το μήνυμα και δεν θα γίνει καμία αλλαγή.

Η ομάδα του {site_name}
""",
        ),
        "enquiry": (
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
        "collaboration_interest": (
            "Ενδιαφέρον από {interested_organisation} για την πρόσκλησή σας: {call_title}",
            """Αγαπητέ/ή {contact_name},

Ο οργανισμός {interested_organisation} εξέφρασε ενδιαφέρον για την πρόσκληση συνεργασίας σας «{call_title}» στο {site_name}:

{interest_message}

Για να απαντήσετε, απλώς απαντήστε σε αυτό το email: η απάντησή σας θα σταλεί στον οργανισμό {interested_organisation}.

Το προφίλ τους: {interested_organisation_link}
Η πρόσκλησή σας: {call_link}

Μπορείτε επίσης να το διαβάσετε στον χώρο σας στο {site_name} και να σημειώσετε εκεί την απάντησή σας: {interest_link}

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
        "enquiry_reply": (
            "Απ: το μήνυμά σας προς {organisation_name}",
            """{reply_message}

--
Ο οργανισμός {organisation_name} απαντά στο μήνυμα που στείλατε μέσω του {site_name}. Για να γράψετε ξανά, απλώς απαντήστε σε αυτό το email: η απάντησή σας θα σταλεί στον οργανισμό {organisation_name}.

Το μήνυμά σας:
{enquiry_message}
""",
        ),
        "collaboration_response": (
            "Απάντηση από {call_organisation} στο ενδιαφέρον σας: {call_title}",
            """Αγαπητέ/ή {contact_name},

Ο οργανισμός {call_organisation} απάντησε στο ενδιαφέρον που εξέφρασε ο οργανισμός {organisation_name} για την πρόσκληση συνεργασίας «{call_title}» στο {site_name}.

Η απάντηση: {response_status}
{response_note}

Η πρόσκληση: {call_link}
Το μήνυμά σας και η απάντηση, στον χώρο σας στο {site_name}: {interest_link}

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "welcome": (
            "أهلاً بكم في {site_name}، {organisation_name}",
            """عزيزي/عزيزتي {contact_name}،

شكراً لتسجيل منظمة {organisation_name} في {site_name}. انضممتم الآن إلى الدليل، وبلغ عدد المنظمات المسجّلة فيه {organisation_count}.

إليكم الخطوات التالية، بالترتيب الذي يناسبكم:

1. أكملوا ملفكم التعريفي: وصف قصير، ومجالات خبرتكم، وبيانات التواصل، وشعار، وصورة غلاف. الملف المكتمل أسهل في العثور عليه.
2. أضيفوا خدماتكم والفرص التي تقدّمونها ليجدها من يبحث عن الدعم: {services_link}
3. اعرضوا عملكم في معرض مشاريعكم: {portfolio_link}
4. استجيبوا لدعوات التعاون من المنظمات الأخرى أو انشروا دعواتكم: {collaboration_link}

إذا كان لديكم أي سؤال، ردّوا على هذه الرسالة وسيساعدكم الميسّر الوطني.

مع أطيب التحيات،
فريق {site_name}
""",
        ),
        "welcome_country_missing": (
            "أهلاً بكم في {site_name}: في أي بلد تعملون؟",
            """عزيزي/عزيزتي {contact_name}،

شكراً لتسجيل منظمة {organisation_name} في {site_name}.

لم يتضح لنا من تسجيلكم البلد الذي تعملون فيه. الدليل منظّم حسب البلد، ولكل بلد ميسّر يراجع المنظمات الجديدة ويساعدها على البدء، لذلك نحتاج إلى هذه المعلومة قبل نشر ملفكم التعريفي.

يُرجى الرد على هذه الرسالة وإخبارنا بالبلد (أو البلدان) الذي تعمل فيه منظمتكم. بعد ذلك سنضع ملفكم في القسم المناسب من الدليل ونرسل إليكم الخطوات التالية.

مع أطيب التحيات،
فريق {site_name}
""",
        ),
        "profile_reminder": (
            "{organisation_name}: خطوات قليلة لإكمال ملفكم التعريفي",
            """عزيزي/عزيزتي {contact_name}،

الملف التعريفي لمنظمة {organisation_name} على {site_name} جاهز تقريباً. ما زالت العناصر التالية ناقصة:

{missing_items}

تظهر الملفات المكتملة في مرتبة أعلى في الدليل، وتساعد الناس والشركاء على فهم ما تقومون به. يمكنكم إضافة ما ينقص من هنا:
- الخدمات والفرص: {services_link}
- مشاريع المعرض: {portfolio_link}

إذا كان هناك أمر غير واضح، ردّوا على هذه الرسالة وسنساعدكم.

مع أطيب التحيات،
فريق {site_name}
""",
        ),
        "email_verification": (
            "يُرجى تأكيد عنوان بريدكم الإلكتروني في {site_name}",
            """مرحباً،

لتأكيد أن هذا هو عنوان بريدكم الإلكتروني، افتحوا الرابط التالي:

{verification_link}

إذا لم تسجّلوا في {site_name}، يمكنكم تجاهل هذه الرسالة ولن يحدث أي شيء.

فريق {site_name}
""",
        ),
        "enquiry": (
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
        "collaboration_interest": (
            "اهتمام من {interested_organisation} بدعوتكم: {call_title}",
            """عزيزي/عزيزتي {contact_name}،

أبدت {interested_organisation} اهتمامها بدعوة التعاون التي نشرتموها «{call_title}» على {site_name}:

{interest_message}

للرد، يكفي أن تردّوا على هذه الرسالة: سيصل ردّكم إلى {interested_organisation}.

صفحة المنظمة: {interested_organisation_link}
دعوتكم: {call_link}

يمكنكم أيضاً قراءتها في مساحتكم على {site_name}، وتسجيل ردّكم هناك: {interest_link}

مع أطيب التحيات،
فريق {site_name}
""",
        ),
        "enquiry_reply": (
            "ردّ: رسالتكم إلى {organisation_name}",
            """{reply_message}

--
هذا ردّ {organisation_name} على الرسالة التي أرسلتموها عبر {site_name}. للكتابة إليهم مجدداً، يكفي أن تردّوا على هذه الرسالة: سيصل ردّكم إلى {organisation_name}.

رسالتكم:
{enquiry_message}
""",
        ),
        "collaboration_response": (
            "ردّ {call_organisation} على اهتمامكم: {call_title}",
            """عزيزي/عزيزتي {contact_name}،

ردّت {call_organisation} على الاهتمام الذي أبدته {organisation_name} بدعوة التعاون «{call_title}» على {site_name}.

الردّ: {response_status}
{response_note}

الدعوة: {call_link}
رسالتكم والردّ عليها في مساحتكم على {site_name}: {interest_link}

مع أطيب التحيات،
فريق {site_name}
""",
        ),
    },
}


# Facilitators told what waits, and organisations told what was decided -----------------------
# (the approval workflow's emails, verification and its withdrawal; see directory/notifications.py
# and facilitators/notifications.py). Kept apart so that each language's block stays readable.

WORKFLOW_TEMPLATES = {
    "en": {
        "facilitator_registration": (
            "New registration in {country_name}: {organisation_name}",
            """Dear {facilitator_name},

{organisation_name} has just registered on {site_name} ({country_name}). The contact person is {contact_name}. The email address is not confirmed yet: the organisation has received a link to confirm it.

The organisation's file: {organisation_link}

You receive this email because you follow the organisations of {country_name}. If you prefer one weekly digest instead, ask the central staff to change your facilitator profile.

The {site_name} team
""",
        ),
        "facilitator_email_confirmed": (
            "{organisation_name} has confirmed its email address",
            """Dear {facilitator_name},

{organisation_name} ({country_name}) has confirmed its email address: it can now sign in to {site_name} and complete its profile, and it has received the welcome email.

This is a good moment to get in touch. The organisation's file: {organisation_link}

The {site_name} team
""",
        ),
        "facilitator_submission": (
            "Waiting for your approval: {page_title} ({organisation_name})",
            """Dear {facilitator_name},

{organisation_name} ({country_name}) has submitted "{page_title}" for approval.

Review the page, then approve it or request changes: {page_edit_link}

The organisation's file: {organisation_link}

The {site_name} team
""",
        ),
        "facilitator_digest": (
            "{site_name}: your week, {week}",
            """Dear {facilitator_name},

Here is what happened this week ({week}) with the organisations you follow.

{digest}

Your dashboard: {dashboard_link}

The {site_name} team
""",
        ),
        "page_approved": (
            "Approved and published: {page_title}",
            """Dear {contact_name},

The facilitators have approved "{page_title}": it is now published on {site_name}.

{comment}

Your area of {site_name}: {page_edit_link}

Best wishes,
The {site_name} team
""",
        ),
        "page_rejected": (
            "Changes requested: {page_title}",
            """Dear {contact_name},

The facilitators have read "{page_title}" and ask for some changes before it is published.

{comment}

Make the changes and submit the page for approval again: {page_edit_link}

If anything is unclear, simply reply to this email.

Best wishes,
The {site_name} team
""",
        ),
        "verified": (
            "{organisation_name} is verified on {site_name}",
            """Dear {contact_name},

The facilitators have verified {organisation_name}. From now on you publish your profile, services and projects yourselves, without waiting for approval.

Your area of {site_name}: {dashboard_link}

Best wishes,
The {site_name} team
""",
        ),
        "verification_revoked": (
            "{organisation_name}: verification withdrawn",
            """Dear {contact_name},

The facilitators have withdrawn the verification of {organisation_name} on {site_name}. Your published pages stay as they are; from now on, each new page or change is published once the facilitators have approved it.

If you have any questions, simply reply to this email.

Best wishes,
The {site_name} team
""",
        ),
    },
    "it": {
        "facilitator_registration": (
            "Nuova registrazione in {country_name}: {organisation_name}",
            """Gentile {facilitator_name},

{organisation_name} si è appena registrata su {site_name} ({country_name}). La persona di riferimento è {contact_name}. L'indirizzo email non è ancora confermato: l'organizzazione ha ricevuto un link per confermarlo.

La scheda dell'organizzazione: {organisation_link}

Ricevi questa email perché segui le organizzazioni di {country_name}. Se preferisci un unico riepilogo settimanale, chiedi allo staff centrale di modificare il tuo profilo di facilitatore.

Il team di {site_name}
""",
        ),
        "facilitator_email_confirmed": (
            "{organisation_name} ha confermato il suo indirizzo email",
            """Gentile {facilitator_name},

{organisation_name} ({country_name}) ha confermato il suo indirizzo email: ora può accedere a {site_name} e completare il suo profilo, e ha ricevuto l'email di benvenuto.

È un buon momento per contattarla. La scheda dell'organizzazione: {organisation_link}

Il team di {site_name}
""",
        ),
        "facilitator_submission": (
            "In attesa della tua approvazione: {page_title} ({organisation_name})",
            """Gentile {facilitator_name},

{organisation_name} ({country_name}) ha inviato "{page_title}" per l'approvazione.

Esamina la pagina, poi approvala o chiedi delle modifiche: {page_edit_link}

La scheda dell'organizzazione: {organisation_link}

Il team di {site_name}
""",
        ),
        "facilitator_digest": (
            "{site_name}: la tua settimana, {week}",
            """Gentile {facilitator_name},

Ecco cosa è successo questa settimana ({week}) con le organizzazioni che segui.

{digest}

La tua bacheca: {dashboard_link}

Il team di {site_name}
""",
        ),
        "page_approved": (
            "Approvata e pubblicata: {page_title}",
            """Gentile {contact_name},

I facilitatori hanno approvato "{page_title}": ora è pubblicata su {site_name}.

{comment}

La vostra area riservata di {site_name}: {page_edit_link}

Cordiali saluti,
Il team di {site_name}
""",
        ),
        "page_rejected": (
            "Modifiche richieste: {page_title}",
            """Gentile {contact_name},

I facilitatori hanno letto "{page_title}" e chiedono alcune modifiche prima della pubblicazione.

{comment}

Apportate le modifiche e inviate di nuovo la pagina per l'approvazione: {page_edit_link}

Se qualcosa non è chiaro, rispondete semplicemente a questa email.

Cordiali saluti,
Il team di {site_name}
""",
        ),
        "verified": (
            "{organisation_name} è verificata su {site_name}",
            """Gentile {contact_name},

I facilitatori hanno verificato {organisation_name}. D'ora in poi pubblicate da soli il vostro profilo, i servizi e i progetti, senza attendere l'approvazione.

La vostra area riservata di {site_name}: {dashboard_link}

Cordiali saluti,
Il team di {site_name}
""",
        ),
        "verification_revoked": (
            "{organisation_name}: verifica revocata",
            """Gentile {contact_name},

I facilitatori hanno revocato la verifica di {organisation_name} su {site_name}. Le pagine già pubblicate restano come sono; d'ora in poi, ogni nuova pagina o modifica sarà pubblicata dopo l'approvazione dei facilitatori.

Per qualsiasi domanda, rispondete semplicemente a questa email.

Cordiali saluti,
Il team di {site_name}
""",
        ),
    },
    "el": {
        "facilitator_registration": (
            "Νέα εγγραφή ({country_name}): {organisation_name}",
            """Αγαπητέ/ή {facilitator_name},

Ο οργανισμός {organisation_name} μόλις εγγράφηκε στο {site_name} ({country_name}). Υπεύθυνος/η επικοινωνίας: {contact_name}. Η διεύθυνση email δεν έχει επιβεβαιωθεί ακόμη: ο οργανισμός έλαβε σύνδεσμο για να την επιβεβαιώσει.

Ο φάκελος του οργανισμού: {organisation_link}

Λαμβάνετε αυτό το email επειδή παρακολουθείτε τους οργανισμούς της χώρας {country_name}. Αν προτιμάτε μία εβδομαδιαία σύνοψη, ζητήστε από την κεντρική ομάδα να αλλάξει το προφίλ σας.

Η ομάδα του {site_name}
""",
        ),
        "facilitator_email_confirmed": (
            "Ο οργανισμός {organisation_name} επιβεβαίωσε τη διεύθυνση email του",
            """Αγαπητέ/ή {facilitator_name},

Ο οργανισμός {organisation_name} ({country_name}) επιβεβαίωσε τη διεύθυνση email του: μπορεί πλέον να συνδεθεί στο {site_name} και να συμπληρώσει το προφίλ του, και έλαβε το email καλωσορίσματος.

Είναι μια καλή στιγμή να επικοινωνήσετε μαζί του. Ο φάκελος του οργανισμού: {organisation_link}

Η ομάδα του {site_name}
""",
        ),
        "facilitator_submission": (
            "Αναμένει την έγκρισή σας: {page_title} ({organisation_name})",
            """Αγαπητέ/ή {facilitator_name},

Ο οργανισμός {organisation_name} ({country_name}) υπέβαλε τη σελίδα «{page_title}» για έγκριση.

Ελέγξτε τη σελίδα και εγκρίνετέ τη ή ζητήστε αλλαγές: {page_edit_link}

Ο φάκελος του οργανισμού: {organisation_link}

Η ομάδα του {site_name}
""",
        ),
        "facilitator_digest": (
            "{site_name}: η εβδομάδα σας, {week}",
            """Αγαπητέ/ή {facilitator_name},

Δείτε τι έγινε αυτή την εβδομάδα ({week}) με τους οργανισμούς που παρακολουθείτε.

{digest}

Ο πίνακας ελέγχου σας: {dashboard_link}

Η ομάδα του {site_name}
""",
        ),
        "page_approved": (
            "Εγκρίθηκε και δημοσιεύτηκε: {page_title}",
            """Αγαπητέ/ή {contact_name},

Οι διευκολυντές ενέκριναν τη σελίδα «{page_title}»: είναι πλέον δημοσιευμένη στο {site_name}.

{comment}

Ο χώρος σας στο {site_name}: {page_edit_link}

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
        "page_rejected": (
            "Ζητούνται αλλαγές: {page_title}",
            """Αγαπητέ/ή {contact_name},

Οι διευκολυντές διάβασαν τη σελίδα «{page_title}» και ζητούν ορισμένες αλλαγές πριν από τη δημοσίευσή της.

{comment}

Κάντε τις αλλαγές και υποβάλετε ξανά τη σελίδα για έγκριση: {page_edit_link}

Αν κάτι δεν είναι σαφές, απαντήστε απλώς σε αυτό το email.

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
        "verified": (
            "Ο οργανισμός {organisation_name} επαληθεύτηκε στο {site_name}",
            """Αγαπητέ/ή {contact_name},

Οι διευκολυντές επαλήθευσαν τον οργανισμό {organisation_name}. Από εδώ και πέρα δημοσιεύετε μόνοι σας το προφίλ, τις υπηρεσίες και τα έργα σας, χωρίς να περιμένετε έγκριση.

Ο χώρος σας στο {site_name}: {dashboard_link}

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
        "verification_revoked": (
            "{organisation_name}: η επαλήθευση ανακλήθηκε",
            """Αγαπητέ/ή {contact_name},

Οι διευκολυντές ανακάλεσαν την επαλήθευση του οργανισμού {organisation_name} στο {site_name}. Οι δημοσιευμένες σελίδες σας παραμένουν ως έχουν· από εδώ και πέρα, κάθε νέα σελίδα ή αλλαγή θα δημοσιεύεται μετά την έγκριση των διευκολυντών.

Για οποιαδήποτε ερώτηση, απαντήστε απλώς σε αυτό το email.

Με εκτίμηση,
Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "facilitator_registration": (
            "تسجيل جديد في {country_name}: {organisation_name}",
            """عزيزي/عزيزتي {facilitator_name}،

سجّلت {organisation_name} للتوّ في {site_name} ({country_name}). الشخص المسؤول عن التواصل: {contact_name}. لم يُؤكَّد عنوان البريد الإلكتروني بعد: تلقّت المنظمة رابطاً لتأكيده.

ملف المنظمة: {organisation_link}

تصلك هذه الرسالة لأنك تتابع منظمات {country_name}. إذا كنت تفضّل ملخّصاً أسبوعياً واحداً بدلاً منها، فاطلب من الفريق المركزي تعديل ملفك كميسّر.

فريق {site_name}
""",
        ),
        "facilitator_email_confirmed": (
            "أكّدت {organisation_name} عنوان بريدها الإلكتروني",
            """عزيزي/عزيزتي {facilitator_name}،

أكّدت {organisation_name} ({country_name}) عنوان بريدها الإلكتروني: يمكنها الآن تسجيل الدخول إلى {site_name} واستكمال ملفها، وقد تلقّت رسالة الترحيب.

هذا وقت مناسب للتواصل معها. ملف المنظمة: {organisation_link}

فريق {site_name}
""",
        ),
        "facilitator_submission": (
            "بانتظار موافقتك: {page_title} ({organisation_name})",
            """عزيزي/عزيزتي {facilitator_name}،

أرسلت {organisation_name} ({country_name}) الصفحة "{page_title}" للموافقة عليها.

راجِع الصفحة، ثم وافِق عليها أو اطلب تعديلات: {page_edit_link}

ملف المنظمة: {organisation_link}

فريق {site_name}
""",
        ),
        "facilitator_digest": (
            "{site_name}: أسبوعك، {week}",
            """عزيزي/عزيزتي {facilitator_name}،

إليك ما جرى هذا الأسبوع ({week}) مع المنظمات التي تتابعها.

{digest}

لوحة التحكم الخاصة بك: {dashboard_link}

فريق {site_name}
""",
        ),
        "page_approved": (
            "تمت الموافقة والنشر: {page_title}",
            """عزيزي/عزيزتي {contact_name}،

وافق الميسّرون على "{page_title}": أصبحت الصفحة منشورة الآن على {site_name}.

{comment}

مساحتكم على {site_name}: {page_edit_link}

مع أطيب التحيات،
فريق {site_name}
""",
        ),
        "page_rejected": (
            "مطلوب إجراء تعديلات: {page_title}",
            """عزيزي/عزيزتي {contact_name}،

اطّلع الميسّرون على "{page_title}" ويطلبون بعض التعديلات قبل نشرها.

{comment}

أجروا التعديلات ثم أرسلوا الصفحة مجدداً للموافقة: {page_edit_link}

إذا كان هناك أي أمر غير واضح، يكفي أن تردّوا على هذه الرسالة.

مع أطيب التحيات،
فريق {site_name}
""",
        ),
        "verified": (
            "تم التحقق من {organisation_name} على {site_name}",
            """عزيزي/عزيزتي {contact_name}،

تحقّق الميسّرون من {organisation_name}. من الآن فصاعداً، تنشرون ملفكم وخدماتكم ومشاريعكم بأنفسكم، دون انتظار الموافقة.

مساحتكم على {site_name}: {dashboard_link}

مع أطيب التحيات،
فريق {site_name}
""",
        ),
        "verification_revoked": (
            "{organisation_name}: سُحب التحقق",
            """عزيزي/عزيزتي {contact_name}،

سحب الميسّرون التحقق من {organisation_name} على {site_name}. تبقى صفحاتكم المنشورة كما هي؛ ومن الآن فصاعداً، تُنشر كل صفحة أو تعديل جديد بعد موافقة الميسّرين.

لأي سؤال، يكفي أن تردّوا على هذه الرسالة.

مع أطيب التحيات،
فريق {site_name}
""",
        ),
    },
}


# Moderators told that a page of the site's own waits, and whoever submitted it told what was
# decided (pages outside the directory, under a group approval task; see
# directory/notifications.py).

MODERATION_TEMPLATES = {
    "en": {
        "moderation_submission": (
            "Waiting for your approval: {page_title}",
            """Dear {recipient_name},

{submitter_name} has submitted "{page_title}" for approval on {site_name}.

Review the page, then approve it or request changes: {page_edit_link}

You receive this email because you moderate the site's pages. You can turn these emails off in your account settings in the admin.

The {site_name} team
""",
        ),
        "moderation_approved": (
            "Approved and published: {page_title}",
            """Dear {recipient_name},

"{page_title}", which you submitted for approval, has been approved: it is now published on {site_name}.

{comment}

The page in the admin: {page_edit_link}

The {site_name} team
""",
        ),
        "moderation_rejected": (
            "Changes requested: {page_title}",
            """Dear {recipient_name},

The moderators have read "{page_title}", which you submitted for approval on {site_name}, and ask for some changes before it is published.

{comment}

Make the changes and submit the page for approval again: {page_edit_link}

The {site_name} team
""",
        ),
    },
    "it": {
        "moderation_submission": (
            "In attesa della tua approvazione: {page_title}",
            """Gentile {recipient_name},

{submitter_name} ha inviato la pagina "{page_title}" per l'approvazione su {site_name}.

Esamina la pagina, poi approvala o richiedi modifiche: {page_edit_link}

Ricevi questa email perché moderi le pagine del sito. Puoi disattivare queste email nelle impostazioni del tuo account, nell'area di amministrazione.

Il team di {site_name}
""",
        ),
        "moderation_approved": (
            "Approvata e pubblicata: {page_title}",
            """Gentile {recipient_name},

la pagina "{page_title}" che hai inviato per l'approvazione è stata approvata: ora è pubblicata su {site_name}.

{comment}

La pagina nell'area di amministrazione: {page_edit_link}

Il team di {site_name}
""",
        ),
        "moderation_rejected": (
            "Modifiche richieste: {page_title}",
            """Gentile {recipient_name},

i moderatori hanno letto la pagina "{page_title}" che hai inviato per l'approvazione su {site_name} e chiedono alcune modifiche prima di pubblicarla.

{comment}

Apporta le modifiche e invia di nuovo la pagina per l'approvazione: {page_edit_link}

Il team di {site_name}
""",
        ),
    },
    "el": {
        "moderation_submission": (
            "Αναμένει την έγκρισή σας: {page_title}",
            """Αγαπητέ/ή {recipient_name},

Ο/Η {submitter_name} υπέβαλε τη σελίδα «{page_title}» για έγκριση στο {site_name}.

Ελέγξτε τη σελίδα και εγκρίνετέ τη ή ζητήστε αλλαγές: {page_edit_link}

Λαμβάνετε αυτό το email επειδή εποπτεύετε τις σελίδες του ιστότοπου. Μπορείτε να απενεργοποιήσετε αυτά τα email από τις ρυθμίσεις του λογαριασμού σας στη διαχείριση.

Η ομάδα του {site_name}
""",
        ),
        "moderation_approved": (
            "Εγκρίθηκε και δημοσιεύτηκε: {page_title}",
            """Αγαπητέ/ή {recipient_name},

Η σελίδα «{page_title}» που υποβάλατε για έγκριση εγκρίθηκε: δημοσιεύεται πλέον στο {site_name}.

{comment}

Η σελίδα στη διαχείριση: {page_edit_link}

Η ομάδα του {site_name}
""",
        ),
        "moderation_rejected": (
            "Ζητούνται αλλαγές: {page_title}",
            """Αγαπητέ/ή {recipient_name},

Οι επόπτες διάβασαν τη σελίδα «{page_title}» που υποβάλατε για έγκριση στο {site_name} και ζητούν ορισμένες αλλαγές πριν δημοσιευτεί.

{comment}

Κάντε τις αλλαγές και υποβάλετε ξανά τη σελίδα για έγκριση: {page_edit_link}

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "moderation_submission": (
            "بانتظار موافقتك: {page_title}",
            """عزيزي/عزيزتي {recipient_name}،

أرسل/أرسلت {submitter_name} الصفحة "{page_title}" للموافقة عليها على {site_name}.

راجِع الصفحة، ثم وافِق عليها أو اطلب تعديلات: {page_edit_link}

تصلك هذه الرسالة لأنك تراجع صفحات الموقع. يمكنك إيقاف هذه الرسائل من إعدادات حسابك في لوحة الإدارة.

فريق {site_name}
""",
        ),
        "moderation_approved": (
            "تمت الموافقة والنشر: {page_title}",
            """عزيزي/عزيزتي {recipient_name}،

تمت الموافقة على الصفحة "{page_title}" التي أرسلتها للموافقة: أصبحت منشورة الآن على {site_name}.

{comment}

الصفحة في لوحة الإدارة: {page_edit_link}

فريق {site_name}
""",
        ),
        "moderation_rejected": (
            "مطلوب إجراء تعديلات: {page_title}",
            """عزيزي/عزيزتي {recipient_name}،

قرأ المراجعون الصفحة "{page_title}" التي أرسلتها للموافقة على {site_name}، ويطلبون بعض التعديلات قبل نشرها.

{comment}

أجرِ التعديلات ثم أرسل الصفحة للموافقة مرة أخرى: {page_edit_link}

فريق {site_name}
""",
        ),
    },
}

# Someone filled in the registration form with an address that already has an account: its owner
# hears of it (no account is created), as a new address gets its verification link, so that the
# form's answer says nothing about who has registered (directory/views.py).

ACCOUNT_TEMPLATES = {
    "en": {
        "registration_existing_account": (
            "Someone tried to register with your address on {site_name}",
            """Dear {recipient_name},

Someone has just filled in the registration form of {site_name} with this email address, which already has an account. No new account was created.

If it was you, sign in as usual: {signin_link}

If you have forgotten your password, ask for a new one: {password_reset_link}

If it was not you, you can ignore this email: your account has not changed.

The {site_name} team
""",
        ),
    },
    "it": {
        "registration_existing_account": (
            "Qualcuno ha provato a registrarsi con il tuo indirizzo su {site_name}",
            """Gentile {recipient_name},

qualcuno ha appena compilato il modulo di registrazione di {site_name} con questo indirizzo email, che ha già un account. Non è stato creato nessun nuovo account.

Se sei stato tu, accedi come sempre: {signin_link}

Se hai dimenticato la password, richiedine una nuova: {password_reset_link}

Se non sei stato tu, puoi ignorare questa email: il tuo account non è cambiato.

Il team di {site_name}
""",
        ),
    },
    "el": {
        "registration_existing_account": (
            "Κάποιος προσπάθησε να εγγραφεί με τη διεύθυνσή σας στο {site_name}",
            """Αγαπητέ/ή {recipient_name},

Κάποιος μόλις συμπλήρωσε τη φόρμα εγγραφής του {site_name} με αυτή τη διεύθυνση email, η οποία έχει ήδη λογαριασμό. Δεν δημιουργήθηκε νέος λογαριασμός.

Αν ήσασταν εσείς, συνδεθείτε όπως πάντα: {signin_link}

Αν ξεχάσατε τον κωδικό σας, ζητήστε νέο: {password_reset_link}

Αν δεν ήσασταν εσείς, μπορείτε να αγνοήσετε αυτό το email: ο λογαριασμός σας δεν άλλαξε.

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "registration_existing_account": (
            "حاول شخص ما التسجيل بعنوانك على {site_name}",
            """عزيزي/عزيزتي {recipient_name}،

قام شخص ما للتو بملء نموذج التسجيل على {site_name} بعنوان البريد الإلكتروني هذا، وهو مرتبط بحساب موجود بالفعل. لم يُنشأ أي حساب جديد.

إذا كنت أنت، فسجّل الدخول كالمعتاد: {signin_link}

إذا نسيت كلمة المرور، فاطلب كلمة مرور جديدة: {password_reset_link}

إذا لم تكن أنت، يمكنك تجاهل هذه الرسالة: لم يتغير شيء في حسابك.

فريق {site_name}
""",
        ),
    },
}

# The yearly check (freshness app): each organisation confirms, one link per item, that its
# profile and services are still accurate.

CHECK_TEMPLATES = {
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

# Double opt-in of the email subscriptions (subscriptions app).

SUBSCRIPTION_TEMPLATES = {
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

# What subscribers receive (subscriptions, search and news apps): the new results of a saved
# search, and the news digest.

DIGEST_TEMPLATES = {
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

# Mentoring (mentoring app): the links to the mentee's and the mentor's own pages, a new
# request, an acceptance with the mentor's address, a decline with its reason, an expiry (to
# both sides), a request closed by another's acceptance.

MENTORING_TEMPLATES = {
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

{proposal_list}

{mentoring_link}

The {site_name} team
""",
        ),
        "mentoring_expired": (
            "Your request to {mentor_name} has expired",
            """Hello {recipient_name},

{mentor_name} did not answer your request within {request_days} days, so it has expired. Your page shows the mentors we propose now, and you can ask others:

{proposal_list}

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

{proposal_list}

{mentoring_link}

Η ομάδα του {site_name}
""",
        ),
        "mentoring_expired": (
            "Το αίτημά σου προς τον/την {mentor_name} έληξε",
            """Γεια σου {recipient_name},

Ο/Η {mentor_name} δεν απάντησε στο αίτημά σου μέσα σε {request_days} ημέρες, οπότε έληξε. Η σελίδα σου δείχνει τους μέντορες που σου προτείνουμε τώρα, και μπορείς να ζητήσεις από άλλους:

{proposal_list}

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

{proposal_list}

{mentoring_link}

فريق {site_name}
""",
        ),
        "mentoring_expired": (
            "انتهت صلاحية طلبك إلى {mentor_name}",
            """مرحبًا {recipient_name}،

لم يُجب {mentor_name} على طلبك خلال {request_days} يومًا، فانتهت صلاحيته. تعرض صفحتك المرشدين الذين نقترحهم عليك الآن، ويمكنك أن تطلب من غيرهم:

{proposal_list}

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

# Memberships of networks (networks app): an invitation to join, a request to join, the answer.

NETWORK_TEMPLATES = {
    "en": {
        "network_invitation": (
            "{network_name} invites {organisation_name} to join",
            """Dear {contact_name},

{network_name} invites {organisation_name} to become one of its members on {site_name}, with the role: {membership_role}.

About the network: {network_link}

Accept or decline the invitation from your home in the admin: {memberships_link}
Once you accept, the network's page lists {organisation_name} and your page says you are a member.

The {site_name} team
""",
        ),
        "network_request": (
            "{member_name} asks to join {network_name}",
            """Dear {contact_name},

{member_name} asks to join {network_name} on {site_name}, with the role: {membership_role}.

About the organisation: {member_link}

Accept or decline the request from your home in the admin: {memberships_link}
Once you accept, your network's page lists {member_name}.

The {site_name} team
""",
        ),
        "network_answer": (
            "{network_name}: membership of {member_name} {membership_answer}",
            """Dear {contact_name},

The membership of {member_name} in {network_name} ({membership_role}) has been {membership_answer}.

Your memberships: {memberships_link}

The {site_name} team
""",
        ),
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
        "network_invitation": (
            "{network_name} invita {organisation_name} a farne parte",
            """Gentile {contact_name},

{network_name} invita {organisation_name} a diventare uno dei suoi membri su {site_name}, con il ruolo: {membership_role}.

La rete: {network_link}

Accettate o rifiutate l'invito dalla vostra pagina iniziale nell'area di amministrazione: {memberships_link}
Quando accettate, la pagina della rete elenca {organisation_name} e la vostra pagina indica che ne siete membri.

Il team di {site_name}
""",
        ),
        "network_request": (
            "{member_name} chiede di entrare in {network_name}",
            """Gentile {contact_name},

{member_name} chiede di entrare in {network_name} su {site_name}, con il ruolo: {membership_role}.

L'organizzazione: {member_link}

Accettate o rifiutate la richiesta dalla vostra pagina iniziale nell'area di amministrazione: {memberships_link}
Quando accettate, la pagina della vostra rete elenca {member_name}.

Il team di {site_name}
""",
        ),
        "network_answer": (
            "{network_name}: adesione di {member_name} {membership_answer}",
            """Gentile {contact_name},

l'adesione di {member_name} a {network_name} ({membership_role}) è stata {membership_answer}.

Le vostre adesioni: {memberships_link}

Il team di {site_name}
""",
        ),
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
        "network_invitation": (
            "Το {network_name} προσκαλεί τον οργανισμό {organisation_name} να γίνει μέλος",
            """Αγαπητή/ε {contact_name},

Το {network_name} προσκαλεί τον οργανισμό {organisation_name} να γίνει μέλος του στο {site_name}, με τον ρόλο: {membership_role}.

Σχετικά με το δίκτυο: {network_link}

Αποδεχθείτε ή απορρίψτε την πρόσκληση από την αρχική σας σελίδα στη διαχείριση: {memberships_link}
Μόλις την αποδεχθείτε, η σελίδα του δικτύου θα αναφέρει τον οργανισμό {organisation_name} και η σελίδα σας ότι είστε μέλος.

Η ομάδα του {site_name}
""",
        ),
        "network_request": (
            "Ο οργανισμός {member_name} ζητά να γίνει μέλος του {network_name}",
            """Αγαπητή/ε {contact_name},

Ο οργανισμός {member_name} ζητά να γίνει μέλος του {network_name} στο {site_name}, με τον ρόλο: {membership_role}.

Σχετικά με τον οργανισμό: {member_link}

Αποδεχθείτε ή απορρίψτε το αίτημα από την αρχική σας σελίδα στη διαχείριση: {memberships_link}
Μόλις το αποδεχθείτε, η σελίδα του δικτύου σας θα αναφέρει τον οργανισμό {member_name}.

Η ομάδα του {site_name}
""",
        ),
        "network_answer": (
            "{network_name}: η συμμετοχή του οργανισμού {member_name}: {membership_answer}",
            """Αγαπητή/ε {contact_name},

Η συμμετοχή του οργανισμού {member_name} στο {network_name} ({membership_role}): {membership_answer}.

Οι συμμετοχές σας: {memberships_link}

Η ομάδα του {site_name}
""",
        ),
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
        "network_invitation": (
            "تدعو {network_name} منظمة {organisation_name} إلى الانضمام",
            """عزيزي/عزيزتي {contact_name}،

تدعو {network_name} منظمة {organisation_name} إلى أن تصبح أحد أعضائها على {site_name}، بدور: {membership_role}.

عن الشبكة: {network_link}

اقبل الدعوة أو ارفضها من صفحتك الرئيسية في لوحة الإدارة: {memberships_link}
بعد القبول، تذكر صفحة الشبكة منظمة {organisation_name} وتذكر صفحتك أنك عضو فيها.

فريق {site_name}
""",
        ),
        "network_request": (
            "تطلب {member_name} الانضمام إلى {network_name}",
            """عزيزي/عزيزتي {contact_name}،

تطلب منظمة {member_name} الانضمام إلى {network_name} على {site_name}، بدور: {membership_role}.

عن المنظمة: {member_link}

اقبل الطلب أو ارفضه من صفحتك الرئيسية في لوحة الإدارة: {memberships_link}
بعد القبول، تذكر صفحة شبكتك منظمة {member_name}.

فريق {site_name}
""",
        ),
        "network_answer": (
            "{network_name}: عضوية {member_name}: {membership_answer}",
            """عزيزي/عزيزتي {contact_name}،

عضوية {member_name} في {network_name} ({membership_role}): {membership_answer}.

عضوياتك: {memberships_link}

فريق {site_name}
""",
        ),
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


MENTOR_APPROVAL_TEMPLATES = {
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

MENTORING_REMINDER_TEMPLATES = {
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


MENTORING_CONTACT_TEMPLATES = {
    "en": {
        "mentoring_accepted_mentor": (
            "{mentee_name} is your mentee",
            """Hello {recipient_name},

Thank you for accepting to mentor {mentee_name}. You can write to them at {mentee_email}; they have your address too. Please get in touch soon to arrange your first meeting.

Your page, where you log your meetings: {mentoring_link}

The {site_name} team
""",
        ),
        "mentoring_requests_sent": (
            "Your mentoring requests are sent",
            """Hello {recipient_name},

Your request was sent to:

{mentors_asked}

Each mentor answers on their own page. As soon as one accepts, we send you their email address and the other requests close. You can follow them or withdraw them on your page:

{mentoring_link}

The {site_name} team
""",
        ),
    },
    "it": {
        "mentoring_accepted_mentor": (
            "{mentee_name} è il tuo mentee",
            """Ciao {recipient_name},

grazie per aver accettato di seguire {mentee_name}. Puoi scrivere a {mentee_email}; anche {mentee_name} ha il tuo indirizzo. Mettiti in contatto presto per fissare il primo incontro.

La tua pagina, dove registri gli incontri: {mentoring_link}

Il team di {site_name}
""",
        ),
        "mentoring_requests_sent": (
            "Le tue richieste di mentoring sono state inviate",
            """Ciao {recipient_name},

la tua richiesta è stata inviata a:

{mentors_asked}

Ogni mentore risponde dalla propria pagina. Appena uno accetta, ti mandiamo il suo indirizzo email e le altre richieste si chiudono. Puoi seguirle o ritirarle dalla tua pagina:

{mentoring_link}

Il team di {site_name}
""",
        ),
    },
    "el": {
        "mentoring_accepted_mentor": (
            "Ο/Η {mentee_name} είναι ο/η καθοδηγούμενός σας",
            """Γεια σας {recipient_name},

Σας ευχαριστούμε που δεχτήκατε να καθοδηγήσετε τον/την {mentee_name}. Μπορείτε να γράψετε στο {mentee_email}· έχει κι εκείνος/εκείνη τη διεύθυνσή σας. Επικοινωνήστε σύντομα για να κανονίσετε την πρώτη σας συνάντηση.

Η σελίδα σας, όπου καταγράφετε τις συναντήσεις: {mentoring_link}

Η ομάδα του {site_name}
""",
        ),
        "mentoring_requests_sent": (
            "Τα αιτήματά σας για καθοδήγηση στάλθηκαν",
            """Γεια σας {recipient_name},

Το αίτημά σας στάλθηκε στους:

{mentors_asked}

Κάθε μέντορας απαντά από τη δική του σελίδα. Μόλις κάποιος δεχτεί, σας στέλνουμε τη διεύθυνση email του και τα άλλα αιτήματα κλείνουν. Μπορείτε να τα παρακολουθείτε ή να τα αποσύρετε από τη σελίδα σας:

{mentoring_link}

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "mentoring_accepted_mentor": (
            "{mentee_name} هو المتدرّب معك",
            """مرحبًا {recipient_name}،

شكرًا لقبولك إرشاد {mentee_name}. يمكنك مراسلته على {mentee_email}؛ ولديه عنوانك أيضًا. يُرجى التواصل قريبًا لترتيب لقائكما الأول.

صفحتك، حيث تسجّل اللقاءات: {mentoring_link}

فريق {site_name}
""",
        ),
        "mentoring_requests_sent": (
            "أُرسلت طلبات الإرشاد الخاصة بك",
            """مرحبًا {recipient_name}،

أُرسل طلبك إلى:

{mentors_asked}

يجيب كل مرشد من صفحته. فور قبول أحدهم، نرسل إليك عنوان بريده الإلكتروني وتُغلق الطلبات الأخرى. يمكنك متابعتها أو سحبها من صفحتك:

{mentoring_link}

فريق {site_name}
""",
        ),
    },
}


MENTORING_ENDED_MENTOR_TEMPLATES = {
    "en": {
        "mentoring_ended_mentor": (
            "Your mentorship with {mentee_name} has ended",
            """Hello {recipient_name},

{mentee_name} has ended your mentorship on {site_name}:

{ended_reason}

Thank you for the time and experience you gave. Your place is free again: unless you have paused, new mentees can ask you.

Your page: {mentoring_link}

The {site_name} team
""",
        ),
    },
    "it": {
        "mentoring_ended_mentor": (
            "Il tuo percorso con {mentee_name} è concluso",
            """Ciao {recipient_name},

{mentee_name} ha concluso il percorso di mentoring con te su {site_name}:

{ended_reason}

Grazie per il tempo e l'esperienza che hai dedicato. Il tuo posto è di nuovo libero: se non sei in pausa, nuovi mentee possono chiederti di seguirli.

La tua pagina: {mentoring_link}

Il team di {site_name}
""",
        ),
    },
    "el": {
        "mentoring_ended_mentor": (
            "Η καθοδήγησή σας με τον/την {mentee_name} ολοκληρώθηκε",
            """Γεια σας {recipient_name},

Ο/Η {mentee_name} τερμάτισε την καθοδήγησή σας στο {site_name}:

{ended_reason}

Σας ευχαριστούμε για τον χρόνο και την εμπειρία που προσφέρατε. Η θέση σας είναι ξανά ελεύθερη: αν δεν έχετε κάνει παύση, νέοι καθοδηγούμενοι μπορούν να σας ζητήσουν καθοδήγηση.

Η σελίδα σας: {mentoring_link}

Η ομάδα του {site_name}
""",
        ),
    },
    "ar": {
        "mentoring_ended_mentor": (
            "انتهى إرشادك مع {mentee_name}",
            """مرحبًا {recipient_name}،

أنهى {mentee_name} الإرشاد معك على {site_name}:

{ended_reason}

شكرًا لك على الوقت والخبرة اللذين قدّمتهما. لديك مكان شاغر من جديد: ما لم تكن في وضع الإيقاف المؤقت، يمكن لمتدرّبين جدد أن يطلبوا إرشادك.

صفحتك: {mentoring_link}

فريق {site_name}
""",
        ),
    },
}


for _extra in (
    WORKFLOW_TEMPLATES,
    MODERATION_TEMPLATES,
    ACCOUNT_TEMPLATES,
    CHECK_TEMPLATES,
    SUBSCRIPTION_TEMPLATES,
    DIGEST_TEMPLATES,
    MENTORING_TEMPLATES,
    NETWORK_TEMPLATES,
    MENTOR_APPROVAL_TEMPLATES,
    MENTORING_REMINDER_TEMPLATES,
    MENTORING_CONTACT_TEMPLATES,
    MENTORING_ENDED_MENTOR_TEMPLATES,
):
    for _code, _texts in _extra.items():
        DEFAULT_TEMPLATES[_code].update(_texts)


def default_text(key, language):
    """The built-in (subject, body) for `key`, in `language` or else in the default language."""
    texts = DEFAULT_TEMPLATES.get(language) or DEFAULT_TEMPLATES[settings.LANGUAGE_CODE]
    return texts.get(key) or DEFAULT_TEMPLATES["en"][key]


def create_missing_templates(email_template_model, locale_model, texts=DEFAULT_TEMPLATES):
    """Create each (key, language) template that is missing, for every locale that exists.

    Translations of one key share its translation_key, so wagtail-localize sees them as one
    text in several languages. Shared with migration 0002 through a frozen copy of this code.
    Returns the number of templates created.
    """
    import uuid

    locales = {
        locale.language_code: locale
        for locale in locale_model.objects.filter(language_code__in=list(texts))
    }
    created = 0
    for key in texts["en"]:
        existing = email_template_model.objects.filter(key=key)
        translation_key = existing.values_list("translation_key", flat=True).first() or uuid.uuid4()
        have = set(existing.values_list("locale__language_code", flat=True))
        for code, locale in locales.items():
            if code in have or key not in texts[code]:
                continue
            subject, body = texts[code][key]
            email_template_model.objects.create(
                key=key, locale=locale, translation_key=translation_key, subject=subject, body=body
            )
            created += 1
    return created


def ensure_default_templates():
    """Put back any missing email template, in every configured language. Returns how many."""
    from wagtail.models import Locale

    from .models import EmailTemplate

    configured = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    texts = {code: keys for code, keys in DEFAULT_TEMPLATES.items() if code in configured}
    texts.setdefault("en", DEFAULT_TEMPLATES["en"])
    with transaction.atomic():
        return create_missing_templates(EmailTemplate, Locale, texts)
