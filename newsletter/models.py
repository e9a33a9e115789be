"""The best-practice newsletter: an archive page per language and its issues.

An issue is a page, translated like every page: a title, an introduction and the good practices,
news and calls for collaboration staff pick for it, in their order. Once published it is a public
page; once sent it is listed in the archive (/<lang>/newsletter/). Sending belongs to the issue
in every language (its translation key, `NewsletterSending`): each confirmed subscriber gets it
once (`NewsletterDelivery`), in their language where the issue is translated and live, else in
English (newsletter/sending.py).
"""

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel, PageChooserPanel, Panel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from core.translation import PAGE_TRANSLATABLE, synchronized, translated
from directory.addresses import RoutesAcrossTranslations
from directory.models.mixins import RICH_TEXT_FEATURES, IntroPage

#: The page types an issue may pick: good practices, news and calls for collaboration.
PICK_TYPES = [
    "directory.PortfolioProjectPage",
    "news.NewsPage",
    "collaboration.CollaborationCallPage",
]


class NewsletterIndexPage(RoutesAcrossTranslations, IntroPage):
    """The archive of the issues sent, newest first: /<lang>/newsletter/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count_per_parent = 1
    template = "newsletter/newsletter_index_page.html"
    translatable_fields = [*PAGE_TRANSLATABLE, *translated("intro")]

    class Meta:
        verbose_name = _("newsletter archive")
        verbose_name_plural = _("newsletter archives")

    def get_context(self, request, *args, **kwargs):
        from .archive import archive_context  # the archive reads this module's models

        context = super().get_context(request, *args, **kwargs)
        context.update(archive_context(request))
        return context


class SendingPanel(Panel):
    """Where the issue stands: not sent, scheduled, being sent (written / total) or sent, with
    the way to the test, send and schedule screen."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsletter/admin/sending_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["sending"] = NewsletterSending.objects.filter(
                translation_key=self.instance.translation_key
            ).first()
            context["send_url"] = reverse("newsletter_send", args=[self.instance.pk])
            return context


class NewsletterIssuePage(Page):
    """One issue of the newsletter: an introduction and the pages picked, in order."""

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)

    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    template = "newsletter/newsletter_issue_page.html"

    content_panels = [
        SendingPanel(heading=_("Sending")),
        *Page.content_panels,
        FieldPanel("introduction"),
        MultipleChooserPanel(
            "picks",
            chooser_field_name="page",
            heading=_("Good practices, news and calls for collaboration"),
            label=_("Pick"),
        ),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE,
        *translated("introduction"),
        *synchronized("picks"),
    ]

    preview_modes = [("", _("Page")), ("email", _("Email"))]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def get_context(self, request, *args, **kwargs):
        from .archive import issue_context  # the archive reads this module's models

        context = super().get_context(request, *args, **kwargs)
        context.update(issue_context(self, request))
        return context

    def serve_preview(self, request, mode_name):
        if mode_name != "email":
            return super().serve_preview(request, mode_name)
        from .emails import sample_email  # the email reads this module's models

        email = sample_email(self)
        return HttpResponse(email.html)


class NewsletterPick(Orderable):
    """A good practice, piece of news or call for collaboration an issue presents."""

    issue = ParentalKey(NewsletterIssuePage, on_delete=models.CASCADE, related_name="picks")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", PICK_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = _("pick")
        verbose_name_plural = _("picks")


class NewsletterSending(models.Model):
    """The sending of one issue, in every language (its translation key): when, how far."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    translation_key = models.UUIDField(_("issue"), unique=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True, db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The subscribers to write to when the sending started, and how many have been written to.
    total = models.PositiveIntegerField(_("subscribers"), default=0)
    written = models.PositiveIntegerField(_("emails written"), default=0)
    # The last subscriber (by id) the sending has dealt with: a rerun continues after it.
    cursor = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("newsletter sending")
        verbose_name_plural = _("newsletter sendings")
        default_permissions = ()

    def __str__(self):
        return f"{self.translation_key} · {self.get_status_display()}"


class NewsletterDelivery(models.Model):
    """One subscriber's copy of one issue, written to the outbox: never twice."""

    sending = models.ForeignKey(
        NewsletterSending, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        "subscriptions.Subscriber", on_delete=models.CASCADE, related_name="+"
    )
    email = models.ForeignKey(
        "emails.OutboxEmail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["sending", "subscriber"], name="one_newsletter_copy_per_subscriber"
            )
        ]

    def __str__(self):
        return f"{self.sending_id} → {self.subscriber_id}"
