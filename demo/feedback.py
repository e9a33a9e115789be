"""Demo readers' reactions: over the last four months, yes and no about the home page, Il Ponte
and other organisations' pages and their services, in each language, some with what was missing,
and about the search page (a public view, not a page: central staff's alone), so that the admin's
"Readers' reactions" shows its ranking, its months and its texts to central staff, to each
country's facilitators and to Il Ponte's people."""

import datetime

from django.utils import timezone
from wagtail.models import Page

from directory.models import CountryPage, OrganisationPage, ServicePage
from feedback.models import Answer
from home.models import HomePage

PONTE = "cooperativa-sociale-il-ponte"

#: What readers wrote was missing, in the language they read in.
MISSING = {
    "en": [
        "The opening hours on Saturdays, and whether I need an appointment.",
        "How long the course lasts and whether there is a certificate at the end.",
        "Whether the service is free for people who have just arrived.",
    ],
    "it": [
        "Gli orari di apertura dello sportello e se serve prendere appuntamento.",
        "Non è chiaro quali documenti portare al primo colloquio.",
        "Vorrei sapere se il corso si tiene anche di sera, dopo il lavoro.",
    ],
    "el": [
        "Δεν αναφέρεται αν η υπηρεσία είναι δωρεάν για άνεργους.",
        "Θα ήθελα να ξέρω ποια έγγραφα χρειάζομαι για την εγγραφή.",
        "Λείπει ένας χάρτης με τη διεύθυνση και πώς φτάνω με το λεωφορείο.",
    ],
    "ar": [
        "لا توجد معلومات عن مواعيد العمل في أيام السبت.",
        "أريد أن أعرف هل الدورة مجانية وهل تُعطى شهادة في نهايتها.",
        "لم أجد الوثائق المطلوبة للتسجيل في البرنامج.",
    ],
}


#: What readers of the search page wrote was missing, in the language they searched in.
SEARCH_MISSING = {
    "en": [
        "I could not find courses near Palermo by typing the name of the town.",
        "A way to see only the services that are free.",
    ],
    "it": [
        "Cercando «sartoria» non esce nessun corso, anche se so che a Bologna ce n'è uno.",
        "Mi servirebbe un filtro per i servizi aperti il sabato.",
    ],
    "el": [
        "Όταν έγραψα «μαθήματα ελληνικών» δεν βρήκα τίποτα στη Θεσσαλονίκη.",
        "Θα ήθελα να φιλτράρω τις υπηρεσίες ανά γλώσσα που μιλούν.",
    ],
    "ar": [
        "بحثت عن دورات الطبخ في أثينا ولم تظهر أي نتيجة.",
        "أتمنى أن أستطيع البحث عن الخدمات التي تتحدث العربية.",
    ],
}


def months_back(count):
    month = timezone.localdate().replace(day=1)
    for _ in range(count):
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return month


def demo_pages():
    """The pages readers answered about: the home page, Il Ponte (every language) and its
    services, and in each country a few other organisations and a service."""
    pages = list(HomePage.objects.live())
    ponte = OrganisationPage.objects.live().filter(slug=PONTE)
    pages += list(ponte)
    for organisation in ponte:
        pages += list(ServicePage.objects.live().child_of(organisation)[:2])
    # In each country (every language version of it), two organisations and a service.
    for country in CountryPage.objects.live().exclude(code=""):
        others = OrganisationPage.objects.live().descendant_of(country).exclude(slug=PONTE)
        pages += list(others.order_by("pk")[:2])
        services = (
            ServicePage.objects.live()
            .descendant_of(country)
            .exclude(pk__in=[page.pk for page in pages])
        )
        pages += list(services.order_by("pk")[:1])
    return Page.objects.filter(pk__in=[page.pk for page in pages]).select_related("locale")


def ensure_demo_reactions():
    """Add the demo answers once (nothing is added once there are answers). Returns how many."""
    if Answer.objects.exists():
        return 0
    answers = []
    for index, page in enumerate(demo_pages().order_by("pk")):
        language = page.locale.language_code
        texts = MISSING.get(language, MISSING["en"])
        for back in range(4):
            month = months_back(back)
            # Some pages do well, some badly: the ranking has something to show.
            noes = (index * 3 + back) % 5
            yeses = (index * 7 + back * 2) % 6 + 1
            answers += [
                Answer(page=page, language=language, month=month, useful=True) for _ in range(yeses)
            ]
            for number in range(noes):
                missing = texts[(index + back + number) % len(texts)] if number < 2 else ""
                answers.append(
                    Answer(page=page, language=language, month=month, useful=False, missing=missing)
                )
    answers += search_answers()
    Answer.objects.bulk_create(answers)
    return len(answers)


def search_answers():
    """Answers about the search page in each language over the last four months: it is the
    page most readers answer "no" about, so it tops central staff's ranking."""
    answers = []
    for index, (language, texts) in enumerate(SEARCH_MISSING.items()):
        for back in range(4):
            month = months_back(back)
            answers += [
                Answer(view="search", language=language, month=month, useful=True)
                for _ in range((index + back) % 3 + 2)
            ]
            for number in range((index * 2 + back) % 4 + 2):
                missing = texts[(back + number) % len(texts)] if number < 1 else ""
                answers.append(
                    Answer(
                        view="search",
                        language=language,
                        month=month,
                        useful=False,
                        missing=missing,
                    )
                )
    return answers
