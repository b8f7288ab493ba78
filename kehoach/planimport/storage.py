"""Drafts live in the user's session until they are confirmed or discarded, not in plan tables.

Django signs session data (and keeps it server-side with the database backend), so a draft cannot
be altered except through the review pages. Each draft is bounded in size and a session holds a
few at most: the oldest is dropped when a new one would exceed that.
"""

from __future__ import annotations

import json
from typing import Any

from kehoach.core.exceptions import NotFound, ValidationFailed

from .draft import Draft

SESSION_KEY = "planimport_drafts"
MAX_DRAFTS = 3
# A real plan's draft is 100-300 kB of JSON (the seed: about 160 kB); 4 MB leaves room for long
# documents while keeping a session row (and the memory to load it) bounded.
MAX_DRAFT_CHARS = 4_000_000


def _drafts(session: Any) -> dict[str, Draft]:
    drafts = session.get(SESSION_KEY)
    return drafts if isinstance(drafts, dict) else {}


def put_draft(session: Any, draft: Draft) -> None:
    """Keep (or replace) a draft; ValidationFailed if it is too large to keep."""
    if len(json.dumps(draft, ensure_ascii=False)) > MAX_DRAFT_CHARS:
        raise ValidationFailed(
            "Văn bản quá dài để tạo bản nháp trực tuyến; hãy tách văn bản hoặc dùng lệnh “kehoach plan parse”."
        )
    drafts = _drafts(session)
    drafts.pop(draft["id"], None)
    while len(drafts) >= MAX_DRAFTS:
        drafts.pop(next(iter(drafts)))  # dicts keep insertion order: the first is the oldest
    drafts[draft["id"]] = draft
    session[SESSION_KEY] = drafts
    session.modified = True


def get_draft(session: Any, draft_id: str, *, user_id: int) -> Draft:
    """The draft `draft_id` of this user; NotFound otherwise (a stale link, another user's id)."""
    draft = _drafts(session).get(draft_id)
    if draft is None or draft.get("user") != user_id:
        raise NotFound("Không tìm thấy bản nháp; có thể phiên làm việc đã hết hạn. Hãy tải văn bản lên lại.")
    return draft


def list_drafts(session: Any, *, user_id: int) -> list[Draft]:
    return [d for d in _drafts(session).values() if d.get("user") == user_id]


def drop_draft(session: Any, draft_id: str) -> None:
    drafts = _drafts(session)
    if drafts.pop(draft_id, None) is not None:
        session[SESSION_KEY] = drafts
        session.modified = True
