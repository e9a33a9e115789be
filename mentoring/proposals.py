"""The mentors proposed to a mentee, ranked in the database in one query.

Proposed: approved mentors, not paused, with a free place, sharing at least one sought sector
(expertise category, compared by translation key so that any language's term matches) or
keyword, and whose way of meeting fits (a mentor meeting only in person is proposed to mentees
of their country). Mentors the mentee has already asked, who declined or let their request
expire, or who mentored them, are left out.

The score weighs, in this order: shared sectors (3 each), shared keywords (2 each), speaking the
mentee's language (2), the same country (1), the way of meeting (1 when both meet alike or the
mentor meets either way); ties go to the mentor with more free places, then by name. The number
of queries does not depend on the number of mentors.
"""

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from .models import (
    Approval,
    Delivery,
    MentoringRequest,
    MentorKeyword,
    MentorLanguage,
    MentorProfile,
    Mentorship,
    MentorshipState,
    RequestState,
)

#: At most this many proposals are shown.
LIMIT = 10


def _count(queryset):
    """A subquery counting `queryset`'s rows for each mentor (OuterRef("pk"))."""
    return Coalesce(
        Subquery(
            queryset.order_by().values("mentor").annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def proposals(mentee, limit=LIMIT):
    """Mentors for `mentee`, best first, each with `score`, `shared_sectors`,
    `shared_keywords` and `free_places`."""
    sought = list(mentee.expertise.values_list("translation_key", flat=True))
    words = mentee.keyword_list
    through = MentorProfile.expertise.through
    shared_sectors = _count(
        through.objects.filter(
            mentorprofile=OuterRef("pk"), expertisecategory__translation_key__in=sought
        ).annotate(mentor=F("mentorprofile"))
    )
    shared_keywords = _count(MentorKeyword.objects.filter(mentor=OuterRef("pk"), word__in=words))
    active = _count(Mentorship.objects.filter(mentor=OuterRef("pk"), state=MentorshipState.ACTIVE))
    speaks = Exists(MentorLanguage.objects.filter(mentor=OuterRef("pk"), code=mentee.language))
    asked_before = Exists(
        MentoringRequest.objects.filter(
            mentor=OuterRef("pk"),
            mentee=mentee,
            state__in=[
                RequestState.REQUESTED,
                RequestState.DECLINED,
                RequestState.EXPIRED,
                RequestState.ACCEPTED,
            ],
        )
    )
    if mentee.delivery == Delivery.BOTH:
        delivery_fits = Value(1)
    else:
        delivery_fits = Case(
            When(delivery__in=[Delivery.BOTH, mentee.delivery], then=Value(1)),
            default=Value(0),
        )
    mentors = (
        MentorProfile.objects.filter(approval=Approval.APPROVED, paused=False)
        .exclude(Q(delivery=Delivery.IN_PERSON) & ~Q(country=mentee.country))
        .annotate(
            shared_sectors=shared_sectors,
            shared_keywords=shared_keywords,
            free_places=F("capacity") - active,
            speaks=Case(When(speaks, then=Value(1)), default=Value(0)),
            same_country=Case(When(country=mentee.country, then=Value(1)), default=Value(0)),
            delivery_fits=delivery_fits,
            asked_before=asked_before,
        )
        .filter(free_places__gt=0, asked_before=False)
        .filter(Q(shared_sectors__gt=0) | Q(shared_keywords__gt=0))
        .annotate(
            score=F("shared_sectors") * 3
            + F("shared_keywords") * 2
            + F("speaks") * 2
            + F("same_country")
            + F("delivery_fits")
        )
        .order_by("-score", "-free_places", "name", "pk")
        .prefetch_related("expertise", "languages")
    )
    return list(mentors[:limit]) if limit else list(mentors)
