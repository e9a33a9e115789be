from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from directory.listing import Locales, one_per_translation
from opendata.hsds import within_limit
from opendata.models import OpenDataPage
from opendata.tabular import package


def open_data(request):
    """The open data page in the visitor's language (else English, else any): the footer's link."""
    locales = Locales()
    try:
        here = locales.get(get_language() or settings.LANGUAGE_CODE)
    except (KeyError, LookupError):
        here = locales.default
    page = one_per_translation(OpenDataPage.objects.live(), here, locales.default).first()
    if page is None:
        raise Http404
    return redirect(page.get_url(request=request))


def tabular_package(request, lang):
    """The HSDS tabular data package of the directory in `lang`, a zip of CSV files."""
    if lang not in dict(settings.LANGUAGES):
        raise Http404
    if not within_limit(request):
        return HttpResponse(status=429)
    response = HttpResponse(package(lang, request), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="morethanajob-hsds-{lang}.zip"'
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=0, s_maxage=300)
    return response
