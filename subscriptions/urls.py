"""The subscriptions' public addresses, inside the language prefixes (portal/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscriptions_subscribe"),
    path("subscribe/search/", views.search_alert, name="subscriptions_search_alert"),
    path("subscribe/sent/", views.sent, name="subscriptions_sent"),
    path("confirm/<str:token>/", views.confirm, name="subscriptions_confirm"),
    path("manage/<str:token>/", views.manage, name="subscriptions_manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="subscriptions_unsubscribe"),
]
