"""The public side of the subscriptions: the forms' posts, and the pages of the signed links.

The forms sit on pages kept in the page cache, without a CSRF token: as the message form to an
organisation does (directory/views.py, core/csrf.py), their views are exempt from the
middleware's check and run it themselves, answering a refusal with the form as it was filled
and a fresh token (403). Robots (the hidden field): 400, nothing stored. Mistakes: 400 with the
form. Too many from one connection or for one address: 429. Sent: the same "check your email"
page whatever the address.

The unsubscribe link answers a GET with a button only (link scanners open links); its POST, the
button's or a mail program's one-click (RFC 8058: no cookie, no token), unsubscribes.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.csrf import csrf_refusal
from core.ratelimit import TOO_MANY, RateLimit

from . import links, subscribing
from .forms import ManageForm, SearchAlertForm, SubscribeForm
from .models import Listing, describe_search


def _refused_token_message():
    return _(
        "You are not subscribed yet: for your security, please check the form and send it again."
    )


def rate_limit(request, email):
    return RateLimit(
        "subscribe",
        request,
        email,
        limit=settings.PORTAL_SUBSCRIBE_RATE_LIMIT,
        window=settings.PORTAL_SUBSCRIBE_RATE_WINDOW,
    )


def _form_page(request, form, status):
    return render(request, "subscriptions/subscribe.html", {"form": form}, status=status)


def _post(request, form):
    """The common answer of the two forms once bound: an error page, or "check your email"."""
    valid = form.is_valid()
    if csrf_refusal(request) is not None:
        form.add_error(None, _refused_token_message())
        return _form_page(request, form, 403)
    if form.is_spam:
        return _form_page(request, form, 400)
    limit = rate_limit(request, form.cleaned_data.get("email", ""))
    if not limit.take():
        form.add_error(None, TOO_MANY)
        return _form_page(request, form, 429)
    if not valid:
        return _form_page(request, form, 400)
    subscribing.request_subscription(form.cleaned_data["email"], form.choices())
    response = redirect("subscriptions_sent")
    response.status_code = 303  # See Other: a reload does not send the form again
    return response


@csrf_exempt  # checked in _post, so that a refused form is shown again rather than lost
@require_POST
def subscribe(request):
    return _post(request, SubscribeForm(request.POST, request=request))


@csrf_exempt  # checked in _post, as for subscribe
@require_POST
def search_alert(request):
    return _post(request, SearchAlertForm(request.POST))


@never_cache
def sent(request):
    return render(request, "subscriptions/sent.html", {"days": links.link_days()})


def _refused(request, refused):
    return render(
        request, "subscriptions/refused.html", {"message": refused.message}, status=refused.status
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET: what will be confirmed, and a button; POST: confirmed."""
    try:
        subscriber, payload = links.read_confirm(token)
    except links.LinkRefused as refused:
        return _refused(request, refused)
    if request.method != "POST":
        search = payload["c"].get("search")
        if search:
            search = describe_search(search.get("n", Listing.SEARCH), search["q"], search["f"])
        return render(
            request, "subscriptions/confirm.html", {"subscriber": subscriber, "search": search}
        )
    subscriber = subscribing.confirm(subscriber, payload["c"])
    return redirect("subscriptions_manage", links.manage_token(subscriber))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    try:
        subscriber, _payload = links.read_manage(token)
    except links.LinkRefused as refused:
        return _refused(request, refused)
    if request.method == "POST" and "end_all" in request.POST:
        subscribing.unsubscribe(subscriber, subscriber.subscriptions.all())
        return render(request, "subscriptions/unsubscribed.html")
    form = ManageForm(
        request.POST if request.method == "POST" else None,
        subscriber=subscriber,
        request=request,
    )
    if request.method == "POST":
        if not form.is_valid():
            return render(
                request,
                "subscriptions/manage.html",
                {"form": form, "subscriber": subscriber},
                status=400,
            )
        if subscribing.change(subscriber, form.cleaned_data) is None:
            return render(request, "subscriptions/unsubscribed.html")
        response = redirect(f"{reverse('subscriptions_manage', args=[token])}?saved=1")
        response.status_code = 303
        return response
    return render(
        request,
        "subscriptions/manage.html",
        {"form": form, "subscriber": subscriber, "saved": request.GET.get("saved")},
    )


@csrf_exempt  # RFC 8058: mail programs post without a cookie or a token; the link is the key
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        subscriber, subscriptions = links.read_unsubscribe(token)
    except links.LinkRefused as refused:
        return _refused(request, refused)
    if request.method != "POST":
        return render(
            request,
            "subscriptions/unsubscribe.html",
            {
                "subscriber": subscriber,
                "subscriptions": list(subscriptions),
                "manage_url": links.manage_url(subscriber),
            },
        )
    subscribing.unsubscribe(subscriber, subscriptions)
    return render(request, "subscriptions/unsubscribed.html")
