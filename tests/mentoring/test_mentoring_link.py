"""manage.py mentoring_link EMAIL: support staff send someone their lost link again."""

from io import StringIO
from urllib.parse import urlparse

import pytest
from django.core.management import CommandError, call_command

from mentoring.factories import MenteeFactory, MentorProfileFactory

pytestmark = pytest.mark.django_db


def links_of(email):
    output = StringIO()
    call_command("mentoring_link", email, stdout=output)
    return [urlparse(word).path for word in output.getvalue().split() if "://" in word]


def test_a_mentor_gets_the_link_that_opens_their_page(client):
    mentor = MentorProfileFactory(name="Giulia Demo", language="it")
    [path] = links_of(mentor.email.upper())
    assert path.startswith("/it/mentoring/mentor/")
    response = client.get(path)
    assert response.status_code == 200
    assert "Giulia Demo" in response.content.decode()


def test_each_registration_of_a_mentee_has_its_own_link(client):
    first = MenteeFactory(first_name="Amal", email="amal@example.org", language="ar")
    MenteeFactory(first_name="Amal", email="amal@example.org", language="ar")
    paths = links_of("amal@example.org")
    assert len(set(paths)) == 2
    assert all(path.startswith("/ar/mentoring/me/") for path in paths)
    assert all(client.get(path).status_code == 200 for path in paths)
    first.delete()
    assert client.get(paths[0]).status_code == 404


def test_an_unknown_address_is_an_error_not_a_link():
    with pytest.raises(CommandError, match="No mentor nor mentee"):
        call_command("mentoring_link", "nobody@example.org", stdout=StringIO())
