"""Each language's news feed, RSS and Atom, with Django's syndication framework: the newest news
in that language where translated (else English, else as written), at /<lang>/news/feed/ and
/<lang>/news/feed/atom/. Anonymous answers are kept by the page cache like every public page."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from .listing import feed_news


class NewsRssFeed(Feed):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.index.locale.language_code
        return self.index

    def title(self, index):
        return gettext("%(title)s – MoreThanAJob") % {"title": index.title}

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return gettext("The latest news of the MoreThanAJob portal.")

    def items(self, index):
        return feed_news(index.locale.language_code)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.visitor_urls[next(iter(item.visitor_urls))]

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_on

    def item_updateddate(self, item):
        return item.last_published_at or item.published_on

    def item_categories(self, item):
        return item.category_labels


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
