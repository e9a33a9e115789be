"""The public pages of mentoring, in the visitor's language.

/mentoring/ and /mentoring/become-a-mentor/ are forms for anyone (a token in the page, so they
are never kept in the page cache; a hidden field against robots; at most
PORTAL_MENTORING_RATE_LIMIT per client address and per email address a window: 429). Filled
in, they answer "check your email": the link emailed is the person's only way to their page.

/mentoring/me/<token>/ is a mentee's page and /mentoring/mentor/<token>/ a mentor's: the signed
token names the person (links.py), and every action on a request or a mentorship looks it up
among that person's own, so another's request by its number is a 404. A link changed or of a
person deleted: 404. Contact details are shown only within a mentorship.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from core.ratelimit import TOO_MANY, RateLimit

from . import links, mail, reminders, requests
from .forms import (
    DeclineForm,
    EndForm,
    MenteeForm,
    MentorForm,
    MentorProfileForm,
    RequestForm,
    SessionForm,
)
from .models import EndedBy, MentoringRequest, Mentorship, MentorshipState, RequestState
from .proposals import proposals
from .registration import register_mentee, register_mentor, update_mentor


def _rate_limit(request, scope, email):
    return RateLimit(
        scope,
        request,
        email,
        limit=settings.PORTAL_MENTORING_RATE_LIMIT,
        window=settings.PORTAL_MENTORING_RATE_WINDOW,
    )


def _see_other(url):
    response = redirect(url)
    response.status_code = 303  # a reload does not send the form again
    return response


def _public_form(request, form_class, template, scope, register):
    if request.method != "POST":
        return render(request, template, {"form": form_class(request=request)})
    form = form_class(request.POST, request=request)
    valid = form.is_valid()
    if form.is_spam:
        return render(request, template, {"form": form}, status=400)
    if not _rate_limit(request, scope, form.cleaned_data.get("email", "")).take():
        form.add_error(None, TOO_MANY)
        return render(request, template, {"form": form}, status=429)
    if not valid:
        return render(request, template, {"form": form}, status=400)
    register(form.cleaned_data, get_language())
    return _see_other(reverse("mentoring_sent"))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def mentee_form(request):
    return _public_form(
        request, MenteeForm, "mentoring/mentee_form.html", "mentoring_mentee", register_mentee
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def mentor_form(request):
    return _public_form(
        request, MentorForm, "mentoring/mentor_form.html", "mentoring_mentor", register_mentor
    )


@never_cache
def sent(request):
    return render(request, "mentoring/sent.html")


def _mentee(token):
    mentee = links.read_mentee(token)
    if mentee is None:
        raise Http404(_("This link does not work."))
    return mentee


def _mentor(token):
    mentor = links.read_mentor(token)
    if mentor is None:
        raise Http404(_("This link does not work."))
    return mentor


def _mentee_page(request, mentee, token, form=None, error="", end_form=None, status=200):
    own = MentoringRequest.objects.filter(mentee=mentee).select_related("mentor")
    open_requests = [row for row in own if row.state == RequestState.REQUESTED]
    mentorship = (
        Mentorship.objects.filter(mentee=mentee, state=MentorshipState.ACTIVE)
        .select_related("mentor")
        .first()
    )
    places = max(requests.max_open_requests() - len(open_requests), 0)
    proposed = [] if mentorship or not places else proposals(mentee)
    if form is None:
        form = RequestForm(proposals=proposed, places=places)
    return render(
        request,
        "mentoring/mentee_page.html",
        {
            "mentee": mentee,
            "token": token,
            "mentorship": mentorship,
            "open_requests": open_requests,
            "closed_requests": [row for row in own if row.state != RequestState.REQUESTED],
            "proposals": proposed,
            "places": places,
            "form": form,
            "error": error,
            "end_form": end_form or EndForm(),
            "request_days": requests.request_days(),
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def mentee_page(request, token):
    """The mentee's proposals and requests; POST: ask the mentors chosen."""
    mentee = _mentee(token)
    if request.method != "POST":
        return _mentee_page(request, mentee, token)
    open_count = MentoringRequest.objects.filter(
        mentee=mentee, state=RequestState.REQUESTED
    ).count()
    places = max(requests.max_open_requests() - open_count, 0)
    proposed = proposals(mentee)
    form = RequestForm(request.POST, proposals=proposed, places=places)
    if not form.is_valid():
        return _mentee_page(request, mentee, token, form=form, status=400)
    by_pk = {mentor.pk: mentor for mentor in proposed}
    sent_requests, error = [], ""
    # Each request is written with its email to the mentor, and the mentee's summary with the
    # requests it names: a failure undoes what would otherwise go untold.
    with transaction.atomic():
        for pk in form.cleaned_data["mentors"]:
            try:
                with transaction.atomic():
                    sent_request = requests.send_request(
                        mentee, by_pk[pk], form.cleaned_data["message"]
                    )
                    mail.send_new_request(sent_request)
            except requests.MentoringRefused as refused:
                error = refused.messages[0]
                break
            sent_requests.append(sent_request)
        if sent_requests:
            mail.send_requests_sent(mentee, sent_requests)
            if mentee.confirmed_at is None:
                mentee.confirmed_at = sent_requests[0].created_at
                mentee.save(update_fields=["confirmed_at"])
    if error:
        return _mentee_page(request, mentee, token, error=error, status=409)
    return _see_other(reverse("mentoring_mentee", args=[token]))


@never_cache
@require_POST
def withdraw(request, token, request_id):
    mentee = _mentee(token)
    own = get_object_or_404(MentoringRequest, pk=request_id, mentee=mentee)
    try:
        requests.withdraw(own)
    except requests.MentoringRefused as refused:
        return _mentee_page(request, mentee, token, error=refused.messages[0], status=409)
    return _see_other(reverse("mentoring_mentee", args=[token]))


def _mentor_page(
    request, mentor, token, error="", decline_form=None, mentorship_form=None, status=200
):
    """`mentorship_form`: (mentorship pk, "session" or "end", the form with its errors)."""
    own = (
        MentoringRequest.objects.filter(mentor=mentor)
        .filter(Q(state=RequestState.REQUESTED))
        .select_related("mentee")
        .prefetch_related("mentee__expertise")
    )
    mentorships = list(
        Mentorship.objects.filter(mentor=mentor)
        .select_related("mentee")
        .prefetch_related("sessions")
    )
    for mentorship in mentorships:
        pk = mentorship.pk
        mentorship.session_form = SessionForm(prefix=f"session-{pk}")
        mentorship.end_form = EndForm(prefix=f"end-{pk}")
        if mentorship_form and mentorship_form[0] == pk:
            setattr(mentorship, f"{mentorship_form[1]}_form", mentorship_form[2])
    return render(
        request,
        "mentoring/mentor_page.html",
        {
            "mentor": mentor,
            "token": token,
            "open_requests": list(own),
            "mentorships": mentorships,
            "error": error,
            "decline_form": decline_form,
            "free_places": requests.free_places(mentor),
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def mentor_page(request, token):
    """The mentor's approval, the requests waiting and their mentorships."""
    return _mentor_page(request, _mentor(token), token)


@never_cache
@require_POST
def accept(request, token, request_id):
    mentor = _mentor(token)
    own = get_object_or_404(MentoringRequest, pk=request_id, mentor=mentor)
    try:
        with transaction.atomic():  # the acceptance and its emails, or nothing
            mentorship, superseded = requests.accept(own)
            mail.send_accepted(mentorship)
            for other in superseded:
                mail.send_superseded(other)
    except requests.MentoringRefused as refused:
        return _mentor_page(request, mentor, token, error=refused.messages[0], status=409)
    return _see_other(reverse("mentoring_mentor", args=[token]))


@never_cache
@require_POST
def decline(request, token, request_id):
    mentor = _mentor(token)
    own = get_object_or_404(MentoringRequest, pk=request_id, mentor=mentor)
    form = DeclineForm(request.POST, prefix=f"decline-{own.pk}")
    if not form.is_valid():
        return _mentor_page(request, mentor, token, decline_form=(own.pk, form), status=400)
    try:
        with transaction.atomic():  # the decline and its email, or nothing
            declined = requests.decline(own, form.cleaned_data["reason"])
            mail.send_declined(declined)
    except requests.MentoringRefused as refused:
        return _mentor_page(request, mentor, token, error=refused.messages[0], status=409)
    return _see_other(reverse("mentoring_mentor", args=[token]))


@never_cache
@require_POST
def log_session(request, token, mentorship_id):
    """The mentor logs a meeting of one of their active mentorships."""
    mentor = _mentor(token)
    mentorship = get_object_or_404(Mentorship, pk=mentorship_id, mentor=mentor)
    form = SessionForm(request.POST, prefix=f"session-{mentorship.pk}")
    if not form.is_valid():
        return _mentor_page(
            request, mentor, token, mentorship_form=(mentorship.pk, "session", form), status=400
        )
    data = form.cleaned_data
    try:
        requests.log_session(
            mentorship, data["date"], data["minutes"], data["delivery"], data["note"]
        )
    except requests.MentoringRefused as refused:
        return _mentor_page(request, mentor, token, error=refused.messages[0], status=409)
    return _see_other(reverse("mentoring_mentor", args=[token]))


def _end(request, mentorship, ended_by, page, prefix=None):
    form = EndForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return page(form)
    try:
        with transaction.atomic():  # the end and its emails, or nothing
            ended = requests.end(
                mentorship,
                ended_by,
                form.cleaned_data["reason"],
                completed=form.cleaned_data["completed"],
            )
            reminders.tell_mentee_ended(ended)  # whoever ended it; once, however often posted
            if ended_by == EndedBy.MENTEE:  # once: `end` refuses a mentorship already ended
                mail.send_ended_to_mentor(ended)
    except requests.MentoringRefused as refused:
        return page(None, refused.messages[0])
    return None


@never_cache
@require_POST
def mentor_end(request, token, mentorship_id):
    mentor = _mentor(token)
    mentorship = get_object_or_404(Mentorship, pk=mentorship_id, mentor=mentor)

    def page(form, error=""):
        shown = (mentorship.pk, "end", form) if form is not None else None
        return _mentor_page(
            request, mentor, token, error=error, mentorship_form=shown, status=409 if error else 400
        )

    prefix = f"end-{mentorship.pk}"
    return _end(request, mentorship, EndedBy.MENTOR, page, prefix) or _see_other(
        reverse("mentoring_mentor", args=[token])
    )


@never_cache
@require_POST
def mentee_end(request, token):
    """The mentee ends their active mentorship."""
    mentee = _mentee(token)
    mentorship = get_object_or_404(Mentorship, mentee=mentee, state=MentorshipState.ACTIVE)

    def page(form, error=""):
        return _mentee_page(
            request, mentee, token, end_form=form, error=error, status=409 if error else 400
        )

    return _end(request, mentorship, EndedBy.MENTEE, page) or _see_other(
        reverse("mentoring_mentee", args=[token])
    )


@never_cache
@require_POST
def pause(request, token):
    """The mentor pauses (is proposed to no one) or comes back; their mentorships go on."""
    mentor = _mentor(token)
    mentor.paused = request.POST.get("paused") == "1"
    mentor.save(update_fields=["paused"])
    return _see_other(reverse("mentoring_mentor", args=[token]))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def mentor_profile(request, token):
    """The mentor changes their profile, sectors, keywords, languages, meetings and capacity."""
    mentor = _mentor(token)
    active = requests.active_count(mentor)
    status = 200
    if request.method == "POST":
        form = MentorProfileForm(request.POST, request=request, active=active)
        if form.is_valid():
            try:
                update_mentor(mentor, form.cleaned_data)
            except requests.MentoringRefused as refused:
                form.add_error("capacity", refused.messages[0])
            else:
                return _see_other(reverse("mentoring_mentor", args=[token]))
        status = 400
    else:
        form = MentorProfileForm(
            request=request,
            active=active,
            initial={
                "profile": mentor.profile,
                "link": mentor.link,
                "sectors": list(mentor.expertise.values_list("pk", flat=True)),
                "keywords": mentor.keywords,
                "languages": list(mentor.languages.values_list("code", flat=True)),
                "delivery": mentor.delivery,
                "capacity": mentor.capacity,
            },
        )
    return render(
        request,
        "mentoring/mentor_profile.html",
        {"mentor": mentor, "token": token, "form": form},
        status=status,
    )


@never_cache
@require_POST
def mentee_delete(request, token):
    """The mentee deletes everything about them: their requests and mentorships go too, and
    their mentor's meetings with them; the mentor of an active one hears of it. The link stops
    working."""
    mentee = _mentee(token)
    requests.forget_mentee(mentee)
    return render(request, "mentoring/deleted.html")
