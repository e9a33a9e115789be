import factory
import wagtail_factories

from core.factories import fixed_page_factory

from .models import NewsletterIndexPage, NewsletterIssuePage

NewsletterIndexPageFactory = fixed_page_factory(NewsletterIndexPage, "Newsletter", "newsletter")


class NewsletterIssuePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Good practices, issue {n}")
    introduction = "<p>Three projects that opened doors to work this season.</p>"

    class Meta:
        model = NewsletterIssuePage
