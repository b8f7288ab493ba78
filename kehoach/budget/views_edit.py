"""Allocation and disbursement pages: list, detail, and the finance office's forms.

Out-of-scope records are 404 (selectors); in-scope records the role may not change are 403."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kehoach.accounts.scope import can_record_money
from kehoach.audit.choices import Channel
from kehoach.audit.selectors import events_for
from kehoach.budget import services
from kehoach.budget.filters import AllocationFilter
from kehoach.budget.forms import AllocationForm, DeleteForm, DisbursementForm
from kehoach.budget.models import Allocation, Disbursement
from kehoach.budget.selectors import allocation_for, allocations_visible_to, disbursement_for
from kehoach.budget.views import plan_or_404
from kehoach.core.exceptions import KehoachError, NotFound, PermissionDenied
from kehoach.core.formatting import vn_number


def _forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "web/forbidden.html", status=403)


def _allocation(request: HttpRequest, pk: int) -> Allocation:
    try:
        return allocation_for(user=request.user, pk=pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _disbursement(request: HttpRequest, pk: int) -> Disbursement:
    try:
        return disbursement_for(user=request.user, pk=pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _detail_url(allocation: Allocation) -> str:
    return reverse("budget:allocation", args=[allocation.pk])


def _failed(form: Any, exc: KehoachError) -> None:
    for message in exc.messages:
        form.add_error(None, message)


@login_required
def allocation_list(request: HttpRequest, code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    qs = allocations_visible_to(user=request.user).filter(plan=plan).order_by("year", "programme__code", "id")
    fs = AllocationFilter(request.GET, queryset=qs)
    rows = list(fs.qs[:500])
    return render(
        request,
        "budget/allocation_list.html",
        {
            "plan": plan,
            "page": "list",
            "filter": fs,
            "rows": rows,
            "truncated": fs.qs.count() > len(rows),
            "can_record": can_record_money(request.user, plan),
            "has_demo": any(a.is_demo for a in rows),
        },
    )


@login_required
def allocation_create(request: HttpRequest, code: str) -> HttpResponse:
    plan = plan_or_404(request, code)
    if not can_record_money(request.user, plan):
        return _forbidden(request)
    form = AllocationForm(request.POST or None, plan=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            allocation = services.create_allocation(
                actor=request.user,
                plan=plan,
                data=form.to_input(),
                channel=Channel.WEB,
                reason=form.cleaned_data["reason"],
                confirmed=form.cleaned_data["confirm_over_plan"],
            )
        except KehoachError as exc:
            _failed(form, exc)
        else:
            messages.success(request, f"Đã ghi dòng giao vốn {allocation.ref}.")
            return redirect(_detail_url(allocation))
    return render(request, "budget/form.html", {"plan": plan, "form": form, "title": "Thêm dòng giao vốn"})


@login_required
def allocation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    allocation = _allocation(request, pk)
    disbursements = list(allocation.disbursements.order_by("date", "id"))
    paid = sum((d.amount_million_vnd for d in disbursements), start=allocation.amount_million_vnd * 0)
    may = can_record_money(request.user, allocation.plan, allocation.commune)
    form = DisbursementForm(request.POST or None) if may else None
    if request.method == "POST":
        if form is None:
            return _forbidden(request)
        if form.is_valid():
            try:
                services.record_disbursement(
                    actor=request.user,
                    allocation=allocation,
                    data=form.to_input(),
                    channel=Channel.WEB,
                    reason=form.cleaned_data["reason"],
                )
            except KehoachError as exc:
                _failed(form, exc)
            else:
                amount = vn_number(form.cleaned_data["amount_million_vnd"])
                messages.success(request, f"Đã ghi khoản giải ngân {amount} triệu đồng.")
                return redirect(_detail_url(allocation))
    return render(
        request,
        "budget/allocation_detail.html",
        {
            "plan": allocation.plan,
            "a": allocation,
            "disbursements": disbursements,
            "paid": paid,
            "remaining": allocation.amount_million_vnd - paid,
            "form": form,
            "can_record": may,
            "history": events_for(obj=allocation),
        },
        status=400 if form is not None and form.errors else 200,
    )


def _edit(
    request: HttpRequest, form: Any, save: Callable[[], bool], *, plan: Any, title: str, back: str
) -> HttpResponse:
    """The edit page of an allocation or a disbursement: `save` calls the service with the form's
    input and says whether anything changed; a refusal is shown on the form, which keeps the input."""
    if request.method == "POST" and form.is_valid():
        try:
            changed = save()
        except KehoachError as exc:
            _failed(form, exc)
        else:
            messages.success(request, "Đã lưu thay đổi." if changed else "Không có gì thay đổi.")
            return redirect(back)
    return render(request, "budget/form.html", {"plan": plan, "form": form, "title": title, "back": back})


@login_required
def allocation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    allocation = _allocation(request, pk)
    plan = allocation.plan
    if not can_record_money(request.user, plan, allocation.commune):
        return _forbidden(request)
    form = AllocationForm(request.POST or None, plan=plan, user=request.user, instance=allocation)

    def save() -> bool:
        return services.update_allocation(
            actor=request.user,
            allocation=allocation,
            data=form.to_input(),
            channel=Channel.WEB,
            reason=form.cleaned_data["reason"],
            confirmed=form.cleaned_data["confirm_over_plan"],
        )

    title = f"Sửa dòng giao vốn {allocation.ref}"
    return _edit(request, form, save, plan=plan, title=title, back=_detail_url(allocation))


def _delete(request: HttpRequest, obj: Allocation | Disbursement, back: str) -> HttpResponse:
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if isinstance(obj, Allocation):
                services.delete_allocation(
                    actor=request.user,
                    allocation=obj,
                    channel=Channel.WEB,
                    reason=form.cleaned_data["reason"],
                )
                back = reverse("budget:allocations", args=[obj.plan.code])
            else:
                services.delete_disbursement(
                    actor=request.user,
                    disbursement=obj,
                    channel=Channel.WEB,
                    reason=form.cleaned_data["reason"],
                )
        except PermissionDenied:
            return _forbidden(request)
        except KehoachError as exc:
            _failed(form, exc)
        else:
            messages.success(request, f"Đã xóa {obj.ref}.")
            return redirect(back)
    plan = obj.plan if isinstance(obj, Allocation) else obj.allocation.plan
    return render(request, "budget/delete.html", {"plan": plan, "obj": obj, "form": form, "back": back})


@login_required
def allocation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    allocation = _allocation(request, pk)
    if not can_record_money(request.user, allocation.plan, allocation.commune):
        return _forbidden(request)
    return _delete(request, allocation, _detail_url(allocation))


@login_required
def disbursement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    d = _disbursement(request, pk)
    if not can_record_money(request.user, d.allocation.plan, d.allocation.commune):
        return _forbidden(request)
    form = DisbursementForm(request.POST or None, instance=d)

    def save() -> bool:
        return services.update_disbursement(
            actor=request.user,
            disbursement=d,
            data=form.to_input(),
            channel=Channel.WEB,
            reason=form.cleaned_data["reason"],
        )

    title = f"Sửa khoản giải ngân {d.ref}"
    return _edit(request, form, save, plan=d.allocation.plan, title=title, back=_detail_url(d.allocation))


@login_required
def disbursement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    d = _disbursement(request, pk)
    if not can_record_money(request.user, d.allocation.plan, d.allocation.commune):
        return _forbidden(request)
    return _delete(request, d, _detail_url(d.allocation))
