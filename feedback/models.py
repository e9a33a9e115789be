"""A reader's answer to "Was this page useful?", and what they said was missing.

An answer is about a page, not a person: the page (a Wagtail page, or one of the few public
views of feedback/public_views.py, by its key: exactly one of the two), the language it was read
in, the month, yes or no, and the optional text. No address, browser, cookie, account or exact
time is kept (the month only), so that no answer can be traced back to whoever gave it; the rate
limit counts a keyed hash of the address in the cache (core/ratelimit.py), never in the database.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .public_views import KEY_MAX_LENGTH, view_label

#: The longest "what was missing" text kept.
MISSING_MAX_LENGTH = 1000


class Answer(models.Model):
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )
    view = models.CharField(
        _("public view"),
        max_length=KEY_MAX_LENGTH,
        blank=True,
        help_text=_("The public page that is not a Wagtail page, by its key (search, …)."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    month = models.DateField(_("month"), help_text=_("The first day of the month of the answer."))
    useful = models.BooleanField(_("useful"))
    missing = models.TextField(_("what was missing"), max_length=MISSING_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("reader's answer")
        verbose_name_plural = _("readers' answers")
        indexes = [
            models.Index(fields=["month", "page"], name="feedback_month_page"),
            models.Index(fields=["view", "month"], name="feedback_view_month"),
        ]
        constraints = [
            # About a page or about a view, never both, never neither.
            models.CheckConstraint(
                condition=(
                    (models.Q(page__isnull=False) & models.Q(view=""))
                    | (models.Q(page__isnull=True) & ~models.Q(view=""))
                ),
                name="feedback_page_or_view",
            ),
        ]

    def __str__(self):
        about = self.page_id or self.view
        return f"{about} {self.month:%Y-%m} {'yes' if self.useful else 'no'}"

    @property
    def about_title(self):
        """What the answer is about, as readers and staff call it."""
        return self.page.title if self.page_id else str(view_label(self.view))
