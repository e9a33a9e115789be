"""The answers of the yearly check's email: one signed link each, no sign-in needed.

"Still accurate" is recorded by the link itself (one click). "Needs changes" is recorded and
leads to the page's editor (the admin asks to sign in). "No longer offered" shows a confirmation
page; only its form (POST) unpublishes the service. A link refused (changed, expired, used, or
about another organisation's service) changes nothing and says why. Never cached.
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .checks import Link, LinkRefused
from .models import Answer


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def answer(request, token):
    try:
        link = Link(token)
        link.refuse_if_used()
        if link.answer == Answer.GONE and request.method != "POST":
            return render(request, "freshness/confirm_gone.html", {"page": link.page})
        if request.method == "POST" and link.answer != Answer.GONE:
            raise LinkRefused(405, gettext("This link is answered by opening it, not by a form."))
        if request.method == "HEAD":
            return render(request, "freshness/answered.html", {"page": link.page})
        link.record(by=request.user)
    except LinkRefused as refused:
        context = {"message": refused.message}
        return render(request, "freshness/refused.html", context, status=refused.status)
    if link.answer == Answer.CHANGES:
        return redirect(reverse("wagtailadmin_pages:edit", args=[link.page.pk]))
    return render(request, "freshness/answered.html", {"page": link.page, "answer": link.answer})
