"""How the directory lists pages in every language.

Each piece of content is listed once per language: in the visitor's language where it has been
translated, otherwise in English (the default locale), otherwise in the language it was first
written in. The page keeps its own language on the card (its own `lang` and `dir`).

Listings stay at a fixed number of queries whatever their length: the organisation and country of
a service are looked up by path for the whole page of results at once, and term names come from
one query per vocabulary.
"""

from django.conf import settings
from django.db.models import Min, OuterRef, Q
from django.db.models.functions import Substr
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from core.page_cache import kept_in_memory


def ancestor_path(levels_up):
    """The path of the outer row's ancestor `levels_up` levels above it, as an SQL expression."""
    return Substr(OuterRef("path"), 1, (OuterRef("depth") - levels_up) * Page.steplen)


class Locales:
    """The portal's locales, read once per request: the active one, the default, by code or id."""

    def __init__(self):
        rows = list(Locale.objects.all())
        self.by_code = {locale.language_code: locale for locale in rows}
        self.by_id = {locale.pk: locale for locale in rows}

    def get(self, language_code):
        return self.by_code[get_supported_content_language_variant(language_code)]

    @property
    def active(self):
        return self.get(get_language() or settings.LANGUAGE_CODE)

    @property
    def default(self):
        return self.get(settings.LANGUAGE_CODE)


def request_locales(request):
    """The portal's locales, kept in the process's memory until something public changes (a
    locale saved is one)."""
    if not hasattr(request, "_portal_locales"):
        request._portal_locales = kept_in_memory("locales", Locales)
    return request._portal_locales


def one_per_translation(queryset, locale, default):
    """Keep one member of each translation set: `locale`'s, else `default`'s, else the first."""
    base = queryset.order_by()
    here = base.filter(locale=locale).values("translation_key")
    wanted = Q(locale=locale)
    covered = here
    if default.pk != locale.pk:
        wanted |= Q(locale=default) & ~Q(translation_key__in=here)
        covered = base.filter(locale__in=[locale, default]).values("translation_key")
    first_written = (
        base.exclude(translation_key__in=covered)
        .values("translation_key")
        .annotate(first=Min("pk"))
        .values("first")
    )
    return queryset.filter(wanted | Q(pk__in=first_written))


def under_any(pages):
    """A filter for the descendants of any of `pages` (e.g. every translation of a country)."""
    condition = Q(pk__in=[])
    for page in pages:
        condition |= Q(path__startswith=page.path, depth__gt=page.depth)
    return condition


class TermLabels:
    """Names of vocabulary terms in any locale, loaded in one query per vocabulary.

    Vocabulary is the interface's: a card or a page names its terms in the visitor's language
    (`here`, `names_here`) even when the content itself is written in another."""

    def __init__(self, *models):
        self.names = {}
        self.locale_ids = {}
        for model in models:
            for key, locale_id, code, name in model.objects.values_list(
                "translation_key", "locale_id", "locale__language_code", "name"
            ):
                self.names[(key, locale_id)] = name
                self.locale_ids[code] = locale_id

    def here(self, term):
        """The name of `term` in the visitor's language, else the term's own."""
        code = get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
        return self.name(term, self.locale_ids.get(code))

    def names_here(self, terms):
        return sorted(self.here(term) for term in terms)

    def name(self, term, locale_id):
        if term is None:
            return ""
        return self.names.get((term.translation_key, locale_id), term.name)

    def names_for(self, terms, locale_id):
        return sorted(self.name(term, locale_id) for term in terms)


def term_labels(*models):
    """`TermLabels` of `models`, kept in the process's memory until something public changes
    (a term saved is a snippet saved): a page of cards names its terms without reading them."""
    key = "terms:" + ",".join(model._meta.label_lower for model in models)
    return kept_in_memory(key, lambda: TermLabels(*models))


def attach_parents(pages, parent_model, attribute, levels_up=1, queryset=None):
    """Set `attribute` on each page to its ancestor of `parent_model`, in one query for all."""
    step = Page.steplen
    wanted = {page.path[: (page.depth - levels_up) * step] for page in pages}
    qs = queryset if queryset is not None else parent_model.objects.all()
    parents = {parent.path: parent for parent in qs.filter(path__in=wanted)}
    for page in pages:
        setattr(page, attribute, parents.get(page.path[: (page.depth - levels_up) * step]))
    return pages
