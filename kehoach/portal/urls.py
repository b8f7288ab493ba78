"""HTML routes of portal (mounted at /cong-khai/)."""

from django.urls import URLPattern, path

from kehoach.portal import views, views_feedback, views_moderation

app_name = "portal"
urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
    path("quan-ly/", views_moderation.queue, name="moderation"),
    path("quan-ly/<int:pk>/<slug:action>/", views_moderation.moderate, name="moderate"),
    path("<str:code>/", views.plan_page, name="plan"),
    path("<str:code>/chi-tieu/", views.targets_page, name="targets"),
    path("<str:code>/chi-tieu/<str:target>/", views.target_page, name="target"),
    path("<str:code>/chi-so/", views.indicators_page, name="indicators"),
    path("<str:code>/chi-so/<str:indicator>/", views.indicator_page, name="indicator"),
    path("<str:code>/von/", views.money_page, name="money"),
    path("<str:code>/nhiem-vu/", views.tasks_page, name="tasks"),
    path("<str:code>/xa/<int:unit>/", views.commune_notice, name="notice"),
    path("<str:code>/y-kien/", views.feedback_page, name="feedback"),
    path("<str:code>/y-kien/gui/", views_feedback.feedback_form, name="feedback-form"),
    path("<str:code>/y-kien/da-gui/", views_feedback.feedback_sent, name="feedback-sent"),
]
