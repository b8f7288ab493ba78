"""Vietnamese labels of the judgement statuses, through gettext (the pure core keeps plain text)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kehoach.analytics.targets import Status

STATUS_TEXT: dict[Status, Promise] = {
    Status.ACHIEVED: _("Đã đạt"),
    Status.ON_TRACK: _("Đúng tiến độ"),
    Status.AT_RISK: _("Có nguy cơ không đạt"),
    Status.OFF_TRACK: _("Chậm tiến độ"),
    Status.NOT_ACHIEVED: _("Không đạt"),
    Status.NO_DATA: _("Chưa có số liệu"),
}
