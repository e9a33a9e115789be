import factory
import wagtail_factories
from django.utils import timezone

from core.factories import fixed_page_factory

from .models import NewsIndexPage, NewsPage

NewsIndexPageFactory = fixed_page_factory(NewsIndexPage, "News", "news")


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News {n}")
    date = factory.LazyFunction(timezone.localdate)
    summary = "A new job club opens for young people in Palermo."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>The job club meets every Tuesday at the library.</p>")]
    )

    class Meta:
        model = NewsPage
