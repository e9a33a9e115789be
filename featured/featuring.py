"""Featured organisations: what is featured when, the drafts of its posts, the list's warnings and
the week's kit.

Central staff feature an organisation for a day or a period. While it runs (planned or posted, not
skipped), the home page shows the organisation and its own page says so. For the posts, the portal
drafts a caption in each language the organisation has (its name, place, short description, one
or two of its services and a link carrying campaign parameters) and draws its share card
(`share_card.py`). A week's kit gathers the captions, links and share cards of the features
running that week in one zip.
"""

import datetime
import io
import zipfile
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Page

from directory.completeness import missing_items
from directory.countries import country_names
from directory.listing import Locales, attach_parents, one_per_translation, request_locales
from directory.models import CountryPage, OrganisationPage, PlaceNames, ServicePage
from directory.models.choices import SocialPlatform
from facilitators.contacts import country_code_by_path
from facilitators.models import ContactChannel, ContactLog

from .models import FeaturedOrganisation
from .share_card import SHARE_IMAGE, share_card

LANGUAGE_ORDER = [code for code, _name in settings.LANGUAGES]
SERVICES_IN_CAPTION = 2
# Languages written in Arabic script, whose captions use its comma and semicolon.
ARABIC_SCRIPT = {"ar", "fa", "ur", "ckb"}


def language_rank(code):
    return LANGUAGE_ORDER.index(code) if code in LANGUAGE_ORDER else len(LANGUAGE_ORDER)


def language_name(code):
    return str(translation.get_language_info(code)["name_translated"])


# What is featured -------------------------------------------------------------------------------


def featured_keys_on(day):
    """The translation keys of the published organisations featured on `day`."""
    keys = FeaturedOrganisation.on(day).values("organisation_key")
    return set(
        OrganisationPage.objects.live()
        .filter(translation_key__in=keys)
        .values_list("translation_key", flat=True)
    )


def featured_for_visitor(request, day=None):
    """The organisations featured on `day` (default today), once each, in the visitor's language
    where translated, ready for organisation cards."""
    keys = featured_keys_on(day or timezone.localdate())
    if not keys:
        return []
    locales = request_locales(request)
    pages = (
        one_per_translation(
            OrganisationPage.objects.live().filter(translation_key__in=keys),
            locales.active,
            locales.default,
        )
        .select_related("locale")
        .order_by("title", "pk")
    )
    return OrganisationPage.prefetch_cards(pages)


def current_feature(organisation):
    """The feature of `organisation` (any language version) running today, if any."""
    return (
        FeaturedOrganisation.today()
        .filter(organisation_key=organisation.translation_key)
        .order_by("-ends_on")
        .first()
    )


def language_versions(organisation):
    """The published language versions of `organisation`, in the portal's order of languages."""
    pages = list(
        OrganisationPage.objects.live()
        .filter(translation_key=organisation.translation_key)
        .select_related("locale", "cover_image", "logo")
    )
    return sorted(pages, key=lambda page: language_rank(page.locale.language_code))


# Links and captions -----------------------------------------------------------------------------


def campaign_parameters(feature, language):
    return {
        "utm_source": "morethanajob",
        "utm_medium": "social",
        "utm_campaign": f"featured-{feature.starts_on:%Y-%m-%d}",
        "utm_content": language,
    }


def campaign_link(url, feature, language):
    """`url` with the campaign's parameters, so that visits from the posts can be counted."""
    parts = urlsplit(url)
    query = urlencode(campaign_parameters(feature, language))
    query = f"{parts.query}&{query}" if parts.query else query
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def page_link(page, feature, request=None):
    return campaign_link(page.get_full_url(request), feature, page.locale.language_code)


def services_for_caption(page, locales):
    """One or two of the organisation's published services: those written in `page`'s language
    first, then the others (in their own language) when it has fewer in its own."""
    services = sorted(
        page.children_of_type(ServicePage, locales),
        key=lambda service: (service.locale_id != page.locale_id, service.kind, service.title),
    )
    return [service.title for service in services[:SERVICES_IN_CAPTION]]


def draft_caption(page, feature, country, locales, request=None):
    """A post about the organisation, in `page`'s language, ending with the campaign link."""
    language = page.locale.language_code
    with translation.override(language):
        arabic_script = language.split("-")[0] in ARABIC_SCRIPT
        comma, semicolon = ("، ", "؛ ") if arabic_script else (", ", "; ")
        country_name = country.place_name if country else ""
        town = PlaceNames().name(page.place_id, language=language)
        place = comma.join(part for part in (town, country_name) if part)
        if place:
            opening = _("In the spotlight on MoreThanAJob: %(name)s (%(place)s).") % {
                "name": page.title,
                "place": place,
            }
        else:
            opening = _("In the spotlight on MoreThanAJob: %(name)s.") % {"name": page.title}
        paragraphs = [opening]
        if page.short_description.strip():
            paragraphs.append(page.short_description.strip())
        services = services_for_caption(page, locales)
        if services:
            paragraphs.append(
                _("Among what it offers: %(services)s.") % {"services": semicolon.join(services)}
            )
        paragraphs.append(
            _("Find out more: %(link)s") % {"link": page_link(page, feature, request)}
        )
    return "\n\n".join(paragraphs)


def draft_captions(feature, request=None):
    """{language code: draft caption} for every published language version of the organisation."""
    pages = language_versions(feature.organisation)
    attach_parents(pages, CountryPage, "country_page")
    locales = Locales()
    return {
        page.locale.language_code: draft_caption(page, feature, page.country_page, locales, request)
        for page in pages
    }


def default_link(feature, request=None):
    """The link of the posts: the organisation's page in the language it was written in first."""
    return page_link(feature.organisation, feature, request)


# The contact it records -------------------------------------------------------------------------


def contact_note(feature):
    channels = ", ".join(channel_names(feature.channels))
    note = _("Featured on the portal's social media (%(channels)s), %(period)s.") % {
        "channels": channels or "–",
        "period": period_text(feature),
    }
    if feature.posted_url:
        note = f"{note} {feature.posted_url}"
    return note


def posted_at(feature):
    """When the feature reached the organisation's public: noon of the day it was posted (today
    when no day is given), never later than now."""
    now = timezone.now()
    if not feature.posted_on:
        return now
    noon = timezone.make_aware(datetime.datetime.combine(feature.posted_on, datetime.time(12)))
    return min(now, noon)


def record_contact(feature, user):
    """A feature is a contact with the organisation once it is posted, dated the day it was
    posted: one row in its contact log, kept in step with the feature.

    Planning a feature is not a contact: nothing has reached the organisation or its public yet,
    and a feature planned weeks ahead would otherwise stop the 40-day clock of the facilitators'
    follow-up for an organisation nobody has spoken to. So while a feature is planned (or
    skipped) it has no row; the row appears when it is marked posted and goes if it is set back.
    Returns the row, or None."""
    contact = feature.contacts.first()
    if feature.status != FeaturedOrganisation.Status.POSTED:
        if contact is not None:
            contact.delete()
        return None
    if contact is None:
        contact = ContactLog(channel=ContactChannel.FEATURED, by=user, featured=feature)
    contact.organisation = feature.organisation
    contact.organisation_key = feature.organisation_key
    contact.contacted_at = posted_at(feature)
    contact.note = contact_note(feature)
    contact.save()
    return contact


# Labels -----------------------------------------------------------------------------------------


def channel_names(codes):

    labels = dict(SocialPlatform.choices)
    return [str(labels.get(code, code)) for code in codes]


def period_text(feature):
    start = date_format(feature.starts_on, "DATE_FORMAT")
    if feature.ends_on == feature.starts_on:
        return start
    return _("%(start)s to %(end)s") % {
        "start": start,
        "end": date_format(feature.ends_on, "DATE_FORMAT"),
    }


# The list's warnings ----------------------------------------------------------------------------


def country_code(codes, path, depth):
    """The code of the country an organisation's page at `path` sits under, from
    {country page path: code}."""
    return codes.get(path[: (depth - 1) * Page.steplen], "")


@dataclass
class Neighbour:
    pk: int
    key: object
    title: str
    country: str
    starts_on: datetime.date
    ends_on: datetime.date


def _gap(a_start, a_end, b_start, b_end):
    """Days between two periods; 0 when they overlap."""
    if a_end < b_start:
        return (b_start - a_end).days
    if b_end < a_start:
        return (a_start - b_end).days
    return 0


def warnings_for(features, codes=None, names=None):
    """{feature pk: [warning, ...]} for a page of the list, in a fixed number of queries.

    - the organisation is no longer published;
    - its profile is incomplete (what is missing);
    - it is featured again within PORTAL_FEATURE_REPEAT_DAYS days;
    - another organisation of its country is featured within PORTAL_FEATURE_COUNTRY_GAP_DAYS days,
      so the spotlight does not stay on one country.

    `codes` ({country page path: code}) and `names` ({code: name}) when the caller has them.
    """
    features = [f for f in features if f.status != FeaturedOrganisation.Status.SKIPPED]
    if not features:
        return {}
    repeat = settings.PORTAL_FEATURE_REPEAT_DAYS
    country_gap = settings.PORTAL_FEATURE_COUNTRY_GAP_DAYS
    organisations = [f.organisation for f in features]
    completeness = missing_items(organisations)
    codes = country_code_by_path() if codes is None else codes
    names = country_names() if names is None else names
    reach = datetime.timedelta(days=max(repeat, country_gap))
    around = (
        FeaturedOrganisation.objects.exclude(status=FeaturedOrganisation.Status.SKIPPED)
        .filter(
            starts_on__lte=max(f.ends_on for f in features) + reach,
            ends_on__gte=min(f.starts_on for f in features) - reach,
        )
        .values_list(
            "pk",
            "organisation_key",
            "organisation__title",
            "organisation__path",
            "organisation__depth",
            "starts_on",
            "ends_on",
        )
    )
    neighbours = sorted(
        (
            Neighbour(pk, key, title, country_code(codes, path, depth), start, end)
            for pk, key, title, path, depth, start, end in around
        ),
        key=lambda neighbour: neighbour.starts_on,
    )
    result = {}
    for feature in features:
        organisation = feature.organisation
        country = country_code(codes, organisation.path, organisation.depth)
        notes = []
        if not organisation.live:
            notes.append(_("The organisation is no longer published."))
        state = completeness[organisation.pk]
        if state.missing:
            notes.append(
                _("Incomplete profile (%(share)s%%): %(missing)s.")
                % {
                    "share": state.share,
                    "missing": "; ".join(str(rule.label) for rule in state.missing),
                }
            )
        for other in neighbours:
            if other.pk == feature.pk:
                continue
            gap = _gap(feature.starts_on, feature.ends_on, other.starts_on, other.ends_on)
            if other.key == feature.organisation_key and gap <= repeat:
                notes.append(
                    _("Also featured on %(date)s: less than %(days)s days apart.")
                    % {"date": date_format(other.starts_on, "DATE_FORMAT"), "days": repeat}
                )
            elif country and other.country == country and gap <= country_gap:
                notes.append(
                    _(
                        "Another organisation of %(country)s is featured close to it: "
                        "%(name)s, %(date)s."
                    )
                    % {
                        "country": names.get(country, country),
                        "name": other.title,
                        "date": date_format(other.starts_on, "DATE_FORMAT"),
                    }
                )
        result[feature.pk] = notes
    return result


# The week's kit ---------------------------------------------------------------------------------


def week_of(day):
    """Monday and Sunday of the week of `day`."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def features_in_week(monday, sunday):
    return (
        FeaturedOrganisation.objects.exclude(status=FeaturedOrganisation.Status.SKIPPED)
        .filter(starts_on__lte=sunday, ends_on__gte=monday)
        .select_related("organisation")
        .order_by("starts_on", "organisation__title", "pk")
    )


def _rendition_bytes(rendition):
    with rendition.file.open("rb") as handle:
        return handle.read()


def share_files(pages):
    """[(file name, bytes)]: the share card of each of these language versions."""
    files = []
    for page in pages:
        language = page.locale.language_code
        card = share_card(page)
        if card is None:
            with open(finders.find(SHARE_IMAGE), "rb") as handle:
                files.append((f"share-{language}.png", handle.read()))
            continue
        extension = card.file.name.rsplit(".", 1)[-1].lower()
        files.append((f"share-{language}.{extension}", _rendition_bytes(card)))
    return files


def kit_name(monday):
    year, week, _day = monday.isocalendar()
    return f"morethanajob-featured-{year}-W{week:02d}"


def build_kit(monday, request=None):
    """The zip of the week starting on `monday`: (file name, bytes, number of features).

    In a folder per feature: `caption-<language>.txt` for each caption, `links.txt` (the post's
    link, then the organisation's page in each language with the campaign's parameters) and
    `share-<language>.<jpg|png>`, the share card of each language version. `README.txt` lists the
    week's features.
    """
    sunday = monday + datetime.timedelta(days=6)
    features = list(features_in_week(monday, sunday))
    codes = country_code_by_path()
    names = country_names()  # in the language of who downloads the kit
    root = kit_name(monday)
    buffer = io.BytesIO()
    summary = [
        _("MoreThanAJob: organisations featured from %(start)s to %(end)s")
        % {"start": date_format(monday, "DATE_FORMAT"), "end": date_format(sunday, "DATE_FORMAT")},
        "",
    ]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as kit:
        for number, feature in enumerate(features, start=1):
            organisation = feature.organisation
            folder = f"{root}/{number:02d}-{organisation.slug}"
            country = names.get(country_code(codes, organisation.path, organisation.depth), "")
            summary += [
                f"{number:02d}. {organisation.title}" + (f" ({country})" if country else ""),
                "   " + _("Dates: %(period)s") % {"period": period_text(feature)},
                "   "
                + _("Channels: %(channels)s")
                % {"channels": ", ".join(channel_names(feature.channels)) or "–"},
                "   " + _("Status: %(status)s") % {"status": feature.get_status_display()},
                "   " + _("Link: %(link)s") % {"link": feature.link},
                "",
            ]
            captions = sorted(feature.captions.items(), key=lambda item: language_rank(item[0]))
            for language, caption in captions:
                if caption.strip():
                    kit.writestr(f"{folder}/caption-{language}.txt", caption.strip() + "\n")
            links = [_("Link of the posts: %(link)s") % {"link": feature.link}, ""]
            pages = language_versions(organisation)
            for page in pages:
                language = page.locale.language_code
                links.append(
                    f"{language_name(language)} ({language}): {page_link(page, feature, request)}"
                )
            kit.writestr(f"{folder}/links.txt", "\n".join(links) + "\n")
            for name, content in share_files(pages):
                kit.writestr(f"{folder}/{name}", content)
        if not features:
            summary.append(_("Nothing is featured this week."))
        kit.writestr(f"{root}/README.txt", "\n".join(summary) + "\n")
    return f"{root}.zip", buffer.getvalue(), len(features)
