"""Mentoring's figures per country, for the facilitators' panel and monitoring report (added
through `directory.figures`' hook, in wagtail_hooks.py).

Per country: its approved mentors (the mentor's country), its mentees, the requests waiting for
an answer, the active and the completed mentorships (each counted in the mentee's country, the
young person's, once whatever the mentor's). Per organisation, for the report: the young people
it enrolled. Four queries for the countries and one for the organisations, whatever their number.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from directory.figures import Figure, FigureSource

from .models import (
    Approval,
    Mentee,
    MentoringRequest,
    MentorProfile,
    Mentorship,
    MentorshipState,
    RequestState,
)


def counted(rows, field, **counts):
    """{value of `field`: {name: count}} in one query."""
    grouped = rows.order_by().values(field).annotate(**counts)
    return {row[field]: row for row in grouped}


class MentoringFigures(FigureSource):
    label = _("Mentoring")
    order = 20
    country_figures = (
        Figure("mentors", _("Approved mentors")),
        Figure("mentees", _("Mentees")),
        Figure("open_requests", _("Requests waiting for an answer")),
        Figure("active", _("Active mentorships")),
        Figure("completed", _("Completed mentorships")),
    )
    organisation_figures = (Figure("enrolled", _("Young people enrolled in mentoring")),)

    def by_country(self, codes):
        codes = list(codes)
        mentors = counted(
            MentorProfile.objects.filter(approval=Approval.APPROVED, country__in=codes),
            "country",
            n=Count("pk"),
        )
        mentees = counted(Mentee.objects.filter(country__in=codes), "country", n=Count("pk"))
        open_requests = counted(
            MentoringRequest.objects.filter(
                state=RequestState.REQUESTED, mentee__country__in=codes
            ),
            "mentee__country",
            n=Count("pk"),
        )
        mentorships = counted(
            Mentorship.objects.filter(mentee__country__in=codes),
            "mentee__country",
            active=Count("pk", filter=Q(state=MentorshipState.ACTIVE)),
            completed=Count("pk", filter=Q(state=MentorshipState.COMPLETED)),
        )
        empty = {"n": 0, "active": 0, "completed": 0}
        return {
            code: {
                "mentors": mentors.get(code, empty)["n"],
                "mentees": mentees.get(code, empty)["n"],
                "open_requests": open_requests.get(code, empty)["n"],
                "active": mentorships.get(code, empty)["active"],
                "completed": mentorships.get(code, empty)["completed"],
            }
            for code in codes
        }

    def by_organisation(self, keys):
        keys = list(keys)
        enrolled = counted(
            Mentee.objects.filter(enrolled_by_key__in=keys), "enrolled_by_key", n=Count("pk")
        )
        enrolled = {str(key): row["n"] for key, row in enrolled.items()}
        return {key: {"enrolled": enrolled.get(str(key), 0)} for key in keys}
