from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.indexing import filtered, searched, searched_in_every_language, searched_names
from core.translation import PAGE_TRANSLATABLE, synchronized, translated
from directory.forms import LocalisedTermsPageForm

from .choices import ProjectScope
from .mixins import RICH_TEXT_FEATURES, image_field
from .taxonomy import ExpertiseCategory, TargetGroup

# Who may mark a project as a good practice: central staff and the countries' facilitators
# (granted in directory/permissions.py), never the organisation itself.
MARK_GOOD_PRACTICE = "directory.mark_good_practice"
GOOD_PRACTICE_FIELDS = ("is_good_practice", "good_practice_since")


class PortfolioProjectPage(Page):
    """A social-inclusion project of the organisation, described as a practice sheet.

    Staff may mark it as a good practice. The mark belongs to the project, not to one of its
    revisions or languages: it is shared by every translation, takes effect when it is saved
    (a draft too), and publishing an older revision, or a translation synced from an older
    source, leaves it as it is (see `with_content_json`). Copies are not marked.
    """

    summary = models.TextField(_("summary"), max_length=500)
    scope = models.CharField(
        _("scope"), max_length=20, choices=ProjectScope.choices, default=ProjectScope.LOCAL
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, help_text=_("Leave empty if it is still running.")
    )
    partners = models.TextField(_("partners"), blank=True)
    categories = ParentalManyToManyField(
        ExpertiseCategory, verbose_name=_("categories"), blank=True, related_name="+"
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="+"
    )
    objectives = RichTextField(_("objectives"), blank=True, features=RICH_TEXT_FEATURES)
    activities = RichTextField(_("activities"), blank=True, features=RICH_TEXT_FEATURES)
    resources = RichTextField(_("resources"), blank=True, features=RICH_TEXT_FEATURES)
    funding = models.CharField(_("funding"), max_length=255, blank=True)
    people_reached = models.PositiveIntegerField(_("people reached"), null=True, blank=True)
    outputs = RichTextField(_("outputs"), blank=True, features=RICH_TEXT_FEATURES)
    outcomes = RichTextField(_("outcomes"), blank=True, features=RICH_TEXT_FEATURES)
    lessons_learnt = RichTextField(_("lessons learnt"), blank=True, features=RICH_TEXT_FEATURES)
    link = models.URLField(_("link"), blank=True)
    image = image_field(_("image"))
    is_good_practice = models.BooleanField(
        _("good practice"),
        default=False,
        help_text=_(
            "Listed in the good practices library. Applies at once to the project in every "
            "language."
        ),
    )
    good_practice_since = models.DateField(_("good practice since"), null=True, blank=True)

    base_form_class = LocalisedTermsPageForm
    parent_page_types = ["directory.OrganisationPage"]
    subpage_types = []
    template = "directory/portfolio_project_page.html"
    exclude_fields_in_copy = list(GOOD_PRACTICE_FIELDS)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("scope"), FieldPanel("start_year"), FieldPanel("end_year")]
                ),
                FieldPanel("partners"),
                FieldPanel("funding"),
            ],
            _("Scope, period and partners"),
        ),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("objectives"),
        FieldPanel("activities"),
        FieldPanel("resources"),
        MultiFieldPanel(
            [FieldPanel("people_reached"), FieldPanel("outputs"), FieldPanel("outcomes")],
            _("Results"),
        ),
        FieldPanel("lessons_learnt"),
        FieldPanel("link"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                # Without the permission the field is left out of the form: a value posted for
                # it is ignored.
                FieldPanel(
                    "is_good_practice",
                    heading=_("Mark as a good practice"),
                    permission=MARK_GOOD_PRACTICE,
                ),
                FieldPanel("good_practice_since", read_only=True, permission=MARK_GOOD_PRACTICE),
            ],
            _("Good practice"),
            permission=MARK_GOOD_PRACTICE,
        ),
    ]

    search_fields = [
        *Page.search_fields,
        *searched("summary", boost=2),
        *searched("objectives", "activities", "outcomes", "lessons_learnt"),
        *searched_in_every_language("search_terms", boost=0.5),
        *filtered("scope", "is_good_practice"),
        *searched_names("categories", "target_groups"),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE,
        *translated(
            "summary",
            "partners",
            "objectives",
            "activities",
            "resources",
            "funding",
            "outputs",
            "outcomes",
            "lessons_learnt",
        ),
        *synchronized(
            "scope",
            "start_year",
            "end_year",
            "categories",
            "target_groups",
            "people_reached",
            "link",
            "image",
            "is_good_practice",
            "good_practice_since",
        ),
    ]

    class Meta:
        verbose_name = _("portfolio project")
        verbose_name_plural = _("portfolio projects")
        permissions = [
            ("mark_good_practice", _("Can mark a portfolio project as a good practice")),
        ]

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year is before the start year.")})

    # The good practice mark -----------------------------------------------------------------

    def _settle_mark(self):
        """The date goes with the mark: the day it was given, and none without it."""
        if not self.is_good_practice:
            self.good_practice_since = None
        elif self.good_practice_since is None:
            self.good_practice_since = timezone.localdate()

    def _share_mark(self, include_self=False):
        """Give this page's mark to every translation of the project that has another."""
        pages = PortfolioProjectPage.objects.filter(translation_key=self.translation_key)
        if not include_self:
            pages = pages.exclude(pk=self.pk)
        pages.exclude(
            is_good_practice=self.is_good_practice,
            good_practice_since=self.good_practice_since,
        ).update(
            is_good_practice=self.is_good_practice,
            good_practice_since=self.good_practice_since,
        )

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        adding = self.pk is None  # (a page rebuilt from a revision has `_state.adding` set)
        if adding:
            # A new translation of a project gets the project's mark.
            mark = (
                PortfolioProjectPage.objects.filter(translation_key=self.translation_key)
                .values_list(*GOOD_PRACTICE_FIELDS)
                .first()
            )
            if mark is not None:
                self.is_good_practice, self.good_practice_since = mark
        self._settle_mark()
        result = super().save(*args, **kwargs)
        if not adding and (update_fields is None or "is_good_practice" in update_fields):
            self._share_mark()
        return result

    def save_revision(self, *args, **kwargs):
        # The page was loaded with the mark it has now (`with_content_json`): a different one
        # was set by someone allowed to, and it is stored at once, in every language.
        if self.pk:
            stored = (
                PortfolioProjectPage.objects.filter(pk=self.pk)
                .values_list("is_good_practice", flat=True)
                .first()
            )
            if stored is not None and stored != self.is_good_practice:
                self._settle_mark()
                self._share_mark(include_self=True)
        return super().save_revision(*args, **kwargs)

    def with_content_json(self, content):
        """A revision's content, with the mark the project has now (as Wagtail keeps `live`)."""
        page = super().with_content_json(content)
        for name in GOOD_PRACTICE_FIELDS:
            setattr(page, name, getattr(self, name))
        return page

    # Display ---------------------------------------------------------------------------------

    def search_terms(self):
        """Organisation, place, country and vocabulary names in every language, for search."""
        from directory.indexing import project_terms

        return project_terms(self)

    def get_context(self, request, *args, **kwargs):
        from directory.listing import TermLabels, request_locales

        from .country import CountryPage
        from .good_practices import GoodPracticesIndexPage

        context = super().get_context(request, *args, **kwargs)
        labels = TermLabels(ExpertiseCategory, TargetGroup)
        organisation = self.get_parent().specific
        country = CountryPage.objects.ancestor_of(self).first()
        context.update(
            organisation=organisation,
            country_page=country.localized if country else None,
            category_labels=labels.names_here(self.categories.all()),
            target_group_labels=labels.names_here(self.target_groups.all()),
            good_practices_index=GoodPracticesIndexPage.for_locale(
                request_locales(request).active.pk
            ),
        )
        return context
