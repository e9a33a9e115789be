"""What makes an organisation's profile complete: one definition for every screen and email.

The facilitators' dashboard, the reminder email, the organisation's own profile checklist and the
monitoring report all call `missing_items`. It checks any number of organisations in a fixed number
of queries, and looks at every language version of an organisation together.
"""

from dataclasses import dataclass

from django.db.models import Max, Q
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from directory.listing import attach_parents


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


#: Up to this many language versions, children are looked for under each of them; beyond, in one
#: pass over the tree's organisation level (cheaper than a long list of path conditions).
PATH_CONDITIONS_UP_TO = 120


class OrganisationTree:
    """Where every language version of some organisations sits in the page tree, in one query.

    `keys` is the organisations' translation keys: a set, or a subquery (better for thousands).
    """

    def __init__(self, keys):
        from directory.models import OrganisationPage

        self.owner = {}  # path of a language version -> the organisation's key
        self.key_by_pk = {}  # a language version's page id -> the organisation's key
        self.languages = {}  # key -> {language codes}
        self.live = set()  # keys with a live language version
        self.first_published = {}  # key -> earliest first publication of any version
        self.depths = set()
        self.keys = keys
        rows = OrganisationPage.objects.filter(translation_key__in=keys).values_list(
            "pk",
            "translation_key",
            "path",
            "depth",
            "locale__language_code",
            "live",
            "first_published_at",
        )
        for pk, key, path, depth, language, live, first_published_at in rows:
            self.owner[path] = key
            self.key_by_pk[pk] = key
            self.depths.add(depth)
            self.languages.setdefault(key, set()).add(language)
            if live:
                self.live.add(key)
            if first_published_at is not None:
                earliest = self.first_published.get(key)
                if earliest is None or first_published_at < earliest:
                    self.first_published[key] = first_published_at
        self.lengths = sorted({len(path) for path in self.owner})

    def key_of(self, path):
        """The key of the organisation a page at `path` belongs to, or None."""
        for length in self.lengths:
            if (key := self.owner.get(path[:length])) is not None:
                return key
        return None

    def under(self, levels=1):
        """A filter for the pages `levels` below these organisations (any language version)."""
        if len(self.owner) <= PATH_CONDITIONS_UP_TO:
            condition = Q(pk__in=[])
            for path in self.owner:
                condition |= Q(path__startswith=path, depth=len(path) // Page.steplen + levels)
            return condition
        return Q(depth__in=[depth + levels for depth in self.depths])

    def count_children(self, model, live=True):
        """{organisation key: how many pages of `model` sit right under it}, each page counted
        once whatever its languages."""
        if not self.owner:
            return {}
        pages = model.objects.live() if live else model.objects.all()
        found = {}
        for length in self.lengths:
            pairs = (
                pages.filter(self.under())
                .order_by()
                .annotate(prefix=Substr("path", 1, length))
                .values_list("prefix", "translation_key")
                .distinct()
            )
            for prefix, child_key in pairs:
                if (key := self.owner.get(prefix)) is not None:
                    found.setdefault(key, set()).add(child_key)
        return {key: len(children) for key, children in found.items()}

    def last_updates(self):
        """{organisation key: the last change to any of its pages}, grouped in the database."""
        updates = {}
        if not self.owner:
            return updates
        if len(self.owner) <= PATH_CONDITIONS_UP_TO:
            scope = Q(pk__in=[])
            for path in self.owner:
                scope |= Q(path__startswith=path)
        else:
            scope = Q(depth__gte=min(self.depths))
        for length in self.lengths:
            rows = (
                Page.objects.filter(scope)
                .order_by()
                .annotate(prefix=Substr("path", 1, length))
                .values_list("prefix")
                .annotate(
                    edited=Max("latest_revision_created_at"), published=Max("last_published_at")
                )
            )
            for prefix, edited, published in rows:
                if (key := self.owner.get(prefix)) is not None:
                    updates[key] = latest(updates.get(key), edited, published)
        return updates


def latest(*moments):
    """The latest of `moments` that are set, else None."""
    moments = [moment for moment in moments if moment is not None]
    return max(moments) if moments else None


@dataclass
class Completeness:
    missing: list
    services: int = 0  # published services and opportunities, each counted once
    projects: int = 0  # portfolio projects, drafts included

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


def missing_items(organisations, tree=None):
    """{organisation pk: Completeness} for every organisation given, in five queries.

    The organisations are pages, or any objects with the fields the rules read (title, acronym,
    short_description, email, phone, logo_id, cover_image_id, translation_key, path and depth).
    Pass the `OrganisationTree` of their keys when the caller has one already.
    """
    from directory.models import CountryPage, OrganisationPage, PortfolioProjectPage, ServicePage

    organisations = list(organisations)
    if tree is None:
        tree = OrganisationTree({organisation.translation_key for organisation in organisations})
    links = OrganisationPage.expertise_categories.through.objects.order_by()
    if len(tree.key_by_pk) <= PATH_CONDITIONS_UP_TO:
        links = links.filter(organisationpage_id__in=list(tree.key_by_pk))
    pages_with_expertise = links.values_list("organisationpage_id", flat=True).distinct()
    expertise = {tree.key_by_pk.get(pk) for pk in pages_with_expertise}
    services = tree.count_children(ServicePage)
    projects = tree.count_children(PortfolioProjectPage, live=False)
    attach_parents(organisations, CountryPage, "country_page")

    result = {}
    for organisation in organisations:
        key = organisation.translation_key
        country = organisation.country_page
        national = getattr(country, "national_language", "") or ""
        languages = tree.languages.get(key, set())
        met = {
            "full_name": not is_only_an_acronym(organisation.title, organisation.acronym),
            "short_description": bool((organisation.short_description or "").strip()),
            "portfolio": projects.get(key, 0) > 0,
            "expertise": key in expertise,
            "service": services.get(key, 0) > 0,
            "contact": bool(organisation.email or organisation.phone),
            "logo": organisation.logo_id is not None,
            "cover_image": organisation.cover_image_id is not None,
            "english": "en" in languages,
            # Without a country there is no national language to ask for yet.
            "national_language": not national or national in languages,
        }
        result[organisation.pk] = Completeness(
            [rule for rule in RULES if not met[rule.code]],
            services=services.get(key, 0),
            projects=projects.get(key, 0),
        )
    return result


def completeness_of(organisation):
    return missing_items([organisation])[organisation.pk]
