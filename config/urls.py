from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from kehoach.web.forms import LoginForm

admin.site.site_header = "Quản trị kehoach"
admin.site.site_title = "kehoach"
admin.site.index_title = "Cấu hình hệ thống"

urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(template_name="web/login.html", authentication_form=LoginForm),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/v1/", include("kehoach.api.urls")),
    path("chi-so/", include("kehoach.indicators.urls")),
    path("so-lieu/", include("kehoach.datavalues.urls")),
    path("von/", include("kehoach.budget.urls")),
    path("nhiem-vu/", include("kehoach.assignments.urls")),
    path("nhap-ke-hoach/", include("kehoach.planimport.urls")),
    path("tien-do/", include("kehoach.analytics.urls")),
    path("bao-cao/", include("kehoach.reports.urls")),
    path("cong-khai/", include("kehoach.portal.urls")),
    path("", include("kehoach.plans.urls")),
    path("", include("kehoach.web.urls")),
]
