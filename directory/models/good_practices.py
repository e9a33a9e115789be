from django.conf import settings
from django.utils.translation import gettext_lazy as _

from directory.good_practices import GoodPracticeFilterForm, GoodPracticeSearch
from directory.listing import request_locales
from directory.presentation import active_filters, listing

from .country import DirectoryIndexPage
from .mixins import IntroPage


class GoodPracticesIndexPage(IntroPage):
    """The portfolio projects marked as good practices, with filters and search:
    /<lang>/good-practices/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "directory/good_practices_index_page.html"
    translatable_fields = DirectoryIndexPage.translatable_fields

    class Meta:
        verbose_name = _("good practices library")
        verbose_name_plural = _("good practices libraries")

    @classmethod
    def for_locale(cls, locale_id):
        """The live library in a locale, else in the default language's (None if there is none)."""
        pages = cls.objects.live().select_related("locale")
        for page in pages.filter(locale_id=locale_id)[:1]:
            return page
        return pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locales = request_locales(request)
        form = GoodPracticeFilterForm(request.GET, locales)
        engine = GoodPracticeSearch(form, locales)
        practices, filters, query = listing(request, form, engine)
        context.update(
            form=form,
            engine=engine,
            practices=practices,
            filters=filters,
            active_filters=active_filters(form, query),
            filter_query=query.urlencode(),
            searched=bool(engine.query_text or form.active),
            # For the empty library's message: the organisations, whose projects are there.
            directory_index=DirectoryIndexPage.objects.live()
            .filter(locale_id=self.locale_id)
            .first(),
        )
        return context
