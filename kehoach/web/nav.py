"""Navigation registry: apps add their pages here from AppConfig.ready(), so no shared template
has to be edited when an app is added.

PLAN_TABS are per-plan pages (their URL takes the plan code); MAIN_LINKS are top-level pages.
Each entry is (url_name, Vietnamese label, order).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Label = str | Promise

PLAN_TABS: list[tuple[str, Label, int]] = [
    ("web:plan", _("Tổng quan và văn bản"), 10),
    ("web:targets", _("Chỉ tiêu"), 20),
    ("web:tasks", _("Nhiệm vụ, giải pháp"), 40),
    ("web:budget", _("Nguồn lực"), 60),
    ("web:organisation", _("Tổ chức thực hiện"), 80),
    ("web:findings", _("Điểm cần rà soát"), 90),
]
MAIN_LINKS: list[tuple[str, Label, int]] = [
    ("web:plans", _("Kế hoạch"), 10),
    ("web:units", _("Đơn vị hành chính"), 80),
    ("web:agencies", _("Cơ quan"), 90),
]


def add_plan_tab(url_name: str, label: Label, order: int) -> None:
    if not any(t[0] == url_name for t in PLAN_TABS):
        PLAN_TABS.append((url_name, label, order))
        PLAN_TABS.sort(key=lambda t: t[2])


# Who sees a main link, where not everyone may open it (a link that answers 403 is a dead end).
MAIN_LINK_RULES: dict[str, Callable[[Any], bool]] = {}


def add_main_link(
    url_name: str, label: Label, order: int, visible: Callable[[Any], bool] | None = None
) -> None:
    if not any(t[0] == url_name for t in MAIN_LINKS):
        MAIN_LINKS.append((url_name, label, order))
        MAIN_LINKS.sort(key=lambda t: t[2])
    if visible is not None:
        MAIN_LINK_RULES[url_name] = visible


def main_links_for(user: Any) -> list[tuple[str, Label]]:
    return [(name, label) for name, label, _ in MAIN_LINKS if MAIN_LINK_RULES.get(name, _always)(user)]


def _always(user: Any) -> bool:
    return True
