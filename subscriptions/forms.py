"""The subscribe form (footer of every page, news index), the "email me new results" form of
search listings, and the subscriber's own page of choices.

Robots are kept out by a hidden field (`website`) and a rate limit (views.py); anything the
form does not accept is a form error, and nothing is stored.
"""

import json

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.page_cache import GENERATION_KEY
from directory.listing import one_per_translation, request_locales
from directory.models import CountryPage

from .models import Kind, Listing, describe_searches

#: The version of the consent text shown next to the box (CONSENT_LABEL), stored with the
#: consent. Change it whenever that text changes.
CONSENT_VERSION = "2026-12"
CONSENT_LABEL = _(
    "I agree that this portal keeps my email address and language to send me what I chose, "
    "until I unsubscribe. Each email has a link to unsubscribe."
)
SEARCH_WORDS_MAX_LENGTH = 200
SEARCH_FILTERS_MAX_LENGTH = 2000


#: How long the countries' names are kept; a publication or a move forgets them at once.
COUNTRIES_SECONDS = 24 * 60 * 60


def country_choices(request):
    """[(code, name)] of the directory's countries, named in the visitor's language.

    The form is in the footer of every page: the list is kept in the shared cache, under the
    page cache's generation, so a page costs no query for it and a country published, renamed
    or unpublished shows at once."""
    if request is None:
        return []
    key = f"subscriptions:countries:{get_language()}:{cache.get(GENERATION_KEY)}"
    choices = cache.get(key)
    if choices is None:
        locales = request_locales(request)
        countries = one_per_translation(
            CountryPage.objects.live().exclude(code="").only("code", "title", "locale_id"),
            locales.active,
            locales.default,
        ).order_by("title")
        choices = [(country.code, country.title) for country in countries]
        cache.set(key, choices, COUNTRIES_SECONDS)
    return choices


def country_names(codes, language):
    """{code: name} of the countries `codes`, named in `language` (else the default one's)."""
    if not codes:
        return {}
    default = Locale.get_default()
    locale = Locale.objects.filter(language_code=language).first() or default
    countries = one_per_translation(
        CountryPage.objects.live().filter(code__in=codes), locale, default
    ).only("code", "title")
    return {country.code: country.title for country in countries}


class SubscriberFields(forms.Form):
    """What every form of the subscriptions asks: an address, a language, consent."""

    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Please write your email address."),
            "invalid": _("Please write a valid email address, like name@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        label=CONSENT_LABEL,
        error_messages={
            "required": _("Please tick the box to agree, or we cannot send you email.")
        },
    )
    # Left empty by people; filled by robots that fill every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, form_id="subscribe", **kwargs):
        kwargs.setdefault("auto_id", f"{form_id}-%s")
        kwargs.setdefault("initial", {}).setdefault("language", get_language())
        super().__init__(*args, **kwargs)
        self.form_id = form_id

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Please leave the last field empty."), code="honeypot")
        return cleaned

    @property
    def is_spam(self):
        return self.has_error(NON_FIELD_ERRORS, "honeypot")


class ListFields(forms.Form):
    """What to receive: the news (of some countries, or all), the newsletter."""

    news = forms.BooleanField(label=_("News"), required=False)
    countries = forms.MultipleChoiceField(
        label=_("Only news about these countries (none: every country)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    newsletter = forms.BooleanField(label=_("The best-practice newsletter"), required=False)

    def set_countries(self, request):
        self.fields["countries"].choices = country_choices(request)


class SubscribeForm(SubscriberFields, ListFields):
    field_order = ["email", "language", "news", "countries", "newsletter", "consent", "website"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_countries(request)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("news") or cleaned.get("newsletter")):
            self.add_error(
                "news", _("Please choose what to receive: the news, the newsletter, or both.")
            )
        return cleaned

    def choices(self):
        """What the confirmation link carries and applies."""
        data = self.cleaned_data
        return {
            "l": data["language"],
            "news": bool(data["news"]),
            "countries": sorted(data["countries"]) if data["news"] else [],
            "newsletter": bool(data["newsletter"]),
        }


class SearchAlertForm(SubscriberFields):
    """ "Email me new results": the search as the listing shows it, in hidden fields: which
    listing, its words, its filters (as its own form reads them) and its language."""

    # Not required: a page cached before listings were named posts without it (the search's).
    listing = forms.ChoiceField(
        choices=Listing.choices, required=False, initial=Listing.SEARCH, widget=forms.HiddenInput
    )
    q = forms.CharField(
        required=False, max_length=SEARCH_WORDS_MAX_LENGTH, widget=forms.HiddenInput
    )
    filters = forms.CharField(
        required=False, max_length=SEARCH_FILTERS_MAX_LENGTH, widget=forms.HiddenInput
    )
    search_language = forms.ChoiceField(choices=settings.LANGUAGES, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("form_id", "alert")
        super().__init__(*args, **kwargs)

    @staticmethod
    def filters_json(filters):
        return json.dumps({name: list(values) for name, values in filters.items()})

    def clean_listing(self):
        return self.cleaned_data["listing"] or Listing.SEARCH

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean_filters(self):
        """{name: [values]}: the listing's filters, strings only."""
        text = self.cleaned_data["filters"] or "{}"
        try:
            filters = json.loads(text)
        except ValueError:
            raise forms.ValidationError(_("This search cannot be saved.")) from None
        if not isinstance(filters, dict) or not all(
            isinstance(name, str)
            and isinstance(values, list)
            and all(isinstance(value, str) for value in values)
            for name, values in filters.items()
        ):
            raise forms.ValidationError(_("This search cannot be saved."))
        return {name: sorted(values) for name, values in sorted(filters.items()) if values}

    def choices(self):
        data = self.cleaned_data
        return {
            "l": data["language"],
            "search": {
                "n": data["listing"],
                "q": data["q"],
                "f": data["filters"],
                "l": data["search_language"],
            },
        }


class ManageForm(ListFields):
    """A subscriber's choices, changed from the link of any email."""

    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)
    searches = forms.TypedMultipleChoiceField(
        label=_("Alerts for new results of a search"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, subscriber, request, **kwargs):
        subscriptions = list(subscriber.subscriptions.all())
        by_kind = {s.kind: s for s in subscriptions if s.kind != Kind.SEARCH}
        self.searches = [s for s in subscriptions if s.kind == Kind.SEARCH]
        news = by_kind.get(Kind.NEWS)
        kwargs.setdefault(
            "initial",
            {
                "language": subscriber.language,
                "news": news is not None,
                "countries": news.countries if news else [],
                "newsletter": Kind.NEWSLETTER in by_kind,
                "searches": [s.pk for s in self.searches],
            },
        )
        kwargs.setdefault("auto_id", "manage-%s")
        super().__init__(*args, **kwargs)
        self.set_countries(request)
        described = describe_searches([(s.listing, s.query, s.filters) for s in self.searches])
        self.fields["searches"].choices = [
            (s.pk, text) for s, text in zip(self.searches, described, strict=True)
        ]
