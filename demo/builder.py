"""Builds the demo content of the portal from demo.content (the files in demo/content/).

Everything is looked up before it is created (pages by parent and slug, translations by locale,
terms by slug, images by title), so running the builder again adds only what is missing.

Translations go through wagtail-localize, as an editor's would: a TranslationSource for the page
or term, a Translation into the target locale, one StringTranslation per source segment (filled
from the texts in the content files), then Translation.save_target(). The admin's translation
editor therefore shows every demo translation as complete, and can edit it.
"""

import copy
import datetime
import functools
import html
import random
from collections import Counter, defaultdict
from io import BytesIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, ReferenceIndex, Site
from wagtail.search import index as search_index
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from core.urls import absolute_admin_url
from directory.indexing import index_updates_deferred
from directory.models import (
    CountryPage,
    DirectoryIndexPage,
    Enquiry,
    EnquiryReply,
    ExpertiseCategory,
    GoodPracticesIndexPage,
    NetworkPurpose,
    OrganisationAccount,
    OrganisationPage,
    OrganisationSocialLink,
    Place,
    PortfolioProjectPage,
    ProjectScope,
    ServiceKind,
    ServicePage,
    ServicesIndexPage,
    TargetGroup,
)
from directory.permissions import sync_organisation
from facilitators.models import ContactChannel, ContactLog, ContactOutcome, Facilitator
from home.models import HomePage, StandardPage
from networks.models import NetworkIndexPage
from opendata.models import OpenDataPage

from . import content
from .collaboration import build_collaboration
from .images import COVER_SIZE, LOGO_SIZE, cover_png, latin_mark, logo_png
from .networks import build_networks, network_purposes
from .news import build_news
from .newsletter import build_newsletter

DEMO_COLLECTION = "Demo"
ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@morethanajob.example"
DEMO_ORGANISATION_USERNAME = "organisation"
DEMO_MODERATOR_USERNAME = "moderator"
ADMIN_PASSWORD = "morethanajob-demo"  # noqa: S105 - a published demo login, dev only


class DemoError(Exception):
    """The demo cannot be built in this installation (the message says why)."""


# --- Text helpers ---------------------------------------------------------------------------


def _escape(text):
    return html.escape(text, quote=False)


def paragraphs(texts):
    if isinstance(texts, str):
        texts = [texts]
    return "".join(f"<p>{_escape(text)}</p>" for text in texts)


def bullets(items):
    return "<ul>" + "".join(f"<li>{_escape(item)}</li>" for item in items) + "</ul>"


def stream_body(blocks):
    body = []
    for kind, value in blocks:
        if kind == "heading":
            body.append(("heading", value))
        elif kind == "list":
            body.append(("paragraph", bullets(value)))
        else:
            body.append(("paragraph", paragraphs(value)))
    return body


# --- Translations through wagtail-localize --------------------------------------------------


def _strings_by_field(instance):
    """The translatable strings of an instance, in order, grouped by the field they come from."""
    found = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            found[segment.path.split(".")[0]].append(segment.string.data)
    return found


def segment_mapping(instance, target_fields):
    """{(field, source segment text): target segment text} for the fields in target_fields.

    The target texts are put on a copy of the instance and cut into segments the same way as the
    source, so that rich text and stream fields pair up paragraph by paragraph.
    """
    clone = copy.copy(instance)
    for name, value in target_fields.items():
        setattr(clone, name, value)
    source, target = _strings_by_field(instance), _strings_by_field(clone)
    mapping = {}
    for name in target_fields:
        if len(source[name]) != len(target[name]):
            raise DemoError(
                f"{instance!r}: the translation of {name!r} has {len(target[name])} segments, "
                f"the source has {len(source[name])}."
            )
        for before, after in zip(source[name], target[name], strict=True):
            if mapping.setdefault((name, before), after) != after:
                raise DemoError(f"{instance!r}: {before!r} has two translations in {name!r}.")
    return mapping


class DemoBuilder:
    def __init__(self, *, today=None):
        self.today = today or timezone.localdate()
        self.created = Counter()
        self.variant_turn = Counter()
        self.project_name_turn = Counter()
        self.to_index = defaultdict(set)  # model -> primary keys of what was created

    # -- entry point --------------------------------------------------------------------------

    def build(self):
        with transaction.atomic(), index_updates_deferred(), disable_reference_index_auto_update():
            self.locales = self._locales()
            self.en = self.locales["en"]
            self.collection = self._collection()
            self._build_terms()
            self._build_places()
            self.home = self._build_home()
            self.directory = self._build_directory()
            self._build_services_index()
            self._build_good_practices_index()
            self._build_standard_pages()
            self._build_open_data_page()
            self.countries = self._build_countries()
            for index, organisation in enumerate(content.ORGANISATIONS):
                self._build_organisation(index, organisation)
            self._build_accounts()
            self._mark_good_practices()
            self._build_enquiries()
            build_collaboration(self)
            self._build_networks_index()
            build_networks(self)
            build_news(self)
            build_newsletter(self)
            self._update_indexes()
        return self.created

    def _build_accounts(self):
        """Each demo organisation has its own group and collection; those with a country are
        verified, as long-standing members would be."""
        existing = set(OrganisationAccount.objects.values_list("translation_key", flat=True))
        root = Collection.get_first_root_node()
        for page in OrganisationPage.objects.order_by("pk").select_related("locale"):
            if page.translation_key in existing:
                continue
            existing.add(page.translation_key)
            collection = root.add_child(name=f"{page.title[:200]} ({page.pk})")
            group = Group.objects.create(name=f"Organisation: {page.title[:100]} ({page.pk})")
            account = OrganisationAccount.objects.create(
                translation_key=page.translation_key,
                group=group,
                collection=collection,
                verified=bool(page.get_parent().specific.code),
            )
            # Members for a year: their contact history (up to some months back) came after.
            OrganisationAccount.objects.filter(pk=account.pk).update(
                created_at=timezone.now() - datetime.timedelta(days=365)
            )
            sync_organisation(account)
            self.created["organisation accounts"] += 1

    def _build_enquiries(self):
        """Messages people sent organisations from their pages, some new and some answered,
        most of those with the reply the organisation wrote in the admin ("reply").

        Written directly (no email is sent for them); one per person and organisation."""
        now = timezone.now()
        for entry in content.ENQUIRIES:
            locale = self.locales[entry["page_language"]]
            page = (
                OrganisationPage.objects.filter(slug=entry["organisation"], locale=locale)
                .order_by("pk")
                .first()
            )
            if page is None:
                continue
            known = Enquiry.objects.filter(organisation_key=page.translation_key)
            if known.filter(email=entry["email"]).exists():
                continue
            service = None
            if entry.get("service"):
                service = ServicePage.objects.child_of(page).filter(slug=entry["service"]).first()
            received = now - datetime.timedelta(hours=entry["hours_ago"])
            answered = entry.get("answered_hours_ago")
            enquiry = Enquiry.objects.create(
                organisation=page,
                organisation_key=page.translation_key,
                service=service,
                name=entry["name"],
                email=entry["email"],
                message=entry["message"],
                consent_at=received,
                created_at=received,
                language=entry["page_language"],
                status=Enquiry.Status.ANSWERED if answered else Enquiry.Status.NEW,
                answered_at=now - datetime.timedelta(hours=answered) if answered else None,
            )
            self.created["enquiries"] += 1
            if reply := entry.get("reply"):  # answered from the admin, in the person's language
                EnquiryReply.objects.create(
                    enquiry=enquiry,
                    subject=reply["subject"],
                    body=reply["body"],
                    sent_at=enquiry.answered_at or now,
                )
                self.created["replies to enquiries"] += 1

    def _made(self, instance):
        self.to_index[type(instance)].add(instance.pk)
        return instance

    def _update_indexes(self):
        """Index everything made, once: the search index and Wagtail's reference index."""
        backends = list(get_search_backends(with_auto_update=True))
        for model, pks in self.to_index.items():
            objects = list(model.objects.filter(pk__in=pks))
            if backends and search_index.class_is_indexed(model):
                for backend in backends:
                    backend.add_bulk(model, objects)
            if ReferenceIndex.model_is_indexable(model):
                for instance in objects:
                    ReferenceIndex.create_or_update_for_object(instance)

    # -- set-up -------------------------------------------------------------------------------

    def _locales(self):
        configured = {code for code, _name in settings.LANGUAGES}
        missing = [code for code in content.LANGUAGES if code not in configured]
        if missing:
            raise DemoError(
                "The demo is written in English, Italian, Greek and Arabic; these languages are "
                f"not configured (PORTAL_LANGUAGES): {', '.join(missing)}."
            )
        if Locale.get_default().language_code != "en":
            raise DemoError("The demo needs English as the default language.")
        locales = {}
        for code in content.LANGUAGES:
            locales[code], _ = Locale.objects.get_or_create(language_code=code)
        return locales

    def _collection(self):
        root = Collection.get_first_root_node()
        found = root.get_children().filter(name=DEMO_COLLECTION).first()
        return found or root.add_child(name=DEMO_COLLECTION)

    def _image(self, title, filename, size, draw):
        Image = get_image_model()
        found = Image.objects.filter(collection=self.collection, title=title).first()
        if found:
            return found
        image = Image(
            title=title,
            collection=self.collection,
            file=ImageFile(BytesIO(draw()), name=filename),
            width=size[0],
            height=size[1],
        )
        image._set_image_file_metadata()
        image.save()
        self.created["images"] += 1
        return self._made(image)

    # -- pages and translations ---------------------------------------------------------------

    def _add_page(self, parent, page):
        parent.add_child(instance=page)  # saving validates the page (full_clean)
        page.save_revision(clean=False).publish()
        self.created["pages"] += 1
        return self._made(page)

    @staticmethod
    def _child(parent, model, slug):
        return model.objects.child_of(parent).filter(slug=slug).first()

    def _translate(self, instance, language, fields, relink=False, pairs=None):
        """The translation of `instance` into `language`, made through wagtail-localize.

        `fields` holds the translated texts; `relink` points a translated page's vocabulary
        terms at those of its own locale; `pairs` adds {(field, source text): translated text}
        for texts of the page's child objects (a network's activities).
        """
        locale = self.locales[language]
        existing = instance.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific if isinstance(existing, Page) else existing
        if isinstance(instance, Page):
            instance = instance.specific_class.objects.get(pk=instance.pk)
        source, _ = TranslationSource.get_or_create_from_instance(instance)
        mapping = {**segment_mapping(instance, fields), **(pairs or {})}
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        translated = {
            (row.translation_of_id, row.context_id): row
            for row in StringTranslation.objects.filter(
                locale=locale, context__object_id=source.object_id
            )
        }
        for segment in source.stringsegment_set.select_related("string", "context"):
            text = mapping.get((segment.context.path.split(".")[0], segment.string.data))
            if text is None:
                continue  # no translation written: wagtail-localize keeps the source text
            row = translated.get((segment.string_id, segment.context_id))
            if row is None:
                row = StringTranslation(
                    translation_of=segment.string, locale=locale, context=segment.context
                )
            elif row.data == text and not row.has_error:
                continue
            row.data = text
            row.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
            row.has_error, row.field_error = False, ""
            row.save()
        if not isinstance(instance, Page):
            # Snippets without drafts are simply saved (there is nothing to publish).
            translation.save_target(publish=True)
            self.created["translations"] += 1
            return self._made(instance.get_translation(locale))
        # Pages: save the translation as a draft, then publish it here rather than through
        # wagtail-localize's transaction.on_commit(), so that it is live inside this transaction.
        translation.save_target(publish=False)
        target = instance.get_translation(locale).specific
        if relink:
            self._relink_terms(target)  # only many-to-many values change: no need to re-clean
            revision = target.save_revision(clean=False)
        else:
            revision = target.get_latest_revision()
        revision.publish()
        self.created["translations"] += 1
        return self._made(target)

    # -- vocabularies -------------------------------------------------------------------------

    def _build_terms(self):
        self.terms = {}  # (model, slug, language) -> term
        self.term_by_key = {}  # (model, translation_key, locale id) -> term
        for model, entries in ((ExpertiseCategory, content.CATEGORIES),
                               (TargetGroup, content.TARGET_GROUPS),
                               (NetworkPurpose, network_purposes())):  # fmt: skip
            for entry in entries:
                term = model.objects.filter(locale=self.en, slug=entry["slug"]).first()
                if term is None:
                    extra = {"icon": entry["icon"]} if "icon" in entry else {}
                    term = model.objects.create(
                        locale=self.en,
                        slug=entry["slug"],
                        name=entry["name"]["en"],
                        description=entry["description"]["en"],
                        **extra,
                    )
                    self.created["terms"] += 1
                    self._made(term)
                self._remember_term(model, entry["slug"], "en", term)
                for language in content.TRANSLATIONS:
                    translated = self._translate(
                        term,
                        language,
                        {
                            "name": entry["name"][language],
                            "description": entry["description"][language],
                        },
                    )
                    self._remember_term(model, entry["slug"], language, translated)

    def _build_places(self):
        """Every demo country's towns, each named in every language."""
        self.places = {}  # slug -> the place in English (pages point at it in every language)
        for entry in content.PLACES:
            place = Place.objects.filter(locale=self.en, slug=entry["slug"]).first()
            if place is None:
                place = Place.objects.create(
                    locale=self.en,
                    slug=entry["slug"],
                    name=entry["name"]["en"],
                    country=entry["country"],
                )
                self.created["places"] += 1
                self._made(place)
            for language in content.TRANSLATIONS:
                self._translate(place, language, {"name": entry["name"][language]})
            self.places[entry["slug"]] = place

    def _remember_term(self, model, slug, language, term):
        self.terms[(model, slug, language)] = term
        self.term_by_key[(model, term.translation_key, term.locale_id)] = term

    def _term(self, model, slug, language):
        return self.terms[(model, slug, language)]

    def _relink_terms(self, page):
        """Point a translated page at the terms of its own locale (the copy kept the source's)."""

        def own(term):
            return self.term_by_key.get((type(term), term.translation_key, page.locale_id), term)

        for name in (
            "expertise_categories",
            "categories",
            "target_groups",
            "expertise_sought",
            "network_themes",
            "network_purposes",
        ):
            if hasattr(page, name):
                setattr(page, name, [own(term) for term in getattr(page, name).all()])
        if getattr(page, "category", None) is not None:
            page.category = own(page.category)

    # -- site pages ---------------------------------------------------------------------------

    @staticmethod
    def _home_fields(language):
        text = content.HOME[language]
        return {
            "title": text["title"],
            "intro": text["intro"],
            "citizens_heading": text["citizens_heading"],
            "citizens_text": paragraphs(text["citizens_text"]),
            "organisations_heading": text["organisations_heading"],
            "organisations_text": paragraphs(text["organisations_text"]),
        }

    def _build_home(self):
        root = Page.get_first_root_node()
        home = HomePage.objects.child_of(root).filter(locale=self.en).first()
        page_type = ContentType.objects.get_for_model(Page)
        welcome_pages = list(root.get_children().filter(content_type=page_type))
        if home is None:
            # Wagtail's "Welcome" page holds the slug "home" until it is deleted below.
            Page.objects.filter(pk__in=[p.pk for p in welcome_pages], slug="home").update(
                slug="wagtail-welcome"
            )
            home = self._add_page(
                root, HomePage(slug="home", locale=self.en, **self._home_fields("en"))
            )
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        if site.root_page_id != home.pk or not site.site_name:
            site.root_page = home
            site.site_name = site.site_name or "MoreThanAJob"
            site.save()
        for welcome in welcome_pages:
            welcome.refresh_from_db()
            if welcome.numchild == 0 and not Site.objects.filter(root_page=welcome).exists():
                ReferenceIndex.remove_for_object(welcome)
                welcome.delete()
        for language in content.TRANSLATIONS:
            self._translate(home, language, {**self._home_fields(language),
                                             "slug": f"home-{language}"})  # fmt: skip
        return home

    def _build_index(self, model, slug, texts):
        page = self._child(self.home, model, slug)
        if page is None:
            page = self._add_page(
                self.home,
                model(
                    slug=slug,
                    locale=self.en,
                    show_in_menus=True,
                    title=texts["en"]["title"],
                    intro=paragraphs(texts["en"]["intro"]),
                ),
            )
        for language in content.TRANSLATIONS:
            text = texts[language]
            self._translate(
                page,
                language,
                {"title": text["title"], "slug": slug, "intro": paragraphs(text["intro"])},
            )
        return page

    def _build_directory(self):
        return self._build_index(DirectoryIndexPage, "organisations", content.DIRECTORY_INDEX)

    def _build_services_index(self):
        return self._build_index(ServicesIndexPage, "services", content.SERVICES_INDEX)

    def _build_good_practices_index(self):
        return self._build_index(
            GoodPracticesIndexPage, "good-practices", content.GOOD_PRACTICES_INDEX
        )

    def _build_networks_index(self):
        return self._build_index(NetworkIndexPage, "networks", content.NETWORKS_INDEX)

    def _mark_good_practices(self):
        """The facilitators' choice of good practices: the first project of a few organisations.

        The mark is shared by every translation of a project (see PortfolioProjectPage); a
        project already marked is left as it is."""
        languages = {entry["slug"]: entry["language"] for entry in content.ORGANISATIONS}
        for slug, days_ago in content.GOOD_PRACTICES:
            organisation = OrganisationPage.objects.filter(
                slug=slug, locale=self.locales[languages[slug]]
            ).first()
            project = organisation and (
                PortfolioProjectPage.objects.child_of(organisation).order_by("path").first()
            )
            if not project:
                continue
            translations = PortfolioProjectPage.objects.filter(
                translation_key=project.translation_key
            )
            if translations.filter(is_good_practice=True).exists():
                continue
            since = self.today - datetime.timedelta(days=days_ago)
            self.to_index[PortfolioProjectPage].update(translations.values_list("pk", flat=True))
            translations.update(is_good_practice=True, good_practice_since=since)
            self.created["good practices"] += 1

    def _build_standard_pages(self):
        for entry in content.STANDARD_PAGES:
            slug, texts = entry["slug"], entry["text"]

            def fields(language, texts=texts):
                return {
                    "title": texts[language]["title"],
                    "intro": texts[language]["intro"],
                    "body": stream_body(texts[language]["body"]),
                }

            page = self._child(self.home, StandardPage, slug)
            if page is None:
                page = self._add_page(
                    self.home,
                    StandardPage(slug=slug, locale=self.en, show_in_menus=entry["show_in_menus"],
                                 **fields("en")),
                )  # fmt: skip
            for language in content.TRANSLATIONS:
                self._translate(page, language, {**fields(language), "slug": slug})

    def _build_open_data_page(self):
        """The open data page (the footer's "Open data"), in every language."""

        def fields(language):
            text = content.OPEN_DATA[language]
            return {
                "title": text["title"],
                "intro": text["intro"],
                "body": paragraphs(text["body"]),
            }

        page = self._child(self.home, OpenDataPage, "open-data")
        if page is None:
            page = self._add_page(
                self.home, OpenDataPage(slug="open-data", locale=self.en, **fields("en"))
            )
        for language in content.TRANSLATIONS:
            self._translate(page, language, {**fields(language), "slug": "open-data"})
        return page

    def _build_countries(self):
        countries = {}
        for entry in content.COUNTRIES:

            def fields(language, entry=entry):
                if "intro" in entry:
                    intro = entry["intro"][language]
                else:
                    intro = content.COUNTRY_INTRO[language].format(where=entry["where"][language])
                return {"title": entry["title"][language], "intro": paragraphs(intro)}

            page = self._child(self.directory, CountryPage, entry["slug"])
            if page is None:
                page = self._add_page(
                    self.directory,
                    CountryPage(slug=entry["slug"], locale=self.en, code=entry["code"],
                                national_language=entry["national_language"], **fields("en")),
                )  # fmt: skip
            for language in content.TRANSLATIONS:
                self._translate(page, language, {**fields(language), "slug": entry["slug"]})
            countries[entry["code"]] = page
        return countries

    # -- organisations ------------------------------------------------------------------------

    @staticmethod
    def _organisation_fields(organisation, text, language):
        return {
            "title": text["title"],
            "short_description": text["short_description"],
            "mission": paragraphs(text["mission"]),
            "main_activities": bullets(
                [content.ACTIVITIES[slug][language] for slug in organisation["categories"]]
            ),
        }

    def _build_organisation(self, index, organisation):
        language = organisation["language"]
        slug = organisation["slug"]
        country = self.countries[organisation["country"]]
        parent = country if language == "en" else country.get_translation(self.locales[language])
        text = organisation["text"]
        page = self._child(parent, OrganisationPage, slug)
        if page is None:
            mark = latin_mark(organisation["acronym"], slug)
            logo = self._image(f"{text['title']} – logo", f"{slug}-logo.png", LOGO_SIZE,
                               lambda: logo_png(slug, mark))  # fmt: skip
            cover = self._image(f"{text['title']} – cover", f"{slug}-cover.png", COVER_SIZE,
                                lambda: cover_png(slug))  # fmt: skip
            domain = organisation["domain"]
            page = OrganisationPage(
                slug=slug,
                locale=self.locales[language],
                acronym=organisation["acronym"],
                kind=organisation["kind"],
                place=self.places.get(organisation.get("place")),
                address=organisation["address"],
                contact_person=organisation["contact_person"],
                email=f"info@{domain}",
                phone=organisation["phone"],
                website=f"https://{domain}",
                logo=logo,
                cover_image=cover,
                languages_spoken=organisation["languages_spoken"],
                **self._organisation_fields(organisation, text, language),
            )
            page.expertise_categories = [
                self._term(ExpertiseCategory, term, language) for term in organisation["categories"]
            ]
            page.target_groups = [
                self._term(TargetGroup, term, language) for term in organisation["targets"]
            ]
            page.social_links = [
                OrganisationSocialLink(
                    platform=platform, url=f"https://{platform}.example.org/{slug}"
                )
                for platform in organisation["social"]
            ]
            self._add_page(parent, page)

        children = [
            (ServicePage, spec["slug"], self._service(page, organisation, spec))
            for spec in self._plan_services(index, organisation)
        ] + [
            (PortfolioProjectPage, spec["slug"], self._project(page, organisation, spec))
            for spec in self._plan_projects(index, organisation)
        ]

        if "en" in organisation:
            self._translate(
                page,
                "en",
                {**self._organisation_fields(organisation, organisation["en"], "en"),
                 "slug": slug},
                relink=True,
            )  # fmt: skip
            for _model, child_slug, (child, english) in children:
                self._translate(child, "en", {**english, "slug": child_slug}, relink=True)

    # -- services and opportunities -----------------------------------------------------------

    def _pick_variant(self, organisation, family_key, family):
        if family_key == "language-course":
            choices = content.LANGUAGE_COURSES_BY_COUNTRY[organisation["country"]]
        else:
            choices = sorted(family.get("variants", {}))
        if not choices:
            return None
        preferred = content.PREFERRED_VARIANTS.get(organisation["slug"], {}).get(family_key)
        if preferred:
            return preferred[0]
        turn = (family_key, organisation["language"])
        self.variant_turn[turn] += 1
        return choices[(self.variant_turn[turn] - 1) % len(choices)]

    def _plan_services(self, index, organisation):
        rng = random.Random(f"services:{organisation['slug']}")
        online_only = not organisation.get("place")
        wanted = 4 if index % 2 == 0 else 3
        queues = {}
        for category in organisation["categories"]:
            keys = [key for key, family in content.SERVICE_FAMILIES.items()
                    if family["category"] == category
                    and not (online_only and family["delivery"] == "in_person")]  # fmt: skip
            rng.shuffle(keys)
            queues[category] = keys
        chosen = []
        while len(chosen) < wanted and any(queues.values()):
            for category in organisation["categories"]:
                if queues[category] and len(chosen) < wanted:
                    chosen.append(queues[category].pop())
        specs = []
        for family_key in chosen:
            family = content.SERVICE_FAMILIES[family_key]
            variant = self._pick_variant(organisation, family_key, family)
            specs.append(self._service_spec(organisation, family_key, family, variant, rng))
        return specs

    def _service_spec(self, organisation, family_key, family, variant, rng):
        variant_texts = family.get("variants", {}).get(variant, {})
        cost = variant_texts.get("cost") or family.get("cost")
        delivery = "online" if not organisation.get("place") else family["delivery"]
        spec = {
            "slug": f"{family_key}-{variant}" if variant else family_key,
            "family": family,
            "variant": variant_texts,
            "kind": family["kind"],
            "category": family["category"],
            "targets": rng.sample(
                organisation["targets"], k=min(len(organisation["targets"]), rng.randint(1, 2))
            ),
            "delivery": delivery,
            "cost": cost,
            "at_venue": delivery != "online"
            and rng.random() < 0.5
            and bool(organisation.get("venue_address")),
            "dates": {},
            "external_link": "",
        }
        if family["kind"] == ServiceKind.OPPORTUNITY:
            day = datetime.timedelta(days=1)
            if rng.random() < 0.2:  # one in five has already taken place
                start = self.today - rng.randint(90, 300) * day
                deadline = start - rng.randint(7, 21) * day
            else:
                deadline = self.today + rng.randint(10, 80) * day
                start = deadline + rng.randint(7, 21) * day
            spec["dates"] = {
                "start_date": start,
                "end_date": start + rng.randint(30, 180) * day,
                "application_deadline": deadline,
            }
            spec["external_link"] = f"https://{organisation['domain']}/{spec['slug']}/"
        return spec

    @staticmethod
    def _service_fields(organisation, spec, language):
        family_text = spec["family"]["text"][language]
        variant = spec["variant"].get(language, {})

        def fill(value):
            return value.format(**variant)

        text = organisation.get(language) if language != organisation["language"] else None
        text = text or organisation["text"]
        cost = ""
        if spec["cost"]:
            cost = content.COSTS[organisation["country"]][spec["cost"]][language]
        hours = spec["family"].get("hours")
        return {
            "title": variant["title"] if "title" in variant else fill(family_text["title"]),
            "summary": fill(family_text["summary"]),
            "description": paragraphs([fill(p) for p in family_text["description"]]),
            "eligibility": paragraphs(family_text["eligibility"]),
            "how_to_access": paragraphs(family_text["how_to_access"]),
            "cost": cost,
            "opening_hours": content.OPENING_HOURS[hours][language] if hours else "",
            # The way to the organisation's own door; a service held at a venue has its address.
            "getting_there": ""
            if spec["at_venue"] or spec["delivery"] == "online"
            else text.get("getting_there", ""),
        }

    def _service(self, organisation_page, organisation, spec):
        """The service page (found or made) and its English texts."""
        language = organisation["language"]
        english = self._service_fields(organisation, spec, "en") if "en" in organisation else None
        page = self._child(organisation_page, ServicePage, spec["slug"])
        if page is None:
            fields = self._service_fields(organisation, spec, language)
            page = ServicePage(
                slug=spec["slug"],
                locale=self.locales[language],
                kind=spec["kind"],
                category=self._term(ExpertiseCategory, spec["category"], language),
                is_free=not spec["cost"],
                delivery=spec["delivery"],
                address=organisation.get("venue_address", "") if spec["at_venue"] else "",
                external_link=spec["external_link"],
                **spec["dates"],
                **fields,
            )
            page.target_groups = [
                self._term(TargetGroup, term, language) for term in spec["targets"]
            ]
            self._add_page(organisation_page, page)
        return page, english

    # -- portfolio projects -------------------------------------------------------------------

    def _plan_projects(self, index, organisation):
        rng = random.Random(f"projects:{organisation['slug']}")
        language = organisation["language"]
        names = content.PROJECT_NAMES[language]
        specs = []
        for category in organisation["categories"][: 2 if index % 3 == 0 else 1]:
            self.project_name_turn[language] += 1
            name, latin = names[(self.project_name_turn[language] - 1) % len(names)]
            start = rng.randint(2014, self.today.year - 1)
            end = start + rng.randint(1, 4)
            specs.append(
                {
                    "slug": slugify(latin),
                    "name": name,
                    "latin": latin,
                    "category": category,
                    "scope": rng.choice(ProjectScope.values),
                    "start_year": start,
                    "end_year": end if end < self.today.year else None,
                    "people_reached": rng.randint(4, 120) * 10,
                }
            )
        return specs

    @staticmethod
    def _project_fields(spec, language, name):
        text = content.PROJECT_FAMILIES[spec["category"]][language]
        return {
            "title": f"{name}: {text['theme']}",
            "summary": text["summary"],
            "partners": text["partners"],
            "objectives": bullets(text["objectives"]),
            "activities": bullets(text["activities"]),
            "resources": paragraphs(text["resources"]),
            "funding": text["funding"],
            "outputs": bullets(text["outputs"]),
            "outcomes": paragraphs(text["outcomes"]),
            "lessons_learnt": paragraphs(text["lessons_learnt"]),
        }

    def _project(self, organisation_page, organisation, spec):
        """The portfolio project page (found or made) and its English texts."""
        language = organisation["language"]
        english = self._project_fields(spec, "en", spec["latin"]) if "en" in organisation else None
        page = self._child(organisation_page, PortfolioProjectPage, spec["slug"])
        if page is None:
            page = PortfolioProjectPage(
                slug=spec["slug"],
                locale=self.locales[language],
                scope=spec["scope"],
                start_year=spec["start_year"],
                end_year=spec["end_year"],
                people_reached=spec["people_reached"],
                link=f"https://{organisation['domain']}/projects/{spec['slug']}/",
                image=organisation_page.cover_image,
                **self._project_fields(spec, language, spec["name"]),
            )
            page.categories = [self._term(ExpertiseCategory, spec["category"], language)]
            page.target_groups = [
                self._term(TargetGroup, term, language) for term in organisation["targets"]
            ]
            self._add_page(organisation_page, page)
        return page, english


# --- The local site's address --------------------------------------------------------------

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def ensure_local_site_address():
    """In development, the default site answers at the address the portal is served on locally
    (`WAGTAILADMIN_BASE_URL`, which `make run` sets), so that the absolute links the portal writes
    (in emails, in social media captions) open. Only a site on a local address is changed, and
    only to another local address. Returns whether it changed."""
    from urllib.parse import urlsplit

    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if parts.hostname not in LOCAL_HOSTS:
        return False
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or site.hostname not in LOCAL_HOSTS:
        return False
    if (site.hostname, site.port) == (parts.hostname, port):
        return False
    site.hostname, site.port = parts.hostname, port
    site.save()
    return True


# --- The demo administrator -----------------------------------------------------------------


@functools.cache
def demo_password_hash():
    """The demo logins share one published password: hashed once (hashing is slow on purpose,
    about half a second each)."""
    return make_password(ADMIN_PASSWORD)


def ensure_demo_admin():
    """Create the demo superuser unless a user called "admin" exists. Returns True if created."""
    User = get_user_model()
    if User.objects.filter(username=ADMIN_USERNAME).exists():
        return False
    User.objects.create(
        username=ADMIN_USERNAME,
        email=ADMIN_EMAIL,
        password=demo_password_hash(),
        is_staff=True,
        is_superuser=True,
    )
    return True


DEMO_PEOPLE = [
    # (username, first name, last name, country code, works for, phone)
    ("facilitator-it", "Marco", "Bellini", "IT", "Rete Economia Solidale, Palermo", "+39 091 555 0142"),
    ("facilitator-gr", "Eleni", "Papadaki", "GR", "Κοινωνική Σύμπραξη, Αθήνα", "+30 210 555 0187"),
    ("facilitator-lb", "Rami", "Haddad", "LB", "Social Economy Network, Beirut", "+961 1 555 014"),
    ("facilitator-jo", "Hala", "Nasser", "JO", "Inclusion Hub, Amman", "+962 6 555 0131"),
    ("facilitator-ps", "Nour", "Khalil", "PS", "Solidarity Economy Forum, Ramallah", "+970 2 555 0176"),
]  # fmt: skip


def ensure_demo_people():
    """Demo logins for the facilitators of each country and for one organisation (dev only).

    Each facilitator has a profile with contact details, which their organisations see, and is
    put in their country's facilitators' group by it. Returns the usernames created."""

    User = get_user_model()
    made = []
    for username, first_name, last_name, code, works_for, phone in DEMO_PEOPLE:
        country = (
            CountryPage.objects.filter(code=code, locale__language_code=settings.LANGUAGE_CODE)
            .order_by("pk")
            .first()
        )
        if country is None or User.objects.filter(username=username).exists():
            continue
        user = User.objects.create(
            username=username,
            email=f"{username}@morethanajob.example",
            password=demo_password_hash(),
            first_name=first_name,
            last_name=last_name,
        )
        facilitator = Facilitator.objects.create(user=user, works_for=works_for, phone=phone)
        facilitator.countries.add(country)  # puts the user in the country's group
        made.append(username)
    organisation = (
        OrganisationPage.objects.filter(locale__language_code="it").order_by("pk").first()
    )
    account = (
        organisation
        and OrganisationAccount.objects.filter(translation_key=organisation.translation_key).first()
    )
    if account and not User.objects.filter(username=DEMO_ORGANISATION_USERNAME).exists():
        # First and last name, as registration stores them ("Giulia Ferraro").
        first_name, _space, last_name = organisation.contact_person.rpartition(" ")
        user = User.objects.create(
            username=DEMO_ORGANISATION_USERNAME,
            email=organisation.email or "organisation@morethanajob.example",
            password=demo_password_hash(),
            first_name=first_name[:150],
            last_name=last_name[:150],
        )
        user.groups.add(account.group)
        made.append(DEMO_ORGANISATION_USERNAME)
    if ensure_demo_moderator():
        made.append(DEMO_MODERATOR_USERNAME)
    return made


def ensure_demo_moderator():
    """A member of Wagtail's "Moderators" group, whose "Moderators approval" workflow the site's
    own pages (home, about) go through: submitted by `admin`, they reach this login's email in
    the outbox. Returns True if created."""
    User = get_user_model()
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None or User.objects.filter(username=DEMO_MODERATOR_USERNAME).exists():
        return False
    user = User.objects.create(
        username=DEMO_MODERATOR_USERNAME,
        email=f"{DEMO_MODERATOR_USERNAME}@morethanajob.example",
        password=demo_password_hash(),
        first_name="Sara",
        last_name="Conti",
    )
    user.groups.add(moderators)
    return True


#: Days since each demo organisation was last contacted, in turn (None: never). About a third
#: are past the 40-day limit, so the facilitators' dashboard has organisations to flag.
CONTACT_PATTERN = [6, 52, 18, None, 33, 75, 2, 44, 27, 12, None, 61]
#: The language of the notes (content.CONTACT_NOTES, "contact_notes" in the content files), by
#: the country of the organisation.
NOTE_LANGUAGE = {"IT": "it", "GR": "el", "LB": "ar", "JO": "ar", "PS": "ar"}


def ensure_demo_contacts(today=None):
    """The facilitators' contact log: calls, meetings and events with each demo organisation.

    Written once per organisation (skipped when it has any contact already), by the country's
    demo facilitator where there is one. Returns how many contacts were written."""

    User = get_user_model()
    now = timezone.now()
    channels = [ContactChannel.PHONE, ContactChannel.MEETING, ContactChannel.EVENT]
    contacted = set(ContactLog.objects.values_list("organisation_key", flat=True))
    firsts = {}
    for page in OrganisationPage.objects.order_by("pk"):
        firsts.setdefault(page.translation_key, page)
    written = 0
    for index, page in enumerate(firsts.values()):
        days = CONTACT_PATTERN[index % len(CONTACT_PATTERN)]
        if days is None or page.translation_key in contacted:
            continue
        code = getattr(page.get_parent().specific, "code", "")
        by = User.objects.filter(username=f"facilitator-{code.lower()}").first() if code else None
        first_channel = channels[index % len(channels)]
        for extra, channel in ((0, first_channel), (30, ContactChannel.EMAIL)):
            contacted_at = now - datetime.timedelta(days=days + extra, hours=index % 7)
            # Every other latest contact agreed a next step, two weeks on: some are due already.
            agreed = extra == 0 and index % 2 == 0
            ContactLog.objects.create(
                organisation_key=page.translation_key,
                organisation=page,
                contacted_at=contacted_at,
                channel=channel,
                outcome=ContactOutcome.AGREED if agreed else ContactOutcome.SPOKE,
                follow_up_on=(
                    timezone.localtime(contacted_at).date() + datetime.timedelta(days=14)
                    if agreed
                    else None
                ),
                note=content.CONTACT_NOTES[NOTE_LANGUAGE.get(code, "en")][channel],
                by=by,
            )
            written += 1
    return written


def admin_url():
    return absolute_admin_url(reverse("wagtailadmin_home"))
