"""Demo content of Admin → Featured organisations, written by `manage.py seed_demo`.

Five weeks of the portal's social media, around the week of `today`:

- this week, three organisations of three countries (Italy, Greece, Lebanon) in the spotlight,
  one already posted and two still planned, so the home page shows its "Featured organisations"
  and their pages their note;
- two features posted in earlier weeks, with the address of the post;
- one skipped last week (the organisation was updating its profile);
- two planned next week, one of them from the same country as one of this week's, so the list's
  "Check before posting" column has something to say.

The organisations are demo organisations found by slug, in the language version written first
(as the admin's form chooses them). This week's three are published in all four languages (the
collaboration demo translates them), so their captions are drafted in English, Italian, Greek
and Arabic. The demo login `organisation` (Il Ponte) was featured weeks ago, and is not the only
Italian organisation featured. A feature is a contact with the organisation, so those the
contact demo leaves overdue are not featured: the facilitators' dashboard still flags them.

Each feature is written as the admin's form writes it: captions drafted from the profile, the
default link, then its row in the contact log. An organisation that has a feature already is
left alone, so running it again adds nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from directory.models import OrganisationPage
from featured.featuring import default_link, draft_captions, record_contact, week_of
from featured.models import FeaturedOrganisation

from . import content
from .builder import ADMIN_USERNAME

POSTED = FeaturedOrganisation.Status.POSTED

# The demo features are "features" in demo/content/structure.json. "week": weeks from this one
# (0: this week, -1: last week, 1: next week); "days": first and last day in that week (0: Monday
# ... 6: Sunday); "posted_url": where it was posted, on its first day.


def _first_version(slug):
    """The published demo organisation called `slug`, in the language it was written in first."""
    language = next(
        (entry["language"] for entry in content.ORGANISATIONS if entry["slug"] == slug), None
    )
    pages = OrganisationPage.objects.live().filter(slug=slug, locale__language_code=language)
    return pages.order_by("pk").first()


def ensure_demo_features(today=None):
    """Write the demo features around the week of `today` (default: today, in the site's time
    zone) for the demo organisations that have none yet. Returns how many were written."""
    today = today or timezone.localdate()
    monday, _sunday = week_of(today)
    planner = get_user_model().objects.filter(username=ADMIN_USERNAME).first()
    featured = set(FeaturedOrganisation.objects.values_list("organisation_key", flat=True))
    written = 0
    with transaction.atomic():
        for spec in content.FEATURES:
            organisation = _first_version(spec["organisation"])
            if organisation is None or organisation.translation_key in featured:
                continue
            week = monday + datetime.timedelta(weeks=spec["week"])
            first, last = spec["days"]
            feature = FeaturedOrganisation(
                organisation=organisation,
                organisation_key=organisation.translation_key,
                starts_on=week + datetime.timedelta(days=first),
                ends_on=week + datetime.timedelta(days=last),
                channels=list(spec["channels"]),
                status=spec["status"],
                created_by=planner,
            )
            if spec["status"] == POSTED:
                feature.posted_on = min(feature.starts_on, today)
                feature.posted_url = spec["posted_url"]
            feature.captions = draft_captions(feature)
            feature.link = default_link(feature)
            feature.save()
            record_contact(feature, planner)
            featured.add(organisation.translation_key)
            written += 1
    return written
