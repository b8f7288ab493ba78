"""Evidence files on disk under MEDIA_ROOT/evidence, under random names.

The user's file name never becomes part of a path (ASVS 5.3.2): a stored name is 32 random hex
digits plus the extension of the *detected* type, sharded by its first two digits so no directory
grows without bound. Files are created exclusively (never overwritten) and are not executable.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from kehoach.assignments.conf import media_root
from kehoach.core.exceptions import NotFound

EVIDENCE_DIR = "evidence"


def _root() -> Path:
    return (media_root() / EVIDENCE_DIR).resolve()


def store(data: bytes, *, extension: str) -> str:
    """Write `data` under a new random name; returns the name relative to MEDIA_ROOT/evidence."""
    token = secrets.token_hex(16)
    relative = f"{token[:2]}/{token}{extension}"
    path = _root() / relative
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o750)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return relative


def path_of(stored_name: str) -> Path:
    """The absolute path of a stored file; refuses anything that would leave the evidence folder."""
    root = _root()
    path = (root / stored_name).resolve()
    if root not in path.parents or not path.is_file():
        raise NotFound("Không tìm thấy tệp minh chứng.")
    return path


def remove(stored_name: str) -> None:
    """Best effort: used to undo a write whose database transaction failed."""
    with contextlib.suppress(NotFound):
        path_of(stored_name).unlink(missing_ok=True)
