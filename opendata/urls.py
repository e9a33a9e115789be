"""The API's own URLconf: its answers name it (`request.urlconf`), so that Django's
LocaleMiddleware does not take an API's 404 for a page missing its language prefix and
redirect it to one (the site's catch-all would make any prefixed address look valid)."""

from django.urls import path

from opendata.api import api

urlpatterns = [path("api/hsds/", api.urls)]
