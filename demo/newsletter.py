"""Demo content of the best-practice newsletter, built by demo.builder.DemoBuilder.

- The archive (/<lang>/newsletter/) in every language, in the menus (so in the footer).
- Two issues, written in English and translated into Italian, Greek and Arabic, each picking
  the demo's good practices, news and calls for collaboration, and both already sent (a month
  ago and last week), so that the archive lists them. They were sent before the demo's
  subscribers subscribed: no email is written for them.

Everything is looked up before it is made, so building again adds nothing.
"""

import datetime

from django.utils import timezone

from collaboration.models import CollaborationCallPage
from directory.models import PortfolioProjectPage
from news.models import NewsPage
from newsletter.models import NewsletterIndexPage, NewsletterIssuePage, NewsletterSending

ARCHIVE = {
    "en": {
        "title": "Newsletter",
        "intro": [
            "The best-practice newsletter: good practices of the social and solidarity "
            "economy, the portal's news and open calls for collaboration, once a month in "
            "your language. Subscribe at the bottom of any page."
        ],
    },
    "it": {
        "title": "Newsletter",
        "intro": [
            "La newsletter delle buone pratiche: esperienze dell'economia sociale e solidale, "
            "le notizie del portale e le chiamate a collaborare aperte, una volta al mese nella "
            "tua lingua. Iscriviti in fondo a qualsiasi pagina."
        ],
    },
    "el": {
        "title": "Ενημερωτικό δελτίο",
        "intro": [
            "Το ενημερωτικό δελτίο καλών πρακτικών: καλές πρακτικές της κοινωνικής και "
            "αλληλέγγυας οικονομίας, τα νέα της πύλης και οι ανοιχτές προσκλήσεις συνεργασίας, "
            "μία φορά τον μήνα στη γλώσσα σας. Εγγραφείτε στο κάτω μέρος κάθε σελίδας."
        ],
    },
    "ar": {
        "title": "النشرة الإخبارية",
        "intro": [
            "نشرة الممارسات الجيدة: تجارب الاقتصاد الاجتماعي والتضامني، وأخبار البوابة، ودعوات "
            "التعاون المفتوحة، مرة كل شهر وبلغتك. اشترك من أسفل أي صفحة."
        ],
    },
}

#: Each issue: its slug, how many days ago it was sent, which of the demo's good practices,
#: news and calls it picks (their rank among the live English ones, oldest first), its texts.
ISSUES = [
    {
        "slug": "work-that-includes",
        "days_ago": 33,
        "practices": [0, 1],
        "news": [0],
        "calls": [0],
        "text": {
            "en": (
                "Work that includes",
                "This month, two projects that opened the door to work for people who had "
                "found it closed, a piece of news from the portal, and a call from an "
                "organisation looking for partners.",
            ),
            "it": (
                "Un lavoro che include",
                "Questo mese, due progetti che hanno aperto le porte del lavoro a chi le aveva "
                "trovate chiuse, una notizia dal portale e la chiamata di un'organizzazione "
                "che cerca partner.",
            ),
            "el": (
                "Εργασία χωρίς αποκλεισμούς",
                "Αυτόν τον μήνα, δύο έργα που άνοιξαν την πόρτα της εργασίας σε ανθρώπους που "
                "την είχαν βρει κλειστή, ένα νέο από την πύλη και μια πρόσκληση οργάνωσης που "
                "αναζητά εταίρους.",
            ),
            "ar": (
                "عمل يشمل الجميع",
                "في هذا الشهر، مشروعان فتحا باب العمل أمام أشخاص وجدوه مغلقًا، وخبر من البوابة، "
                "ودعوة من منظمة تبحث عن شركاء.",
            ),
        },
    },
    {
        "slug": "learning-together",
        "days_ago": 4,
        "practices": [2, 3],
        "news": [1, 2],
        "calls": [1],
        "text": {
            "en": (
                "Learning together",
                "Training is where many journeys to work begin. Two good practices show how "
                "cooperatives teach a trade on the job; the news and a new call follow.",
            ),
            "it": (
                "Imparare insieme",
                "Molti percorsi verso il lavoro cominciano dalla formazione. Due buone pratiche "
                "mostrano come le cooperative insegnano un mestiere sul campo; seguono le "
                "notizie e una nuova chiamata.",
            ),
            "el": (
                "Μαθαίνοντας μαζί",
                "Πολλές διαδρομές προς την εργασία ξεκινούν από την κατάρτιση. Δύο καλές "
                "πρακτικές δείχνουν πώς οι συνεταιρισμοί διδάσκουν ένα επάγγελμα στην πράξη· "
                "ακολουθούν τα νέα και μια νέα πρόσκληση.",
            ),
            "ar": (
                "نتعلم معًا",
                "يبدأ كثير من الطرق نحو العمل بالتدريب. ممارستان جيدتان تبيّنان كيف تعلّم "
                "التعاونيات مهنة في موقع العمل، تليهما الأخبار ودعوة جديدة.",
            ),
        },
    },
]


def build_newsletter(builder):
    """The archive and the two sent issues; called once the good practices, the news and the
    calls exist."""
    archive = builder._build_index(NewsletterIndexPage, "newsletter", ARCHIVE)
    for spec in ISSUES:
        _issue(builder, archive, spec)


def _picked(model, ranks, **filters):
    pages = list(model.objects.live().filter(locale__language_code="en", **filters).order_by("pk"))
    if not pages:  # written in another language only: the first written of each
        pages = list(model.objects.live().filter(**filters).order_by("pk"))
    return [pages[rank] for rank in ranks if rank < len(pages)]


def _issue(builder, archive, spec):
    from .builder import paragraphs

    title, introduction = spec["text"]["en"]
    issue = builder._child(archive, NewsletterIssuePage, spec["slug"])
    if issue is None:
        issue = NewsletterIssuePage(
            slug=spec["slug"],
            locale=builder.en,
            title=title,
            introduction=paragraphs([introduction]),
        )
        picks = [
            *_picked(PortfolioProjectPage, spec["practices"], is_good_practice=True),
            *_picked(NewsPage, spec["news"]),
            *_picked(CollaborationCallPage, spec["calls"]),
        ]
        for page in picks:
            issue.picks.add(issue.picks.model(page=page))
        builder._add_page(archive, issue)
        builder.created["newsletter issues"] += 1
    for language, (title, introduction) in spec["text"].items():
        if language != "en":
            builder._translate(
                issue,
                language,
                {"title": title, "slug": spec["slug"], "introduction": paragraphs([introduction])},
            )
    sent = timezone.now() - datetime.timedelta(days=spec["days_ago"])
    NewsletterSending.objects.get_or_create(
        translation_key=issue.translation_key,
        defaults={
            "status": NewsletterSending.Status.SENT,
            "started_at": sent,
            "finished_at": sent + datetime.timedelta(minutes=3),
        },
    )
    return issue
