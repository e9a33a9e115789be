"""The forms of mentoring: becoming a mentor, looking for one (or an organisation enrolling a
young person), asking mentors, the mentor's answer. Anything a form does not accept is a form
error, and nothing is stored."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.listing import one_per_translation, request_locales
from directory.models import CountryPage, ExpertiseCategory

from .models import SPOKEN_LANGUAGES, Delivery, MentoringSession, split_keywords
from .requests import consent_age

#: The version of the consent texts below, stored with each consent. Change it whenever a text
#: changes.
CONSENT_VERSION = "2026-12"
MENTOR_CONSENT = _(
    "I agree that this portal keeps what I wrote here, shows my name, profile, sectors, "
    "languages and city to young people looking for a mentor, and gives my email address to "
    "those whose request I accept. I can ask for my data to be deleted at any time."
)
MENTEE_CONSENT = _(
    "I agree that this portal keeps what I wrote here to propose mentors to me, shows my "
    "first name and message to the mentors I ask, and gives my email address to the mentor who "
    "accepts. My data is deleted 12 months after the mentorship ends."
)

GUARDIAN_CONSENT = _(
    "The young person's parent or guardian agrees that this portal keeps what is written here "
    "to propose mentors, shows the young person's first name and message to the mentors they "
    "ask, and gives their email address to the mentor who accepts; the data is deleted 12 "
    "months after the mentorship ends. Our organisation keeps the signed agreement."
)


def country_choices(request):
    """[(code, name)] of the directory's countries, in the visitor's language."""
    locales = request_locales(request)
    countries = one_per_translation(
        CountryPage.objects.live().exclude(code="").only("code", "title", "locale_id"),
        locales.active,
        locales.default,
    ).order_by("title")
    return [(country.code, country.title) for country in countries]


def sector_queryset(request):
    """The expertise categories in the visitor's language (else the default one's)."""
    locales = request_locales(request)
    return one_per_translation(
        ExpertiseCategory.objects.all(), locales.active, locales.default
    ).order_by("name")


class MentoringForm(forms.Form):
    """Countries and sectors in the visitor's language; addresses and keywords tidied."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "country" in self.fields:
            self.fields["country"].choices = [("", "—"), *country_choices(request)]
        if "sectors" in self.fields:
            self.fields["sectors"].queryset = sector_queryset(request)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_keywords(self):
        return ", ".join(split_keywords(self.cleaned_data["keywords"]))


class PublicForm(MentoringForm):
    # Left empty by people; filled by robots that fill every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Please leave the last field empty."), code="honeypot")
        return cleaned

    @property
    def is_spam(self):
        return self.has_error(NON_FIELD_ERRORS, "honeypot")


EMAIL_ERRORS = {
    "required": _("Please write your email address."),
    "invalid": _("Please write a valid email address, like name@example.com."),
}


class MentorForm(PublicForm):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your email address"), max_length=254, error_messages=EMAIL_ERRORS
    )
    profile = forms.CharField(
        label=_("Your professional profile"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you do and have done, in a few lines. Mentees read it."),
    )
    link = forms.URLField(
        label=_("Link to a professional profile (optional)"),
        max_length=500,
        required=False,
        assume_scheme="https",
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Your sectors of expertise"),
        queryset=ExpertiseCategory.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please choose at least one sector.")},
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        max_length=300,
        required=False,
        help_text=_("What you know about, separated by commas: “web design, interviews”."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=SPOKEN_LANGUAGES,
        error_messages={"required": _("Please choose at least one language.")},
    )
    country = forms.ChoiceField(
        label=_("Country"), error_messages={"required": _("Please choose your country.")}
    )
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    delivery = forms.ChoiceField(
        label=_("How you can meet"), choices=Delivery.choices, initial=Delivery.BOTH
    )
    capacity = forms.TypedChoiceField(
        label=_("How many mentees at once"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        initial=1,
    )
    consent = forms.BooleanField(
        label=MENTOR_CONSENT,
        error_messages={"required": _("Please tick the box to agree, or we cannot register you.")},
    )


class MentorProfileForm(MentoringForm):
    """What an approved or waiting mentor changes from their page; their capacity never below
    the mentorships they have going (checked again under a lock when written)."""

    profile = MentorForm.base_fields["profile"]
    link = MentorForm.base_fields["link"]
    sectors = MentorForm.base_fields["sectors"]
    keywords = MentorForm.base_fields["keywords"]
    languages = MentorForm.base_fields["languages"]
    delivery = MentorForm.base_fields["delivery"]
    capacity = MentorForm.base_fields["capacity"]

    def __init__(self, *args, active=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.active = active

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity < self.active:
            raise forms.ValidationError(
                _(
                    "You mentor %(count)d young people now: your capacity cannot be lower until "
                    "a mentorship ends."
                )
                % {"count": self.active},
                code="below_active",
            )
        return capacity


class LookingForForm(MentoringForm):
    """What a mentee looks for: sectors or keywords (at least one), meetings, a message."""

    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors you are interested in"),
        queryset=ExpertiseCategory.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        max_length=300,
        required=False,
        help_text=_("What you would like help with, separated by commas: “cv, web design”."),
    )
    delivery = forms.ChoiceField(
        label=_("How you would like to meet"), choices=Delivery.choices, initial=Delivery.BOTH
    )
    message = forms.CharField(
        label=_("A few words about you and what you look for"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("sectors")
            and not cleaned.get("keywords")
            and not self.has_error("sectors")
        ):
            self.add_error("sectors", _("Please choose a sector or write a keyword."))
        return cleaned


class MenteeForm(PublicForm, LookingForForm):
    field_order = ["first_name", "email", "age", "country", "sectors", "keywords", "delivery"]

    first_name = forms.CharField(label=_("Your first name"), max_length=60)
    email = forms.EmailField(
        label=_("Your email address"), max_length=254, error_messages=EMAIL_ERRORS
    )
    age = forms.IntegerField(
        label=_("Your age"),
        min_value=1,
        max_value=120,
        help_text=_("Only to check that you may register yourself; it is not kept."),
    )
    country = forms.ChoiceField(
        label=_("Country"), error_messages={"required": _("Please choose your country.")}
    )
    consent = forms.BooleanField(
        label=MENTEE_CONSENT,
        error_messages={"required": _("Please tick the box to agree, or we cannot register you.")},
    )

    def clean(self):
        cleaned = super().clean()
        age, country = cleaned.get("age"), cleaned.get("country")
        if age is not None and country and age < consent_age(country):
            self.add_error(
                "age",
                forms.ValidationError(
                    _(
                        "In your country you can register yourself from the age of %(age)d. "
                        "Please ask an organisation of this portal near you (a school, a youth "
                        "centre, an employment service): they can enrol you with the agreement "
                        "of a parent or guardian."
                    ),
                    code="under_age",
                    params={"age": consent_age(country)},
                ),
            )
        return cleaned


def age_on(birth, today):
    """Whole years between `birth` and `today`."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


class EnrolmentForm(LookingForForm):
    """An organisation enrolling a young person, below the age of digital consent of their
    country only with their parent's or guardian's consent. `under_age` after cleaning: whether
    the young person is below it."""

    first_name = forms.CharField(label=_("First name"), max_length=60)
    email = forms.EmailField(
        label=_("Their email address"),
        max_length=254,
        help_text=_("Where they receive the link to their mentoring page."),
        error_messages={
            "required": _("Please write their email address."),
            "invalid": EMAIL_ERRORS["invalid"],
        },
    )
    country = forms.ChoiceField(
        label=_("Country"), error_messages={"required": _("Please choose their country.")}
    )
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)
    birth_date = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Or their age, below."),
    )
    age = forms.IntegerField(label=_("Age"), min_value=1, max_value=120, required=False)
    guardian_consent = forms.BooleanField(label=GUARDIAN_CONSENT, required=False)
    guardian_name = forms.CharField(
        label=_("Name of the parent or guardian"), max_length=120, required=False
    )

    field_order = ["first_name", "email", "country", "language", "birth_date", "age", "sectors"]
    under_age = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].label = _("Sectors they are interested in")
        self.fields["keywords"].help_text = _(
            "What they would like help with, separated by commas: “cv, web design”."
        )
        self.fields["delivery"].label = _("How they would like to meet")
        self.fields["message"].label = _("A few words about them and what they look for")

    def clean_birth_date(self):
        birth = self.cleaned_data["birth_date"]
        if birth is not None and birth >= timezone.localdate():
            raise forms.ValidationError(_("Please check the date of birth: it is not past."))
        return birth

    def clean(self):
        cleaned = super().clean()
        birth, age = cleaned.get("birth_date"), cleaned.get("age")
        if birth is not None:
            age = age_on(birth, timezone.localdate())
        elif age is None and not self.has_error("age") and not self.has_error("birth_date"):
            self.add_error("age", _("Please give their date of birth or their age."))
        country = cleaned.get("country")
        if age is None or not country:
            return cleaned
        self.under_age = age < consent_age(country)
        if self.under_age:
            if not cleaned.get("guardian_consent"):
                self.add_error(
                    "guardian_consent",
                    _(
                        "In their country a young person under %(age)d needs the consent of a "
                        "parent or guardian: please record it."
                    )
                    % {"age": consent_age(country)},
                )
            if not cleaned.get("guardian_name", "").strip():
                self.add_error("guardian_name", _("Please write the parent's or guardian's name."))
        return cleaned


class RequestForm(forms.Form):
    """The mentors a mentee asks (among those proposed), with a message."""

    mentors = forms.TypedMultipleChoiceField(
        label=_("Mentors to ask"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please choose at least one mentor.")},
    )
    message = forms.CharField(
        label=_("Your message to the mentors"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Please write a few words to the mentors.")},
    )

    def __init__(self, *args, proposals=(), places=3, **kwargs):
        super().__init__(*args, **kwargs)
        self.places = places
        self.fields["mentors"].choices = [(mentor.pk, mentor.name) for mentor in proposals]

    def clean_mentors(self):
        chosen = self.cleaned_data["mentors"]
        if len(chosen) > self.places:
            raise forms.ValidationError(
                _("You may ask %(count)d more mentors at most.") % {"count": self.places}
            )
        return chosen


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you decline (the mentee reads it)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please say briefly why you decline.")},
    )


class SessionForm(forms.ModelForm):
    """A meeting the mentor logs."""

    class Meta:
        model = MentoringSession
        fields = ["date", "minutes", "delivery", "note"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"note": _("Only you see this note.")}

    def clean_date(self):
        """Not after tomorrow (today for a mentor east of the portal's time zone): a meeting
        dated later would count as the last one until then, and silence the reminders."""
        date = self.cleaned_data["date"]
        if date > timezone.localdate() + timedelta(days=1):
            raise forms.ValidationError(
                _("Please check the date: a meeting is logged once it has taken place."),
                code="future",
            )
        return date


class EndForm(forms.Form):
    """Ending a mentorship: completed, or early with a reason."""

    completed = forms.BooleanField(label=_("We reached what we set out to do"), required=False)
    reason = forms.CharField(
        label=_("Why it ends (required when it ends early)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("completed") and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Please say briefly why the mentorship ends early."))
        return cleaned
