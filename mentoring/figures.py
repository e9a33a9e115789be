"""Mentoring month by month, for the admin's "Mentoring figures": requests sent, accepted,
declined and expired, mentorships started and ended, and the median wait for an answer.

Counted in the database in four queries whatever the number of rows. The median is
PostgreSQL's `percentile_cont`; on SQLite (the embedded database of `make run`) the answered
requests' waits are read in one query more and their medians worked out here. A request counts
in the month it was sent; its answer (accepted, declined, expired) and its wait in the month it
was answered. Months are those of the site's time zone.
"""

from collections import defaultdict
from statistics import median

from django.db import connection
from django.db.models import Aggregate, Count, DurationField, F, Q
from django.db.models.functions import TruncMonth

from .models import MentoringRequest, Mentorship, RequestState


class Median(Aggregate):
    """PostgreSQL's median (the 50th percentile, interpolated)."""

    function = "percentile_cont"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _scoped(rows, codes):
    """`codes`: the countries followed (None: every country); the mentor's or the mentee's."""
    if codes is None:
        return rows
    return rows.filter(Q(mentor__country__in=codes) | Q(mentee__country__in=codes))


def _per_month(rows, field, **counts):
    return {
        row["month"]: row
        for row in rows.filter(**{f"{field}__isnull": False})
        .annotate(month=TruncMonth(field))
        .order_by()
        .values("month")
        .annotate(**counts)
    }


def monthly(codes):
    """One dict a month (month, sent, accepted, declined, expired, started, ended, median_wait,
    median_days), the latest month first; only months with something in them."""
    requests = _scoped(MentoringRequest.objects.all(), codes)
    mentorships = _scoped(Mentorship.objects.all(), codes)
    answered = Q(state__in=[RequestState.ACCEPTED, RequestState.DECLINED])
    in_database = connection.vendor == "postgresql"
    waits = (
        {"median_wait": Median(F("answered_at") - F("created_at"), filter=answered)}
        if in_database
        else {}
    )
    columns = [
        _per_month(requests, "created_at", sent=Count("pk")),
        _per_month(
            requests,
            "answered_at",
            accepted=Count("pk", filter=Q(state=RequestState.ACCEPTED)),
            declined=Count("pk", filter=Q(state=RequestState.DECLINED)),
            expired=Count("pk", filter=Q(state=RequestState.EXPIRED)),
            **waits,
        ),
        _per_month(mentorships, "started_at", started=Count("pk")),
        _per_month(mentorships, "ended_at", ended=Count("pk")),
    ]
    if not in_database:
        columns.append(_median_waits(requests.filter(answered)))
    months = sorted({month for column in columns for month in column}, reverse=True)
    rows = []
    for month in months:
        row = {
            "month": month,
            "sent": 0,
            "accepted": 0,
            "declined": 0,
            "expired": 0,
            "started": 0,
            "ended": 0,
            "median_wait": None,
        }
        for column in columns:
            row.update({k: v for k, v in column.get(month, {}).items() if k != "month"})
        wait = row["median_wait"]
        row["median_days"] = round(wait.total_seconds() / 86400, 1) if wait is not None else None
        rows.append(row)
    return rows


def _median_waits(answered):
    """{month: {"median_wait": …}} of the answered requests, worked out here (SQLite)."""
    by_month = defaultdict(list)
    rows = answered.annotate(month=TruncMonth("answered_at")).values_list(
        "month", "created_at", "answered_at"
    )
    for month, created_at, answered_at in rows:
        by_month[month].append(answered_at - created_at)
    return {month: {"median_wait": median(waits)} for month, waits in by_month.items()}
