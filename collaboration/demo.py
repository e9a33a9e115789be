# ruff: noqa: E501 - texts are kept one per line, as in directory/demo/content.py
"""Demo content of the collaboration section, built by directory.demo.builder.DemoBuilder.

- The collaboration index (/<lang>/collaboration/) in every language.
- Calls for collaboration posted by demo organisations of every country, each written in its
  organisation's language and translated into the other three through wagtail-localize, like the
  rest of the demo.
- Expressions of interest from organisations whose expertise matches, some answered.

A page is translated under its parent's translation, so the organisations that post calls are
translated into every language first (the directory demo writes them in their own language and
sometimes English only); their profiles in the other languages are here.

The calls are chosen so that matching shows: the demo login `organisation` belongs to the first
Italian organisation, Cooperativa Sociale Il Ponte (Palermo: employment, vocational training,
language courses). It owns an open call and a closed one, received interest on both, and several
calls of other organisations seek its expertise in Italy or in any country.

Everything is looked up before it is made, so building again adds nothing.
"""

import datetime

from django.utils import timezone

from directory.demo import content
from directory.models import ExpertiseCategory, OrganisationPage, TargetGroup

from .models import CallKind, CollaborationCallPage, CollaborationIndexPage, ExpressionOfInterest

INDEX = {
    "en": {
        "title": "Collaboration",
        "intro": [
            "Organisations looking for partners for a new service, an ongoing project or a co-design process. Find a call that matches your expertise and tell the organisation you would like to work together."
        ],
    },
    "it": {
        "title": "Collaborazione",
        "intro": [
            "Organizzazioni che cercano partner per un nuovo servizio, un progetto in corso o un percorso di co-progettazione. Trova una proposta adatta alle competenze della tua organizzazione e fai sapere che vorresti collaborare."
        ],
    },
    "el": {
        "title": "Συνεργασία",
        "intro": [
            "Οργανώσεις που αναζητούν εταίρους για μια νέα υπηρεσία, ένα πρόγραμμα σε εξέλιξη ή μια διαδικασία συνδιαμόρφωσης. Βρείτε μια πρόσκληση που ταιριάζει στην εξειδίκευση της οργάνωσής σας και δηλώστε ότι θα θέλατε να συνεργαστείτε."
        ],
    },
    "ar": {
        "title": "التعاون",
        "intro": [
            "منظمات تبحث عن شركاء لخدمة جديدة أو لمشروع قائم أو لعملية تصميم مشترك. ابحث عن دعوة تناسب خبرة منظمتك، وأخبر المنظمة صاحبة الدعوة برغبتك في العمل معها."
        ],
    },
}

# --------------------------------------------------------------------------------------------
# The organisations that post calls, in the languages the directory demo does not write them in
# (same fields as content.ORGANISATIONS: title, short description, two mission paragraphs, city
# and region).
# --------------------------------------------------------------------------------------------

ORGANISATION_TRANSLATIONS = {
    "cooperativa-sociale-il-ponte": {
        "el": {
            "title": "Κοινωνικός Συνεταιρισμός Il Ponte",
            "short_description": "Από το 2004 στηρίζει νέους και μετανάστες στο Παλέρμο να βρουν δουλειά, με μαθήματα ιταλικών, επαγγελματική κατάρτιση και πρακτική άσκηση σε επιχειρήσεις.",
            "mission": [
                "Πιστεύουμε ότι η εργασία είναι ο κύριος δρόμος για να νιώσει κανείς μέλος μιας κοινότητας. Γι' αυτό χτίζουμε εξατομικευμένες διαδρομές που ξεκινούν από τη γλώσσα και καταλήγουν σε μια σύμβαση εργασίας.",
                "Συνεργαζόμαστε με τις επιχειρήσεις της περιοχής, τα σχολεία και τις κοινωνικές υπηρεσίες του Δήμου, ώστε κανείς να μη μένει χωρίς κάποιον να απευθυνθεί.",
            ],
            "city": "Παλέρμο",
            "region": "Σικελία",
        },
        "ar": {
            "title": "التعاونية الاجتماعية إيل بونتي",
            "short_description": "ترافق منذ عام 2004 الشباب والمهاجرين في باليرمو نحو سوق العمل، من خلال دروس اللغة الإيطالية والتدريب المهني والتدريب العملي في الشركات.",
            "mission": [
                "نؤمن بأن العمل هو الطريق الأهم ليشعر الإنسان بأنه جزء من المجتمع، لذلك نبني مسارات فردية تبدأ بتعلّم اللغة وتنتهي بعقد عمل.",
                "نعمل مع الشركات المحلية والمدارس والخدمات الاجتماعية التابعة للبلدية، حتى لا يبقى أحد دون جهة يلجأ إليها.",
            ],
            "city": "باليرمو",
            "region": "صقلية",
        },
    },
    "fondazione-lavoro-e-dignita": {
        "el": {
            "title": "Ίδρυμα Εργασία και Αξιοπρέπεια",
            "short_description": "Βοηθά μακροχρόνια ανέργους και εργαζόμενους άνω των 50 να βρουν ξανά δουλειά ή να ξεκινήσουν μια μικρή επιχείρηση, με ψηφιακή κατάρτιση και μικροπιστώσεις.",
            "mission": [
                "Η απώλεια της δουλειάς στα πενήντα δεν σημαίνει ότι ο εργασιακός βίος τελείωσε. Το Ίδρυμα προσφέρει επαγγελματικό προσανατολισμό, σύντομα σεμινάρια και ένα ταμείο εγγυήσεων για μικροπιστώσεις σε όσους θέλουν να ξεκινήσουν από την αρχή.",
                "Συνεργαζόμαστε με επαγγελματικούς φορείς και με τις ηθικές τράπεζες της περιοχής, για να μετατρέψουμε τις δεξιότητες του καθενός σε νέες ευκαιρίες.",
            ],
            "city": "Τορίνο",
            "region": "Πιεμόντε",
        },
        "ar": {
            "title": "مؤسسة العمل والكرامة",
            "short_description": "تساعد العاطلين عن العمل لفترات طويلة والعاملين الذين تجاوزوا الخمسين على إيجاد عمل من جديد أو إطلاق مشروع صغير، من خلال التدريب الرقمي والقروض الصغيرة.",
            "mission": [
                "فقدان العمل في سن الخمسين لا يعني نهاية الحياة المهنية. تقدم المؤسسة التوجيه المهني والدورات القصيرة وصندوق ضمان للقروض الصغيرة لكل من يريد أن يبدأ من جديد.",
                "نتعاون مع الجمعيات المهنية والمصارف الأخلاقية المحلية لتحويل مهارات كل شخص إلى فرص جديدة.",
            ],
            "city": "تورينو",
            "region": "بييمونتي",
        },
    },
    "nea-archi": {
        "it": {
            "title": "Centro di sostegno ai rifugiati Nuovo Inizio",
            "short_description": "Organizzazione non governativa che offre assistenza legale, corsi di greco e supporto psicosociale a rifugiati e richiedenti asilo a Salonicco.",
            "mission": [
                "Nuovo Inizio è nato nel 2016 per iniziativa di avvocati, insegnanti e psicologi che volevano sostenere le persone in arrivo nel nord della Grecia.",
                "Il nostro obiettivo è che ogni rifugiato conosca i propri diritti, parli la lingua e possa ricostruirsi una vita in autonomia.",
            ],
            "city": "Salonicco",
            "region": "Macedonia Centrale",
        },
        "ar": {
            "title": "مركز البداية الجديدة لدعم اللاجئين",
            "short_description": "منظمة غير حكومية تقدم المساعدة القانونية ودروس اللغة اليونانية والدعم النفسي والاجتماعي للاجئين وطالبي اللجوء في سالونيك.",
            "mission": [
                "تأسس مركز البداية الجديدة عام 2016 على يد محامين ومعلمين وأخصائيين نفسيين أرادوا دعم الأشخاص الذين يصلون إلى شمال اليونان.",
                "هدفنا أن يعرف كل لاجئ حقوقه، وأن يتحدث اللغة، وأن يتمكن من إعادة بناء حياته باستقلالية.",
            ],
            "city": "سالونيك",
            "region": "مقدونيا الوسطى",
        },
    },
    "psifiaki-gefyra": {
        "it": {
            "title": "Ponte Digitale – Organizzazione per l'inclusione digitale",
            "short_description": "Organizzazione senza scopo di lucro di Heraklion che insegna le competenze digitali ai giovani e ai lavoratori over 50, per aiutarli a trovare un lavoro migliore.",
            "mission": [
                "Oggi chi non sa usare un computer resta indietro nella ricerca di lavoro. Ponte Digitale offre corsi gratuiti, dai primi passi fino alla programmazione.",
                "Collaboriamo con le scuole, con il Comune e con le aziende tecnologiche del territorio, che mettono a disposizione mentori e posti di tirocinio.",
            ],
            "city": "Heraklion",
            "region": "Creta",
        },
        "ar": {
            "title": "الجسر الرقمي – منظمة للإدماج الرقمي",
            "short_description": "منظمة غير ربحية في هيراكليون تعلّم المهارات الرقمية للشباب وللعاملين الذين تجاوزوا الخمسين، ليتمكنوا من الحصول على عمل أفضل.",
            "mission": [
                "من لا يستطيع استخدام الحاسوب اليوم يتأخر في البحث عن عمل. يقدم الجسر الرقمي دورات مجانية، من الخطوات الأولى حتى البرمجة.",
                "نتعاون مع المدارس والبلدية وشركات التكنولوجيا المحلية التي توفر مرشدين وفرصًا للتدريب العملي.",
            ],
            "city": "هيراكليون",
            "region": "كريت",
        },
    },
    "jamiyat-al-amal": {
        "it": {
            "title": "Associazione Al Amal per lo sviluppo sociale",
            "short_description": "Associazione libanese che aiuta giovani libanesi e rifugiati a Beirut a entrare nel mondo del lavoro, con formazione professionale, orientamento e tirocini in azienda.",
            "mission": [
                "L'associazione è nata nel 2009 da un gruppo di volontari di Beirut. Lavora per l'autonomia economica dei giovani e per rafforzare la coesione sociale tra comunità ospitanti e rifugiati.",
                "Crediamo che un lavoro dignitoso cambi la vita di un'intera famiglia: per questo accompagniamo ogni ragazza e ogni ragazzo dalla formazione fino all'assunzione.",
            ],
            "city": "Beirut",
            "region": "Governatorato di Beirut",
        },
        "el": {
            "title": "Σύλλογος Αλ Αμάλ για την Κοινωνική Ανάπτυξη",
            "short_description": "Λιβανέζικος σύλλογος που βοηθά νέους Λιβανέζους και πρόσφυγες στη Βηρυτό να μπουν στην αγορά εργασίας, με επαγγελματική κατάρτιση, συμβουλευτική και πρακτική άσκηση σε επιχειρήσεις.",
            "mission": [
                "Ο σύλλογος ιδρύθηκε το 2009 από μια ομάδα εθελοντών στη Βηρυτό. Εργάζεται για την οικονομική ενδυνάμωση των νέων και για την ενίσχυση της κοινωνικής συνοχής ανάμεσα στις τοπικές κοινότητες και τους πρόσφυγες.",
                "Πιστεύουμε ότι μια αξιοπρεπής δουλειά αλλάζει τη ζωή μιας ολόκληρης οικογένειας, γι' αυτό στηρίζουμε κάθε νέα και κάθε νέο από την κατάρτιση μέχρι την πρόσληψη.",
            ],
            "city": "Βηρυτός",
            "region": "Περιφέρεια Βηρυτού",
        },
    },
    "tamkeen-al-shabab": {
        "it": {
            "title": "Associazione giordana per l'empowerment dei giovani",
            "short_description": "Associazione giovanile di Amman che aiuta ragazze e ragazzi ad acquisire competenze digitali e professionali e a trovare il primo impiego.",
            "mission": [
                "In Giordania molti giovani sono disoccupati nonostante la laurea: lavoriamo per colmare il divario tra l'istruzione e ciò che chiede il mercato del lavoro.",
                "Offriamo corsi brevi e orientamento professionale e collaboriamo con le aziende per offrire tirocini retribuiti.",
            ],
            "city": "Amman",
            "region": "Governatorato della Capitale",
        },
        "el": {
            "title": "Σύλλογος Ενδυνάμωσης Νέων της Ιορδανίας",
            "short_description": "Σύλλογος νέων στο Αμμάν που βοηθά νέες και νέους να αποκτήσουν ψηφιακές και επαγγελματικές δεξιότητες και να βρουν την πρώτη τους δουλειά.",
            "mission": [
                "Πολλοί νέοι στην Ιορδανία είναι άνεργοι παρότι έχουν πανεπιστημιακό πτυχίο· εργαζόμαστε για να γεφυρώσουμε το χάσμα ανάμεσα στην εκπαίδευση και στις ανάγκες της αγοράς εργασίας.",
                "Προσφέρουμε σύντομα σεμινάρια και επαγγελματικό προσανατολισμό και συνεργαζόμαστε με επιχειρήσεις για αμειβόμενη πρακτική άσκηση.",
            ],
            "city": "Αμμάν",
            "region": "Περιφέρεια της Πρωτεύουσας",
        },
    },
    "jamiyat-al-ibdaa-al-shababi": {
        "it": {
            "title": "Associazione Creatività Giovanile",
            "short_description": "Associazione giovanile di Ramallah che sviluppa le competenze digitali e imprenditoriali dei giovani e li aiuta a trasformare le loro idee in attività di successo.",
            "mission": [
                "L'associazione è stata fondata nel 2011 da ragazze e ragazzi di Ramallah per offrire uno spazio sicuro in cui imparare e creare.",
                "Crediamo nella capacità dei giovani palestinesi di costruire il proprio futuro: per questo offriamo formazione in programmazione, grafica e imprenditorialità e accompagniamo chi ha un'idea fino all'avvio del progetto.",
            ],
            "city": "Ramallah",
            "region": "Governatorato di Ramallah e al-Bireh",
        },
        "el": {
            "title": "Σύλλογος Νεανικής Δημιουργικότητας",
            "short_description": "Σύλλογος νέων στη Ραμάλα που αναπτύσσει τις ψηφιακές και επιχειρηματικές δεξιότητες των νέων και βοηθά τις ιδέες τους να γίνουν πετυχημένες επιχειρήσεις.",
            "mission": [
                "Ο σύλλογος ιδρύθηκε το 2011 από νέες και νέους της Ραμάλα, για να προσφέρει έναν ασφαλή χώρο μάθησης και δημιουργίας.",
                "Πιστεύουμε ότι οι νέοι Παλαιστίνιοι μπορούν να χτίσουν το μέλλον τους· γι' αυτό προσφέρουμε κατάρτιση στον προγραμματισμό, στον σχεδιασμό και στην επιχειρηματικότητα και συνοδεύουμε όσους έχουν μια ιδέα μέχρι να ξεκινήσει το εγχείρημά τους.",
            ],
            "city": "Ραμάλα",
            "region": "Περιφέρεια Ραμάλα και Αλ Μπίρε",
        },
    },
}

# --------------------------------------------------------------------------------------------
# Calls for collaboration
#
# "organisation": the slug of the organisation posting it (content.ORGANISATIONS); "expertise",
# "targets": vocabulary slugs (content.CATEGORIES, content.TARGET_GROUPS); "countries": country
# codes, empty for any country; "deadline": days from today, None for no deadline; "text": slug,
# title, summary and description paragraphs in each language, the organisation's own first.
# --------------------------------------------------------------------------------------------

CALLS = [
    {
        "key": "palermo-digital-lab",
        "organisation": "cooperativa-sociale-il-ponte",
        "kind": CallKind.NEW_SERVICE,
        "expertise": ["digital-skills", "education-childcare"],
        "targets": ["migrants-refugees", "women-at-risk"],
        "countries": ["IT"],
        "deadline": 42,
        "is_open": True,
        "text": {
            "it": {
                "slug": "laboratorio-competenze-digitali-donne-migranti",
                "title": "Cerchiamo un partner per un laboratorio di competenze digitali per donne migranti",
                "summary": "Vogliamo aprire a Ballarò un laboratorio di competenze digitali per donne migranti: abbiamo gli spazi e le partecipanti, cerchiamo chi porti esperienza nella formazione informatica e, se possibile, nella cura dei bambini.",
                "description": [
                    "Ogni anno più di cento donne migranti frequentano i nostri corsi di italiano. Molte ci chiedono di imparare a usare lo smartphone e il computer per cercare lavoro, prenotare una visita medica o seguire la scuola dei figli, ma oggi non abbiamo formatori dedicati.",
                    "Mettiamo a disposizione un'aula al Centro giovani di Ballarò, dieci computer donati da un'azienda del territorio, due mediatrici culturali (arabo e francese) e la rete di imprese con cui organizziamo i tirocini.",
                    "Cerchiamo un'organizzazione con esperienza nella formazione digitale per adulti che progetti con noi un percorso di sei mesi e ne curi le lezioni. Sarebbe prezioso anche un partner in grado di offrire uno spazio bimbi durante le lezioni. Il laboratorio dovrebbe partire entro tre mesi; i compensi dei formatori sono coperti da un contributo di una fondazione locale.",
                ],
            },
            "en": {
                "slug": "digital-skills-lab-for-migrant-women",
                "title": "Partner wanted for a digital skills lab for migrant women",
                "summary": "We want to open a digital skills lab for migrant women in Ballarò: we have the space and the participants, and we are looking for a partner with experience in ICT training and, ideally, in childcare.",
                "description": [
                    "Every year more than a hundred migrant women attend our Italian classes. Many ask us to teach them to use a smartphone and a computer to look for work, book a medical appointment or follow their children's schooling, but today we have no dedicated trainers.",
                    "We provide a classroom at the Ballarò youth centre, ten computers donated by a local company, two cultural mediators (Arabic and French) and the network of businesses with which we organise internships.",
                    "We are looking for an organisation experienced in digital training for adults to design a six-month course with us and lead its lessons. A partner able to offer a children's corner during the lessons would also be very welcome. The lab should start within three months; the trainers' fees are covered by a grant from a local foundation.",
                ],
            },
            "el": {
                "slug": "ergastirio-psifiakon-dexiotiton-gia-metanastries",
                "title": "Αναζητούμε εταίρο για εργαστήριο ψηφιακών δεξιοτήτων για γυναίκες μετανάστριες",
                "summary": "Θέλουμε να ανοίξουμε στο Μπαλαρό εργαστήριο ψηφιακών δεξιοτήτων για γυναίκες μετανάστριες: έχουμε τον χώρο και τις συμμετέχουσες και αναζητούμε εταίρο με εμπειρία στην κατάρτιση στις ΤΠΕ και, ιδανικά, στη φροντίδα παιδιών.",
                "description": [
                    "Κάθε χρόνο περισσότερες από εκατό γυναίκες μετανάστριες παρακολουθούν τα μαθήματα ιταλικών μας. Πολλές μάς ζητούν να μάθουν να χρησιμοποιούν το κινητό και τον υπολογιστή για να ψάξουν δουλειά, να κλείσουν ραντεβού με γιατρό ή να παρακολουθούν τη σχολική πορεία των παιδιών τους, όμως σήμερα δεν έχουμε εξειδικευμένους εκπαιδευτές.",
                    "Διαθέτουμε μια αίθουσα στο Κέντρο Νεότητας του Μπαλαρό, δέκα υπολογιστές που δώρισε μια τοπική επιχείρηση, δύο πολιτισμικές διαμεσολαβήτριες (αραβικά και γαλλικά) και το δίκτυο επιχειρήσεων με το οποίο οργανώνουμε την πρακτική άσκηση.",
                    "Αναζητούμε οργάνωση με εμπειρία στην ψηφιακή εκπαίδευση ενηλίκων, που θα σχεδιάσει μαζί μας ένα εξάμηνο πρόγραμμα και θα αναλάβει τα μαθήματα. Πολύτιμος θα ήταν και ένας εταίρος που μπορεί να προσφέρει χώρο για τα παιδιά κατά τη διάρκεια των μαθημάτων. Το εργαστήριο θα ξεκινήσει μέσα σε τρεις μήνες· τις αμοιβές των εκπαιδευτών καλύπτει επιχορήγηση ενός τοπικού ιδρύματος.",
                ],
            },
            "ar": {
                "slug": "mukhtabar-al-maharat-al-raqamiya-lil-muhajirat",
                "title": "نبحث عن شريك لإنشاء مختبر للمهارات الرقمية للنساء المهاجرات",
                "summary": "نريد أن نفتح في حي بالارو مختبرًا للمهارات الرقمية للنساء المهاجرات: لدينا المكان والمشاركات، ونبحث عن شريك ذي خبرة في التدريب على تكنولوجيا المعلومات، ويُفضَّل أن تكون لديه خبرة في رعاية الأطفال.",
                "description": [
                    "تشارك أكثر من مئة امرأة مهاجرة كل عام في دروس اللغة الإيطالية التي ننظمها. وتطلب منا كثيرات منهن تعلّم استخدام الهاتف الذكي والحاسوب للبحث عن عمل أو حجز موعد طبي أو متابعة دراسة أطفالهن، لكن ليس لدينا اليوم مدربون متخصصون.",
                    "نوفر قاعة في مركز الشباب في بالارو، وعشرة حواسيب تبرعت بها شركة محلية، ووسيطتين ثقافيتين (بالعربية والفرنسية)، وشبكة الشركات التي ننظم معها التدريب العملي.",
                    "نبحث عن منظمة لديها خبرة في التدريب الرقمي للكبار، تصمم معنا برنامجًا مدته ستة أشهر وتتولى تقديم دروسه. ونرحب أيضًا بشريك يستطيع توفير ركن للأطفال خلال الدروس. من المقرر أن يبدأ المختبر خلال ثلاثة أشهر، وتغطي منحة من مؤسسة محلية أجور المدربين.",
                ],
            },
        },
    },
    {
        "key": "palermo-legal-desk",
        "organisation": "cooperativa-sociale-il-ponte",
        "kind": CallKind.ONGOING_PROJECT,
        "expertise": ["legal-aid", "psychosocial-support"],
        "targets": ["migrants-refugees", "neet"],
        "countries": ["IT"],
        "deadline": 21,
        "is_open": False,  # the partner was found (see INTERESTS)
        "text": {
            "it": {
                "slug": "sportello-legale-per-i-tirocinanti",
                "title": "Consulenza legale e ascolto psicologico per i nostri tirocinanti",
                "summary": "Il nostro progetto di tirocini per giovani migranti ha bisogno di un partner che offra consulenza legale sui permessi di soggiorno e un primo ascolto psicologico, una mattina alla settimana.",
                "description": [
                    "Da due anni il progetto «Primo contratto» accompagna ogni anno trenta giovani migranti in tirocini retribuiti presso aziende di Palermo. Molti perdono settimane preziose per problemi legati al permesso di soggiorno, o si ritirano per difficoltà personali che nessuno intercetta in tempo.",
                    "Cerchiamo un'associazione con avvocati o operatori legali esperti di diritto dell'immigrazione e, se possibile, psicologi, disponibile a tenere uno sportello nella nostra sede una mattina alla settimana fino alla fine del progetto.",
                    "Copriamo i costi di due ore settimanali e le spese di viaggio; il resto del lavoro, dalla selezione dei tirocinanti ai rapporti con le aziende, resta a carico nostro.",
                ],
            },
            "en": {
                "slug": "legal-desk-for-our-trainees",
                "title": "Legal advice and psychological support for our trainees",
                "summary": "Our internship project for young migrants needs a partner to offer advice on residence permits and first-line psychological support, one morning a week.",
                "description": [
                    "For two years our “First Contract” project has placed thirty young migrants a year in paid internships with companies in Palermo. Many lose precious weeks over residence permit problems, or drop out because of personal difficulties that nobody spots in time.",
                    "We are looking for an association with lawyers or legal advisers experienced in immigration law and, if possible, psychologists, willing to run a desk at our premises one morning a week until the end of the project.",
                    "We cover the cost of two hours a week and travel expenses; the rest of the work, from selecting the trainees to keeping in touch with the companies, stays with us.",
                ],
            },
            "el": {
                "slug": "nomiki-symvouleftiki-gia-tous-askoumenous-mas",
                "title": "Νομική συμβουλευτική και ψυχολογική στήριξη για τους ασκούμενούς μας",
                "summary": "Το πρόγραμμα πρακτικής άσκησης που τρέχουμε για νέους μετανάστες χρειάζεται εταίρο που θα προσφέρει συμβουλές για τις άδειες διαμονής και πρώτη ψυχολογική στήριξη, ένα πρωινό την εβδομάδα.",
                "description": [
                    "Εδώ και δύο χρόνια το πρόγραμμά μας «Πρώτη Σύμβαση» τοποθετεί κάθε χρόνο τριάντα νέους μετανάστες σε αμειβόμενη πρακτική άσκηση σε επιχειρήσεις του Παλέρμο. Πολλοί χάνουν πολύτιμες εβδομάδες εξαιτίας προβλημάτων με την άδεια διαμονής ή εγκαταλείπουν λόγω προσωπικών δυσκολιών που κανείς δεν εντοπίζει έγκαιρα.",
                    "Αναζητούμε σύλλογο με δικηγόρους ή νομικούς συμβούλους με εμπειρία στο δίκαιο της μετανάστευσης και, αν είναι δυνατόν, ψυχολόγους, που θα λειτουργεί γραφείο εξυπηρέτησης στον χώρο μας ένα πρωινό την εβδομάδα μέχρι το τέλος του προγράμματος.",
                    "Καλύπτουμε το κόστος δύο ωρών την εβδομάδα και τα έξοδα μετακίνησης· την υπόλοιπη δουλειά, από την επιλογή των ασκουμένων έως την επαφή με τις επιχειρήσεις, την αναλαμβάνουμε εμείς.",
                ],
            },
            "ar": {
                "slug": "istisharat-qanuniya-lil-mutadarribin",
                "title": "استشارات قانونية ودعم نفسي للمتدربين في مشروعنا",
                "summary": "يحتاج مشروعنا للتدريب العملي للشباب المهاجرين إلى شريك يقدم استشارات حول تصاريح الإقامة ودعمًا نفسيًا أوليًا، صباح يوم واحد في الأسبوع.",
                "description": [
                    "منذ عامين يُلحق مشروعنا «العقد الأول» ثلاثين شابًا وشابة من المهاجرين كل عام بتدريب عملي مدفوع الأجر في شركات باليرمو. ويخسر كثير منهم أسابيع ثمينة بسبب مشكلات تتعلق بتصريح الإقامة، أو ينسحبون بسبب صعوبات شخصية لا ينتبه إليها أحد في الوقت المناسب.",
                    "نبحث عن جمعية تضم محامين أو مستشارين قانونيين ذوي خبرة في قانون الهجرة، ويُفضَّل أن تضم أخصائيين نفسيين، وتكون مستعدة لتشغيل مكتب استقبال في مقرنا صباح يوم واحد أسبوعيًا حتى نهاية المشروع.",
                    "نغطي كلفة ساعتين أسبوعيًا ومصاريف التنقل، ونتولى بقية العمل، من اختيار المتدربين إلى التواصل مع الشركات.",
                ],
            },
        },
    },
    {
        "key": "turin-italian-for-work",
        "organisation": "fondazione-lavoro-e-dignita",
        "kind": CallKind.CO_DESIGN,
        "expertise": ["language-courses", "vocational-training"],
        "targets": ["older-workers", "migrants-refugees"],
        "countries": ["IT"],
        "deadline": 35,
        "is_open": True,
        "text": {
            "it": {
                "slug": "italiano-per-il-lavoro-over-45",
                "title": "Co-progettiamo un corso di italiano per il lavoro per adulti stranieri over 45",
                "summary": "Molti disoccupati stranieri over 45 che seguiamo a Torino non trovano lavoro perché non padroneggiano l'italiano del loro mestiere. Cerchiamo insegnanti di italiano L2 o enti di formazione professionale per progettare insieme un corso mirato.",
                "description": [
                    "Tra le persone che si rivolgono al nostro sportello, una su tre è nata all'estero e ha alle spalle anni di lavoro come muratore, badante o operaio. Spesso parla abbastanza italiano per la vita di tutti i giorni, ma non per un colloquio, un corso sulla sicurezza o un cantiere.",
                    "Vorremmo progettare insieme un corso breve di italiano per il lavoro, con moduli legati ai settori che assumono di più in Piemonte (edilizia, logistica, assistenza alla persona), da affiancare ai nostri percorsi di orientamento.",
                    "Cerchiamo enti con esperienza nell'insegnamento dell'italiano agli adulti o nella formazione professionale. Prevediamo tre incontri di co-progettazione, anche online, nei prossimi due mesi; la Fondazione coprirà i costi della prima edizione del corso.",
                ],
            },
            "en": {
                "slug": "italian-for-work-over-45",
                "title": "Let's co-design an Italian-for-work course for foreign-born adults over 45",
                "summary": "Many of the unemployed foreign-born people over 45 we support in Turin cannot find work because they lack the Italian of their trade. We are looking for Italian teachers or vocational trainers to design a targeted course together.",
                "description": [
                    "One in three people who come to our desk was born abroad and has years of experience as a builder, care worker or factory worker. They often speak enough Italian for everyday life, but not for a job interview, a safety course or a building site.",
                    "We would like to design together a short Italian-for-work course, with modules tied to the sectors that hire most in Piedmont (construction, logistics, personal care), alongside our guidance pathways.",
                    "We are looking for organisations experienced in teaching Italian to adults or in vocational training. We plan three co-design meetings, online too, over the next two months; the Foundation will cover the costs of the first edition of the course.",
                ],
            },
            "el": {
                "slug": "italika-gia-ti-douleia-over-45",
                "title": "Ας σχεδιάσουμε μαζί ένα μάθημα ιταλικών για την εργασία για αλλοδαπούς ενήλικες άνω των 45",
                "summary": "Πολλοί άνεργοι αλλοδαποί άνω των 45 που στηρίζουμε στο Τορίνο δεν βρίσκουν δουλειά επειδή δεν γνωρίζουν τα ιταλικά του επαγγέλματός τους. Αναζητούμε εκπαιδευτές ιταλικών ή φορείς επαγγελματικής κατάρτισης για να σχεδιάσουμε μαζί ένα στοχευμένο μάθημα.",
                "description": [
                    "Ένας στους τρεις ανθρώπους που απευθύνονται στο γραφείο μας έχει γεννηθεί στο εξωτερικό και έχει χρόνια εμπειρίας ως οικοδόμος, φροντιστής ή εργάτης. Συχνά μιλά αρκετά ιταλικά για την καθημερινότητα, όχι όμως για μια συνέντευξη εργασίας, ένα σεμινάριο ασφάλειας ή ένα εργοτάξιο.",
                    "Θα θέλαμε να σχεδιάσουμε από κοινού ένα σύντομο μάθημα ιταλικών για την εργασία, με ενότητες για τους κλάδους που προσλαμβάνουν περισσότερο στο Πιεμόντε (κατασκευές, εφοδιαστική αλυσίδα, φροντίδα ατόμων), παράλληλα με τα προγράμματα προσανατολισμού μας.",
                    "Αναζητούμε φορείς με εμπειρία στη διδασκαλία ιταλικών σε ενήλικες ή στην επαγγελματική κατάρτιση. Προβλέπουμε τρεις συναντήσεις συνδιαμόρφωσης, και διαδικτυακά, τους επόμενους δύο μήνες· το Ίδρυμα θα καλύψει το κόστος του πρώτου κύκλου του μαθήματος.",
                ],
            },
            "ar": {
                "slug": "al-italiya-lil-amal-fawq-45",
                "title": "لنصمم معًا دورة في اللغة الإيطالية لأغراض العمل للبالغين الأجانب فوق الخامسة والأربعين",
                "summary": "كثير من العاطلين عن العمل الأجانب فوق الخامسة والأربعين الذين نرافقهم في تورينو لا يجدون عملًا لأنهم لا يتقنون لغة مهنتهم بالإيطالية. نبحث عن معلمي لغة إيطالية أو جهات تدريب مهني لنصمم معًا دورة موجهة.",
                "description": [
                    "واحد من كل ثلاثة أشخاص يقصدون مكتبنا وُلد خارج إيطاليا، ولديه سنوات من الخبرة في البناء أو رعاية المسنين أو العمل في المصانع. وغالبًا ما يتحدث الإيطالية بما يكفي للحياة اليومية، لكن ليس لمقابلة عمل أو دورة في السلامة المهنية أو العمل في ورشة بناء.",
                    "نود أن نصمم معًا دورة قصيرة في الإيطالية لأغراض العمل، بوحدات مرتبطة بالقطاعات الأكثر توظيفًا في منطقة بييمونتي (البناء والخدمات اللوجستية ورعاية الأشخاص)، إلى جانب برامج التوجيه التي نقدمها.",
                    "نبحث عن جهات لديها خبرة في تعليم الإيطالية للبالغين أو في التدريب المهني. ونخطط لثلاثة لقاءات للتصميم المشترك خلال الشهرين القادمين، يمكن عقدها عن بُعد أيضًا، وستغطي المؤسسة تكاليف الدورة الأولى.",
                ],
            },
        },
    },
    {
        "key": "thessaloniki-job-club",
        "organisation": "nea-archi",
        "kind": CallKind.CO_DESIGN,
        "expertise": ["employment"],
        "targets": ["migrants-refugees", "long-term-unemployed"],
        "countries": ["GR", "IT"],
        "deadline": 28,
        "is_open": True,
        "text": {
            "el": {
                "slug": "syndiamorfosi-job-club-me-ton-dimo",
                "title": "Συνδιαμόρφωση ενός job club για πρόσφυγες μαζί με τις δημοτικές υπηρεσίες απασχόλησης",
                "summary": "Μαζί με το γραφείο απασχόλησης του Δήμου Θεσσαλονίκης θέλουμε να στήσουμε ένα job club για πρόσφυγες και μακροχρόνια ανέργους. Αναζητούμε οργανώσεις με εμπειρία στην ένταξη στην εργασία, στην Ελλάδα ή στην Ιταλία.",
                "description": [
                    "Οι πρόσφυγες που στηρίζουμε με νομική συνδρομή και μαθήματα γλώσσας φτάνουν αργά ή γρήγορα στο ίδιο ερώτημα: πώς να βρουν δουλειά. Το γραφείο απασχόλησης του Δήμου έχει τις αγγελίες και τις επαφές με τους εργοδότες, αλλά δυσκολεύεται να φτάσει σε αυτούς τους ανθρώπους.",
                    "Προτείνουμε ένα job club με εβδομαδιαίες συναντήσεις σε μικρές ομάδες: σύνταξη βιογραφικού, προετοιμασία για συνεντεύξεις, επισκέψεις σε επιχειρήσεις και αμοιβαία στήριξη. Θέλουμε να το σχεδιάσουμε μαζί με τους υπαλλήλους του Δήμου και με τους ίδιους τους συμμετέχοντες.",
                    "Αναζητούμε οργανώσεις που έχουν ήδη λειτουργήσει job club ή υπηρεσίες σύνδεσης με εργοδότες, για να μοιραστούν μεθόδους και υλικό σε τέσσερα εργαστήρια συνδιαμόρφωσης, δια ζώσης στη Θεσσαλονίκη ή διαδικτυακά. Καλύπτουμε τα έξοδα ταξιδιού για δύο άτομα από κάθε εταίρο.",
                ],
            },
            "en": {
                "slug": "co-designing-a-job-club-with-the-municipality",
                "title": "Co-designing a job club for refugees with the municipal employment services",
                "summary": "Together with the employment office of the Municipality of Thessaloniki, we want to set up a job club for refugees and long-term unemployed people. We are looking for organisations experienced in job placement, in Greece or in Italy.",
                "description": [
                    "The refugees we support with legal aid and language classes sooner or later come to the same question: how to find a job. The municipal employment office has the vacancies and the contacts with employers, but finds it hard to reach these people.",
                    "We propose a job club with weekly small-group meetings: writing a CV, preparing for interviews, visiting companies and supporting one another. We want to design it together with the municipality's staff and with the participants themselves.",
                    "We are looking for organisations that have already run a job club or employer-matching services, to share methods and materials in four co-design workshops, in person in Thessaloniki or online. We cover travel costs for two people from each partner.",
                ],
            },
            "it": {
                "slug": "co-progettazione-job-club-con-il-comune",
                "title": "Co-progettazione di un job club per rifugiati con i servizi per l'impiego del Comune",
                "summary": "Insieme all'ufficio per l'impiego del Comune di Salonicco vogliamo avviare un job club per rifugiati e disoccupati di lunga durata. Cerchiamo organizzazioni con esperienza nell'inserimento lavorativo, in Grecia o in Italia.",
                "description": [
                    "I rifugiati che sosteniamo con l'assistenza legale e i corsi di lingua arrivano prima o poi alla stessa domanda: come trovare lavoro. L'ufficio per l'impiego del Comune ha le offerte e i contatti con i datori di lavoro, ma fatica a raggiungere queste persone.",
                    "Proponiamo un job club con incontri settimanali in piccoli gruppi: scrittura del curriculum, preparazione ai colloqui, visite in azienda e sostegno reciproco. Vogliamo progettarlo insieme al personale del Comune e agli stessi partecipanti.",
                    "Cerchiamo organizzazioni che abbiano già gestito un job club o servizi di incontro tra domanda e offerta di lavoro, per condividere metodi e materiali in quattro laboratori di co-progettazione, in presenza a Salonicco o online. Copriamo le spese di viaggio di due persone per ogni partner.",
                ],
            },
            "ar": {
                "slug": "tasmim-nadi-lil-tawzif-maa-al-baladiya",
                "title": "تصميم مشترك لنادٍ للتوظيف للاجئين بالتعاون مع خدمات التشغيل في البلدية",
                "summary": "نريد، بالتعاون مع مكتب التشغيل في بلدية سالونيك، إنشاء نادٍ للتوظيف للاجئين والعاطلين عن العمل لفترات طويلة. ونبحث عن منظمات ذات خبرة في الإدماج في سوق العمل، في اليونان أو في إيطاليا.",
                "description": [
                    "يصل اللاجئون الذين ندعمهم بالمساعدة القانونية ودروس اللغة، عاجلًا أو آجلًا، إلى السؤال نفسه: كيف نجد عملًا؟ يملك مكتب التشغيل في البلدية قوائم الوظائف الشاغرة والعلاقات مع أصحاب العمل، لكنه يجد صعوبة في الوصول إلى هؤلاء الأشخاص.",
                    "نقترح ناديًا للتوظيف يعقد لقاءات أسبوعية في مجموعات صغيرة: كتابة السيرة الذاتية، والاستعداد للمقابلات، وزيارة الشركات، والدعم المتبادل. ونريد أن نصممه مع موظفي البلدية ومع المشاركين أنفسهم.",
                    "نبحث عن منظمات سبق أن أدارت ناديًا للتوظيف أو خدمات للربط مع أصحاب العمل، لتتبادل معنا الأساليب والمواد في أربع ورش للتصميم المشترك، حضوريًا في سالونيك أو عن بُعد. ونغطي تكاليف السفر لشخصين من كل شريك.",
                ],
            },
        },
    },
    {
        "key": "heraklion-open-materials",
        "organisation": "psifiaki-gefyra",
        "kind": CallKind.OTHER,
        "expertise": ["digital-skills", "education-childcare"],
        "targets": ["neet", "older-workers"],
        "countries": [],
        "deadline": None,
        "is_open": True,
        "text": {
            "el": {
                "slug": "koini-vivliothiki-ekpaideftikou-ylikou",
                "title": "Κοινή βιβλιοθήκη ανοιχτού εκπαιδευτικού υλικού για τις ψηφιακές δεξιότητες",
                "summary": "Μοιραζόμαστε δωρεάν το εκπαιδευτικό μας υλικό για τις βασικές ψηφιακές δεξιότητες και αναζητούμε οργανώσεις από κάθε χώρα που θέλουν να το εμπλουτίσουν, να το μεταφράσουν και να το χρησιμοποιήσουν.",
                "description": [
                    "Σε δέκα χρόνια μαθημάτων έχουμε δημιουργήσει πάνω από εξήντα ασκήσεις, παρουσιάσεις και φύλλα εργασίας: από τη δημιουργία λογαριασμού email έως τις ηλεκτρονικές αιτήσεις εργασίας και την ασφάλεια στο διαδίκτυο.",
                    "Θέλουμε να τα δημοσιεύσουμε με ανοιχτή άδεια σε μια κοινή βιβλιοθήκη, μαζί με το υλικό άλλων οργανώσεων, μεταφρασμένα σε περισσότερες γλώσσες και προσαρμοσμένα σε νέους, σε ανθρώπους άνω των 50 και σε όσους μαθαίνουν ακόμη τη γλώσσα της χώρας.",
                    "Δεν υπάρχει προθεσμία: η βιβλιοθήκη θα μεγαλώνει σταδιακά. Γράψτε μας αν έχετε υλικό να μοιραστείτε, αν μπορείτε να βοηθήσετε στη μετάφραση ή αν θέλετε να το δοκιμάσετε στα μαθήματά σας.",
                ],
            },
            "en": {
                "slug": "shared-library-of-open-training-materials",
                "title": "A shared library of open training materials for digital skills",
                "summary": "We share our training materials on basic digital skills for free, and we are looking for organisations from any country that want to add to them, translate them and use them.",
                "description": [
                    "In ten years of courses we have produced more than sixty exercises, presentations and worksheets: from creating an email account to applying for jobs online and staying safe on the internet.",
                    "We want to publish them under an open licence in a shared library, together with other organisations' materials, translated into more languages and adapted for young people, for people over 50 and for those still learning the language of the country.",
                    "There is no deadline: the library will grow step by step. Write to us if you have materials to share, if you can help with translation or if you would like to try them out in your classes.",
                ],
            },
            "it": {
                "slug": "biblioteca-condivisa-di-materiali-didattici",
                "title": "Una biblioteca condivisa di materiali didattici aperti sulle competenze digitali",
                "summary": "Condividiamo gratuitamente i nostri materiali didattici sulle competenze digitali di base e cerchiamo organizzazioni di ogni paese che vogliano arricchirli, tradurli e usarli.",
                "description": [
                    "In dieci anni di corsi abbiamo prodotto più di sessanta esercizi, presentazioni e schede di lavoro: dalla creazione di un indirizzo email alle candidature di lavoro online e alla sicurezza in rete.",
                    "Vogliamo pubblicarli con una licenza aperta in una biblioteca condivisa, insieme ai materiali di altre organizzazioni, tradotti in più lingue e adattati ai giovani, alle persone over 50 e a chi sta ancora imparando la lingua del paese.",
                    "Non c'è una scadenza: la biblioteca crescerà poco a poco. Scriveteci se avete materiali da condividere, se potete aiutarci con le traduzioni o se volete sperimentarli nei vostri corsi.",
                ],
            },
            "ar": {
                "slug": "maktaba-mushtaraka-lil-mawad-al-tadribiya",
                "title": "مكتبة مشتركة لمواد تدريبية مفتوحة في المهارات الرقمية",
                "summary": "نشارك مجانًا موادنا التدريبية في المهارات الرقمية الأساسية، ونبحث عن منظمات من أي بلد ترغب في إثرائها وترجمتها واستخدامها.",
                "description": [
                    "أعددنا خلال عشر سنوات من الدورات أكثر من ستين تمرينًا وعرضًا تقديميًا وورقة عمل: من إنشاء حساب بريد إلكتروني إلى التقدم للوظائف عبر الإنترنت والأمان الرقمي.",
                    "نريد نشرها بترخيص مفتوح في مكتبة مشتركة، إلى جانب مواد منظمات أخرى، مترجمةً إلى لغات أكثر ومكيّفةً للشباب وللأشخاص فوق الخمسين ولمن لا يزالون يتعلمون لغة البلد.",
                    "لا يوجد موعد نهائي، فالمكتبة ستكبر شيئًا فشيئًا. راسلونا إن كانت لديكم مواد تودون مشاركتها، أو إن كان بإمكانكم المساعدة في الترجمة، أو إن رغبتم في تجربتها في دوراتكم.",
                ],
            },
        },
    },
    {
        "key": "beirut-refugee-training",
        "organisation": "jamiyat-al-amal",
        "kind": CallKind.ONGOING_PROJECT,
        "expertise": ["vocational-training", "employment"],
        "targets": ["migrants-refugees", "neet"],
        "countries": [],
        "deadline": 56,
        "is_open": True,
        "text": {
            "ar": {
                "slug": "tadrib-mihani-lil-lajiin-fi-burj-hammud",
                "title": "دعم مشروعنا الجاري للتدريب المهني للشباب اللاجئين في برج حمود",
                "summary": "يدرّب مشروعنا كل عام مئة وعشرين شابًا وشابة من اللاجئين ومن المجتمع المضيف على مهن الصيانة والطهي والخياطة. نبحث عن شركاء يشاركوننا خبرتهم في ربط التدريب بفرص العمل والتدريب العملي في الشركات.",
                "description": [
                    "بدأ المشروع قبل عامين في مركز الشباب في برج حمود، ويقدم دورات مهنية مدتها أربعة أشهر في صيانة الأجهزة الكهربائية والطهي والخياطة. ويحصل أغلب المتدربين على شهادة، لكن أقل من نصفهم يجدون عملًا خلال ستة أشهر.",
                    "نحتاج إلى دعم في مرحلة ما بعد التدريب: إعداد المتدربين لسوق العمل، وبناء علاقات دائمة مع أصحاب العمل، وتنظيم تدريب عملي في الشركات، ومتابعة الخريجين في أشهرهم الأولى في العمل.",
                    "نرحب بالشركاء من أي بلد: يمكن أن يكون التعاون تبادلًا للخبرات والأدوات عن بُعد، أو زيارة دراسية، أو تقديمًا مشتركًا لطلب تمويل للمرحلة القادمة من المشروع.",
                ],
            },
            "en": {
                "slug": "vocational-training-for-refugees-in-bourj-hammoud",
                "title": "Support for our ongoing vocational training project for young refugees in Bourj Hammoud",
                "summary": "Every year our project trains a hundred and twenty young refugees and young people from the host community in repair work, cooking and tailoring. We are looking for partners to share their experience of linking training with jobs and internships.",
                "description": [
                    "The project started two years ago at the Bourj Hammoud youth centre and offers four-month vocational courses in appliance repair, cooking and tailoring. Most trainees earn a certificate, but fewer than half find work within six months.",
                    "We need support after the training: preparing trainees for the labour market, building lasting relationships with employers, organising internships in companies and following graduates through their first months at work.",
                    "Partners from any country are welcome: the collaboration can be an exchange of experience and tools at a distance, a study visit, or a joint funding application for the next phase of the project.",
                ],
            },
            "it": {
                "slug": "formazione-professionale-per-rifugiati-a-bourj-hammoud",
                "title": "Sostegno al nostro progetto di formazione professionale per giovani rifugiati a Bourj Hammoud",
                "summary": "Ogni anno il nostro progetto forma centoventi giovani rifugiati e giovani della comunità ospitante nelle riparazioni, in cucina e in sartoria. Cerchiamo partner che condividano la loro esperienza nel collegare formazione, tirocini e lavoro.",
                "description": [
                    "Il progetto è partito due anni fa nel centro giovani di Bourj Hammoud e offre corsi professionali di quattro mesi di riparazione di elettrodomestici, cucina e sartoria. La maggior parte dei partecipanti ottiene un attestato, ma meno della metà trova lavoro entro sei mesi.",
                    "Ci serve sostegno nella fase successiva alla formazione: preparare i partecipanti al mercato del lavoro, costruire rapporti stabili con i datori di lavoro, organizzare tirocini in azienda e seguire i diplomati nei primi mesi di lavoro.",
                    "Sono benvenuti partner di ogni paese: la collaborazione può essere uno scambio di esperienze e strumenti a distanza, una visita di studio o una candidatura comune a un finanziamento per la prossima fase del progetto.",
                ],
            },
            "el": {
                "slug": "epaggelmatiki-katartisi-gia-prosfyges-sto-bourj-hammoud",
                "title": "Στήριξη στο πρόγραμμά μας επαγγελματικής κατάρτισης για νέους πρόσφυγες στο Μπουρτζ Χαμούντ",
                "summary": "Κάθε χρόνο το πρόγραμμά μας καταρτίζει εκατόν είκοσι νέους πρόσφυγες και νέους της τοπικής κοινότητας σε επισκευές, μαγειρική και ραπτική. Αναζητούμε εταίρους να μοιραστούν την εμπειρία τους στη σύνδεση της κατάρτισης με την εργασία.",
                "description": [
                    "Το πρόγραμμα ξεκίνησε πριν από δύο χρόνια στο Κέντρο Νεότητας του Μπουρτζ Χαμούντ και προσφέρει τετράμηνα επαγγελματικά σεμινάρια επισκευής ηλεκτρικών συσκευών, μαγειρικής και ραπτικής. Οι περισσότεροι καταρτιζόμενοι παίρνουν πιστοποιητικό, όμως λιγότεροι από τους μισούς βρίσκουν δουλειά μέσα σε έξι μήνες.",
                    "Χρειαζόμαστε στήριξη μετά την κατάρτιση: προετοιμασία για την αγορά εργασίας, σταθερές σχέσεις με εργοδότες, οργάνωση πρακτικής άσκησης σε επιχειρήσεις και παρακολούθηση των αποφοίτων τους πρώτους μήνες στη δουλειά.",
                    "Είναι ευπρόσδεκτοι εταίροι από κάθε χώρα: η συνεργασία μπορεί να είναι ανταλλαγή εμπειριών και εργαλείων από απόσταση, μια επίσκεψη μελέτης ή μια κοινή αίτηση χρηματοδότησης για την επόμενη φάση του προγράμματος.",
                ],
            },
        },
    },
    {
        "key": "beirut-solar-course",
        "organisation": "jamiyat-al-amal",
        "kind": CallKind.NEW_SERVICE,
        "expertise": ["vocational-training"],
        "targets": ["neet", "long-term-unemployed"],
        "countries": ["LB", "JO"],
        "deadline": -10,  # past: the call stays online, no longer accepting interest
        "is_open": True,
        "text": {
            "ar": {
                "slug": "dawra-fi-tarkib-anzimat-al-taqa-al-shamsiya",
                "title": "شريك لإطلاق دورة في تركيب أنظمة الطاقة الشمسية",
                "summary": "يزداد الطلب في لبنان على فنيي الطاقة الشمسية. نبحث عن جهة تدريب مهني في لبنان أو الأردن لديها خبرة في هذا المجال، لنطلق معًا دورة للشباب العاطلين عن العمل.",
                "description": [
                    "مع انقطاع الكهرباء المتكرر، لجأت آلاف الأسر والمحال التجارية في بيروت إلى الألواح الشمسية، وباتت الشركات تبحث عن فنيين مدرَّبين لتركيبها وصيانتها.",
                    "نوفر قاعة التدريب واختيار المشاركين ومرافقتهم بعد الدورة، ونبحث عن شريك يملك منهاجًا معتمدًا ومدربين ذوي خبرة ومعدات للتدريب العملي.",
                    "نطمح إلى تدريب ثلاث مجموعات من خمسة عشر متدربًا خلال السنة الأولى، على أن تكون نصف المقاعد على الأقل للشابات.",
                ],
            },
            "en": {
                "slug": "solar-panel-installation-course",
                "title": "A partner to launch a solar panel installation course",
                "summary": "Demand for solar technicians is growing in Lebanon. We are looking for a vocational training provider in Lebanon or Jordan with experience in the field, to launch a course for unemployed young people together.",
                "description": [
                    "With frequent power cuts, thousands of households and shops in Beirut have turned to solar panels, and companies are looking for trained technicians to install and maintain them.",
                    "We provide the training room, the selection of participants and their follow-up after the course; we are looking for a partner with an accredited curriculum, experienced trainers and equipment for practical training.",
                    "We aim to train three groups of fifteen trainees in the first year, with at least half of the places for young women.",
                ],
            },
            "it": {
                "slug": "corso-di-installazione-di-impianti-fotovoltaici",
                "title": "Un partner per avviare un corso di installazione di impianti fotovoltaici",
                "summary": "In Libano cresce la richiesta di tecnici del fotovoltaico. Cerchiamo un ente di formazione professionale in Libano o in Giordania con esperienza nel settore, per avviare insieme un corso per giovani disoccupati.",
                "description": [
                    "Con i frequenti blackout, migliaia di famiglie e negozi di Beirut si sono affidati ai pannelli solari, e le aziende cercano tecnici formati per installarli e curarne la manutenzione.",
                    "Mettiamo a disposizione l'aula, la selezione dei partecipanti e il loro accompagnamento dopo il corso; cerchiamo un partner con un programma accreditato, formatori esperti e attrezzature per le esercitazioni pratiche.",
                    "Puntiamo a formare tre gruppi di quindici persone nel primo anno, con almeno metà dei posti riservati alle ragazze.",
                ],
            },
            "el": {
                "slug": "seminario-egkatastasis-fotovoltaikon",
                "title": "Εταίρος για ένα σεμινάριο εγκατάστασης φωτοβολταϊκών συστημάτων",
                "summary": "Στον Λίβανο αυξάνεται η ζήτηση για τεχνικούς φωτοβολταϊκών. Αναζητούμε φορέα επαγγελματικής κατάρτισης στον Λίβανο ή στην Ιορδανία με εμπειρία στον τομέα, για να ξεκινήσουμε μαζί ένα σεμινάριο για άνεργους νέους.",
                "description": [
                    "Με τις συχνές διακοπές ρεύματος, χιλιάδες νοικοκυριά και καταστήματα στη Βηρυτό στράφηκαν στα φωτοβολταϊκά, και οι επιχειρήσεις αναζητούν καταρτισμένους τεχνικούς για την εγκατάσταση και τη συντήρησή τους.",
                    "Διαθέτουμε την αίθουσα, την επιλογή των συμμετεχόντων και τη στήριξή τους μετά το σεμινάριο· αναζητούμε εταίρο με πιστοποιημένο πρόγραμμα σπουδών, έμπειρους εκπαιδευτές και εξοπλισμό για πρακτική εξάσκηση.",
                    "Στόχος μας είναι να εκπαιδεύσουμε τρεις ομάδες των δεκαπέντε ατόμων τον πρώτο χρόνο, με τουλάχιστον τις μισές θέσεις για νέες γυναίκες.",
                ],
            },
        },
    },
    {
        "key": "amman-mentoring",
        "organisation": "tamkeen-al-shabab",
        "kind": CallKind.CO_DESIGN,
        "expertise": ["employment", "psychosocial-support"],
        "targets": ["women-at-risk", "neet"],
        "countries": ["JO", "PS"],
        "deadline": 17,
        "is_open": True,
        "text": {
            "ar": {
                "slug": "barnamaj-irshad-mihani-lil-shabbat",
                "title": "تصميم مشترك لبرنامج إرشاد مهني للشابات الباحثات عن أول وظيفة",
                "summary": "نريد أن نصمم مع شركاء من الأردن وفلسطين برنامجًا تلتقي فيه الشابات الباحثات عن عمل بمرشدات من سوق العمل، مع دعم نفسي واجتماعي لمن تحتاج إليه.",
                "description": [
                    "كثير من الشابات اللواتي يشاركن في دوراتنا يتوقفن عن البحث عن عمل بعد أشهر قليلة، بسبب ضغوط الأسرة أو فقدان الثقة بالنفس أو صعوبة التنقل إلى أماكن العمل.",
                    "نفكر في برنامج مدته ستة أشهر تلتقي فيه كل مشاركة مرة في الشهر بمرشدة تعمل في القطاع الذي يهمها، إلى جانب لقاءات جماعية مع أخصائية نفسية اجتماعية.",
                    "نبحث عن منظمات لديها خبرة في الإرشاد المهني أو في الدعم النفسي والاجتماعي للنساء، لنعقد معًا ثلاث ورش تصميم عبر الإنترنت، ونجرب البرنامج في عمّان وفي مدينة فلسطينية واحدة على الأقل.",
                ],
            },
            "en": {
                "slug": "mentoring-programme-for-young-women",
                "title": "Co-designing a mentoring programme for young women looking for their first job",
                "summary": "With partners from Jordan and Palestine, we want to design a programme in which young women looking for work meet mentors from the labour market, with psychosocial support for those who need it.",
                "description": [
                    "Many of the young women who take part in our courses stop looking for work after a few months, because of family pressure, a loss of self-confidence or the difficulty of getting to workplaces.",
                    "We are thinking of a six-month programme in which each participant meets a mentor working in the sector that interests her once a month, alongside group sessions with a psychosocial worker.",
                    "We are looking for organisations experienced in career mentoring or in psychosocial support for women, to hold three online design workshops together and pilot the programme in Amman and in at least one Palestinian city.",
                ],
            },
            "it": {
                "slug": "programma-di-mentoring-per-giovani-donne",
                "title": "Co-progettazione di un programma di mentoring per giovani donne in cerca del primo lavoro",
                "summary": "Con partner di Giordania e Palestina vogliamo progettare un programma in cui le giovani donne in cerca di lavoro siano affiancate da professioniste del mondo del lavoro, con un sostegno psicosociale per chi ne ha bisogno.",
                "description": [
                    "Molte delle ragazze che partecipano ai nostri corsi smettono di cercare lavoro dopo pochi mesi, per le pressioni della famiglia, per la perdita di fiducia in sé stesse o per la difficoltà di raggiungere i luoghi di lavoro.",
                    "Pensiamo a un programma di sei mesi in cui ogni partecipante incontra una volta al mese una mentor che lavora nel settore che le interessa, con incontri di gruppo guidati da un'operatrice psicosociale.",
                    "Cerchiamo organizzazioni con esperienza nel mentoring professionale o nel sostegno psicosociale alle donne, per tenere insieme tre laboratori di progettazione online e sperimentare il programma ad Amman e in almeno una città palestinese.",
                ],
            },
            "el": {
                "slug": "programma-kathodigisis-gia-nees-gynaikes",
                "title": "Συνδιαμόρφωση προγράμματος καθοδήγησης για νέες γυναίκες που αναζητούν την πρώτη τους δουλειά",
                "summary": "Με εταίρους από την Ιορδανία και την Παλαιστίνη θέλουμε να σχεδιάσουμε ένα πρόγραμμα όπου νέες γυναίκες που αναζητούν εργασία συναντούν μέντορες από την αγορά εργασίας, με ψυχοκοινωνική στήριξη για όσες τη χρειάζονται.",
                "description": [
                    "Πολλές από τις νέες γυναίκες που συμμετέχουν στα σεμινάριά μας σταματούν να ψάχνουν δουλειά μετά από λίγους μήνες, λόγω οικογενειακών πιέσεων, απώλειας αυτοπεποίθησης ή δυσκολίας μετακίνησης προς τους χώρους εργασίας.",
                    "Σκεφτόμαστε ένα εξάμηνο πρόγραμμα όπου κάθε συμμετέχουσα συναντά μία φορά τον μήνα μια μέντορα που εργάζεται στον κλάδο που την ενδιαφέρει, παράλληλα με ομαδικές συναντήσεις με μια ψυχοκοινωνική λειτουργό.",
                    "Αναζητούμε οργανώσεις με εμπειρία στην επαγγελματική καθοδήγηση ή στην ψυχοκοινωνική στήριξη γυναικών, για να οργανώσουμε μαζί τρία διαδικτυακά εργαστήρια σχεδιασμού και να δοκιμάσουμε το πρόγραμμα στο Αμμάν και σε τουλάχιστον μία παλαιστινιακή πόλη.",
                ],
            },
        },
    },
    {
        "key": "ramallah-remote-work",
        "organisation": "jamiyat-al-ibdaa-al-shababi",
        "kind": CallKind.NEW_SERVICE,
        "expertise": ["employment", "language-courses"],
        "targets": ["neet"],
        "countries": [],
        "deadline": 84,
        "is_open": True,
        "text": {
            "ar": {
                "slug": "rabt-khirriji-al-barmaja-bi-al-amal-an-bud",
                "title": "شركاء لربط خريجي البرمجة الشباب بفرص العمل عن بُعد",
                "summary": "يتخرج من دوراتنا في البرمجة والتصميم نحو ستين شابًا وشابة كل عام، لكن السوق المحلية محدودة. نبحث عن شركاء من أي بلد لديهم خبرة في التشغيل أو في تعليم اللغات لأغراض العمل، لنطلق معًا خدمة للعمل عن بُعد.",
                "description": [
                    "يملك خريجونا مهارات تقنية جيدة، لكنهم يفتقرون إلى العلاقات مع الشركات في الخارج، وإلى الثقة في التواصل المهني باللغة الإنجليزية، وإلى المعرفة بعقود العمل الحر.",
                    "نريد إطلاق خدمة جديدة تجمع بين دورة في اللغة الإنجليزية لأغراض العمل، وإعداد ملفات الأعمال، والربط مع شركات ومنظمات تبحث عن مبرمجين ومصممين للعمل عن بُعد.",
                    "نبحث عن منظمات لديها علاقات مع أصحاب العمل أو خبرة في تعليم اللغات للكبار، وتستطيع أن تشارك في تصميم الخدمة وأن تفتح أبواب شبكتها لخريجينا. ويمكن أن يتم التعاون بالكامل عبر الإنترنت.",
                ],
            },
            "en": {
                "slug": "remote-work-for-young-programmers",
                "title": "Partners to connect young programming graduates with remote jobs",
                "summary": "About sixty young women and men graduate from our programming and design courses every year, but the local market is small. We are looking for partners from any country experienced in job placement or in languages for work, to open a remote work service.",
                "description": [
                    "Our graduates have good technical skills, but they lack contacts with companies abroad, confidence in professional communication in English and knowledge of freelance contracts.",
                    "We want to launch a new service that combines an English-for-work course, portfolio preparation and matching with companies and organisations looking for programmers and designers to work remotely.",
                    "We are looking for organisations with links to employers or experience in teaching languages to adults, able to help design the service and open their network to our graduates. The collaboration can take place entirely online.",
                ],
            },
            "it": {
                "slug": "lavoro-da-remoto-per-giovani-programmatori",
                "title": "Partner per collegare giovani programmatori a opportunità di lavoro da remoto",
                "summary": "Ogni anno una sessantina di ragazze e ragazzi concludono i nostri corsi di programmazione e grafica, ma il mercato locale è ristretto. Cerchiamo partner di ogni paese esperti di inserimento lavorativo o di lingue per il lavoro, per aprire un servizio di lavoro da remoto.",
                "description": [
                    "I nostri diplomati hanno buone competenze tecniche, ma mancano di contatti con aziende all'estero, di sicurezza nella comunicazione professionale in inglese e di conoscenze sui contratti da libero professionista.",
                    "Vogliamo avviare un nuovo servizio che unisca un corso di inglese per il lavoro, la preparazione del portfolio e l'incontro con aziende e organizzazioni che cercano programmatori e grafici da remoto.",
                    "Cerchiamo organizzazioni con contatti con i datori di lavoro o esperienza nell'insegnamento delle lingue agli adulti, in grado di contribuire alla progettazione del servizio e di aprire la loro rete ai nostri diplomati. La collaborazione può svolgersi interamente online.",
                ],
            },
            "el": {
                "slug": "ex-apostaseos-ergasia-gia-neous-programmatistes",
                "title": "Εταίροι για τη σύνδεση νέων αποφοίτων προγραμματισμού με θέσεις εξ αποστάσεως εργασίας",
                "summary": "Περίπου εξήντα νέες και νέοι αποφοιτούν κάθε χρόνο από τα σεμινάρια προγραμματισμού και σχεδιασμού μας, αλλά η τοπική αγορά είναι μικρή. Αναζητούμε εταίρους από κάθε χώρα με εμπειρία στην απασχόληση ή στις γλώσσες για την εργασία.",
                "description": [
                    "Οι απόφοιτοί μας έχουν καλές τεχνικές δεξιότητες, αλλά τους λείπουν οι επαφές με επιχειρήσεις του εξωτερικού, η αυτοπεποίθηση στην επαγγελματική επικοινωνία στα αγγλικά και η γνώση των συμβάσεων ελεύθερων επαγγελματιών.",
                    "Θέλουμε να ξεκινήσουμε μια νέα υπηρεσία που συνδυάζει μάθημα αγγλικών για την εργασία, προετοιμασία χαρτοφυλακίου και σύνδεση με επιχειρήσεις και οργανώσεις που αναζητούν προγραμματιστές και σχεδιαστές για εξ αποστάσεως εργασία.",
                    "Αναζητούμε οργανώσεις με δίκτυο εργοδοτών ή εμπειρία στη διδασκαλία γλωσσών σε ενήλικες, που μπορούν να συμβάλουν στον σχεδιασμό της υπηρεσίας και να ανοίξουν το δίκτυό τους στους αποφοίτους μας. Η συνεργασία μπορεί να γίνει εξ ολοκλήρου διαδικτυακά.",
                ],
            },
        },
    },
    {
        "key": "ramallah-youth-workers",
        "organisation": "jamiyat-al-ibdaa-al-shababi",
        "kind": CallKind.OTHER,
        "expertise": ["psychosocial-support", "education-childcare"],
        "targets": ["neet"],
        "countries": ["PS", "JO", "LB"],
        "deadline": 49,
        "is_open": True,
        "text": {
            "ar": {
                "slug": "tabadul-khibrat-bayn-al-amilin-maa-al-shabab",
                "title": "تبادل خبرات بين العاملين مع الشباب في فلسطين والأردن ولبنان",
                "summary": "ننظم سلسلة لقاءات يتبادل فيها العاملون مع الشباب خبراتهم في الدعم النفسي والاجتماعي والتعليم غير النظامي، ونبحث عن منظمات شريكة تستضيف لقاءً أو تشارك فيه.",
                "description": [
                    "يعمل المنشطون والمنشطات في منظماتنا تحت ضغط كبير، ويلتقون يوميًا بشباب يعيشون القلق وفقدان الأمل. وكثيرًا ما يبتكر كل فريق حلوله وحده، دون أن يعرف ما جرّبه الآخرون.",
                    "نقترح أربعة لقاءات خلال السنة، حضوريًا حيث يمكن ذلك وعبر الإنترنت في غير ذلك، يعرض فيها كل فريق نشاطًا ناجحًا، ونتدرب معًا على أدوات الدعم النفسي والاجتماعي والتعليم غير النظامي.",
                    "نبحث عن منظمات من فلسطين والأردن ولبنان تعمل مع الشباب في مجال الدعم النفسي والاجتماعي أو التعليم، ومستعدة لإرسال اثنين من أعضاء فريقها إلى كل لقاء.",
                ],
            },
            "en": {
                "slug": "exchange-between-youth-workers",
                "title": "An exchange between youth workers in Palestine, Jordan and Lebanon",
                "summary": "We are organising a series of meetings in which youth workers share their experience of psychosocial support and non-formal education, and we are looking for partner organisations to host a meeting or take part.",
                "description": [
                    "The youth workers of our organisations work under great pressure and meet young people every day who live with anxiety and a loss of hope. Each team often invents its own solutions, without knowing what others have already tried.",
                    "We propose four meetings over the year, in person where possible and online otherwise, in which each team presents an activity that worked and we train together in psychosocial support and non-formal education tools.",
                    "We are looking for organisations in Palestine, Jordan and Lebanon that work with young people in psychosocial support or education and are willing to send two team members to each meeting.",
                ],
            },
            "it": {
                "slug": "scambio-tra-educatori-giovanili",
                "title": "Uno scambio tra educatori giovanili di Palestina, Giordania e Libano",
                "summary": "Organizziamo una serie di incontri in cui educatrici ed educatori che lavorano con i giovani condividono esperienze di sostegno psicosociale e di educazione non formale. Cerchiamo organizzazioni partner che ospitino un incontro o vi partecipino.",
                "description": [
                    "Gli educatori delle nostre organizzazioni lavorano sotto forte pressione e incontrano ogni giorno giovani che vivono ansia e perdita di speranza. Spesso ogni squadra inventa da sola le proprie soluzioni, senza sapere che cosa hanno già sperimentato gli altri.",
                    "Proponiamo quattro incontri nel corso dell'anno, in presenza dove possibile e online negli altri casi, in cui ogni squadra presenta un'attività riuscita e ci formiamo insieme su strumenti di sostegno psicosociale e di educazione non formale.",
                    "Cerchiamo organizzazioni di Palestina, Giordania e Libano che lavorano con i giovani nel sostegno psicosociale o nell'educazione e siano disposte a inviare due persone della loro squadra a ogni incontro.",
                ],
            },
            "el": {
                "slug": "antallagi-empeirion-metaxy-ergazomenon-me-neous",
                "title": "Ανταλλαγή εμπειριών ανάμεσα σε όσους εργάζονται με νέους στην Παλαιστίνη, την Ιορδανία και τον Λίβανο",
                "summary": "Οργανώνουμε μια σειρά συναντήσεων όπου όσοι εργάζονται με νέους μοιράζονται εμπειρίες ψυχοκοινωνικής στήριξης και μη τυπικής εκπαίδευσης, και αναζητούμε οργανώσεις-εταίρους που θα φιλοξενήσουν μια συνάντηση ή θα συμμετάσχουν.",
                "description": [
                    "Όσοι εργάζονται με νέους στις οργανώσεις μας δουλεύουν υπό μεγάλη πίεση και συναντούν καθημερινά νέους που ζουν με άγχος και απώλεια ελπίδας. Συχνά κάθε ομάδα επινοεί μόνη της τις λύσεις της, χωρίς να ξέρει τι έχουν ήδη δοκιμάσει οι άλλοι.",
                    "Προτείνουμε τέσσερις συναντήσεις μέσα στη χρονιά, δια ζώσης όπου είναι δυνατόν και διαδικτυακά σε άλλη περίπτωση, όπου κάθε ομάδα παρουσιάζει μια δραστηριότητα που πέτυχε και εκπαιδευόμαστε μαζί σε εργαλεία ψυχοκοινωνικής στήριξης και μη τυπικής εκπαίδευσης.",
                    "Αναζητούμε οργανώσεις από την Παλαιστίνη, την Ιορδανία και τον Λίβανο που εργάζονται με νέους στην ψυχοκοινωνική στήριξη ή στην εκπαίδευση και μπορούν να στείλουν δύο μέλη της ομάδας τους σε κάθε συνάντηση.",
                ],
            },
        },
    },
]

# --------------------------------------------------------------------------------------------
# Expressions of interest: written directly (no email is sent for them), one per call and
# organisation, in the language of the organisation that sends it; the note on the response is
# in the language of the call's organisation.
# --------------------------------------------------------------------------------------------

INTERESTS = [
    {
        "call": "palermo-digital-lab",
        "organisation": "fondazione-lavoro-e-dignita",
        "hours_ago": 96,
        "status": ExpressionOfInterest.Status.IN_TOUCH,
        "responded_hours_ago": 72,
        "message": "Buongiorno Giulia, da tre anni teniamo a Torino corsi di alfabetizzazione digitale per adulti e abbiamo un percorso di sei mesi già collaudato, con materiali semplificati per chi sta ancora imparando l'italiano. Potremmo formare due vostre operatrici e seguire a distanza la prima edizione del laboratorio. Sentiamoci quando vi è comodo.\nPaolo Bianchi",
        "response_note": "Prima videochiamata fissata: ci mandano il programma del corso e i materiali.",
    },
    {
        "call": "palermo-digital-lab",
        "organisation": "rete-solidale-per-labitare",
        "hours_ago": 30,
        "status": ExpressionOfInterest.Status.NEW,
        "message": "Ciao, a Bologna gestiamo uno spazio bimbi durante i colloqui di lavoro dei genitori soli. Non siamo a Palermo, ma possiamo raccontarvi come lo abbiamo organizzato (turni, assicurazione, volontarie) e aiutarvi a progettare lo spazio bimbi del laboratorio.\nChiara Mazzoni",
    },
    {
        "call": "palermo-legal-desk",
        "organisation": "associazione-nuovi-orizzonti",
        "hours_ago": 400,
        "status": ExpressionOfInterest.Status.ACCEPTED,
        "responded_hours_ago": 330,
        "message": "Buongiorno, il nostro sportello legale di Napoli segue ogni settimana decine di rinnovi di permessi di soggiorno e collaboriamo con due psicologhe volontarie. Un'avvocata del nostro gruppo si trasferisce a Palermo il mese prossimo e sarebbe felice di tenere lo sportello per i vostri tirocinanti.\nMarco Esposito",
        "response_note": "Accordo firmato: lo sportello è aperto il martedì mattina nella nostra sede.",
    },
    {
        "call": "thessaloniki-job-club",
        "organisation": "allileggyi-stin-ergasia",
        "hours_ago": 140,
        "status": ExpressionOfInterest.Status.IN_TOUCH,
        "responded_hours_ago": 100,
        "message": "Καλησπέρα σας, στην Αθήνα λειτουργούμε εδώ και τρία χρόνια ένα job club για μακροχρόνια ανέργους και πρόσφυγες, σε συνεργασία με το τοπικό Κέντρο Κοινότητας. Θα χαρούμε να μοιραστούμε τον οδηγό των συναντήσεών μας και να έρθουμε σε ένα από τα εργαστήρια στη Θεσσαλονίκη.\nΕλένη Παπαδοπούλου",
        "response_note": "Τους στείλαμε τις ημερομηνίες των εργαστηρίων· θα έρθουν στο πρώτο.",
    },
    {
        "call": "beirut-refugee-training",
        "organisation": "bayt-al-hirfa",
        "hours_ago": 54,
        "status": ExpressionOfInterest.Status.NEW,
        "message": "مرحبًا، نحن مؤسسة للتدريب المهني في إربد، ولدينا شبكة من أكثر من أربعين ورشة ومصنعًا تستقبل متدربينا، ونتابع الخريجين ستة أشهر بعد توظيفهم. يسعدنا أن نشارككم أدوات المتابعة التي نستخدمها وأن نستقبل فريقكم في زيارة دراسية.\nمحمد الزعبي",
    },
    {
        "call": "beirut-solar-course",
        "organisation": "taawuniyat-biqa-al-khayr",
        "hours_ago": 480,
        "status": ExpressionOfInterest.Status.DECLINED,
        "responded_hours_ago": 390,
        "message": "مرحبًا، ركّبنا في التعاونية نظامًا للطاقة الشمسية لتشغيل مضخات الري، ودرّبنا عددًا من الأعضاء على صيانته. يمكننا استقبال متدربيكم في زحلة للتدريب العملي على أنظمة الضخ بالطاقة الشمسية.\nجورج معلوف",
        "response_note": "شكرًا لكم، لكننا نحتاج إلى جهة لديها منهاج معتمد في تركيب الأنظمة المنزلية. سنبقى على تواصل للمرحلة القادمة.",
    },
]


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


def build_collaboration(builder):
    """The collaboration index, the calls and the interest in them; called by DemoBuilder.build()
    once the organisations and their accounts exist."""
    builder._build_index(CollaborationIndexPage, "collaboration", INDEX)
    organisations = {entry["slug"]: entry for entry in content.ORGANISATIONS}
    owners, calls = {}, {}
    for spec in CALLS:
        organisation = organisations[spec["organisation"]]
        if organisation["slug"] not in owners:
            owners[organisation["slug"]] = _organisation_everywhere(builder, organisation)
        calls[spec["key"]] = _call(builder, owners[organisation["slug"]], organisation, spec)
    _interests(builder, organisations, calls)


def _organisation_page(builder, organisation):
    """The organisation's page in the language it is written in (made by the directory demo)."""
    from directory.demo.builder import DemoError

    page = (
        OrganisationPage.objects.filter(
            slug=organisation["slug"], locale=builder.locales[organisation["language"]]
        )
        .order_by("pk")
        .first()
    )
    if page is None:
        raise DemoError(f"The demo organisation {organisation['slug']!r} is missing.")
    return page


def _organisation_everywhere(builder, organisation):
    """The organisation's page, translated into every language (its calls go under each)."""
    page = _organisation_page(builder, organisation)
    for language in content.LANGUAGES:
        if language == organisation["language"]:
            continue
        text = (
            organisation.get(language) or ORGANISATION_TRANSLATIONS[organisation["slug"]][language]
        )
        fields = builder._organisation_fields(organisation, text, language)
        builder._translate(page, language, {**fields, "slug": organisation["slug"]}, relink=True)
    return page


def _call_fields(text):
    from directory.demo.builder import paragraphs

    return {
        "title": text["title"],
        "summary": text["summary"],
        "description": paragraphs(text["description"]),
    }


def _call(builder, organisation_page, organisation, spec):
    """The call (found or made) in its organisation's language, and its translations."""
    language = organisation["language"]
    text = spec["text"][language]
    call = builder._child(organisation_page, CollaborationCallPage, text["slug"])
    if call is None:
        deadline = spec["deadline"]
        call = CollaborationCallPage(
            slug=text["slug"],
            locale=builder.locales[language],
            kind=spec["kind"],
            deadline=None if deadline is None else builder.today + datetime.timedelta(deadline),
            is_open=spec["is_open"],
            contact_name=organisation["contact_person"],
            contact_email=f"info@{organisation['domain']}",
            **_call_fields(text),
        )
        call.expertise_sought = [
            builder._term(ExpertiseCategory, slug, language) for slug in spec["expertise"]
        ]
        call.target_groups = [
            builder._term(TargetGroup, slug, language) for slug in spec["targets"]
        ]
        call.countries = [builder.countries[code] for code in spec["countries"]]
        builder._add_page(organisation_page, call)
        builder.created["collaboration calls"] += 1
    for other in content.LANGUAGES:
        if other != language:
            other_text = spec["text"][other]
            builder._translate(
                call,
                other,
                {**_call_fields(other_text), "slug": other_text["slug"]},
                relink=True,
            )
    return call


def _interests(builder, organisations, calls):
    now = timezone.now()
    owner_keys = {}
    for entry in INTERESTS:
        call = calls[entry["call"]]
        sender = _organisation_page(builder, organisations[entry["organisation"]])
        if ExpressionOfInterest.objects.filter(
            call_key=call.translation_key, organisation_key=sender.translation_key
        ).exists():
            continue
        if call.pk not in owner_keys:
            owner_keys[call.pk] = call.get_parent().translation_key
        # The sender read the call in its own language.
        version = call.get_translation_or_none(sender.locale) or call
        responded = entry.get("responded_hours_ago")
        ExpressionOfInterest.objects.create(
            call_key=call.translation_key,
            call=version.specific,
            organisation_key=sender.translation_key,
            organisation=sender,
            owner_key=owner_keys[call.pk],
            message=entry["message"],
            created_at=now - datetime.timedelta(hours=entry["hours_ago"]),
            status=entry["status"],
            response_note=entry.get("response_note", ""),
            responded_at=now - datetime.timedelta(hours=responded) if responded else None,
        )
        builder.created["expressions of interest"] += 1
