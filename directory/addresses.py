"""Where a visitor reaches a page without leaving their own language.

Content not translated into the visitor's language is served at an address in it: the address
of its nearest ancestor that is translated, followed by the slugs of the pages below it. An
English-only organisation in Lebanon is at /it/organisations/libano/its-slug/ for an Italian
visitor, its English page staying at /en/organisations/lebanon/its-slug/. The pages that hold
others (the home page, the directory, countries, organisations) route a slug none of their own
children has to the child with that slug of one of their other translations
(`RoutesAcrossTranslations`), so that any such address leads to the page, live, and to nothing
else.

The page served there keeps its own language, marked with its own `lang` and `dir` in the
templates, inside the visitor's interface (menus, labels, vocabulary, dates). Its canonical
address stays its own, and only its own address is in the sitemap.

Listings give every card its address here in a fixed number of queries (`attach_visitor_urls`),
whatever their length.
"""

from operator import itemgetter
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from directory.listing import under_any


class RoutesAcrossTranslations:
    """For page types whose children may be written in another language than the page itself: a
    slug none of its own children has (or whose child cannot be served) is looked for among the
    children of its other translations, English first, then the first written."""

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
        slug, remaining = path_components[0], path_components[1:]
        for child in children_elsewhere(self, slug):
            try:
                # `route` serves only a live page, so a draft is never reached this way either.
                return child.specific.route(request, remaining)
            except Http404:
                continue
        raise Http404


def children_elsewhere(page, slug):
    """The children called `slug` of `page`'s other translations, in the order they are tried."""
    others = list(page.get_translations())
    if not others:
        return []
    english_first = Case(
        When(locale__language_code=settings.LANGUAGE_CODE, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return list(
        Page.objects.filter(slug=slug, depth=page.depth + 1)
        .filter(under_any(others))
        .order_by(english_first, "pk")
    )


def routes_across_translations(page):
    return issubclass(page.specific_class or Page, RoutesAcrossTranslations)


class Found(NamedTuple):
    """A page `Addresses` read: what it compares, and its fields, made a page when asked."""

    pk: int
    path: str
    depth: int
    slug: str
    translation_key: object
    live: bool
    code: str  # its language
    parent_key: object  # its parent's translation key
    values: tuple  # every field of `PAGE_FIELDS`, in that order


# The fields `Addresses` reads of the pages it may give back, in one query with the rest: a page
# is made only of those it gives (a dozen of the hundred a page of results reads). Not the dates,
# which no address needs and take longest to read (a page given back reads them if asked).
PAGE_FIELDS = tuple(
    field.attname
    for field in Page._meta.concrete_fields
    if not isinstance(field, models.DateTimeField)
)
# The fields `Found` compares, picked out of a row of `PAGE_FIELDS`.
COMPARED = itemgetter(
    *(
        PAGE_FIELDS.index(name)
        for name in ("id", "path", "depth", "slug", "translation_key", "live")
    )
)


class Addresses:
    """Where each of `pages` is for a visitor in each of `codes`, in two queries for any number.

    A page live in that language is at its own address there; otherwise at its nearest translated
    ancestor's address followed by the slugs below it, provided that ancestor routes there and
    has no live child of its own with the first of those slugs (which that address serves), nor a
    child of another of its translations with that slug that is tried before this page's
    (`reached_first`). A page with no such address (its own language's tree only, or another
    page's there) keeps its own address.

    The pages are read as rows, not as page objects (a page object takes far longer to make): a
    page is made only of a translation `translation` or `url` gives back.
    """

    def __init__(self, pages, codes, request=None):
        self.request = request
        step = Page.steplen
        paths = {page.path[: level * step] for page in pages for level in range(1, page.depth + 1)}
        self.rows = {}
        self.here = {}
        self.pages = {}
        if not paths:
            return
        self.rows = {
            row.path: row
            for row in Page.objects.filter(path__in=paths).values_list(
                "pk", "path", "depth", "slug", "translation_key", named=True
            )
        }
        # The live pages of those contents in the visitor's languages, and, in the same query,
        # every page with a slug of theirs at its depth: a live page of the visitor's own tree
        # at an address a content of another language would take (`taken`), and the pages of
        # other languages competing with it for that address (`competing`).
        keys = {row.translation_key for row in self.rows.values()}
        slugs = {row.slug for row in self.rows.values()}
        depths = {row.depth for row in self.rows.values()}
        parent = Page.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - step)
        )
        self.taken = set()
        self.competing = {}
        found_rows = (
            Page.objects.filter(
                Q(translation_key__in=keys, live=True, locale__language_code__in=codes)
                | Q(slug__in=slugs, depth__in=depths)
            )
            .annotate(parent_key=Subquery(parent.values("translation_key")[:1]))
            .values_list(*PAGE_FIELDS, "locale__language_code", "parent_key")
        )
        fields = len(PAGE_FIELDS)
        for values in found_rows:
            found = Found(*COMPARED(values), *values[fields:], values[:fields])
            code = found.code
            if found.live and code in codes:
                if found.translation_key in keys:
                    self.here[(found.translation_key, code)] = found
                if found.slug in slugs and found.depth in depths:
                    self.taken.add((found.path[: -Page.steplen], found.slug, code))
            if found.slug in slugs and found.depth in depths:
                self.competing.setdefault((found.parent_key, found.slug), []).append(found)

    def page(self, found):
        """The page of `found`, made once (with its locale, which its address reads)."""
        if found.pk not in self.pages:
            page = Page.from_db(Page.objects.db, PAGE_FIELDS, found.values)
            page.locale = Locale(pk=page.locale_id, language_code=found.code)
            self.pages[found.pk] = page
        return self.pages[found.pk]

    def translation(self, page, code):
        """The live translation of `page` in `code`, if it has one."""
        found = self.here.get((page.translation_key, code))
        return self.page(found) if found is not None else None

    def reached_first(self, translation, child):
        """Whether the address of `translation` followed by `child`'s slug leads to `child`, a
        child of one of its other translations: it is the first of the children with that slug
        `RoutesAcrossTranslations` tries (`children_elsewhere`). Two untranslated pages of two
        other languages may share a slug there; only the first is reached."""
        tried = [
            other
            for other in self.competing.get((translation.translation_key, child.slug), [])
            if other.depth == child.depth and other.path[: -Page.steplen] != translation.path
        ]
        first = min(
            tried,
            key=lambda other: (other.code != settings.LANGUAGE_CODE, other.pk),
            default=None,
        )
        return first is not None and first.pk == child.pk

    def url(self, page, code):
        slugs = []
        child = None
        path = page.path
        while path in self.rows:
            row = self.rows[path]
            found = self.here.get((row.translation_key, code))
            if found is not None:
                translation = self.page(found)
                url = translation.get_url(self.request)
                if not slugs:
                    return url
                if url is None or not routes_across_translations(translation):
                    break
                if (found.path, slugs[-1], code) in self.taken:
                    break  # a page of the visitor's language is there: this one keeps its own
                if not self.reached_first(found, child):
                    break  # another language's page with its slug is there: the same
                return url + "/".join(reversed(slugs)) + "/"
            slugs.append(row.slug)
            child = row
            path = path[: -Page.steplen]
        return page.get_url(self.request)


def visitor_url(page, request=None, code=None):
    """The address of `page` for a visitor in `code` (the active language by default)."""
    code = code or get_language()
    known = getattr(page, "visitor_urls", {})
    if code in known:
        return known[code]
    return Addresses([page], [code], request).url(page, code)


def attach_visitor_urls(pages, request=None):
    """Give each of `pages` its address in the active language (read by `visitor_url`)."""
    pages = list(pages)
    code = get_language()
    found = Addresses(pages, [code], request)
    for page in pages:
        page.visitor_urls = {code: found.url(page, code)}
    return pages


def trail(page, request=None, code=None):
    """The pages above `page` a visitor can go back to, as the visitor reads them: each one's
    translation in their language where it has one, else the page itself; with its address."""
    from directory.models import CountryPage  # the models import this module

    code = code or get_language()
    holders = CountryPage.objects.filter(code="").values("pk")
    ancestors = list(
        page.get_ancestors().filter(depth__gt=1).exclude(pk__in=holders).select_related("locale")
    )
    found = Addresses(ancestors, [code], request)
    crumbs = []
    for ancestor in ancestors:
        shown = found.translation(ancestor, code) or ancestor
        crumbs.append({"page": shown, "url": found.url(ancestor, code), "live": shown.live})
    return crumbs
