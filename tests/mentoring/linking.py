"""Which person's page a text links to, read from the link itself.

A link's token carries the second it was signed (`django.core.signing.dumps`), so a token made
again by a test a second later differs from the one in an email: tests compare the person a
link opens, never the token's text."""

import re

from mentoring import links

PAGE = re.compile(r"/mentoring/(me|mentor)/([\w:-]+)/")


def people_linked(text):
    """The mentees and mentors whose pages `text` links to, in order (None: a link that opens
    nothing)."""
    return [
        links.read_mentee(token) if side == "me" else links.read_mentor(token)
        for side, token in PAGE.findall(text)
    ]
