"""The HSDS 3.0 API (`/api/hsds/`), read-only, in one language per response.

The language: `?lang=`, else the request's Accept-Language (or language cookie), else English
(`response_language`). Anonymous GETs are kept by the page cache (`core.page_cache`: per
language, path and query, purged whenever anything is published), which also marks them
public for a proxy; each client may ask PORTAL_HSDS_RATE_LIMIT uncached answers per
PORTAL_HSDS_RATE_WINDOW seconds. Every answer says `Access-Control-Allow-Origin: *`.
"""

import math
from datetime import datetime
from uuid import UUID

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query, Schema
from ninja.errors import ValidationError
from pydantic import Field

from core.facets import LazyResults
from directory.filters import ANY_SERVICE_KIND
from directory.search import DirectorySearch
from opendata.hsds import (
    TAXONOMIES,
    VOCABULARIES,
    Directory,
    Records,
    within_limit,
)

HSDS_VERSION = "3.0"
PROFILE = "https://docs.openreferral.org/en/v3.0/hsds/"
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 50


class HsdsApi(NinjaAPI):
    """Every answer open to other sites' scripts (CORS), and said in which language."""

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        response["Access-Control-Allow-Origin"] = "*"
        request.urlconf = "opendata.urls"  # a 404 stays a 404 (see opendata/urls.py)
        language = getattr(request, "hsds_language", None)
        if language:
            response["Content-Language"] = language
        patch_vary_headers(response, ["Accept-Language"])
        return response


api = HsdsApi(
    title="MoreThanAJob: Open Referral HSDS 3.0",
    version=HSDS_VERSION,
    description=(
        "The directory's organisations, services, their places and vocabularies as Open "
        "Referral Human Services Data Specification 3.0 records. Read-only; one language per "
        "answer (`lang`, else Accept-Language, else English); ids are the same in every language. "
        "Organisation records may also hold properties of the portal's own, named `x_...` "
        "(such as the networks an organisation belongs to), described on the open data page."
    ),
    urls_namespace="hsds",
    docs_url=None,
    openapi_url=None,  # served below, as every answer is: open to other sites
)


class BadRequest(Exception):
    def __init__(self, message, status=400):
        super().__init__(message)
        self.message, self.status = message, status


@api.exception_handler(BadRequest)
def bad_request(request, exc):
    return api.create_response(request, {"detail": exc.message}, status=exc.status)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    problems = [
        f"{'.'.join(str(part) for part in error.get('loc', [])[1:]) or 'request'}: {error['msg']}"
        for error in exc.errors
    ]
    return api.create_response(
        request, {"detail": _("Some parameters are not valid."), "errors": problems}, status=400
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


def response_language(request, lang):
    codes = [code for code, _name in settings.LANGUAGES]
    if lang:
        if lang not in codes:
            raise BadRequest(
                _("Unknown language %(lang)s: use one of %(codes)s.")
                % {"lang": lang, "codes": ", ".join(codes)}
            )
        return lang
    language = get_language_from_request(request)
    return language if language in codes else settings.LANGUAGE_CODE


def begin(request, lang):
    """Checks the client's limit, settles the answer's language and activates it."""
    if not within_limit(request):
        raise BadRequest(
            _("Too many requests from your connection: please wait a minute and try again."),
            status=429,
        )
    language = response_language(request, lang)
    request.hsds_language = language
    translation.activate(language)
    return Directory(language)


class Paging(Schema):
    page: int = Field(1, ge=1, le=100000, description="The page of results, from 1.")
    per_page: int = Field(
        DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE, description="Results per page (at most 100)."
    )
    lang: str = Field("", description="The answer's language (en, it, el, ar...).")


class ServiceFilters(Paging):
    search: str = Field("", max_length=200, description="Words, as the portal's search reads them.")
    taxonomy_term_id: UUID | None = None
    taxonomy_id: UUID | None = None
    organization_id: UUID | None = None
    modified_after: datetime | None = None
    country: str = Field("", pattern=r"^([A-Za-z]{2})?$", description="A country code (IT).")


def envelope(total, paging, contents):
    pages = max(1, math.ceil(total / paging.per_page)) if total else 0
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": paging.page,
        "size": len(contents),
        "first_page": paging.page == 1,
        "last_page": paging.page >= pages,
        "empty": not contents,
        "contents": contents,
    }


class SearchForm:
    """What the directory's search engine reads of a form: the words and the filters."""

    filter_names = ()  # nothing is counted
    fields = {}

    def __init__(self, words, values):
        self.cleaned_data = {"q": words}
        self.values = values
        self.regions = {}


def filtered(directory, rows, filters):
    """The rows passing every filter but the words; filter values that name nothing: none."""
    from directory.models import ListingTerm  # noqa: I001 - read only here

    if filters.country:
        rows = rows.filter(country=filters.country.lower())
    if filters.taxonomy_term_id:
        vocabulary, term = directory.term(filters.taxonomy_term_id)
        if vocabulary not in VOCABULARIES:
            return rows.none()
        rows = rows.filter(
            page_id__in=ListingTerm.objects.filter(
                vocabulary=vocabulary.slug, slug=term.slug
            ).values("page_id")
        )
    if filters.taxonomy_id:
        vocabulary = next((v for v in VOCABULARIES if v.id == str(filters.taxonomy_id)), None)
        if vocabulary is None:
            return rows.none()
        rows = rows.filter(
            page_id__in=ListingTerm.objects.filter(vocabulary=vocabulary.slug).values("page_id")
        )
    if filters.organization_id:
        organisations = directory.organisation_pages(filters.organization_id)
        if not organisations:
            return rows.none()
        rows = rows.filter(directory.under(organisations))
    if filters.modified_after:
        rows = rows.filter(page__last_published_at__gt=filters.modified_after)
    return rows


def filtering(filters):
    """Whether a list is narrowed by any filter but the words."""
    return bool(
        filters.country
        or filters.taxonomy_term_id
        or filters.taxonomy_id
        or filters.organization_id
        or filters.modified_after
    )


def page_of(directory, rows, filters, services=True, whole=None):
    """(total, the page's ids in order), searching words with the portal's search engine.
    `whole` names the directory's figure that counts `rows` ("services", "organisations"),
    read instead of counting them when no filter narrows the list (`Directory.total`)."""
    narrowed = filtering(filters)
    rows = filtered(directory, rows, filters)
    start = (filters.page - 1) * filters.per_page
    if not filters.search.strip():
        total = directory.total(rows, None if narrowed else whole)
        ids = list(
            directory.ordered(rows).values_list("page_id", flat=True)[
                start : start + filters.per_page
            ]
        )
        return total, ids
    values = {"kind": ANY_SERVICE_KIND if services else "organisation"}
    engine = DirectorySearch(SearchForm(filters.search, values), directory.locales)
    ranked = engine.results()
    if isinstance(ranked, LazyResults):
        # Ranked in the database: the other filters join the ranked rows, paged there too.
        passing = ranked.rows.filter(page_id__in=rows.values("page_id"))
        return passing.count(), list(passing[start : start + filters.per_page])
    passing = set(rows.filter(page_id__in=ranked).values_list("page_id", flat=True))
    ids = [pk for pk in ranked if pk in passing]
    return len(ids), ids[start : start + filters.per_page]


# Endpoints -------------------------------------------------------------------------------------


@api.get("/", summary="About this API")
def about(request, lang: str = ""):
    begin(request, lang)
    return {
        "version": HSDS_VERSION,
        "profile": PROFILE,
        "openapi_url": request.build_absolute_uri(reverse("hsds:openapi-json")),
    }


@api.get("/openapi.json", include_in_schema=False, url_name="openapi-json")
def openapi(request):
    return api.get_openapi_schema()


@api.get("/services", summary="Services and opportunities")
def services(request, filters: Query[ServiceFilters]):
    directory = begin(request, filters.lang)
    total, ids = page_of(directory, directory.service_rows(), filters, whole="services")
    records = Records(directory, request)
    return envelope(total, filters, [records.service(page) for page in directory.services(ids)])


@api.get("/services/{id}", summary="One service, in full")
def service(request, id: UUID, lang: str = ""):
    directory = begin(request, lang)
    page_id = directory.version_of(id)
    if page_id is None:
        raise Http404
    return Records(directory, request).service(directory.services([page_id])[0], full=True)


@api.get("/organizations", summary="Organisations")
def organizations(request, filters: Query[ServiceFilters]):
    directory = begin(request, filters.lang)
    filters.organization_id = None  # an organisation is not under itself
    total, ids = page_of(
        directory, directory.organisation_rows(), filters, services=False, whole="organisations"
    )
    records = Records(directory, request)
    return envelope(
        total, filters, [records.organisation(page) for page in directory.organisations(ids)]
    )


@api.get("/organizations/{id}", summary="One organisation, in full")
def organization(request, id: UUID, lang: str = ""):
    directory = begin(request, lang)
    page_id = directory.version_of(id, organisation=True)
    if page_id is None:
        raise Http404
    page = directory.organisations([page_id])[0]
    return Records(directory, request).organisation(page, full=True)


@api.get("/service_at_locations", summary="Services where they take place")
def service_at_locations(request, filters: Query[ServiceFilters]):
    directory = begin(request, filters.lang)
    rows = directory.service_rows().exclude(delivery="online")
    total, ids = page_of(directory, rows, filters)
    records = Records(directory, request)
    return envelope(
        total, filters, [records.service_at_location(page) for page in directory.services(ids)]
    )


@api.get("/service_at_locations/{id}", summary="One service where it takes place")
def service_at_location(request, id: UUID, lang: str = ""):
    directory = begin(request, lang)
    page_id = directory.version_of(id)
    page = directory.services([page_id])[0] if page_id is not None else None
    if page is None or page.delivery == "online":
        raise Http404
    return Records(directory, request).service_at_location(page)


@api.get("/taxonomies", summary="The vocabularies")
def taxonomies(request, paging: Query[Paging]):
    directory = begin(request, paging.lang)
    records = Records(directory, request)
    every = [records.taxonomy(vocabulary) for vocabulary in TAXONOMIES]
    start = (paging.page - 1) * paging.per_page
    return envelope(len(every), paging, every[start : start + paging.per_page])


@api.get("/taxonomies/{id}", summary="One vocabulary")
def taxonomy(request, id: UUID, lang: str = ""):
    directory = begin(request, lang)
    for vocabulary in TAXONOMIES:
        if vocabulary.id == str(id):
            return Records(directory, request).taxonomy(vocabulary)
    raise Http404


class TermFilters(Paging):
    taxonomy_id: UUID | None = None


@api.get("/taxonomy_terms", summary="The vocabularies' terms")
def taxonomy_terms(request, filters: Query[TermFilters]):
    directory = begin(request, filters.lang)
    records = Records(directory, request)
    every = [
        records.taxonomy_term(vocabulary, term)
        for vocabulary in TAXONOMIES
        if not filters.taxonomy_id or vocabulary.id == str(filters.taxonomy_id)
        for term in directory.terms(vocabulary)
    ]
    start = (filters.page - 1) * filters.per_page
    return envelope(len(every), filters, every[start : start + filters.per_page])


@api.get("/taxonomy_terms/{id}", summary="One term")
def taxonomy_term(request, id: UUID, lang: str = ""):
    directory = begin(request, lang)
    vocabulary, term = directory.term(id)
    if term is None:
        raise Http404
    return Records(directory, request).taxonomy_term(vocabulary, term)
