"""Readers' reactions' public addresses, inside the language prefixes (portal/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.answer, name="feedback_answer"),
    path("thanks/", views.thanks, name="feedback_thanks"),
    path("missing/", views.missing, name="feedback_missing"),
]
