"""Settings shared by every environment. Secrets and hosts are set in dev, test or production."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.conf.locale import LANG_INFO

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "home",
    "directory",
    "emails",
    "facilitators",
    "featured",
    "freshness",
    "collaboration",
    "mentoring",
    "networks",
    "news",
    "newsletter",
    "search",
    "opendata",
    "subscriptions",
    "feedback",
    "core",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "anymail",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: every response, even a redirect or an error, carries its request's id.
    "portal.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: an anonymous page served from the cache reads neither it nor the
    # database (core/page_cache.py).
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.portal",
            ],
        },
    },
]

# Database: DATABASE_URL (PostgreSQL in CI and production); the embedded SQLite file otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Measured with `make bench` on the directory's listings and searches:
    # - JIT compiles any query PostgreSQL estimates as costly, which costs ten times the query;
    # - with the default 4 MB of memory per sort or hash, counting the filters of a common word
    #   sorts its tens of thousands of rows (35 ms at 50,000 services) instead of hashing them;
    #   and a hash may take four times that (hash_mem_multiplier): the rows a search keeps
    #   for its page of results (`core.facets`) are grouped in a few hundred groups, where the
    #   planner guesses one per row, and sorted them (40 ms there) rather than hash them;
    # - parallel workers gathering a common word's pages cost more than they save, and on a
    #   small server they take the cores of the requests running beside.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options",
        "-c jit=off -c work_mem=16MB -c hash_mem_multiplier=4 -c max_parallel_workers_per_gather=0",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # 12 characters: long enough that a password cannot be guessed through the sign-in lockout.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. The portal's locales are a setting: PORTAL_LANGUAGES="en,it,el,ar" (first = default).
PORTAL_LANGUAGE_CODES = env_list("PORTAL_LANGUAGES", ["en", "it", "el", "ar"])
LANGUAGE_CODE = PORTAL_LANGUAGE_CODES[0]
LANGUAGES = [(code, LANG_INFO[code]["name_local"]) for code in PORTAL_LANGUAGE_CODES]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin's own language, in each user's account settings: the portal's languages, those its
# own screens and emails are written in (not every language Wagtail ships).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Rome")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "MoreThanAJob"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    # The database backend: PostgreSQL full text in production and CI, SQLite FTS locally.
    # Set SEARCH_BACKEND=elasticsearch (with SEARCH_URL) to move to Elasticsearch/OpenSearch.
    # Each page is read in its own language and a visitor's words in every portal language
    # (search/backends/analysis.py); SEARCH_CONFIG is left only to Wagtail's phrase searches.
    "default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "portal_simple"},
}
if env_str("SEARCH_BACKEND") == "elasticsearch":
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": env_str("SEARCH_ELASTICSEARCH_MODULE", "wagtail.search.backends.elasticsearch8"),
        "URLS": env_list("SEARCH_URL", ["http://localhost:9200"]),
        "INDEX_PREFIX": env_str("SEARCH_INDEX_PREFIX", "morethanajob_"),
        "TIMEOUT": 5,
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# A new translation starts as a draft, even of a live page: publishing it is a decision of its own
# (an organisation not yet verified cannot publish; a half-translated page is not for the public).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: every message goes through the outbox (emails/): EMAIL_BACKEND writes Django's and
# Wagtail's mail (password reset, moderation notifications) there too, and only the outbox's
# sender talks to the provider, a django-anymail backend chosen per environment by the
# EMAIL_BACKEND environment variable.
EMAIL_BACKEND = "emails.backends.OutboxBackend"
PORTAL_EMAIL_PROVIDER_BACKEND = env_str("EMAIL_BACKEND", "anymail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "MoreThanAJob <portal@morethanajob.example>")
ANYMAIL = {}
# The providers' tracking webhooks (/anymail/<provider>/tracking/) update the outbox's delivery
# status. Off: they answer 404. On: they need ANYMAIL["WEBHOOK_SECRET"] (production refuses to
# start without it; elsewhere the webhooks refuse every post until it is set: emails/webhooks.py).
PORTAL_EMAIL_TRACKING = env_bool("PORTAL_EMAIL_TRACKING", True)
PORTAL_EMAIL_MAX_ATTEMPTS = env_int("PORTAL_EMAIL_MAX_ATTEMPTS", 6)
# How long a worker may take to hand one message to the provider. A message still "sending"
# after that is not sent again: it waits for the provider's webhook, or staff ("unknown – check").
PORTAL_EMAIL_LEASE_MINUTES = env_int("PORTAL_EMAIL_LEASE_MINUTES", 15)
# /healthz fails when an email has waited this many minutes past its time (portal/health.py).
PORTAL_HEALTH_OUTBOX_MINUTES = env_int("PORTAL_HEALTH_OUTBOX_MINUTES", 15)

# Background tasks: run immediately unless a production backend is configured. In production,
# TASKS_BACKEND=django_tasks_db.DatabaseBackend and `manage.py db_worker` as a service.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
if env_str("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": env_str("REDIS_URL"),
    }

# Anonymous pages (core/page_cache.py): kept in the shared cache for PORTAL_PAGE_CACHE_SECONDS
# (0: not kept), emptied whenever something they show is published or changed; browsers may
# keep them PORTAL_PAGE_CACHE_MAX_AGE seconds, a proxy in front PORTAL_PAGE_CACHE_PROXY_SECONDS.
PORTAL_PAGE_CACHE_SECONDS = env_int("PORTAL_PAGE_CACHE_SECONDS", 300)
PORTAL_PAGE_CACHE_MAX_AGE = env_int("PORTAL_PAGE_CACHE_MAX_AGE", 0)
PORTAL_PAGE_CACHE_PROXY_SECONDS = env_int("PORTAL_PAGE_CACHE_PROXY_SECONDS", 300)
# Each process also keeps the PORTAL_PAGE_CACHE_LOCAL_PAGES pages asked most in its memory,
# reading the cache's generation at most every PORTAL_PAGE_CACHE_LOCAL_SECONDS: another
# process's purge reaches it within that time (0: no copies in memory).
PORTAL_PAGE_CACHE_LOCAL_SECONDS = env_int("PORTAL_PAGE_CACHE_LOCAL_SECONDS", 1)
PORTAL_PAGE_CACHE_LOCAL_PAGES = env_int("PORTAL_PAGE_CACHE_LOCAL_PAGES", 200)
# What every page reads the same (the site's home pages and menus) is kept in each process's
# memory until something public changes, for PORTAL_MEMORY_SECONDS at most (0: read each time).
PORTAL_MEMORY_SECONDS = env_int("PORTAL_MEMORY_SECONDS", 300)
# Paths never kept nor marked public, besides the admin's (PORTAL_ADMIN_PATH_PREFIXES).
PORTAL_PAGE_CACHE_EXCLUDED = ("/healthz", "/documents/", "/media/", "/anymail/", "/i18n/")
# A caching proxy in front (Varnish, nginx with a purge module...): a page published or
# unpublished is purged from it, at each address a visitor of each language is shown it
# (directory/frontend_cache.py), with an HTTP PURGE request to PORTAL_FRONTEND_CACHE_URL (e.g.
# http://127.0.0.1:6081). Those addresses are worked out there: Wagtail's own swapping of the
# language prefix is off (WAGTAILFRONTENDCACHE_LANGUAGES).
WAGTAILFRONTENDCACHE_LANGUAGES = []
if env_str("PORTAL_FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env_str("PORTAL_FRONTEND_CACHE_URL"),
        }
    }

# Directory listings
PORTAL_PAGE_SIZE = env_int("PORTAL_PAGE_SIZE", 12)
# How long a search's results and counts are kept in the cache (0: not at all). Any change to a
# page or a vocabulary term empties it.
PORTAL_SEARCH_CACHE_SECONDS = env_int("PORTAL_SEARCH_CACHE_SECONDS", 300)
# Ranking reads each matching row's words: within each tier of the results (the most words,
# the visitor's language, checked recently), its newest PORTAL_SEARCH_RANK_WINDOW rows are
# ranked by relevance and any beyond follow, newest first (0: every row is ranked). A search of
# common words only has thousands of rows in a tier.
PORTAL_SEARCH_RANK_WINDOW = env_int("PORTAL_SEARCH_RANK_WINDOW", 2000)

# Freshness (directory/freshness.py): content not checked for this many months carries a note and
# ranks lower; for the second number of months, it leaves the listings and the search.
PORTAL_FRESHNESS_NOTE_MONTHS = env_int("PORTAL_FRESHNESS_NOTE_MONTHS", 12)
PORTAL_FRESHNESS_HIDE_MONTHS = env_int("PORTAL_FRESHNESS_HIDE_MONTHS", 18)
# The yearly check (freshness app): each organisation is asked to confirm its services once
# every this many months, by at most the second number of emails per run of the command; its
# links work for the third number of days.
PORTAL_CHECK_EVERY_MONTHS = env_int("PORTAL_CHECK_EVERY_MONTHS", 12)
PORTAL_CHECK_EMAILS_PER_RUN = env_int("PORTAL_CHECK_EMAILS_PER_RUN", 50)
PORTAL_CHECK_LINK_DAYS = env_int("PORTAL_CHECK_LINK_DAYS", 30)

# Citizens' messages to organisations: at most this many per client address and per email
# address in the window (seconds); 0 turns the limit off. Counted in the cache (CACHES).
PORTAL_ENQUIRY_RATE_LIMIT = env_int("PORTAL_ENQUIRY_RATE_LIMIT", 5)
PORTAL_ENQUIRY_RATE_WINDOW = env_int("PORTAL_ENQUIRY_RATE_WINDOW", 60 * 60)
# The open data API (/api/hsds/): answers not served from the page cache, per client address
# per window (seconds); 0 turns the limit off.
# Email subscriptions (subscriptions app): at most this many subscribe forms per client address
# and per email address in the window; the confirmation link works for this many days; an
# address not confirmed is deleted after this many days.
PORTAL_SUBSCRIBE_RATE_LIMIT = env_int("PORTAL_SUBSCRIBE_RATE_LIMIT", 5)
PORTAL_SUBSCRIBE_RATE_WINDOW = env_int("PORTAL_SUBSCRIBE_RATE_WINDOW", 60 * 60)
PORTAL_SUBSCRIPTION_LINK_DAYS = env_int("PORTAL_SUBSCRIPTION_LINK_DAYS", 7)
PORTAL_SUBSCRIPTION_UNCONFIRMED_DAYS = env_int("PORTAL_SUBSCRIPTION_UNCONFIRMED_DAYS", 30)
# Readers' reactions ("Was this page useful?", feedback app): at most this many answers and
# "what was missing" texts per client address in the window (seconds); 0 turns the limit off.
# A reader may add what was missing for this many minutes after answering.
PORTAL_FEEDBACK_RATE_LIMIT = env_int("PORTAL_FEEDBACK_RATE_LIMIT", 30)
PORTAL_FEEDBACK_RATE_WINDOW = env_int("PORTAL_FEEDBACK_RATE_WINDOW", 60 * 60)
PORTAL_FEEDBACK_FOLLOW_UP_MINUTES = env_int("PORTAL_FEEDBACK_FOLLOW_UP_MINUTES", 60)
PORTAL_HSDS_RATE_LIMIT = env_int("PORTAL_HSDS_RATE_LIMIT", 120)
PORTAL_HSDS_RATE_WINDOW = env_int("PORTAL_HSDS_RATE_WINDOW", 60)
# The licence of the directory's open data (the API, the downloads), named on the open data
# page and in the data package.
PORTAL_OPEN_DATA_LICENCE_NAME = env_str("PORTAL_OPEN_DATA_LICENCE_NAME", "CC-BY-4.0")
PORTAL_OPEN_DATA_LICENCE_TITLE = env_str(
    "PORTAL_OPEN_DATA_LICENCE_TITLE", "Creative Commons Attribution 4.0 International"
)
PORTAL_OPEN_DATA_LICENCE_URL = env_str(
    "PORTAL_OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"
)
# How many reverse proxies in front of the portal append the client's address to
# X-Forwarded-For (0: none, REMOTE_ADDR is the client). Without it, behind a proxy, every
# citizen would share one address and one rate limit.
PORTAL_TRUSTED_PROXIES = env_int("PORTAL_TRUSTED_PROXIES", 0)

# Facilitators' follow-up: an organisation not contacted for more than this many days is flagged,
# and a citizen's message left unanswered for more than this many days is counted as late.
PORTAL_CONTACT_OVERDUE_DAYS = env_int("PORTAL_CONTACT_OVERDUE_DAYS", 40)
PORTAL_ENQUIRY_OVERDUE_DAYS = env_int("PORTAL_ENQUIRY_OVERDUE_DAYS", 7)
# Featured organisations: the list warns when an organisation is featured again within this many
# days, and when two organisations of one country are featured within the second number of days.
PORTAL_FEATURE_REPEAT_DAYS = env_int("PORTAL_FEATURE_REPEAT_DAYS", 90)
PORTAL_FEATURE_COUNTRY_GAP_DAYS = env_int("PORTAL_FEATURE_COUNTRY_GAP_DAYS", 7)

# Mentoring: a request not answered within this many days expires; a mentee has at most this
# many requests waiting at once. The age of digital consent per country (ISO code), the default
# elsewhere: younger mentees enrol only through an organisation recording a guardian's consent.
# The mentoring forms: at most this many per client address and per email address a window.
PORTAL_MENTORING_REQUEST_DAYS = env_int("PORTAL_MENTORING_REQUEST_DAYS", 14)
PORTAL_MENTORING_OPEN_REQUESTS = env_int("PORTAL_MENTORING_OPEN_REQUESTS", 3)
PORTAL_MENTORING_CONSENT_AGE = {"IT": 14, "GR": 15}
PORTAL_MENTORING_CONSENT_AGE_DEFAULT = 16
PORTAL_MENTORING_RATE_LIMIT = env_int("PORTAL_MENTORING_RATE_LIMIT", 5)
PORTAL_MENTORING_RATE_WINDOW = env_int("PORTAL_MENTORING_RATE_WINDOW", 60 * 60)
# A mentee's data is deleted once nothing has gone on for this many days (mentorship ended,
# request closed or registration): `manage.py purge_mentees`, nightly.
PORTAL_MENTORING_KEEP_DAYS = env_int("PORTAL_MENTORING_KEEP_DAYS", 365)

# The periodic commands, run by `manage.py run_schedule` (core/schedule.py): (when, command).
# `when` reads as cron's five fields, in TIME_ZONE; a day and a weekday given must both match.
PORTAL_SCHEDULE = [
    # The outbox: what is due for a retry; what a dead worker left "sending" past its lease is
    # marked "unknown – check" (never sent twice).
    ("* * * * *", "send_queued_email"),
    # Pages whose "go live" or "expiry" time has come.
    ("*/5 * * * *", "publish_scheduled"),
    # Facilitators' monthly reminders: the first Monday of the month.
    ("0 9 1-7 * 1", "send_reminders --send"),
    # Facilitators' weekly digests: Monday morning.
    ("0 8 * * 1", "send_facilitator_digests"),
    # Each organisation's standing worked out again, in case data was written around the portal.
    ("30 3 * * *", "refresh_standings"),
    # The listings' rows (search, countries, good practices) worked out again, likewise.
    ("0 4 * * *", "refresh_listings"),
    # The yearly check of each organisation's services, a few emails every weekday morning.
    ("0 10 * * 1-5", "send_yearly_checks"),
    # Subscribers who never confirmed their address: deleted once PORTAL_SUBSCRIPTION_
    # UNCONFIRMED_DAYS have passed.
    ("20 3 * * *", "purge_unconfirmed_subscribers"),
    # Newsletter issues scheduled for now, and sendings whose run stopped half way.
    ("*/5 * * * *", "send_due_newsletters"),
    # Subscribers: the new results of their saved searches, then the news (after the
    # facilitators' Monday digests), every morning; each only to those with something new
    # since their last email.
    ("30 7 * * *", "send_search_alerts"),
    ("15 8 * * *", "send_news_digest"),
    # Mentoring requests left without an answer for PORTAL_MENTORING_REQUEST_DAYS: expired.
    ("10 * * * *", "expire_mentoring_requests"),
    # Mentoring's reminders to mentors (a request waiting, no meeting logged, the 90-day
    # check-in) and facilitators' lists (mentors waiting for approval; Mondays, requests
    # unanswered for a week): each email once.
    ("40 8 * * *", "send_mentoring_reminders"),
    # Mentees with nothing going on for PORTAL_MENTORING_KEEP_DAYS: deleted.
    ("25 3 * * *", "purge_mentees"),
    # Housekeeping: expired sessions, finished task results, and tasks a dead worker left
    # "running" (with the database task backend).
    ("15 3 * * *", "clearsessions"),
    ("45 3 * * *", "prune_db_task_results"),
    ("5-59/10 * * * *", "reap_dead_tasks"),
]
# The newsletter: subscribers written to the outbox per transaction, and how many of its emails
# come due each minute (send_queued_email hands at most 500 a run to the sending task).
PORTAL_NEWSLETTER_BATCH_SIZE = env_int("PORTAL_NEWSLETTER_BATCH_SIZE", 1000)
PORTAL_NEWSLETTER_EMAILS_PER_MINUTE = env_int("PORTAL_NEWSLETTER_EMAILS_PER_MINUTE", 500)
# A database task "running" for longer than this many minutes lost its worker: reap_dead_tasks
# puts it back in line, or marks it failed once three workers died running it.
PORTAL_TASK_TIMEOUT_MINUTES = env_int("PORTAL_TASK_TIMEOUT_MINUTES", 60)

# What `manage.py restore_backup` runs once a dump is restored: the migrations it predates, and
# the organisations' standings and listings' rows, kept in step with data written around the
# portal.
PORTAL_AFTER_RESTORE = ["migrate --noinput", "refresh_standings", "refresh_listings"]

# No third-party requests from the admin either: avatars are uploaded, not fetched from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None


# Abuse controls -------------------------------------------------------------------------------
# Sign-in lockout (django-axes): after PORTAL_SIGNIN_FAILURE_LIMIT wrong passwords for one
# account, or from one client address, signing in is refused (429, a page saying until when) for
# PORTAL_SIGNIN_LOCKOUT_MINUTES, even with the right password. Failures are kept in the database,
# so they hold across processes; a successful sign-in clears the account's count. The client's
# address is read by the portal's one rule (PORTAL_TRUSTED_PROXIES, core/ratelimit.py).
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # last, as django-axes requires
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("PORTAL_SIGNIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("PORTAL_SIGNIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "core.signin.signin_locked"
AXES_VERBOSE = False
# Registration, a new verification link and a new password: at most this many per client
# address and per email address in PORTAL_ACCOUNT_RATE_WINDOW seconds (0 turns a limit off),
# counted in the shared cache (CACHES) as the enquiry limit is.
PORTAL_REGISTRATION_RATE_LIMIT = env_int("PORTAL_REGISTRATION_RATE_LIMIT", 5)
PORTAL_RESEND_RATE_LIMIT = env_int("PORTAL_RESEND_RATE_LIMIT", 3)
PORTAL_PASSWORD_RESET_RATE_LIMIT = env_int("PORTAL_PASSWORD_RESET_RATE_LIMIT", 5)
PORTAL_ACCOUNT_RATE_WINDOW = env_int("PORTAL_ACCOUNT_RATE_WINDOW", 60 * 60)
# Only people who work in the admin sign in. A working day: a session left open on a shared
# computer ends by the evening, while nobody is asked to sign in again in the middle of the day.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 9)
# A second factor (core/second_factor.py, django-otp): an authenticator app's code after the
# password. Required of central staff and facilitators where PORTAL_SECOND_FACTOR_REQUIRED is on
# (on unless turned off; off in development, where the demo's people sign in with a password);
# organisations may turn it on in their account.
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
    "core.second_factor.SecondFactorMiddleware",
)
PORTAL_SECOND_FACTOR_REQUIRED = env_bool("PORTAL_SECOND_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = "MoreThanAJob"


# Headers --------------------------------------------------------------------------------------
# Content-Security-Policy (django-csp, portal/headers.py): public pages load scripts, styles,
# fonts and images from the portal itself only, and run no inline script or style; enforced on
# public pages, report-only in the admin (PORTAL_ADMIN_PATH_PREFIXES), whose screens need inline
# script and style. Images stored elsewhere (media on object storage) are allowed by their
# origins in PORTAL_CSP_IMG_ORIGINS.
INSTALLED_APPS += ["csp"]
PORTAL_ADMIN_PATH_PREFIXES = ("/admin/",)
_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:", *env_list("PORTAL_CSP_IMG_ORIGINS", [])],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_DIRECTIVES}
CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _CSP_DIRECTIVES}
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "portal.headers.SecurityHeadersMiddleware",
)
# No page of the portal uses the camera, microphone, location or other device features.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# The admin's dashboard asks wagtail.org for a newer release: a third-party request from every
# editor's browser, outside the policy; the portal's upgrades are planned, not announced there.
WAGTAIL_ENABLE_UPDATE_CHECK = False


# Bad input ------------------------------------------------------------------------------------
# Image uploads: at most WAGTAILIMAGES_MAX_UPLOAD_SIZE bytes (above) and 40 million pixels (a
# camera's full-size photo; an 11,000 × 11,000 image of a few kilobytes takes seconds and
# hundreds of megabytes for each thumbnail), and decoded in full once, so that a damaged or
# truncated file is refused with a message (core/images.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.images.CheckedImageForm"
