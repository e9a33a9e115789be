"""The public side of readers' reactions: the answer's post, the thanks with "What was missing?".

The question sits on every public page, and those pages are kept in the page cache without a CSRF
token: as the subscribe form does (subscriptions/views.py, core/csrf.py), the answer's view is
exempt from the middleware's check and runs it itself. With JavaScript the token is fetched when a
button is pressed (static/js/portal.js); without, the reader is asked to confirm their answer on a
page that carries a fresh token (403), and the second press is taken.

Bad input (an unknown, draft or private page, a view not in feedback/public_views.py, no answer,
a text too long): 400, nothing stored. Too many from one connection: 429. Taken: 303 to the
thanks, in the reader's language, with the "What was missing?" form and a link back to the page.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from core.csrf import csrf_refusal
from core.ratelimit import RateLimit

from .forms import AnswerForm, MissingForm, answer_token, read_token
from .public_views import view_label


def rate_limit(request):
    return RateLimit(
        "feedback",
        request,
        limit=settings.PORTAL_FEEDBACK_RATE_LIMIT,
        window=settings.PORTAL_FEEDBACK_RATE_WINDOW,
    )


def too_many():
    return _(
        "Many answers have come from your connection in a short time. Thank you: please try "
        "again in an hour."
    )


def this_month():
    return timezone.localdate().replace(day=1)


def reader_language():
    codes = [code for code, _name in settings.LANGUAGES]
    language = get_language()
    return language if language in codes else codes[0]


def about(request, page, view):
    """The title and the address of what an answer is about: a page, or a public view."""
    if page is not None:
        return {"about_title": page.title, "back_url": page.get_url(request=request) or ""}
    if view:
        return {"about_title": view_label(view), "back_url": reverse(view)}
    return {"about_title": "", "back_url": ""}


def _answer_page(request, form, status, message=""):
    page, view = form.page, form.view
    return render(
        request,
        "feedback/answer.html",
        {
            "form": form,
            "feedback_page": page,
            "feedback_view": view,
            "message": message,
            **about(request, page, view),
        },
        status=status,
    )


@csrf_exempt  # checked below, so that an answer sent without a token is asked again, not lost
@require_POST
def answer(request):
    form = AnswerForm(request.POST)
    valid = form.is_valid()
    if csrf_refusal(request) is not None:
        return _answer_page(request, form, 403 if valid else 400)
    if not rate_limit(request).take():
        return _answer_page(request, form, 429, too_many())
    if not valid:
        return _answer_page(request, form, 400)
    saved = form.save(this_month(), reader_language())
    url = f"{reverse('feedback_thanks')}?{urlencode({'t': answer_token(saved)})}"
    response = redirect(url)
    response.status_code = 303  # See Other: a reload does not answer again
    return response


def _thanks_page(request, answer, form, status=200, message=""):
    page = answer.page if answer else None
    return render(
        request,
        "feedback/thanks.html",
        {
            "answer": answer,
            "form": form,
            "message": message,
            **about(request, page, answer.view if answer else ""),
        },
        status=status,
    )


@never_cache
@require_GET
def thanks(request):
    token = request.GET.get("t", "")
    answer = read_token(token)
    if answer is None:
        return _thanks_page(request, None, None, status=404)
    form = None if answer.missing else MissingForm(initial={"token": token})
    return _thanks_page(request, answer, form)


@csrf_exempt  # checked below, so that a refused text is shown again rather than lost
@never_cache
@require_POST
def missing(request):
    form = MissingForm(request.POST)
    valid = form.is_valid()
    answer = form.answer
    if csrf_refusal(request) is not None:
        return _thanks_page(request, answer, form, 403 if valid else 400)
    if not rate_limit(request).take():
        return _thanks_page(request, answer, form, 429, too_many())
    if not valid:
        return _thanks_page(request, answer, form, 400)
    form.save()
    url = f"{reverse('feedback_thanks')}?{urlencode({'t': form.cleaned_data['token']})}"
    response = redirect(url)
    response.status_code = 303
    return response
