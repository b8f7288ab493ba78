"""PDF through LibreOffice headless, when it is installed.

`soffice --convert-to pdf` exits 0 even when the conversion fails (docs setup-recipes §4), so
success is judged by the output: a file that exists and starts with "%PDF". Each run uses its
own profile directory, so two conversions at once do not fight over LibreOffice's lock.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

from kehoach.core.exceptions import ValidationFailed

TIMEOUT_SECONDS = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes) -> bytes:
    """The PDF of a .docx; ValidationFailed (Vietnamese) when LibreOffice is missing or fails."""
    program = soffice()
    if program is None:
        raise ValidationFailed(
            _("Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải bản Word (.docx).")
        )
    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as work:
        folder = Path(work)
        source = folder / "bao-cao.docx"
        source.write_bytes(data)
        profile = folder / "profile"
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ValidationFailed(
                _("LibreOffice không chuyển xong tệp sang PDF trong thời gian cho phép.")
            ) from exc
        produced = folder / "bao-cao.pdf"
        if not produced.exists() or not produced.read_bytes().startswith(b"%PDF"):
            raise ValidationFailed(
                _("LibreOffice không chuyển được báo cáo sang PDF; hãy tải bản Word (.docx).")
            )
        return produced.read_bytes()
