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
    path("me/<str:token>/end/", views.mentee_end, name="mentoring_mentee_end"),
    path("me/<str:token>/delete/", views.mentee_delete, name="mentoring_mentee_delete"),
    path("mentor/<str:token>/", views.mentor_page, name="mentoring_mentor"),
    path("mentor/<str:token>/pause/", views.pause, name="mentoring_pause"),
    path("mentor/<str:token>/profile/", views.mentor_profile, name="mentoring_mentor_profile"),
    path(
        "mentor/<str:token>/session/<int:mentorship_id>/",
        views.log_session,
        name="mentoring_session",
    ),
    path("mentor/<str:token>/end/<int:mentorship_id>/", views.mentor_end, name="mentoring_end"),
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
