"""Writes for users: creation, role and scope changes, API tokens. All audited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from rest_framework.authtoken.models import Token

from kehoach.accounts.choices import Role
from kehoach.accounts.models import User
from kehoach.agencies.models import Agency
from kehoach.audit.choices import Channel
from kehoach.audit.services import record_event
from kehoach.core.exceptions import ValidationFailed
from kehoach.orgunits.models import OrgUnit


@transaction.atomic
def save_user(
    *,
    username: str,
    role: Role | str,
    password: str | None,
    actor: Any,
    units: Iterable[OrgUnit] = (),
    agency: Agency | None = None,
    full_name: str = "",
    is_demo: bool = False,
    channel: Channel = Channel.CLI,
) -> User:
    """Create the user or update its role and scope (password reset when one is given)."""
    if role not in Role.values:
        raise ValidationFailed(f"Vai trò “{role}” không hợp lệ.")
    user, created = User.objects.get_or_create(username=username)
    first, _, last = full_name.rpartition(" ")
    before = (
        {
            "role": user.role,
            "agency": user.agency.code if user.agency else None,
            "units": sorted(u.key for u in user.units.all()),
        }
        if not created
        else {}
    )
    user.role = Role(role)
    user.agency = agency
    user.first_name, user.last_name = first, last
    user.is_demo = is_demo
    user.is_staff = user.is_superuser = role == Role.ADMIN
    if password:
        user.set_password(password)
    user.save()
    user.units.set(list(units))
    after = {
        "role": user.role,
        "agency": agency.code if agency else None,
        "units": sorted(u.key for u in user.units.all()),
    }
    changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    if password:
        changes["password"] = ["", "(đã đặt)"]
    record_event(
        actor=actor,
        action="user.create" if created else "user.update",
        obj=user,
        changes=changes,
        channel=channel,
    )
    return user


@transaction.atomic
def issue_token(*, user: User, actor: Any, channel: Channel = Channel.CLI) -> str:
    """A fresh API token for the user (the previous one stops working)."""
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    record_event(actor=actor, action="user.token", obj=user, changes={"token": "(cấp mới)"}, channel=channel)
    return str(token.key)
