"""What happened with an organisation: the entries of its file's timeline, and how apps add theirs.

The facilitators' file on an organisation (facilitators/organisation_file.py) reads the contacts,
emails, enquiries and page history itself. Apps it may not import (collaboration, at its own
layer, and featured, above it) add their rows through the `register_organisation_timeline` hook:
a function returning a `TimelineSource`, whose `entries` reads the organisation's latest rows of
its kind in a fixed number of queries.
"""

import datetime
from dataclasses import dataclass

from wagtail import hooks

HOOK = "register_organisation_timeline"


@dataclass
class TimelineEntry:
    at: datetime.datetime
    kind: str
    title: str
    subject: str = ""  # what it is about: a page, a call, an address
    text: str = ""  # a note, a comment, the start of a message
    by: str = ""  # who did it; empty for the portal itself or a visitor
    status: str = ""  # delivery status, answered or not, the response...
    alert: bool = False  # a status that needs attention (a bounced email, a message unanswered)
    url: str = ""  # its detail in the admin, for who may open it
    language: str = ""  # the language of `subject` and `text`, when known


class TimelineSource:
    """One kind of entry. `order` places its filter among the others."""

    kind = ""
    label = ""
    order = 100

    def entries(self, request, key, limit):
        """The latest `limit` entries (at most) about the organisation whose pages share the
        translation key `key`, newest first, in a fixed number of queries."""
        raise NotImplementedError


def registered_sources():
    """The sources other apps add through the hook."""
    return [fn() for fn in hooks.get_hooks(HOOK)]
