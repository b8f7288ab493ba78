"""Reads over the audit trail."""

from __future__ import annotations

from django.db import models
from django.db.models import QuerySet

from kehoach.audit.models import AuditEvent


def events_for(*, obj: models.Model, limit: int = 50) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))[:limit]
