"""Correcting one target, task or budget line of a draft, beside its source sentence."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from . import selectors, storage
from .draft import Draft, apply_correction, find_item, set_task_agencies
from .forms import BudgetDraftForm, TargetDraftForm, TaskDraftForm
from .highlight import anchor
from .resolve import task_agency_codes
from .views import importer_required, user_draft

SPAN_KINDS = {"target": "target", "task": "task", "budget": "budget_line"}
TITLES = {"target": _l("Sửa chỉ tiêu"), "task": _l("Sửa nhiệm vụ"), "budget": _l("Sửa dòng nguồn lực")}


def _decimal(value: Any) -> Decimal | None:
    # Shown the Vietnamese way (99,5; 1.426.328) by the form field, which formats decimals only.
    return Decimal(str(value)) if value is not None else None


def _form(kind: str, draft: Draft, item: dict[str, Any], data: Any) -> forms.Form:
    if kind == "target":
        return TargetDraftForm(data, initial={**item, "value": _decimal(item.get("value"))})
    if kind == "budget":
        known = [(p.code, f"{p.name} ({p.code})") for p in selectors.programme_options()]
        if item["programme"] not in dict(known):  # as the document names it, until matched
            unknown = _("%(code)s (chưa có trong hệ thống)") % {"code": item["programme"]}
            known.insert(0, (item["programme"], unknown))
        initial = {**item, "amount_million_vnd": _decimal(item.get("amount_million_vnd"))}
        return BudgetDraftForm(data, initial=initial, programmes=known)
    lead, coordinating = task_agency_codes(draft, item)
    return TaskDraftForm(data, initial={**item, "lead": lead, "coordinating": coordinating})


def _source_excerpt(draft: Draft, kind: str, code: str) -> str:
    span = next((s for s in draft["spans"] if s["kind"] == kind and s["code"] == code), None)
    return draft["text"][span["start"] : span["end"]] if span else ""


@importer_required
def edit_item(request: HttpRequest, draft_id: str, kind: str, code: str) -> HttpResponse:
    current = user_draft(request, draft_id)
    item = find_item(current, kind, code) if kind in SPAN_KINDS else None
    if item is None:
        raise Http404("Không tìm thấy mục này trong bản nháp.")
    form = _form(kind, current, item, request.POST if request.method == "POST" else None)
    back = reverse("planimport:draft", args=[current["id"]]) + f"#item-{anchor(SPAN_KINDS[kind], code)}"
    if request.method == "POST" and form.is_valid():
        changed = apply_correction(current, kind, code, form.changes())  # type: ignore[attr-defined]
        if isinstance(form, TaskDraftForm):
            lead, coordinating = form.agencies()
            if ((lead or None), coordinating) != task_agency_codes(current, item):
                set_task_agencies(current, code, lead, coordinating)
                changed.append("agencies")
        storage.put_draft(request.session, current)
        messages.success(request, _("Đã sửa trong bản nháp.") if changed else _("Không có gì thay đổi."))
        return redirect(back)
    context = {
        "draft": current,
        "form": form,
        "item": item,
        "kind": kind,
        "title": TITLES[kind],
        "source": _source_excerpt(current, SPAN_KINDS[kind], code),
        "back": back,
    }
    return render(request, "planimport/edit.html", context, status=400 if form.is_bound else 200)
