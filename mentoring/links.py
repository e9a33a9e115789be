"""The signed links of mentoring: a mentee's page (their proposals and requests) and a mentor's
page (their requests and mentorships). Each names its person by id and random key, with a salt
of its own, so a mentee's link never opens a mentor's page, and a link stops working once its
person is deleted. They do not expire: they are the person's only way in, as an unsubscribe
link is."""

from django.core import signing
from django.urls import reverse
from django.utils import translation

from core.urls import absolute_admin_url

from .models import Mentee, MentorProfile

MENTEE, MENTOR = "mentoring.mentee", "mentoring.mentor"


def _dumps(salt, person):
    return signing.dumps({"p": person.pk, "k": person.key.hex}, salt=salt, compress=True)


def mentee_token(mentee):
    return _dumps(MENTEE, mentee)


def mentor_token(mentor):
    return _dumps(MENTOR, mentor)


def _absolute(name, token, language):
    with translation.override(language):
        return absolute_admin_url(reverse(name, args=[token]))


def mentee_url(mentee):
    return _absolute("mentoring_mentee", mentee_token(mentee), mentee.language)


def mentor_url(mentor):
    return _absolute("mentoring_mentor", mentor_token(mentor), mentor.language)


def _read(token, salt, model):
    """The person a token names, or None when it is changed or they are gone."""
    try:
        payload = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    return model.objects.filter(pk=payload.get("p"), key=payload.get("k")).first()


def read_mentee(token):
    return _read(token, MENTEE, Mentee)


def read_mentor(token):
    return _read(token, MENTOR, MentorProfile)
