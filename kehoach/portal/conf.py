"""Portal settings, read with defaults so a deployment sets only what it changes (docs/domain/portal.md)."""

from __future__ import annotations

from django.conf import settings

from kehoach.portal.suppression import DEFAULT_MIN_COUNT


def min_count() -> int:
    """Counts behind a published disaggregated figure below this are suppressed."""
    return int(getattr(settings, "KEHOACH_PORTAL_MIN_COUNT", DEFAULT_MIN_COUNT))


def response_days() -> int:
    """Days the responsible agency has to answer a comment."""
    return int(getattr(settings, "KEHOACH_PORTAL_RESPONSE_DAYS", 15))


def feedback_per_hour() -> int:
    """Comments accepted from one address per hour (the rest are refused, nothing is stored)."""
    return int(getattr(settings, "KEHOACH_PORTAL_FEEDBACK_PER_HOUR", 5))


def feedback_per_day() -> int:
    return int(getattr(settings, "KEHOACH_PORTAL_FEEDBACK_PER_DAY", 20))


def cache_seconds() -> int:
    """How long browsers and proxies may keep a public page (the server cache is keyed by data version)."""
    return int(getattr(settings, "KEHOACH_PORTAL_CACHE_SECONDS", 60))


def from_email() -> str:
    return str(getattr(settings, "DEFAULT_FROM_EMAIL", "kehoach@localhost"))


def contact_days() -> int:
    """Days a sender's contact details are kept once the comment is answered or not published
    (then erased by `kehoach portal purge-contacts`; open comments keep them for the reply)."""
    return int(getattr(settings, "KEHOACH_PORTAL_CONTACT_DAYS", 90))
