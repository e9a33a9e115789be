from django.urls import path

from . import views

urlpatterns = [
    path("", views.mentee_form, name="mentoring_mentee_form"),
    path("become-a-mentor/", views.mentor_form, name="mentoring_mentor_form"),
    path("sent/", views.sent, name="mentoring_sent"),
    path("me/<str:token>/", views.mentee_page, name="mentoring_mentee"),
    path(
        "me/<str:token>/withdraw/<int:request_id>/",
        views.withdraw,
        name="mentoring_withdraw",
    ),
    path("mentor/<str:token>/", views.mentor_page, name="mentoring_mentor"),
    path(
        "mentor/<str:token>/accept/<int:request_id>/",
        views.accept,
        name="mentoring_accept",
    ),
    path(
        "mentor/<str:token>/decline/<int:request_id>/",
        views.decline,
        name="mentoring_decline",
    ),
]
