"""Settings of this app, read with defaults so config/settings needs no change to run it.

Each can be overridden in the settings module (KEHOACH_...); limits follow reliability.md §6.1/I9.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from kehoach.assignments.uploads import UploadLimits

MB = 1024 * 1024


def media_root() -> Path:
    """Where uploaded files live: KEHOACH_MEDIA_ROOT, else MEDIA_ROOT, else `<working dir>/media`.

    The working directory is the one the SQLite database sits in (settings.WORK_DIR), so a backup of
    that directory holds both the data and the evidence files.
    """
    configured = getattr(settings, "KEHOACH_MEDIA_ROOT", None) or getattr(settings, "MEDIA_ROOT", None)
    if configured:
        return Path(configured)
    return Path(getattr(settings, "WORK_DIR", Path.cwd())) / "media"


def upload_limits() -> UploadLimits:
    return UploadLimits(
        max_bytes=int(getattr(settings, "KEHOACH_EVIDENCE_MAX_BYTES", 10 * MB)),
        max_files_per_report=int(getattr(settings, "KEHOACH_EVIDENCE_MAX_FILES_PER_REPORT", 5)),
        max_files_per_task=int(getattr(settings, "KEHOACH_EVIDENCE_MAX_FILES_PER_TASK", 50)),
        zip_max_entries=int(getattr(settings, "KEHOACH_EVIDENCE_ZIP_MAX_ENTRIES", 500)),
        zip_max_uncompressed=int(getattr(settings, "KEHOACH_EVIDENCE_ZIP_MAX_UNCOMPRESSED", 50 * MB)),
        zip_max_ratio=int(getattr(settings, "KEHOACH_EVIDENCE_ZIP_MAX_RATIO", 100)),
        name_max_chars=int(getattr(settings, "KEHOACH_EVIDENCE_NAME_MAX_CHARS", 150)),
    )
