"""The two steps of a reader's answer: yes or no about a page, then, optionally, what was missing.

Anything the forms do not accept is a form error and nothing is stored. The text is about the page,
not the reader: addresses and phone numbers written into it are taken out before it is kept.
"""

import re

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .models import MISSING_MAX_LENGTH, Answer
from .public_views import KEY_MAX_LENGTH, is_public_view

YES, NO = "yes", "no"
#: Where an address or a phone number was taken out of a text.
REMOVED = "[…]"
EMAIL = re.compile(r"[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+")
# A run of digits with the separators people write in phone numbers; it is a phone number (and
# taken out) when it has at least PHONE_DIGITS digits and is not a date.
PHONE = re.compile(r"\+?\(?\d[\d\s().\-/]*\d")
PHONE_DIGITS = 7
DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")

TOKEN_SALT = "feedback.answer"  # noqa: S105 - a signing namespace, not a secret


def without_personal_data(text):
    """`text` with email addresses and phone numbers replaced by REMOVED."""
    text = EMAIL.sub(REMOVED, text)

    def phone(match):
        found = match.group(0)
        digits = sum(character.isdigit() for character in found)
        if digits < PHONE_DIGITS or DATE.fullmatch(found.strip()):
            return found
        return REMOVED

    return PHONE.sub(phone, text)


def public_page(page_id):
    """The live page every visitor may read with this id, or None (a draft, a private page, the
    tree's root)."""
    return Page.objects.live().public().filter(pk=page_id, depth__gt=1).first()


class AnswerForm(forms.Form):
    """ "Was this page useful?": the page or the public view (a hidden field: exactly one of the
    two) and the button pressed."""

    page = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)
    view = forms.CharField(max_length=KEY_MAX_LENGTH, required=False, widget=forms.HiddenInput)
    useful = forms.ChoiceField(
        choices=[(YES, _("Yes")), (NO, _("No"))],
        error_messages={"required": _("Please answer yes or no.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = None
        self.view = ""

    def clean_page(self):
        page_id = self.cleaned_data["page"]
        if page_id is None:
            return None
        page = public_page(page_id)
        if page is None:
            raise forms.ValidationError(_("This page cannot be answered about."), code="page")
        self.page = page
        return page.pk

    def clean_view(self):
        view = self.cleaned_data["view"]
        if view and not is_public_view(view):
            raise forms.ValidationError(_("This page cannot be answered about."), code="view")
        self.view = view
        return view

    def clean(self):
        cleaned = super().clean()
        if "page" in cleaned and "view" in cleaned and bool(self.page) == bool(self.view):
            self.page, self.view = None, ""
            raise forms.ValidationError(_("This page cannot be answered about."), code="about")
        return cleaned

    def save(self, month, language):
        return Answer.objects.create(
            page=self.page,
            view=self.view,
            language=language,
            month=month,
            useful=self.cleaned_data["useful"] == YES,
        )


def answer_token(answer):
    """What lets the reader who just answered add what was missing, for a while: the answer's
    id, signed and timed (nothing about the reader)."""
    about = {"p": answer.page_id} if answer.page_id else {"v": answer.view}
    return signing.dumps({"a": answer.pk, **about}, salt=TOKEN_SALT, compress=True)


def read_token(token):
    """The answer a token stands for, if the token is genuine, recent and the answer exists."""
    try:
        payload = signing.loads(
            token, salt=TOKEN_SALT, max_age=settings.PORTAL_FEEDBACK_FOLLOW_UP_MINUTES * 60
        )
        if "p" in payload:
            about = {"page_id": int(payload["p"])}
        else:
            about = {"page": None, "view": str(payload["v"])}
        return Answer.objects.select_related("page").filter(pk=int(payload["a"]), **about).first()
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


class MissingForm(forms.Form):
    """ "What was missing?": optional, text only, without personal data."""

    token = forms.CharField(max_length=500, widget=forms.HiddenInput)
    missing = forms.CharField(
        label=_("What was missing?"),
        required=False,  # the whole step is optional; an empty text is refused in clean_missing
        max_length=MISSING_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MISSING_MAX_LENGTH}),
        error_messages={
            "max_length": _("Please write at most %(limit_value)d characters."),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "feedback-%s")
        super().__init__(*args, **kwargs)
        self.fields["missing"].help_text = gettext(
            "Optional. Please do not write your name, email address, phone number or anything "
            "else about yourself: we do not need them, and we take addresses and phone numbers "
            "out. At most %(count)s characters."
        ) % {"count": MISSING_MAX_LENGTH}
        self.answer = None

    def clean_token(self):
        self.answer = read_token(self.cleaned_data["token"])
        if self.answer is None:
            raise forms.ValidationError(
                _("This answer can no longer be added to. Thank you all the same."), code="token"
            )
        if self.answer.missing:
            raise forms.ValidationError(
                _("You have already told us what was missing. Thank you."), code="done"
            )
        return self.cleaned_data["token"]

    def clean_missing(self):
        text = without_personal_data(self.cleaned_data["missing"].strip())
        if not re.sub(r"[\W_]+", "", text.replace(REMOVED, "")):  # nothing but what was taken out
            raise forms.ValidationError(_("Please write what was missing, or go back to the page."))
        return text

    def save(self):
        self.answer.missing = self.cleaned_data["missing"]
        self.answer.save(update_fields=["missing"])
        return self.answer
