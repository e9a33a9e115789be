"""The periodic commands, as a crontab would run them, read from settings.PORTAL_SCHEDULE.

Each entry is (when, command line): `when` has cron's five fields (minute, hour, day of month,
month, weekday with 0 or 7 for Sunday), each `*`, a number, a range `a-b`, a step `*/n` or
`a-b/n`, or a comma-separated list of those. Unlike cron, a day of the month and a weekday
both given must both match: "0 9 1-7 * 1" is the first Monday of the month at 9:00.
Times are the portal's (TIME_ZONE).
"""

import shlex
from dataclasses import dataclass

FIELDS = (("minute", 0, 59), ("hour", 0, 23), ("day", 1, 31), ("month", 1, 12), ("weekday", 0, 7))


def parse_field(text, low, high):
    """The set of values one cron field stands for; ValueError when it stands for none."""
    values = set()
    for part in text.split(","):
        span, _, step = part.partition("/")
        if span == "*":
            start, end = low, high
        elif "-" in span:
            start, end = (int(bound) for bound in span.split("-", 1))
        else:
            start = end = int(span)
        if not (low <= start <= end <= high) or (step and int(step) < 1):
            raise ValueError(f"{part!r} is outside {low}-{high}")
        values.update(range(start, end + 1, int(step or 1)))
    return values


@dataclass(frozen=True)
class Entry:
    when: str
    command: tuple

    @classmethod
    def parse(cls, when, command):
        fields = when.split()
        if len(fields) != len(FIELDS):
            raise ValueError(f"{when!r} must have five fields: minute hour day month weekday")
        for text, (_name, low, high) in zip(fields, FIELDS, strict=True):
            parse_field(text, low, high)
        return cls(when, tuple(shlex.split(command)))

    def is_due(self, moment):
        """Whether this entry runs in the minute of `moment` (a local datetime)."""
        minute, hour, day, month, weekday = (
            parse_field(text, low, high)
            for text, (_name, low, high) in zip(self.when.split(), FIELDS, strict=True)
        )
        weekdays = {value % 7 for value in weekday}  # cron's Sunday is 0 or 7
        return (
            moment.minute in minute
            and moment.hour in hour
            and moment.day in day
            and moment.month in month
            and moment.isoweekday() % 7 in weekdays
        )


def entries(schedule):
    return [Entry.parse(when, command) for when, command in schedule]
