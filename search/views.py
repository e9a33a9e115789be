from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.search.backends import get_search_backend

from core import text
from core.listing import shown_window
from directory import listing_rows
from directory.addresses import attach_visitor_urls, visitor_url
from directory.filters import ALL, ORGANISATION_KIND
from directory.listing import one_per_translation, request_locales
from directory.models import ExpertiseCategory, ListingRow, OrganisationPage
from directory.presentation import active_filters, listing
from directory.search import DirectorySearch

from . import downloads
from .forms import SearchForm

SUGGESTIONS = 8


@require_GET
def search(request):
    locales = request_locales(request)
    form = SearchForm(request.GET, locales, scope=ALL)
    engine = DirectorySearch(form, locales, window=shown_window(request))
    results, filters, query = listing(request, form, engine)
    context = {
        "form": form,
        "engine": engine,
        "results": results,
        "filters": filters,
        "active_filters": active_filters(form, query),
        "query": query.urlencode(),
        "searched": bool(engine.query_text or form.active),
    }
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def download(request, extension):
    """The results of the search with this query string, as CSV or XLSX (`search.downloads`)."""
    if extension == "xlsx":
        return downloads.download_xlsx(request)
    return downloads.download_csv(request)


@require_GET
def suggest(request):
    """Type-ahead: categories and organisation names that start with what was typed."""
    typed = " ".join(text.words(request.GET.get("q", "")))
    if len(typed) < 2:
        return JsonResponse({"suggestions": []})
    locales = request_locales(request)
    locale, default = locales.active, locales.default
    categories = one_per_translation(
        ExpertiseCategory.objects.filter(name__icontains=typed), locale, default
    ).order_by("name")[:SUGGESTIONS]
    # The organisations the visitor's listings show, one version each (their listing rows): read
    # from one narrow table rather than working the versions out from the page tree.
    listing_rows.current()
    candidates = ListingRow.objects.filter(
        language=locale.language_code, listing=listing_rows.DIRECTORY, kind=ORGANISATION_KIND
    )
    backend = get_search_backend()
    if hasattr(backend, "autocompleted_rows"):  # the index looked up first (PostgreSQL)
        found = backend.autocompleted_rows(candidates, OrganisationPage, typed, SUGGESTIONS)
    else:
        matching = OrganisationPage.objects.filter(pk__in=candidates.values("page_id"))
        found = [page.pk for page in matching.autocomplete(typed)[:SUGGESTIONS]]
    organisations = attach_visitor_urls(
        OrganisationPage.objects.filter(pk__in=found).select_related("locale"), request
    )
    suggestions = [{"label": term.name, "kind": "category"} for term in categories]
    suggestions += [
        {
            "label": page.title,
            "kind": "organisation",
            "url": visitor_url(page, request),
            "lang": page.locale.language_code,
        }
        for page in organisations
    ]
    response = JsonResponse({"suggestions": suggestions})
    response["Cache-Control"] = "public, max-age=300"
    response["Vary"] = "Accept-Language"
    return response
