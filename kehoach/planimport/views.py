"""HTML pages of plan import: upload, the draft beside its source, corrections, matching, confirm.

Only plan owners and admins get past `importer_required` (kehoach.accounts.scope.can_import_plan);
everyone else sees a 403 page. Drafts are the user's own, in the session: a foreign or stale draft
id is a 404. Nothing reaches the database before `confirm_import`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from kehoach.accounts.scope import can_import_plan
from kehoach.core.exceptions import NotFound, PermissionDenied, ValidationFailed
from kehoach.docparse import PlanParseError

from . import selectors, storage
from .draft import Draft
from .forms import UploadForm
from .highlight import render_source
from .presenters import review_context
from .resolve_form import ResolveForm
from .services import confirm_import
from .upload import MAX_UPLOAD_BYTES, declared_size_too_large, parse_upload, too_large_message

View = Callable[..., HttpResponse]


def importer_required(view: View) -> View:
    """Logged in, and a role that imports plans (403 otherwise: the menu shows the page to all)."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_import_plan(request.user):
            return render(request, "planimport/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


def _user_id(request: HttpRequest) -> int:
    return int(request.user.pk or 0)  # importer_required has let only logged-in users through


def user_draft(request: HttpRequest, draft_id: str) -> Draft:
    try:
        return storage.get_draft(request.session, draft_id, user_id=_user_id(request))
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _upload_page(request: HttpRequest, form: UploadForm, error: str = "", status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "error": error,
        "max_bytes": MAX_UPLOAD_BYTES,
        "drafts": storage.list_drafts(request.session, user_id=_user_id(request)),
    }
    return render(request, "planimport/upload.html", context, status=status)


# CSRF is checked in `_receive`, after the size: a 50 MB body is refused before anything reads it
# (the CSRF middleware would otherwise parse the whole multipart body to find the token).
@csrf_exempt
@importer_required
def upload(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and (size := declared_size_too_large(request)) is not None:
        return _upload_page(request, UploadForm(), error=too_large_message(size), status=413)
    return _receive(request)


@csrf_protect
def _receive(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _upload_page(request, UploadForm())
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _upload_page(request, form, status=400)
    try:
        result, name = parse_upload(form.cleaned_data.get("file"))
        draft = selectors.prepare_draft(result=result, filename=name, user=request.user)
        storage.put_draft(request.session, draft)
    except PlanParseError as exc:
        return _upload_page(request, form, error=exc.message_vi, status=400)
    except ValidationFailed as exc:
        return _upload_page(request, form, error=exc.message, status=400)
    return redirect("planimport:draft", draft_id=draft["id"])


@importer_required
def draft(request: HttpRequest, draft_id: str) -> HttpResponse:
    current = user_draft(request, draft_id)
    unit_id = current["unit"]["choice"]
    context = {
        "draft": current,
        "meta": current["document"]["plan"],
        "source": render_source(current["text"], current["spans"]),
        "unit": selectors.units_by_id([unit_id]).get(unit_id) if unit_id is not None else None,
        **review_context(current),
    }
    return render(request, "planimport/draft.html", context)


@require_POST
@importer_required
def discard(request: HttpRequest, draft_id: str) -> HttpResponse:
    storage.drop_draft(request.session, user_draft(request, draft_id)["id"])
    messages.success(request, _("Đã hủy bản nháp; không có gì được ghi vào hệ thống."))
    return redirect("planimport:upload")


def _resolve_page(
    request: HttpRequest, current: Draft, form: ResolveForm, errors: list[str], status: int = 200
) -> HttpResponse:
    unit_ids = [*current["unit"]["candidates"], current["unit"]["choice"]]
    query = request.GET.get("tim_don_vi", "").strip()
    found = selectors.importable_units(user=request.user, text=query) if query else []
    units = selectors.units_by_id(u for u in unit_ids if u is not None)
    options = [*units.values(), *(u for u in found if u.pk not in units)]
    context = {
        "draft": current,
        "form": form,
        "errors": errors,
        "unit_options": options,
        "unit_query": query,
        "checked_unit": form["unit"].value(),
        "agency_fields": form.agency_fields(),
        "programme_fields": form.programme_fields(),
    }
    return render(request, "planimport/resolve.html", context, status=status)


def _resolve_form(request: HttpRequest, current: Draft, data: Any = None) -> ResolveForm:
    agencies = [(a.code, f"{a.name} ({a.code})") for a in selectors.agency_options()]
    programmes = [(p.code, f"{p.name} ({p.code})") for p in selectors.programme_options()]
    return ResolveForm(data, draft=current, user=request.user, agencies=agencies, programmes=programmes)


@importer_required
def resolve(request: HttpRequest, draft_id: str) -> HttpResponse:
    """Plan code, unit, issuer and every agency name; "Xác nhận" creates the plan."""
    current = user_draft(request, draft_id)
    if request.method != "POST":
        return _resolve_page(request, current, _resolve_form(request, current), [])
    form = _resolve_form(request, current, request.POST)
    if not form.is_valid():
        return _resolve_page(request, current, form, [], status=400)
    if form.apply():
        selectors.resuggest_agencies(current)
    storage.put_draft(request.session, current)
    if "search_unit" in request.POST:
        query = urlencode({"tim_don_vi": request.POST.get("tim_don_vi", "")[:100]})
        return redirect(reverse("planimport:resolve", args=[current["id"]]) + f"?{query}#tim_don_vi")
    if "confirm" not in request.POST:
        messages.success(request, _("Đã lưu các lựa chọn vào bản nháp."))
        return redirect("planimport:resolve", draft_id=current["id"])
    try:
        plan = confirm_import(draft=current, user=request.user)
    except ValidationFailed as exc:
        errors = [exc.message, *(m for m in exc.messages if m != exc.message)]
        return _resolve_page(request, current, _resolve_form(request, current), errors, status=400)
    except PermissionDenied as exc:
        return _resolve_page(request, current, _resolve_form(request, current), [exc.message], status=403)
    storage.drop_draft(request.session, current["id"])
    done = _("Đã tạo kế hoạch %(code)s từ tệp %(file)s.") % {"code": plan.code, "file": current["filename"]}
    messages.success(request, done)
    return redirect(reverse("web:plan", args=[plan.code]))
