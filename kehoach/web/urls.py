from django.urls import path

from kehoach.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("ke-hoach/", views.plan_list, name="plans"),
    path("ke-hoach/<str:code>/", views.plan_overview, name="plan"),
    path("ke-hoach/<str:code>/chi-tieu/", views.targets, name="targets"),
    path("ke-hoach/<str:code>/nhiem-vu/", views.tasks, name="tasks"),
    path("ke-hoach/<str:code>/nguon-luc/", views.budget, name="budget"),
    path("ke-hoach/<str:code>/to-chuc-thuc-hien/", views.organisation, name="organisation"),
    path("ke-hoach/<str:code>/phat-hien/", views.findings, name="findings"),
    path("ke-hoach/<str:code>/<str:kind>/<str:element>/sua/", views.edit_element, name="edit"),
    path("don-vi/", views.units, name="units"),
    path("don-vi/<int:pk>/", views.unit_detail, name="unit"),
    path("co-quan/", views.agencies, name="agencies"),
]
