from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.csrf import csrf_refusal
from core.ratelimit import TOO_MANY, RateLimit
from directory import emails
from directory.addresses import visitor_url
from directory.enquiries import FORM_ID, EnquiryForm, rate_limit, receive_enquiry, recipient_for
from directory.events import EMAIL_CONFIRMED, announce
from directory.listing import request_locales
from directory.registration import (
    RegistrationForm,
    ResendForm,
    account_with_email,
    awaiting_confirmation,
    register_organisation,
    user_for_token,
)


@require_http_methods(["GET", "POST"])
def register(request):
    """The registration form. Filled in, the answer is "check your email" whether or not the
    address already has an account, so that nobody can find out who has registered; only a new
    address gets an account and a link. An account whose address was never confirmed gets a
    fresh link (its registration stands as it was), a confirmed account's owner an email saying
    someone tried. At most PORTAL_REGISTRATION_RATE_LIMIT per client address and per email
    address in the window (429)."""
    locales = request_locales(request)
    if request.method == "POST":
        form = RegistrationForm(request.POST, locales=locales)
        if not form.is_valid():
            return render(request, "directory/register.html", {"form": form}, status=400)
        email = form.cleaned_data["email"]
        limit = RateLimit.for_account(
            "registration", request, email, settings.PORTAL_REGISTRATION_RATE_LIMIT
        )
        if not limit.take():
            form.add_error(None, TOO_MANY)
            return render(request, "directory/register.html", {"form": form}, status=429)
        # Both answers do the same work, so that their timing says nothing either: the
        # password is hashed, and one email is written to the outbox for the address (its
        # verification link, or, to an account's owner, word that someone tried).
        password_hash = make_password(form.cleaned_data["password"])
        account = account_with_email(email)
        unconfirmed = awaiting_confirmation(account)
        try:
            with transaction.atomic():
                if account is None:
                    user, page, _account = register_organisation(form.cleaned_data, password_hash)
                    emails.send_verification(request, user, page, language=get_language())
                elif unconfirmed is not None:
                    emails.send_verification(request, account, unconfirmed, language=get_language())
                else:
                    emails.send_existing_account(account, language=get_language())
        except IntegrityError:  # the same address registered at the same moment
            pass
        return redirect("register_sent")
    return render(request, "directory/register.html", {"form": RegistrationForm(locales=locales)})


def register_sent(request):
    return render(request, "directory/register_sent.html")


@require_http_methods(["POST"])
def resend_verification(request):
    """A new link for an account not yet confirmed. The answer is the same whether or not the
    address is known, so that nobody can find out who has registered. At most
    PORTAL_RESEND_RATE_LIMIT per client address and per email address in the window (429)."""
    form = ResendForm(request.POST)
    if not form.is_valid():
        return render(request, "directory/register_verify_failed.html", {"form": form}, status=400)
    email = form.cleaned_data["email"]
    limit = RateLimit.for_account("resend", request, email, settings.PORTAL_RESEND_RATE_LIMIT)
    if not limit.take():
        form.add_error(None, TOO_MANY)
        return render(request, "directory/register_verify_failed.html", {"form": form}, status=429)
    user = (
        get_user_model()
        .objects.filter(email__iexact=email, is_active=False, last_login=None)
        .first()
    )
    page = awaiting_confirmation(user)
    if page is not None:
        with transaction.atomic():
            emails.send_verification(request, user, page, language=get_language())
    return redirect("register_sent")


def verify_email(request, token):
    user = user_for_token(token)
    if user is None:
        return render(request, "directory/register_verify_failed.html", status=400)
    if not user.is_active:
        with transaction.atomic():
            user.is_active = True
            user.save(update_fields=["is_active"])
            welcome = emails.send_welcome(user)
            if welcome is not None:
                announce(EMAIL_CONFIRMED, welcome.organisation, user=user)
    messages.success(request, _("Your email address is confirmed. You can now sign in."))
    return render(
        request,
        "directory/register_verified.html",
        {"login_url": reverse("wagtailadmin_login"), "site_name": settings.WAGTAIL_SITE_NAME},
    )


@never_cache
@require_safe
def enquiry_token(request):
    """The CSRF token the message form fetches when it is sent: the pages it is on are kept in
    caches, so they carry none (core/csrf.py). Never cached; sets the CSRF cookie."""
    return JsonResponse({"token": get_token(request)})


@csrf_exempt  # checked below, so that a refused message is shown again rather than lost
@require_POST
def enquiry(request, page_id):
    """A citizen's message to an organisation, from the form on its page or a service's page.

    Sent: back to the page (303), at the form, which thanks them. Mistakes: the page again with
    the form and its messages (400). A robot: 400 and nothing kept. Too many: 429. Sent without
    a valid CSRF token (a page kept in a cache, without JavaScript, or left open for long): the
    page again with the form as it was written and a fresh token, to send again (403).
    """
    recipient = recipient_for(page_id)
    if recipient is None or not all(
        restriction.accept_request(request)
        for restriction in recipient.page.get_view_restrictions()
    ):
        raise Http404
    form = EnquiryForm(request.POST)
    valid = form.is_valid()
    if csrf_refusal(request) is not None:
        form.add_error(
            None,
            _(
                "Your message has not been sent yet: for your security, please check it and "
                "press “Send the message” again."
            ),
        )
        return _page_with_form(request, recipient, form, status=403)
    if form.is_spam:
        return _page_with_form(request, recipient, form, status=400)
    limit = rate_limit(request, form.cleaned_data.get("email", ""))
    if limit.exceeded():
        form.add_error(
            None,
            _(
                "Many messages have been sent from your connection or your email address in a "
                "short time. To protect organisations from spam, please try again later, or "
                "contact the organisation by phone."
            ),
        )
        return _page_with_form(request, recipient, form, status=429)
    if not valid:
        return _page_with_form(request, recipient, form, status=400)

    # Back where the citizen wrote from: the page at their language's address.
    page_url = visitor_url(recipient.page, request)
    receive_enquiry(
        recipient,
        form.cleaned_data,
        page_url=recipient.page.get_full_url(request),
        language=get_language(),
    )
    limit.count()
    messages.success(
        request,
        _(
            "Thank you, your message has been sent to %(organisation)s. They will answer you by "
            "email at %(email)s."
        )
        % {
            # Named as the form's heading named it: its translation into the visitor's language.
            "organisation": recipient.organisation.localized.title,
            "email": form.cleaned_data["email"],
        },
        extra_tags=FORM_ID,
    )
    response = redirect(f"{page_url}#{FORM_ID}")
    response.status_code = 303  # See Other: a reload does not post the message again
    return response


def _page_with_form(request, recipient, form, status):
    """The organisation's or service's page, with the form as the citizen filled it."""
    response = recipient.page.serve(request)
    response.context_data["enquiry_form"] = form
    response.status_code = status
    return response
