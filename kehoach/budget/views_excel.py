"""Excel export and import pages. An import is always previewed (dry run) before it is committed;
between the two steps the file waits in a private temporary folder, bound to the user's session
by a random token and its SHA-256, so the commit writes exactly what was previewed."""

from __future__ import annotations

import hashlib
import secrets
import tempfile
import time
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kehoach.accounts.scope import can_record_money
from kehoach.budget.exporting import export_money
from kehoach.budget.forms import ImportForm
from kehoach.budget.importing import ImportReport, run_import
from kehoach.budget.views import plan_or_404
from kehoach.core.exceptions import ValidationFailed
from kehoach.plans.models import Plan
from kehoach.spreadsheets.limits import DEFAULT_LIMITS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PENDING = Path(tempfile.gettempdir()) / "kehoach-budget-import"
KEEP_SECONDS = 24 * 3600


@login_required
def export_view(request: HttpRequest, code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    response = HttpResponse(export_money(plan=plan, user=request.user), content_type=XLSX)
    # The plan code is ASCII by construction; the name is quoted anyway.
    response["Content-Disposition"] = f'attachment; filename="giao-von-giai-ngan-{plan.code}.xlsx"'
    return response


def _park(request: HttpRequest, plan: Plan, data: bytes) -> str:
    PENDING.mkdir(mode=0o700, exist_ok=True)
    for old in PENDING.glob("*.xlsx"):
        if old.stat().st_mtime < time.time() - KEEP_SECONDS:
            old.unlink(missing_ok=True)
    token = secrets.token_urlsafe(18)
    (PENDING / f"{token}.xlsx").write_bytes(data)
    request.session[f"budget-import-{token}"] = [plan.code, hashlib.sha256(data).hexdigest()]
    return token


def _unpark(request: HttpRequest, plan: Plan, token: str) -> bytes | None:
    bound = request.session.get(f"budget-import-{token}")
    path = PENDING / f"{token}.xlsx"
    if (
        not token.replace("-", "").replace("_", "").isalnum()
        or not bound
        or bound[0] != plan.code
        or not path.exists()
    ):
        return None
    data = path.read_bytes()
    return data if hashlib.sha256(data).hexdigest() == bound[1] else None


def _page(
    request: HttpRequest,
    plan: Plan,
    form: ImportForm,
    report: ImportReport | None,
    token: str = "",
    errors: list[str] | None = None,
) -> HttpResponse:
    failed = bool(errors) or bool(form.errors) or (report is not None and not report.ok)
    return render(
        request,
        "budget/import.html",
        {
            "plan": plan,
            "page": "import",
            "form": form,
            "report": report,
            "token": token,
            "errors": errors or [],
        },
        status=400 if failed else 200,
    )


@login_required
def import_view(request: HttpRequest, code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    if not can_record_money(request.user, plan):
        return render(request, "web/forbidden.html", status=403)
    if request.method == "POST" and request.POST.get("token"):
        return _commit(request, plan, request.POST["token"])
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _page(request, plan, form, None)
    upload = form.cleaned_data["file"]
    if upload.size > DEFAULT_LIMITS.max_bytes:
        form.add_error("file", f"Tệp lớn hơn {DEFAULT_LIMITS.max_bytes // (1024 * 1024)} MB.")
        return _page(request, plan, form, None)
    data = upload.read()
    report = run_import(actor=request.user, plan=plan, data=data, commit=False)
    return _page(request, plan, form, report, _park(request, plan, data) if report.ok else "")


def _commit(request: HttpRequest, plan: Plan, token: str) -> HttpResponse:
    data = _unpark(request, plan, token)
    form = ImportForm()
    if data is None:
        message = "Không còn tệp đã kiểm tra (đã nhập hoặc quá hạn); hãy tải tệp lên lại."
        return _page(request, plan, form, None, errors=[message])
    try:
        report = run_import(actor=request.user, plan=plan, data=data, commit=True)
    except ValidationFailed as exc:
        return _page(request, plan, form, None, errors=[exc.message, *exc.messages])
    (PENDING / f"{token}.xlsx").unlink(missing_ok=True)
    request.session.pop(f"budget-import-{token}", None)
    counts = report.counts()
    summary = "; ".join(
        f"{sheet}: {c['created']} mới, {c['updated']} cập nhật, {c['unchanged']} không đổi"
        for sheet, c in counts.items()
    )
    messages.success(request, f"Đã nhập tệp. {summary}.")
    return redirect("budget:allocations", code=plan.code)
