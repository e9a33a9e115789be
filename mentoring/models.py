"""Mentoring: professionals who mentor young job seekers, the requests between them, the
mentorships that follow an acceptance and the meetings a mentor logs.

Neither side needs an account: each reaches their own page through a signed link emailed to
them (`links.py`), naming the row and its random key, so a link stops working once the row is
deleted. A mentor may be tied to a portal user (`MentorProfile.user`, for mentors registered from
their organisation's account) but needs none.

The rules two people acting at once could break are the database's: one open request per
mentor and mentee, one active mentorship per mentee. A mentor's capacity is checked under a lock
on the mentor's row (`requests.accept`). What changes a request or a mentorship is in
`requests.py`; nothing else writes their state.
"""

import uuid

from django.conf import global_settings, settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

#: Every language a mentor may say they speak (Django's list, named in English).
SPOKEN_LANGUAGES = global_settings.LANGUAGES


class Delivery(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    BOTH = "both", _("Online or in person")


class Approval(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", pgettext_lazy("a mentor's profile", "Approved")
    REJECTED = "rejected", pgettext_lazy("a mentor's profile", "Rejected")


class MentorProfile(models.Model):
    """A professional offering to mentor; proposed to mentees once a facilitator approves."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentor_profiles",
    )
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    profile = models.TextField(_("professional profile"), max_length=1500)
    link = models.URLField(_("link to a professional profile"), max_length=500, blank=True)
    expertise = models.ManyToManyField(
        "directory.ExpertiseCategory",
        verbose_name=_("expertise"),
        related_name="mentors",
        blank=True,
    )
    keywords = models.CharField(
        _("keywords"),
        max_length=300,
        blank=True,
        help_text=_("Words for what you know about, separated by commas."),
    )
    country = models.CharField(_("country"), max_length=2, db_index=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    delivery = models.CharField(
        _("meetings"), max_length=12, choices=Delivery.choices, default=Delivery.BOTH
    )
    capacity = models.PositiveSmallIntegerField(
        _("mentees at once"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    paused = models.BooleanField(_("paused"), default=False)
    language = models.CharField(
        _("language of the emails"), max_length=12, choices=settings.LANGUAGES
    )
    approval = models.CharField(
        _("approval"),
        max_length=12,
        choices=Approval.choices,
        default=Approval.PENDING,
        db_index=True,
    )
    approval_reason = models.TextField(_("reason"), blank=True)
    approved_at = models.DateTimeField(_("approved or rejected"), null=True, blank=True)
    submitted_at = models.DateTimeField(
        _("sent for approval"),
        default=timezone.now,
        help_text=_("When the profile was registered, or last changed, for a facilitator to read."),
    )
    consent_at = models.DateTimeField(_("consent given"))
    consent_version = models.CharField(_("version of the consent text"), max_length=20)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1, capacity__lte=5),
                name="mentor_capacity_1_to_5",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_proposable(self):
        return self.approval == Approval.APPROVED and not self.paused


class MentorKeyword(models.Model):
    """One of a mentor's keywords, lower case: what proposals compare in the database."""

    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="words")
    word = models.CharField(max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mentor", "word"], name="one_mentor_keyword")
        ]

    def __str__(self):
        return self.word


class MentorLanguage(models.Model):
    """A language a mentor speaks."""

    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=12, choices=SPOKEN_LANGUAGES)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mentor", "code"], name="one_mentor_language")
        ]

    def __str__(self):
        return self.get_code_display()


class Mentee(models.Model):
    """A young job seeker looking for a mentor. Never public nor searchable.

    They confirm they are at least the age of digital consent of their country; younger ones
    are enrolled by an organisation of the portal that records their guardian's consent (the
    guardian's name, the time and the version of the text they agreed to: `consent_at`,
    `consent_version`).
    """

    key = models.UUIDField(default=uuid.uuid4, editable=False)
    first_name = models.CharField(_("first name"), max_length=60)
    email = models.EmailField(_("email address"), max_length=254)
    country = models.CharField(_("country"), max_length=2)
    language = models.CharField(_("language"), max_length=12, choices=settings.LANGUAGES)
    expertise = models.ManyToManyField(
        "directory.ExpertiseCategory",
        verbose_name=_("sectors sought"),
        related_name="+",
        blank=True,
    )
    keywords = models.CharField(_("keywords"), max_length=300, blank=True)
    delivery = models.CharField(
        _("meetings"), max_length=12, choices=Delivery.choices, default=Delivery.BOTH
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    age_confirmed = models.BooleanField(_("of the age of digital consent"), default=False)
    enrolled_by_key = models.UUIDField(
        _("enrolled by the organisation (translation key)"), null=True, blank=True
    )
    guardian_consent = models.BooleanField(_("guardian's consent recorded"), default=False)
    guardian_name = models.CharField(_("parent or guardian"), max_length=120, blank=True)
    consent_at = models.DateTimeField(_("consent given"))
    consent_version = models.CharField(_("version of the consent text"), max_length=20)
    confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("mentee")
        verbose_name_plural = _("mentees")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Old enough to consent, or enrolled by an organisation with a guardian's consent.
            models.CheckConstraint(
                condition=models.Q(age_confirmed=True)
                | models.Q(enrolled_by_key__isnull=False, guardian_consent=True),
                name="mentee_consent_or_guardian",
            ),
        ]

    def __str__(self):
        return self.first_name

    @property
    def keyword_list(self):
        return split_keywords(self.keywords)


class RequestState(models.TextChoices):
    REQUESTED = "requested", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")
    SUPERSEDED = "superseded", _("Another mentor accepted")


class MentoringRequest(models.Model):
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="requests")
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="requests")
    message = models.TextField(_("message"), max_length=1000, blank=True)
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=RequestState.choices,
        default=RequestState.REQUESTED,
        db_index=True,
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("requested"), db_index=True)
    answered_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # When the mentor was reminded of it (reminders.py): at most once.
    reminded_at = models.DateTimeField(_("mentor reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("mentoring request")
        verbose_name_plural = _("mentoring requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=models.Q(state="requested"),
                name="one_open_request_per_pair",
            ),
        ]

    def __str__(self):
        return f"{self.mentee} → {self.mentor}"


class MentorshipState(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    ENDED_EARLY = "ended_early", _("Ended early")


class EndedBy(models.TextChoices):
    MENTOR = "mentor", _("The mentor")
    MENTEE = "mentee", _("The mentee")
    STAFF = "staff", _("A facilitator")


class Mentorship(models.Model):
    """What an accepted request becomes."""

    request = models.OneToOneField(
        MentoringRequest, on_delete=models.CASCADE, related_name="mentorship"
    )
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="mentorships")
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="mentorships")
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=MentorshipState.choices,
        default=MentorshipState.ACTIVE,
        db_index=True,
    )
    started_at = models.DateTimeField(_("started"))
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_by = models.CharField(_("ended by"), max_length=8, choices=EndedBy.choices, blank=True)
    end_reason = models.TextField(_("why it ended"), blank=True)
    # What reminders.py already sent, so that each is sent once: the "log a session" reminders
    # (how many, 1 or 2, since the day counted from: the last session, else the start), the
    # 90-day check-in, and the mentee's email that the mentorship ended.
    session_reminders = models.PositiveSmallIntegerField(default=0)
    session_reminders_since = models.DateField(null=True, blank=True)
    checkin_sent_at = models.DateTimeField(null=True, blank=True)
    end_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentee"],
                condition=models.Q(state="active"),
                name="one_active_mentorship_per_mentee",
            ),
        ]

    def __str__(self):
        return f"{self.mentor} · {self.mentee}"


class MentoringSession(models.Model):
    """A meeting the mentor logs; the note is theirs alone."""

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    delivery = models.CharField(
        _("meeting"),
        max_length=12,
        choices=[
            (Delivery.ONLINE, Delivery.ONLINE.label),
            (Delivery.IN_PERSON, Delivery.IN_PERSON.label),
        ],
    )
    note = models.TextField(_("private note"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentoring session")
        verbose_name_plural = _("mentoring sessions")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.date} · {self.minutes}′"


class FacilitatorMentoringDigest(models.Model):
    """What a facilitator was last told of mentoring (reminders.py), so each digest goes once:
    when the newest profile waiting for approval they were told of was sent for approval, and
    the ISO week of the last list of unanswered requests."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_digest"
    )
    approvals_seen_upto = models.DateTimeField(null=True, blank=True)
    requests_week = models.CharField(max_length=10, blank=True)

    def __str__(self):
        return str(self.user)


def split_keywords(text):
    """The distinct lower-case keywords of a comma-separated text, in order, at most 20."""
    words = []
    for part in (text or "").split(","):
        word = " ".join(part.split()).lower()[:60]
        if word and word not in words:
            words.append(word)
    return words[:20]
