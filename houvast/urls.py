from django.conf import settings
from django.urls import include, path, register_converter

from . import views
from .lib.ids import IdConverter
from .operators.admin import site as operators_site

register_converter(IdConverter, "id")  # before the apps' urls.py are included

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("dev/outbox/", views.outbox, name="outbox"),
    path("account/", include("houvast.accounts.urls")),
    path("werkvormen/", include("houvast.workshops.urls")),
    path("", include("houvast.content.urls")),
    path("stellingen/", include("houvast.surveys.urls")),
    path("kaarten/", include("houvast.cards.urls")),
    path("plannen/", include("houvast.plans.urls")),
    path("beheer/", operators_site.urls),
]
if settings.BENCH_VIEWS:
    urlpatterns.append(path("_bench/bare/", views.bench_bare, name="bench_bare"))


handler404 = "houvast.views.page_not_found"
handler500 = "houvast.views.server_error"
