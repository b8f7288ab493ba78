"""Public pages are cached whole, keyed by the data version: an approval (or any audited change)
moves the version, so the next request computes fresh figures; nothing has to be invalidated.

Anonymous responses are also marked cacheable for browsers and proxies for a short time. Signed-in
officials always get a fresh, private page. Cached pages carry no CSRF token and no session data
(the comment form, which needs them, is a separate page that is never cached).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from kehoach.portal import conf
from kehoach.portal.selectors import data_version

View = Callable[..., HttpResponse]
_KEPT_HEADERS = ("Content-Disposition",)
_SERVER_SECONDS = 24 * 3600  # an entry of an old version is never read again; let it expire


# The only parameters the public views read. Others are left out of the key, so random query strings
# cannot push the real pages out of the cache and make every request compute afresh.
KNOWN_PARAMS = ("don-vi", "phan-to", "tai", "bang")


def page_key(version: int, request: HttpRequest) -> str:
    params = urlencode(sorted((k, v) for k in KNOWN_PARAMS for v in request.GET.getlist(k)))
    # The host is part of the key: the printed notice shows the portal's address.
    where = f"{request.scheme}://{request.get_host()}{request.path}?{params}"
    return "portal:page:" + hashlib.sha256(f"{version}|{where}".encode()).hexdigest()


def public_page(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        anonymous = not request.user.is_authenticated
        if request.method not in ("GET", "HEAD") or not anonymous:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        key = page_key(data_version(), request)
        hit = cache.get(key)
        if hit is not None:
            content, content_type, headers = hit
            response = HttpResponse(content, content_type=content_type)
            for name, value in headers:
                response[name] = value
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()  # a DRF answer is rendered late; the cache needs its bytes
            if response.status_code == 200 and not response.streaming:
                headers = [(h, response[h]) for h in _KEPT_HEADERS if h in response]
                cache.set(key, (response.content, response["Content-Type"], headers), _SERVER_SECONDS)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=conf.cache_seconds())
        return response

    return wrapper
