"""The one marker for tests that need LibreOffice: CI installs it (scripts/setup.sh --test), so there
they must run; a developer's machine without it skips them."""

from __future__ import annotations

import os
import shutil

import pytest

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"), reason="LibreOffice is not installed"
)
