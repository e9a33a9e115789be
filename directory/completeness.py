"""What makes an organisation's profile complete: one definition for every screen and email.

The facilitators' dashboard, the reminder email, the organisation's own profile checklist and the
monitoring report all call `missing_items`. It checks any number of organisations in a fixed number
of queries, and looks at every language version of an organisation together.
"""

from dataclasses import dataclass

from django.db.models import Count, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from directory.listing import ancestor_path, attach_parents


@dataclass(frozen=True)
class Rule:
    code: str
    label: str


RULES = [
    Rule("full_name", _("The organisation's full name (not only its acronym)")),
    Rule("short_description", _("A short description")),
    Rule("portfolio", _("At least one portfolio project")),
    Rule("expertise", _("At least one expertise category")),
    Rule("service", _("At least one published service or opportunity")),
    Rule("contact", _("Contact details (an email address or a phone number)")),
    Rule("logo", _("A logo")),
    Rule("cover_image", _("A cover image")),
    Rule("english", _("The profile in English")),
    Rule("national_language", _("The profile in the country's language")),
]
RULES_BY_CODE = {rule.code: rule for rule in RULES}


def is_only_an_acronym(title, acronym):
    title = (title or "").strip()
    if not title:
        return True
    if acronym and title.casefold() == acronym.strip().casefold():
        return True
    # A single word in capitals, like "CESIE" or "ARCI", is an acronym, not a full name.
    return len(title.split()) == 1 and title.isupper()


def _children_by_organisation(model, keys, live=True):
    """How many pages of `model` sit under each organisation, by the organisation's key."""
    parent_key = Page.objects.filter(path=ancestor_path(1)).values("translation_key")[:1]
    pages = model.objects.live() if live else model.objects.all()
    rows = (
        pages.order_by()
        .annotate(parent_key=Subquery(parent_key))
        .filter(parent_key__in=keys)
        .values("parent_key")
        .annotate(n=Count("translation_key", distinct=True))
    )
    return {row["parent_key"]: row["n"] for row in rows}


@dataclass
class Completeness:
    missing: list

    @property
    def complete(self):
        return not self.missing

    @property
    def share(self):
        """The share of rules met, from 0 to 100."""
        return round(100 * (len(RULES) - len(self.missing)) / len(RULES))

    @property
    def missing_codes(self):
        return [rule.code for rule in self.missing]


def missing_items(organisations):
    """{organisation pk: Completeness} for every organisation given, in five queries."""
    from directory.models import CountryPage, OrganisationPage, PortfolioProjectPage, ServicePage

    organisations = list(organisations)
    keys = {organisation.translation_key for organisation in organisations}
    expertise = set(
        OrganisationPage.expertise_categories.through.objects.filter(
            organisationpage__translation_key__in=keys
        ).values_list("organisationpage__translation_key", flat=True)
    )
    languages = {}
    for key, code in Page.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "locale__language_code"
    ):
        languages.setdefault(key, set()).add(code)
    services = _children_by_organisation(ServicePage, keys)
    projects = _children_by_organisation(PortfolioProjectPage, keys, live=False)
    attach_parents(organisations, CountryPage, "country_page")

    result = {}
    for organisation in organisations:
        key = organisation.translation_key
        country = organisation.country_page
        national = getattr(country, "national_language", "") or ""
        met = {
            "full_name": not is_only_an_acronym(organisation.title, organisation.acronym),
            "short_description": bool((organisation.short_description or "").strip()),
            "portfolio": projects.get(key, 0) > 0,
            "expertise": key in expertise,
            "service": services.get(key, 0) > 0,
            "contact": bool(organisation.email or organisation.phone),
            "logo": organisation.logo_id is not None,
            "cover_image": organisation.cover_image_id is not None,
            "english": "en" in languages.get(key, set()),
            # Without a country there is no national language to ask for yet.
            "national_language": not national or national in languages.get(key, set()),
        }
        result[organisation.pk] = Completeness([rule for rule in RULES if not met[rule.code]])
    return result


def completeness_of(organisation):
    return missing_items([organisation])[organisation.pk]
