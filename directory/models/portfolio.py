from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from directory.forms import LocalisedTermsPageForm

from .choices import ProjectScope
from .mixins import PAGE_TRANSLATABLE, RICH_TEXT_FEATURES, image_field
from .taxonomy import ExpertiseCategory, TargetGroup


class PortfolioProjectPage(Page):
    """A social-inclusion project of the organisation, described as a practice sheet."""

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

    base_form_class = LocalisedTermsPageForm
    parent_page_types = ["directory.OrganisationPage"]
    subpage_types = []
    template = "directory/portfolio_project_page.html"

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
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("objectives"),
        index.SearchField("activities"),
        index.SearchField("outcomes"),
        index.SearchField("lessons_learnt"),
        index.FilterField("scope"),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE,
        TranslatableField("summary"),
        TranslatableField("partners"),
        TranslatableField("objectives"),
        TranslatableField("activities"),
        TranslatableField("resources"),
        TranslatableField("funding"),
        TranslatableField("outputs"),
        TranslatableField("outcomes"),
        TranslatableField("lessons_learnt"),
        SynchronizedField("scope"),
        SynchronizedField("start_year"),
        SynchronizedField("end_year"),
        SynchronizedField("categories"),
        SynchronizedField("target_groups"),
        SynchronizedField("people_reached"),
        SynchronizedField("link"),
        SynchronizedField("image"),
    ]

    class Meta:
        verbose_name = _("portfolio project")
        verbose_name_plural = _("portfolio projects")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year is before the start year.")})

    def get_context(self, request, *args, **kwargs):
        from directory.listing import TermLabels

        context = super().get_context(request, *args, **kwargs)
        labels = TermLabels(ExpertiseCategory, TargetGroup)
        context.update(
            organisation=self.get_parent().specific,
            category_labels=labels.names_for(self.categories.all(), self.locale_id),
            target_group_labels=labels.names_for(self.target_groups.all(), self.locale_id),
        )
        return context
