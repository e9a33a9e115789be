from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from collaboration import views as collaboration_views
from core import second_factor
from core.signin import LimitedPasswordResetView
from directory import views as directory_views
from directory.admin_scope import guarded_admin_urls
from emails import webhooks as email_webhooks
from freshness import views as freshness_views
from home import seo
from opendata import views as opendata_views
from opendata.api import api as opendata_api
from portal import health, media
from search import views as search_views

urlpatterns = [
    # "Reset your password" with a limit per client address and per email: before the admin's.
    path("admin/password_reset/", LimitedPasswordResetView.as_view()),
    path("admin/2fa/", include(second_factor)),
    # wagtail-localize's views and the page chooser, checking the page itself: before the admin.
    path("admin/", include(guarded_admin_urls())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # The providers' tracking webhooks only, closed unless they can be trusted.
    path("anymail/", include(email_webhooks)),
    # Outside the language prefixes: a health probe asks the bare address.
    path("healthz", health.healthz, name="healthz"),
    # Uploaded media, in every environment (with S3 storage, files are the bucket's).
    re_path(r"^media/(?P<path>.+)$", media.serve_media, name="media"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    # Open data: the HSDS API and the data package, the same address in every language.
    path("api/hsds/", opendata_api.urls),
    path("open-data/hsds-<str:lang>.zip", opendata_views.tabular_package, name="hsds_package"),
]

urlpatterns += i18n_patterns(
    path("register/", directory_views.register, name="register"),
    path("register/sent/", directory_views.register_sent, name="register_sent"),
    path("register/resend/", directory_views.resend_verification, name="register_resend"),
    path("register/verify/<str:token>/", directory_views.verify_email, name="register_verify"),
    path("enquiry/<int:page_id>/", directory_views.enquiry, name="enquiry"),
    path("enquiry/token/", directory_views.enquiry_token, name="enquiry_token"),
    path(
        "interest/<int:page_id>/",
        collaboration_views.express_interest,
        name="collaboration_interest",
    ),
    path("check/<str:token>/", freshness_views.answer, name="freshness_answer"),
    path("subscriptions/", include("subscriptions.urls")),
    path("feedback/", include("feedback.urls")),
    path("mentoring/", include("mentoring.urls")),
    path("search/", search_views.search, name="search"),
    # The footer's "Open data": to the open data page in the visitor's language, wherever it is.
    path("data/", opendata_views.open_data, name="open_data"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    re_path(
        r"^search/download\.(?P<extension>csv|xlsx)$",
        search_views.download,
        name="search_download",
    ),
    path("", include(wagtail_urls)),
)
