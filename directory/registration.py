"""An organisation registers: one form, one atomic step, a verification link by email."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core import signing
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Locale

from directory.events import REGISTERED, announce
from directory.listing import one_per_translation
from directory.models import (
    CountryPage,
    DirectoryIndexPage,
    OrganisationAccount,
    OrganisationKind,
    OrganisationPage,
    Place,
    PlaceKind,
)
from directory.permissions import sync_organisation

NO_COUNTRY = "none"
VERIFY_SALT = "directory.registration.verify"
VERIFY_MAX_AGE = 60 * 60 * 24 * 7  # a week


class RegistrationForm(forms.Form):
    # As Django's User stores them, so that the account settings save as they are.
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("You will sign in with it. We will send a link to check that it is yours."),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters; not only numbers, and not a common password."),
    )
    password_confirm = forms.CharField(
        label=_("Confirm password"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    organisation_name = forms.CharField(
        label=_("Full name of the organisation"),
        max_length=200,
        help_text=_(
            "Write the name in full, as people would search for it: “Centro Studi e Iniziative "
            "Europeo”, not only “CESIE”. Citizens rarely know an acronym, and search engines "
            "cannot guess it."
        ),
    )
    acronym = forms.CharField(label=_("Acronym (optional)"), max_length=30, required=False)
    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=OrganisationKind.choices)
    country = forms.ChoiceField(label=_("Country where you work"))
    place = forms.ChoiceField(
        label=_("City or town"),
        required=False,
        help_text=_(
            "Among the towns of the country you chose. If yours is not in the list, choose the "
            "nearest one: your country's facilitators can add it."
        ),
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and the privacy notice."),
        error_messages={"required": _("Please accept the terms and the privacy notice.")},
    )
    # Left empty by people; filled by robots that fill every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, **kwargs)
        countries = CountryPage.objects.live().exclude(code="")
        countries = one_per_translation(countries, locales.active, locales.default)
        self.fields["country"].choices = (
            [("", _("Choose a country"))]
            + [(country.code.lower(), country.title) for country in countries.order_by("title")]
            + [(NO_COUNTRY, _("My country is not in this list"))]
        )
        self.places = places_by_country(locales)
        self.fields["place"].choices = [("", _("Choose a city or town"))] + [
            (
                country.title,
                [(place.slug, place.name) for place in self.places.get(country.code, [])],
            )
            for country in countries.order_by("title")
            if country.code in self.places
        ]

    def clean_email(self):
        # Whether the address already has an account is not said here: the view answers the
        # same either way (`register`), so that nobody can find out who has registered.
        return self.cleaned_data["email"].strip().lower()

    def clean_organisation_name(self):
        name = " ".join(self.cleaned_data["organisation_name"].split())
        if not name:
            raise forms.ValidationError(_("Please write the organisation's name."))
        if not slugify(name, allow_unicode=True):
            # The page's address is made of the name's letters and digits.
            raise forms.ValidationError(
                _("Please write the organisation's name with letters or numbers.")
            )
        return name

    def clean_place(self):
        """The chosen place, as a `Place` (none chosen: None)."""
        slug = self.cleaned_data.get("place")
        if not slug:
            return None
        return next(
            (place for places in self.places.values() for place in places if place.slug == slug),
            None,
        )

    def clean(self):
        cleaned = super().clean()
        country, place = cleaned.get("country"), cleaned.get("place")
        code = (country or "").upper()
        if place is not None and place.country != code:
            self.add_error("place", _("Choose a city or town of the country you chose."))
        elif place is None and "place" not in self.errors and self.places.get(code):
            self.add_error("place", _("Choose the city or town where you work."))
        if cleaned.get("website"):
            raise forms.ValidationError(_("Please leave the last field empty."))
        password = cleaned.get("password")
        if password and password != cleaned.get("password_confirm"):
            self.add_error("password_confirm", _("The two passwords are different."))
        elif password:
            user = get_user_model()(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class ResendForm(forms.Form):
    """Ask for a new verification link (on the page of a link that does not work)."""

    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={"invalid": _("Please write a valid email address, like name@example.com.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_resend_%s")
        super().__init__(*args, **kwargs)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


def account_with_email(email):
    """The account registered with `email` (any case), or None."""
    return get_user_model().objects.filter(email__iexact=email).order_by("pk").first()


def awaiting_confirmation(user):
    """The organisation page `user` registered, if they never confirmed their email address
    (inactive, never signed in); else None. Such a person gets a fresh verification link
    whenever they ask for one or register again."""
    if user is None or user.is_active or user.last_login is not None:
        return None
    group = (
        user.groups.filter(organisation_account__isnull=False)
        .select_related("organisation_account")
        .first()
    )
    if group is None:
        return None
    return OrganisationPage.objects.first_version(group.organisation_account.translation_key)


def places_by_country(locales):
    """{country code: its towns}, each once, named in the visitor's language where translated,
    in alphabetical order."""
    towns = Place.objects.filter(kind=PlaceKind.TOWN)
    places = one_per_translation(towns, locales.active, locales.default)
    grouped = {}
    for place in places.order_by("name"):
        grouped.setdefault(place.country, []).append(place)
    return grouped


def country_page_for(code):
    """The CountryPage to register under: in the country's own language where it exists."""
    if code == NO_COUNTRY:
        candidates = CountryPage.objects.filter(code="")
        if not candidates.exists():
            directory = DirectoryIndexPage.objects.filter(locale=Locale.get_default()).first()
            page = CountryPage(title="Country not set", slug="country-not-set", code="")
            directory.add_child(instance=page)
            page.save_revision().publish()
            return page
        return candidates.filter(locale=Locale.get_default()).first() or candidates.first()
    candidates = CountryPage.objects.filter(code=code.upper()).select_related("locale")
    pages = {page.locale.language_code: page for page in candidates}
    national = next((p.national_language for p in pages.values() if p.national_language), "")
    return (
        pages.get(national)
        or pages.get(Locale.get_default().language_code)
        or next(iter(pages.values()))
    )


def _unique_group_name(name, pk):
    return f"Organisation: {name[:100]} ({pk})"


@transaction.atomic
def register_organisation(data, password_hash=None):
    """Create the user, the organisation's draft page, its group and collection, all or nothing.

    `password_hash`: `data["password"]` hashed already (`make_password`), as the registration
    form does for every answer (directory/views.py); hashed here otherwise.
    """
    User = get_user_model()
    country = country_page_for(data["country"])
    user = User.objects.create_user(
        username=data["email"],
        email=data["email"],
        password=None if password_hash else data["password"],
        first_name=data["first_name"],
        last_name=data["last_name"],
        is_active=False,
    )
    if password_hash:
        user.password = password_hash
        user.save(update_fields=["password"])
    page = OrganisationPage(
        title=data["organisation_name"],
        acronym=data.get("acronym", ""),
        kind=data["kind"],
        place=data.get("place"),
        contact_person=f"{data['first_name']} {data['last_name']}"[:120],
        email=data["email"],
        locale=country.locale,
        live=False,
        owner=user,
    )
    country.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    collection = Collection.get_first_root_node().add_child(
        name=f"{data['organisation_name'][:200]} ({page.pk})"
    )
    group = Group.objects.create(name=_unique_group_name(data["organisation_name"], page.pk))
    user.groups.add(group)
    account = OrganisationAccount.objects.create(
        translation_key=page.translation_key, group=group, collection=collection
    )
    sync_organisation(account)
    announce(REGISTERED, page, user=user)
    return user, page, account


def verification_token(user):
    return signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_SALT, compress=True)


def user_for_token(token):
    """The user a verification link was made for, or None if it is forged, altered or too old."""
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.get("u")).first()
    if user is None or user.email != data.get("e"):
        return None
    return user
