"""Form fields choosing agencies by their full name: after the 2025 reorganisation every new commune
has a "Phòng Văn hóa - Xã hội", so the short name alone lists eight identical entries."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _

from kehoach.agencies.models import Agency


def agency_label(agency: Agency) -> str:
    """ "Phòng Văn hóa - Xã hội xã Bum Tở"; a body that ceased says since when."""
    if agency.valid_to is None:
        return agency.name
    return f"{agency.name} ({_('đến')} {agency.valid_to:%d/%m/%Y})"


class AgencyChoiceField(forms.ModelChoiceField[Agency]):
    def label_from_instance(self, obj: Agency) -> str:
        return agency_label(obj)


class AgencyMultipleChoiceField(forms.ModelMultipleChoiceField[Agency]):
    def label_from_instance(self, obj: Agency) -> str:
        return agency_label(obj)
