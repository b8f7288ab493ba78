"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from kehoach.accounts.scope import scope_for
from kehoach.web.nav import PLAN_TABS, main_links_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    scope = scope_for(user) if user is not None else None
    return {
        "main_links": main_links_for(user),
        "plan_tabs": [(name, label) for name, label, _ in PLAN_TABS],
        "is_admin_user": bool(scope and scope.everything),
        "demo_mode": settings.KEHOACH_DEMO or bool(getattr(user, "is_demo", False)) or _has_demo_data(),
    }


def _has_demo_data() -> bool:
    """Whether demo values are in the database (then every page, the public portal included, says
    so). Cached for a few minutes: without demo rows `exists()` scans the table."""
    from django.core.cache import cache

    from kehoach.datavalues.models import DataValue

    flag = cache.get("kehoach:demo-data")
    if flag is None:
        flag = DataValue.objects.filter(is_demo=True).exists()
        cache.set("kehoach:demo-data", flag, 300)
    return bool(flag)
