from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Min, Prefetch, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.fields import optional_link
from core.indexing import filtered, searched, searched_in_every_language
from core.roles import ORGANISATION_KEY, Role
from core.translation import PAGE_TRANSLATABLE, synchronized, translated
from directory.addresses import RoutesAcrossTranslations, attach_visitor_urls
from directory.forms import LocalisedTermsPageForm
from directory.listing import (
    TermLabels,
    attach_parents,
    one_per_translation,
    request_locales,
    term_labels,
    under_any,
)
from directory.panels import VerificationPanel

from .choices import SPOKEN_LANGUAGE_CODES, OrganisationKind, SocialPlatform
from .mixins import RICH_TEXT_FEATURES, CheckedMixin, image_field
from .network import NETWORK_SYNCHRONIZED, NETWORK_TRANSLATED, NetworkProfile
from .taxonomy import (
    ExpertiseCategory,
    NetworkPurpose,
    Place,
    PlaceNames,
    TargetGroup,
    place_names,
)

LOGO_FILTER = "fill-160x160"
COVER_FILTER = "fill-1200x400"


class OrganisationQuerySet(PageQuerySet):
    """Organisations' pages. An organisation is all its language versions together (one
    translation key); where one page must stand for it, it is its first version."""

    def first_versions(self):
        """One page per organisation among these: its first version, the one written first (the
        lowest id: registration creates it, translations come later). It is in the language the
        organisation works in, which its emails and its rows in the follow-up use."""
        firsts = self.order_by().values("translation_key").annotate(first=Min("pk"))
        return self.filter(pk__in=firsts.values("first"))

    def first_version(self, organisation):
        """The first version, among these, of `organisation` (a page or a translation key)."""
        key = getattr(organisation, "translation_key", organisation)
        return self.filter(translation_key=key).order_by("pk").first()

    def shown_versions(self):
        """One page per organisation among these, as a list: its first published version, else
        its first version (where the organisation is shown to others)."""
        chosen = {}
        for page in self.order_by("-live", "pk"):
            chosen.setdefault(page.translation_key, page)
        return list(chosen.values())

    def in_countries(self, codes):
        """The organisations of the countries with these codes ("": country not set)."""
        from directory.models import CountryPage  # the country module imports this one

        return self.filter(under_any(CountryPage.objects.filter(code__in=codes)))

    def of_member(self, user):
        """The organisations whose group `user` is in (every language version)."""
        return self.filter(translation_key__in=Role.of(user).organisation_keys)

    def followed_by(self, user):
        """The organisations `user` follows up: central staff every one, a facilitator those of
        their countries, anyone else none."""
        role = Role.of(user)
        if role.is_central_staff:
            return self.all()
        if not role.follows_up:
            return self.none()
        return self.in_countries(role.country_codes)


OrganisationManager = PageManager.from_queryset(OrganisationQuerySet)


def spoken_language_choices():
    return [(code, get_language_info(code)["name_local"]) for code in SPOKEN_LANGUAGE_CODES]


class OrganisationPageForm(LocalisedTermsPageForm):
    languages_spoken = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=spoken_language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages in which people can be served."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("network_activities")
        unsent = (
            self.is_bound
            and formset is not None
            and (f"{formset.prefix}-TOTAL_FORMS" not in self.data)
        )
        if unsent or not getattr(self.instance, "is_network", False):
            # Only networks record activities: their panel is not shown to other organisations,
            # whose form then has no activities to read (nor to lose); a form sent without them
            # (by a script, or before the page became a network's) leaves them as they are.
            self.formsets.pop("network_activities", None)


class OrganisationPage(CheckedMixin, RoutesAcrossTranslations, NetworkProfile, Page):
    """An organisation's profile. Its services, opportunities and portfolio sit below it."""

    acronym = models.CharField(
        _("acronym"),
        max_length=30,
        blank=True,
        help_text=_("Optional. The page title is the organisation's full name, not its acronym."),
    )
    kind = models.CharField(
        _("kind of organisation"), max_length=30, choices=OrganisationKind.choices
    )
    short_description = models.TextField(
        _("short description"),
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences shown on cards and in search results (at most 300 characters)."
        ),
    )
    mission = RichTextField(_("mission"), blank=True, features=RICH_TEXT_FEATURES)
    main_activities = RichTextField(_("main activities"), blank=True, features=RICH_TEXT_FEATURES)
    expertise_categories = ParentalManyToManyField(
        ExpertiseCategory, verbose_name=_("expertise"), blank=True, related_name="+"
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("target groups served"), blank=True, related_name="+"
    )
    place = optional_link(
        Place,
        _("city or town"),
        help_text=_("Where the organisation is, among the places of its country."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = image_field(_("logo"))
    cover_image = image_field(_("cover image"))
    languages_spoken = models.JSONField(_("languages spoken"), default=list, blank=True)

    base_form_class = OrganisationPageForm
    parent_page_types = ["directory.CountryPage"]
    subpage_types = [
        "directory.ServicePage",
        "directory.PortfolioProjectPage",
        "collaboration.CollaborationCallPage",
        "news.NewsPage",
    ]
    template = "directory/organisation_page.html"

    content_panels = [
        VerificationPanel(heading=_("Verification")),
        FieldPanel("title", heading=_("Full name")),
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
        FieldPanel("short_description"),
        FieldPanel("mission"),
        FieldPanel("main_activities"),
        MultiFieldPanel(
            [
                FieldPanel("expertise_categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages_spoken"),
            ],
            _("What you do and for whom"),
        ),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("address")],
            _("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("website"),
            ],
            _("Contact"),
        ),
        InlinePanel("social_links", heading=_("Social media"), label=_("Link")),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("cover_image")], _("Images")),
        NetworkProfile.network_panel,
        NetworkProfile.activities_panel,
    ]

    search_fields = [
        *Page.search_fields,
        *searched("acronym", boost=3),
        index.AutocompleteField("acronym"),
        *searched("short_description", boost=2),
        *searched("mission", "main_activities"),
        *searched_in_every_language("search_terms", boost=0.5),
        *filtered("kind"),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE,
        *translated("short_description", "mission", "main_activities", *NETWORK_TRANSLATED),
        *synchronized(
            "acronym",
            "kind",
            "expertise_categories",
            "target_groups",
            "place",
            "address",
            "contact_person",
            "email",
            "phone",
            "website",
            "logo",
            "cover_image",
            "languages_spoken",
            "social_links",
            *NETWORK_SYNCHRONIZED,
        ),
    ]

    objects = OrganisationManager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def members(self):
        """The active users of the organisation's group (every language version shares it)."""
        users = get_user_model().objects.filter(is_active=True)
        return users.filter(**{f"groups__{ORGANISATION_KEY}": self.translation_key})

    def get_country(self):
        """The organisation's country page (its parent, in the page's own language)."""
        return self.get_parent().specific

    def search_terms(self):
        """Vocabulary, place and country names in every language, for search."""
        if hasattr(self, "precomputed_search_terms"):  # set by bulk loaders such as the bench
            return self.precomputed_search_terms
        from directory.indexing import organisation_terms

        return organisation_terms(self)

    def languages_spoken_labels(self):
        choices = dict(spoken_language_choices())
        return [choices.get(code, code) for code in self.languages_spoken or []]

    @cached_property
    def all_translations(self):
        return list(self.get_translations(inclusive=True).select_related("locale"))

    def children_of_type(self, model, locales):
        """This organisation's pages of `model`, once each, in the visitor's language where
        translated (the organisation's page may be shown in it while written in another)."""
        return (
            one_per_translation(model.objects.live(), locales.active, locales.default)
            .filter(under_any(self.all_translations))
            .select_related("locale")
        )

    @classmethod
    def prefetch_cards(cls, organisations, addresses=True):
        """Everything an organisation card shows, in a fixed number of queries (none for no
        organisation: a page of results may hold services only). `addresses=False`: but their
        addresses (`attach_visitor_urls`), to be worked out with other cards'."""
        organisations = list(organisations)
        if not organisations:
            return []
        prefetch_related_objects(
            organisations,
            "expertise_categories",
            Prefetch(
                "logo__renditions",
                queryset=get_image_model()
                .get_rendition_model()
                .objects.filter(filter_spec=LOGO_FILTER),
            ),
        )
        attach_parents(organisations, Page, "country_page")
        labels = term_labels(ExpertiseCategory)
        places = place_names()
        for organisation in organisations:
            organisation.expertise_labels = labels.names_here(
                organisation.expertise_categories.all()
            )
            organisation.place_label = places.name(organisation.place_id)
        return attach_visitor_urls(organisations) if addresses else organisations

    def get_context(self, request, *args, **kwargs):
        from directory.models import PortfolioProjectPage, ServicePage

        context = super().get_context(request, *args, **kwargs)
        locales = request_locales(request)
        network_terms = [NetworkPurpose] if self.is_network else []
        labels = TermLabels(ExpertiseCategory, TargetGroup, *network_terms)
        context["expertise_labels"] = labels.names_here(self.expertise_categories.all())
        context["target_group_labels"] = labels.names_here(self.target_groups.all())
        places = PlaceNames()
        context["network"] = self.network_facts(labels, places)
        if context["network"] is not None:
            context["activities"] = self.activities_page(request)
            context["network"].activities = list(context["activities"])
            query = request.GET.copy()
            query.pop("activities", None)
            context["activities_query"] = query.urlencode()
        context["place_name"] = places.name(self.place_id)
        context["place_label"] = places.name(self.place_id, with_region=True)
        services = list(
            self.children_of_type(ServicePage, locales)
            .select_related("category")
            .order_by("kind", "title")
        )
        for service in services:
            service.category_label = labels.here(service.category)
        projects = list(
            self.children_of_type(PortfolioProjectPage, locales).order_by("-start_year", "title")
        )
        attach_visitor_urls([*services, *projects], request)
        context["services"] = [s for s in services if s.kind == "service"]
        context["opportunities"] = [s for s in services if s.kind == "opportunity"]
        context["projects"] = projects
        # The country as the visitor reads it, when the organisation is shown in their language.
        context["country_page"] = self.get_country().localized
        return context


class OrganisationSocialLink(Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="social_links")
    platform = models.CharField(_("platform"), max_length=20, choices=SocialPlatform.choices)
    url = models.URLField(_("web address"))

    panels = [FieldPanel("platform"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social media link")


__all__ = ["OrganisationPage", "OrganisationSocialLink"]
