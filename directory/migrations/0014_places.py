"""Places become one vocabulary: a town (or a region) of a country, with its name in every
language, instead of the free text of an organisation's city and region and of a service's
location, which was a town or a venue.

`convert` moves the existing texts over, losing none:
- each organisation's city (and region) as written in its first version, per country, compared
  without regard to case and spaces, becomes a place (its region a place of kind "region"); the
  city its translations give becomes the place's name in their languages;
- a service's location that names a place of its country becomes its place (none when it is the
  organisation's own); any other location is a venue, written before the service's address in
  each of its language versions;
- an organisation whose country is not set keeps its city and region at the end of its address.
The latest revision of each page (a draft waiting to be published) gets the same values.
"""

import uuid

import django.core.validators
import django.db.models.deletion
import modelsearch.index
from anyascii import anyascii
from django.db import migrations, models
from django.utils.text import slugify

STEPLEN = 4


def normalised(text):
    return " ".join((text or "").split()).casefold()


def joined(*parts):
    """Address parts, each once, in order ("Ballarò youth centre, Piazza Ballarò 21")."""
    kept = []
    for part in parts:
        part = " ".join((part or "").split())
        if part and not any(part.casefold() in other.casefold() for other in kept):
            kept.append(part)
    return ", ".join(kept)


class Places:
    """The places made so far, found by country and by any of their names."""

    def __init__(self, Place):
        self.Place = Place
        self.by_name = {}  # (country, kind, normalised name) -> translation key
        self.rows = {}  # (translation key, locale id) -> place
        self.slugs = set(Place.objects.values_list("slug", "locale_id"))
        for place in Place.objects.all():
            self._remember(place)

    def _remember(self, place):
        self.rows[(place.translation_key, place.locale_id)] = place
        self.by_name.setdefault(
            (place.country, place.kind, normalised(place.name)), place.translation_key
        )

    def find(self, country, name, kinds=("town", "region")):
        for kind in kinds:
            key = self.by_name.get((country, kind, normalised(name)))
            if key is not None:
                return key
        return None

    def any_row(self, key):
        return next(
            row
            for (k, _locale), row in sorted(self.rows.items(), key=lambda i: i[1].pk)
            if k == key
        )

    def _slug(self, name, country, locale_id, key):
        existing = [row.slug for (k, _locale), row in self.rows.items() if k == key]
        if existing:
            return existing[0]
        base = slugify(anyascii(name))[:70] or "place"
        candidates = [base, f"{base}-{country.lower()}"] + [
            f"{base}-{country.lower()}-{n}" for n in range(2, 1000)
        ]
        taken = {slug for slug, _locale in self.slugs}
        return next(slug for slug in candidates if slug not in taken)

    def get_or_create(self, country, kind, name, locale_id):
        """The place of `country` named `name` (in any language), made in `locale_id` if new."""
        key = self.find(country, name, kinds=(kind,))
        if key is not None:
            return self.any_row(key)
        return self.name(uuid.uuid4(), country, kind, name, locale_id)

    def name(self, key, country, kind, name, locale_id, region=None):
        """The place `key`'s row in `locale_id`, named `name` if it has none there yet."""
        row = self.rows.get((key, locale_id))
        if row is not None:
            return row
        other = next((r for (k, _l), r in self.rows.items() if k == key), None)
        row = self.Place.objects.create(
            translation_key=key,
            locale_id=locale_id,
            name=" ".join(name.split())[:120],
            slug=self._slug(name, country, locale_id, key),
            kind=kind,
            country=country,
            region_id=other.region_id if other else region,
        )
        self.slugs.add((row.slug, locale_id))
        self._remember(row)
        return row


def _country_codes(apps):
    CountryPage = apps.get_model("directory", "CountryPage")
    return dict(CountryPage.objects.values_list("path", "code"))


def _sets(model):
    """A model's pages, grouped by translation key, each group first version first."""
    groups = {}
    for page in model.objects.order_by("pk"):
        groups.setdefault(page.translation_key, []).append(page)
    return groups.values()


def _save(apps, model, page, changes, drop):
    """Write `changes` (field: value) to the page, and to its latest revision (a draft waiting
    to be published keeps them), without the fields in `drop`."""
    model.objects.filter(pk=page.pk).update(**changes)
    values = {name.removesuffix("_id"): value for name, value in changes.items()}
    _update_latest_revision(apps, page, values, drop)


def _update_latest_revision(apps, page, values, drop):
    Revision = apps.get_model("wagtailcore", "Revision")
    if not page.latest_revision_id:
        return
    revision = Revision.objects.filter(pk=page.latest_revision_id).first()
    if revision is None or not isinstance(revision.content, dict):
        return
    content = dict(revision.content)
    for name in drop:
        content.pop(name, None)
    content.update(values)
    revision.content = content
    revision.save(update_fields=["content"])


def convert(apps, schema_editor=None):
    Place = apps.get_model("directory", "Place")
    OrganisationPage = apps.get_model("directory", "OrganisationPage")
    ServicePage = apps.get_model("directory", "ServicePage")
    countries = _country_codes(apps)
    places = Places(Place)

    def country_of(page, levels_up):
        return countries.get(page.path[: (page.depth - levels_up) * STEPLEN], "")

    organisation_places = {}  # translation key -> place id
    translated_names = []  # (place key, country, kind, name, locale id), added once all are made
    for pages in _sets(OrganisationPage):
        source, code = pages[0], country_of(pages[0], 1)
        place = None
        if code and (source.city.strip() or source.region.strip()):
            region = None
            if source.region.strip():
                region = places.get_or_create(code, "region", source.region, source.locale_id)
                translated_names += [
                    (region.translation_key, code, "region", page.region, page.locale_id)
                    for page in pages[1:]
                    if page.region.strip()
                ]
            if source.city.strip():
                place = places.get_or_create(code, "town", source.city, source.locale_id)
                if region is not None and place.region_id is None:
                    Place.objects.filter(translation_key=place.translation_key).update(
                        region=region
                    )
                    for (key, _locale), row in places.rows.items():
                        if key == place.translation_key:
                            row.region_id = region.pk
                translated_names += [
                    (place.translation_key, code, "town", page.city, page.locale_id)
                    for page in pages[1:]
                    if page.city.strip()
                ]
            else:
                place = region
        if place is not None:
            organisation_places[source.translation_key] = place.pk
        for page in pages:
            changes = {"place_id": place.pk if place else None}
            if place is None and (page.city.strip() or page.region.strip()):
                # No country, so no place to choose from: the words stay in the address.
                changes["address"] = joined(page.address, page.city, page.region)[:255]
            elif place is not None and not source.region.strip() and page.region.strip():
                # A region only a translation gives stays in that version's address.
                changes["address"] = joined(page.address, page.region)[:255]
            _save(apps, OrganisationPage, page, changes, drop=("city", "region"))

    for key, code, kind, name, locale_id in translated_names:
        places.name(key, code, kind, name, locale_id)

    for pages in _sets(ServicePage):
        source, code = pages[0], country_of(pages[0], 2)
        place_key = places.find(code, source.location) if code and source.location.strip() else None
        own = places.any_row(place_key) if place_key else None
        organisation_place = organisation_places.get(_organisation_key(OrganisationPage, source))
        if own is not None:
            for page in pages[1:]:
                if page.location.strip() and not places.find(code, page.location):
                    places.name(place_key, code, own.kind, page.location, page.locale_id)
        same = (
            own is not None
            and organisation_place is not None
            and Place.objects.filter(
                pk=organisation_place, translation_key=own.translation_key
            ).exists()
        )
        place_id = own.pk if own is not None and not same else None
        for page in pages:
            changes = {"place_id": place_id}
            if own is None and page.location.strip():
                # A venue (or a town the vocabulary does not have): it leads the address.
                changes["address"] = joined(page.location, page.address)[:255]
            _save(apps, ServicePage, page, changes, drop=("location",))


def _organisation_key(OrganisationPage, service):
    parent_path = service.path[: (service.depth - 1) * STEPLEN]
    return (
        OrganisationPage.objects.filter(path=parent_path)
        .values_list("translation_key", flat=True)
        .first()
    )


def grant_places(apps, schema_editor):
    """Central staff administer places, as they do the other vocabularies (new groups get the
    permissions from directory/permissions.py)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(app_label="directory", model="place")
    for action in ("add", "change", "delete"):
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_place",
            defaults={"name": f"Can {action} place"},
        )
        for group in Group.objects.filter(name="Central staff"):
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0013_category_icon"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="servicepage",
            name="address",
            field=models.CharField(
                blank=True,
                help_text="The venue's name, street, number, postcode and town, if it does not take place at the organisation's address.",
                max_length=255,
                verbose_name="street address",
            ),
        ),
        migrations.CreateModel(
            name="Place",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(max_length=120, verbose_name="name")),
                (
                    "slug",
                    models.SlugField(
                        help_text="A short code, the same in every language, used in the site's addresses.",
                        max_length=80,
                        verbose_name="code",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="description")),
                (
                    "kind",
                    models.CharField(
                        choices=[("town", "City or town"), ("region", "Region")],
                        default="town",
                        max_length=10,
                        verbose_name="kind of place",
                    ),
                ),
                (
                    "country",
                    models.CharField(
                        help_text="The code of the place's country, in capitals (IT, GR, LB, JO, PS).",
                        max_length=2,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[A-Z]{2}$", "Two capital letters, as in IT or LB."
                            )
                        ],
                        verbose_name="country code",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        blank=True,
                        help_text="Optional: the region a town is in (a town is also found under its region).",
                        limit_choices_to={"kind": "region"},
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="directory.place",
                        verbose_name="region",
                    ),
                ),
            ],
            options={
                "verbose_name": "place",
                "verbose_name_plural": "places",
                "ordering": ["name"],
                "abstract": False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name="organisationpage",
            name="place",
            field=models.ForeignKey(
                blank=True,
                help_text="Where the organisation is, among the places of its country.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="directory.place",
                verbose_name="city or town",
            ),
        ),
        migrations.AddField(
            model_name="servicepage",
            name="place",
            field=models.ForeignKey(
                blank=True,
                help_text="Leave empty if it takes place in the organisation's city or town.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="directory.place",
                verbose_name="city or town",
            ),
        ),
        migrations.AddConstraint(
            model_name="place",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="unique_place_slug_locale"
            ),
        ),
        migrations.AlterUniqueTogether(
            name="place",
            unique_together={("translation_key", "locale")},
        ),
        migrations.RunPython(convert, migrations.RunPython.noop),
        migrations.RunPython(grant_places, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="organisationpage",
            name="city",
        ),
        migrations.RemoveField(
            model_name="organisationpage",
            name="region",
        ),
        migrations.RemoveField(
            model_name="servicepage",
            name="location",
        ),
    ]
