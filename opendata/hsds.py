"""The directory as Open Referral HSDS 3.0 records: organisations, services, their locations,
and the vocabularies as taxonomies.

Every record is in one language, the one asked for: each piece of content in that language
where it has been translated, else in English, else in the language it was first written in
(the rows the directory's listings read, `directory.listing_rows`). A record's own language is
stated in its `attributes`, as a link to the term of the "content language" taxonomy whose
`code` is the language's code (HSDS has no language field on a service or an organisation);
a taxonomy term states its own in `language`.

Ids are UUIDs, the same in every language: a page's translation key, a vocabulary term's
translation key; what has no key of its own (a service's location, a phone) has a UUID derived
from its owner's.

Only live content is read, and only what the public pages show: an email or a phone a draft
holds is never read (a page's row holds its live version), and a service with no email or
phone of its own gives its organisation's, as its page does (`contact_of`). The contact
person's name is left out: it is a person's.

Beside HSDS's fields, an organisation's record holds the properties other apps add through
`directory.record_properties` (the networks' `x_memberships` and `x_members`), read once per
answer for all its organisations (`Directory.organisations`).
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.ratelimit import RateLimit
from directory.listing import Locales, attach_parents, one_per_translation
from directory.listing_rows import DIRECTORY
from directory.models import (
    CountryPage,
    ExpertiseCategory,
    ListingRow,
    OrganisationPage,
    PlaceNames,
    ServicePage,
    TargetGroup,
)
from directory.record_properties import properties_of
from directory.search import listed_figures

NAMESPACE = uuid.UUID("6f1c0a3e-3f53-4d3e-9d0b-2a7c7f0e8b51")
ORGANISATION_KIND = "organisation"


def derived_id(owner, what):
    """A stable UUID for `what` of the record `owner` (a UUID), the same in every language."""
    return str(uuid.uuid5(uuid.UUID(str(owner)), what))


@dataclass(frozen=True)
class Vocabulary:
    """A vocabulary published as an HSDS taxonomy."""

    slug: str  # its name in ListingTerm rows and in the taxonomy's id
    model: type
    name: object
    description: object

    @property
    def id(self):
        return str(uuid.uuid5(NAMESPACE, f"taxonomy:{self.slug}"))


VOCABULARIES = (
    Vocabulary(
        "category",
        ExpertiseCategory,
        _("Categories"),
        _("What services and organisations help with."),
    ),
    Vocabulary(
        "target_group",
        TargetGroup,
        _("Target groups"),
        _("Whom services and organisations serve."),
    ),
)
VOCABULARY_OF_MODEL = {vocabulary.model: vocabulary for vocabulary in VOCABULARIES}

CONTENT_LANGUAGE = Vocabulary(
    "content_language", None, _("Content language"), _("The language a record is written in.")
)


def content_language_term_id(code):
    return str(uuid.uuid5(NAMESPACE, f"content-language:{code}"))


@dataclass(frozen=True)
class LanguageTerm:
    """A term of the content language taxonomy: one of the portal's languages."""

    code: str

    @property
    def translation_key(self):
        return content_language_term_id(self.code)

    @property
    def name(self):
        return get_language_info(self.code)["name_local"]


def language_terms():
    return [LanguageTerm(code) for code, _name in settings.LANGUAGES]


TAXONOMIES = (*VOCABULARIES, CONTENT_LANGUAGE)


def within_limit(request):
    """Takes one of the client's requests to the open data (the API and the packages alike):
    False once it has used PORTAL_HSDS_RATE_LIMIT of them in PORTAL_HSDS_RATE_WINDOW seconds."""
    return RateLimit(
        "hsds",
        request,
        limit=settings.PORTAL_HSDS_RATE_LIMIT,
        window=settings.PORTAL_HSDS_RATE_WINDOW,
    ).take()


def text(html):
    """Rich text as plain text, paragraphs kept apart."""
    if not html:
        return ""
    html = html.replace("</p>", "</p>\n\n").replace("<br/>", "\n").replace("<br>", "\n")
    return normalize_newlines(strip_tags(html)).strip()


def date_time(value):
    return value.isoformat() if value else None


def contact_of(service, organisation):
    """The email and phone a service's page shows: its own, else its organisation's."""
    email = service.contact_email or (organisation.email if organisation else "")
    phone = service.contact_phone or (organisation.phone if organisation else "")
    return email, phone


def assured_date(page):
    """When the content was last checked as accurate: the page's `checked_on` where it has
    one (the one place the portal's "last checked" is mapped to HSDS's `assured_date`)."""
    checked = getattr(page, "checked_on", None)
    return checked.isoformat() if checked else None


def without_empty(record):
    """HSDS leaves out what is unknown: no key holds None."""
    return {key: value for key, value in record.items() if value is not None}


# Reading ---------------------------------------------------------------------------------------


class Directory:
    """What the records of one language are made of, read in a fixed number of queries."""

    def __init__(self, language):
        self.language = language
        self.locales = Locales()
        self.locale = self.locales.get(language)
        self.default = self.locales.default
        self._not_live = None

    # Rows: one per piece of content, in this language's version ---------------------------------

    def rows(self):
        """The rows of this language's listings that are public: those of content under an
        organisation that is not live are left out (a service of an unpublished organisation).

        Read from the rows alone, without their pages: the organisations that are not live are
        few (found once per answer), and the pages under them are left out by one list of ids,
        where asking of each row whether its parent is live read the whole page tree."""
        from directory import listing_rows  # the rows are brought up to date before reading

        listing_rows.current()
        rows = ListingRow.objects.filter(language=self.language, listing=DIRECTORY)
        under = self.under_organisations_not_live()
        return rows if under is None else rows.exclude(page_id__in=under)

    def under_organisations_not_live(self):
        """The ids of the pages under an organisation that is not live (a draft, unpublished)
        as a subquery, None when there is none: the organisations are found in one query,
        once per answer, through the index of pages not live (opendata/migrations/0002)."""
        if self._not_live is None:
            organisation = ContentType.objects.get_for_model(OrganisationPage)
            self._not_live = list(
                Page.objects.filter(content_type=organisation, live=False).values_list(
                    "path", flat=True
                )
            )
        if not self._not_live:
            return None
        under = Q()
        for path in self._not_live:
            under |= Q(path__startswith=path)
        return Page.objects.filter(under).values("pk")

    def total(self, rows, whole=None):
        """How many `rows` there are. For a whole list (`whole`: "services" or "organisations",
        no filter), the directory's own figure, kept per content version
        (`directory.search.listed_figures`), less the rows under organisations not live: no
        count of every row at each answer."""
        if whole is None:
            return rows.count()
        total = listed_figures()[whole]
        under = self.under_organisations_not_live()
        if under is not None:
            every = ListingRow.objects.filter(language=self.language, listing=DIRECTORY)
            kind = Q(kind=ORGANISATION_KIND)
            every = every.filter(kind if whole == "organisations" else ~kind)
            total -= every.filter(page_id__in=under).count()
        return total

    def service_rows(self):
        return self.rows().exclude(kind=ORGANISATION_KIND)

    def organisation_rows(self):
        return self.rows().filter(kind=ORGANISATION_KIND)

    @staticmethod
    def ordered(rows):
        return rows.order_by("-in_language", "-published_at", "-page_id")

    # Terms ---------------------------------------------------------------------------------------

    def terms(self, vocabulary):
        """The vocabulary's terms, each once, in this language where translated."""
        if vocabulary is CONTENT_LANGUAGE:
            return language_terms()
        queryset = vocabulary.model.objects.select_related("locale")
        return list(one_per_translation(queryset, self.locale, self.default).order_by("name"))

    def term(self, key):
        """(vocabulary, the term in this language or its fallback) with translation key `key`."""
        for term in language_terms():
            if term.translation_key == str(key):
                return CONTENT_LANGUAGE, term
        for vocabulary in VOCABULARIES:
            found = vocabulary.model.objects.filter(translation_key=key)
            term = (
                one_per_translation(found, self.locale, self.default)
                .select_related("locale")
                .first()
            )
            if term:
                return vocabulary, term
        return None, None

    def term_keys(self):
        """{(model, pk): translation key} of every term: few, read once."""
        keys = {}
        for vocabulary in VOCABULARIES:
            for pk, key in vocabulary.model.objects.values_list("pk", "translation_key"):
                keys[(vocabulary.model, pk)] = key
        return keys

    # Pages ---------------------------------------------------------------------------------------

    def services(self, page_ids):
        """The services of `page_ids`, in that order, with their organisation and terms."""
        services = ServicePage.objects.filter(pk__in=page_ids).select_related("locale", "category")
        services = {page.pk: page for page in services.prefetch_related("target_groups")}
        services = [services[pk] for pk in page_ids if pk in services]
        attach_parents(
            services,
            OrganisationPage,
            "organisation",
            queryset=OrganisationPage.objects.select_related("locale"),
        )
        attach_parents(services, CountryPage, "country_page", levels_up=2)
        return services

    def organisations(self, page_ids):
        organisations = OrganisationPage.objects.filter(pk__in=page_ids).select_related("locale")
        organisations = organisations.prefetch_related("expertise_categories", "target_groups")
        by_id = {page.pk: page for page in organisations}
        organisations = [by_id[pk] for pk in page_ids if pk in by_id]
        attach_parents(organisations, CountryPage, "country_page")
        extra = properties_of({page.translation_key for page in organisations}, self.language)
        for page in organisations:
            page.record_properties = extra.get(str(page.translation_key), {})
        return organisations

    def organisation_pages(self, key):
        """Every live version of the organisation with translation key `key`."""
        return list(OrganisationPage.objects.live().filter(translation_key=key))

    @staticmethod
    def under(pages):
        """A condition on rows: their page is below one of `pages`."""
        condition = Q(pk__in=[])
        for page in pages:
            condition |= Q(page__path__startswith=page.path, page__depth__gt=page.depth)
        return condition

    def version_of(self, key, organisation=False):
        """The id of the page this language's answer gives for the service (or organisation)
        with translation key `key`, or None: its listing row's. Content left out of the
        listings for want of a check (`directory.freshness`, past PORTAL_FRESHNESS_HIDE_MONTHS)
        has no row, yet still answers by id, as its page does: its live version in this
        language, else English, else the one written first."""
        rows = self.organisation_rows() if organisation else self.service_rows()
        row = rows.filter(translation_key=key).values_list("page_id", flat=True).first()
        if row is not None:
            return row
        versions = (OrganisationPage if organisation else ServicePage).objects.live()
        versions = versions.filter(translation_key=key)
        under = self.under_organisations_not_live()
        if under is not None:
            versions = versions.exclude(pk__in=under)
        versions = one_per_translation(versions, self.locale, self.default)
        return versions.values_list("pk", flat=True).first()


# Records ---------------------------------------------------------------------------------------


class Records:
    """Turns pages into HSDS records, for one language and one request (for addresses)."""

    def __init__(self, directory, request=None):
        self.directory = directory
        self.request = request
        self.places = PlaceNames()
        self.term_keys = directory.term_keys()

    def url(self, page):
        url = page.get_url(request=self.request)
        if url and url.startswith("/") and self.request is not None:
            url = self.request.build_absolute_uri(url)
        return url or None

    def language_attribute(self, owner_id, entity, code):
        return {
            "id": derived_id(owner_id, f"content-language:{code}"),
            "link_id": owner_id,
            "link_type": "content_language",
            "link_entity": entity,
            "taxonomy_term_id": content_language_term_id(code),
            "value": code,
        }

    def term_attribute(self, owner_id, entity, term):
        key = str(self.term_keys.get((type(term), term.pk), term.translation_key))
        return {
            "id": derived_id(owner_id, f"term:{key}"),
            "link_id": owner_id,
            "link_type": VOCABULARY_OF_MODEL[type(term)].slug,
            "link_entity": entity,
            "taxonomy_term_id": key,
        }

    def country_code(self, country_page):
        code = getattr(country_page, "code", "") or ""
        return code.upper()

    # Organisations ---------------------------------------------------------------------------

    def organisation(self, page, full=False):
        own_id = str(page.translation_key)
        record = {
            "id": own_id,
            "name": page.title,
            "alternate_name": page.acronym or None,
            "description": page.short_description or text(page.mission) or page.title,
            "email": page.email or None,
            "website": page.website or None,
            "uri": self.url(page),
            "assured_date": assured_date(page),
            "attributes": [
                self.language_attribute(own_id, "organization", page.locale.language_code),
                *(
                    self.term_attribute(own_id, "organization", term)
                    for term in [*page.expertise_categories.all(), *page.target_groups.all()]
                ),
            ],
        }
        # The properties other apps add (directory.record_properties), after HSDS's fields.
        record.update(getattr(page, "record_properties", {}))
        if full:
            record["phones"] = (
                [
                    {
                        "id": derived_id(own_id, "phone"),
                        "organization_id": own_id,
                        "number": page.phone,
                    }
                ]
                if page.phone
                else []
            )
            record["locations"] = [self.organisation_location(page)] if page.address else []
        return without_empty(record)

    def organisation_location(self, page):
        own_id = str(page.translation_key)
        location_id = derived_id(own_id, "location")
        return without_empty(
            {
                "id": location_id,
                "location_type": "physical",
                "organization_id": own_id,
                "name": page.title,
                "addresses": [
                    self.address(
                        location_id,
                        page.address,
                        self.places.name(page.place_id),
                        getattr(page, "country_page", None),
                    )
                ],
            }
        )

    def address(self, location_id, street, town, country_page):
        return {
            "id": derived_id(location_id, "address"),
            "location_id": location_id,
            "address_1": street,
            "city": town,
            "state_province": "",
            "postal_code": "",
            "country": self.country_code(country_page),
            "address_type": "physical",
        }

    # Services --------------------------------------------------------------------------------

    def service(self, page, full=False):
        own_id = str(page.translation_key)
        organisation = getattr(page, "organisation", None)
        email, phone = contact_of(page, organisation)
        fees = page.cost if not page.is_free else None
        terms = [page.category] if page.category_id else []
        record = {
            "id": own_id,
            "organization_id": str(organisation.translation_key) if organisation else None,
            "name": page.title,
            "description": page.summary
            + ("\n\n" + text(page.description) if page.description else ""),
            "url": self.url(page),
            "email": email or None,
            "status": "inactive" if page.is_closed else "active",
            "application_process": text(page.how_to_access) or None,
            "fees_description": fees,
            "eligibility_description": text(page.eligibility) or None,
            "assured_date": assured_date(page),
            "last_modified": date_time(page.last_published_at),
            "attributes": [
                self.language_attribute(own_id, "service", page.locale.language_code),
                *(
                    self.term_attribute(own_id, "service", term)
                    for term in [*terms, *page.target_groups.all()]
                ),
            ],
        }
        if full:
            record["phones"] = (
                [{"id": derived_id(own_id, "phone"), "service_id": own_id, "number": phone}]
                if phone
                else []
            )
            record["service_at_locations"] = (
                [self.service_at_location(page, nested=False)] if page.delivery != "online" else []
            )
            if organisation is not None:
                record["organization"] = self.organisation_summary(organisation)
        return without_empty(record)

    def organisation_summary(self, page):
        return without_empty(
            {
                "id": str(page.translation_key),
                "name": page.title,
                "description": page.short_description or page.title,
                "website": page.website or None,
                "uri": self.url(page),
            }
        )

    def service_at_location(self, page, nested=True):
        """A service that takes place somewhere (in person) at its place: the service's id is
        the record's (a service has at most one), its location's is derived from it."""
        own_id = str(page.translation_key)
        organisation = getattr(page, "organisation", None)
        location_id = derived_id(own_id, "location")
        where = page.whereabouts(organisation, getattr(page, "country_page", None), self.places)
        location = {
            "id": location_id,
            "location_type": "physical",
            "name": where.town or page.title,
            "transportation": page.getting_there or None,
            "addresses": (
                [
                    self.address(
                        location_id,
                        where.address,
                        where.town,
                        getattr(page, "country_page", None),
                    )
                ]
                if where.address or where.town
                else []
            ),
        }
        if organisation is not None:
            location["organization_id"] = str(organisation.translation_key)
        record = {
            "id": own_id,
            "service_id": own_id,
            "location_id": location_id,
            "description": page.opening_hours or None,
            "location": without_empty(location),
        }
        if nested:
            record["service"] = self.service(page)
        return without_empty(record)

    # Taxonomies ------------------------------------------------------------------------------

    def taxonomy(self, vocabulary):
        return {
            "id": vocabulary.id,
            "name": str(vocabulary.name),
            "description": str(vocabulary.description),
            "version": "1",
        }

    def language_term(self, term):
        return {
            "id": term.translation_key,
            "code": term.code,
            "name": term.name,
            "description": "",
            "taxonomy_id": CONTENT_LANGUAGE.id,
            "taxonomy": str(CONTENT_LANGUAGE.name),
            "language": term.code,
        }

    def taxonomy_term(self, vocabulary, term):
        if vocabulary is CONTENT_LANGUAGE:
            return self.language_term(term)
        return without_empty(
            {
                "id": str(term.translation_key),
                "code": term.slug,
                "name": term.name,
                "description": term.description or "",
                "taxonomy_id": vocabulary.id,
                "taxonomy": str(vocabulary.name),
                "language": term.locale.language_code,
            }
        )
