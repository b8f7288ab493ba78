"""Enumerations of money records. Values are the codes of the stated plan lines (plans.choices),
without "total": an allocation or a disbursement is always for one source and one kind."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    CENTRAL = "central", _("Ngân sách Trung ương")
    LOCAL = "local", _("Ngân sách địa phương")
    POLICY_CREDIT = "policy_credit", _("Tín dụng chính sách")
    OTHER = "other", _("Huy động khác")


class Kind(models.TextChoices):
    INVESTMENT = "investment", _("Vốn đầu tư")
    RECURRENT = "recurrent", _("Vốn sự nghiệp")


# Short forms used in Vietnamese budget tables, accepted on import (matched without diacritics).
SOURCE_ALIASES: dict[str, tuple[str, ...]] = {
    "central": ("NSTW", "Trung ương", "Ngân sách Trung ương", "Vốn ngân sách Trung ương"),
    "local": ("NSĐP", "Địa phương", "Ngân sách địa phương", "Vốn ngân sách địa phương"),
    "policy_credit": ("Tín dụng chính sách", "Vốn vay", "Vốn tín dụng chính sách", "NHCSXH"),
    "other": ("Huy động khác", "Vốn huy động", "Huy động", "Khác"),
}
KIND_ALIASES: dict[str, tuple[str, ...]] = {
    "investment": ("Vốn đầu tư", "Đầu tư", "Đầu tư phát triển", "ĐTPT", "Vốn đầu tư phát triển"),
    "recurrent": ("Vốn sự nghiệp", "Sự nghiệp", "SN"),
}
