"""Login, throttling per (username, address), password hashing, session settings."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from kehoach.testing.personas import PASSWORD


def _login(client: Client, username: str, password: str, ip: str = "10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_login_with_correct_password_reaches_the_plan(personas, seed_plan):
    client = Client()
    response = _login(client, personas.owner.username, PASSWORD)
    assert response.status_code == 302
    page = client.get(reverse("web:home"), follow=True)
    assert seed_plan.title in page.content.decode()


def test_wrong_password_shows_vietnamese_message(personas):
    response = _login(Client(), personas.owner.username, "sai-mat-khau")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_repeated_failures_lock_that_username_from_that_address_only(personas):
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit):
        _login(Client(), personas.commune.username, "sai-mat-khau", ip="10.1.1.1")
    locked = _login(Client(), personas.commune.username, PASSWORD, ip="10.1.1.1")
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()
    # A colleague behind the same office address is not locked out ...
    assert _login(Client(), personas.viewer.username, PASSWORD, ip="10.1.1.1").status_code == 302
    # ... and the same person from another address can still sign in.
    assert _login(Client(), personas.commune.username, PASSWORD, ip="10.2.2.2").status_code == 302


def test_production_hasher_is_argon2():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.django_db
def test_argon2_hash_is_stored(settings):
    from kehoach.accounts.models import User

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = User.objects.create_user("argon-user", password="mot-mat-khau-dai-123")
    assert user.password.startswith("argon2$")


def test_session_and_cookie_settings_are_safe(monkeypatch):
    import importlib

    from config.settings import base

    assert base.SESSION_COOKIE_HTTPONLY and base.SESSION_COOKIE_SAMESITE == "Lax"
    assert base.X_FRAME_OPTIONS == "DENY" and base.SECURE_CONTENT_TYPE_NOSNIFF
    monkeypatch.setenv("KEHOACH_SECRET_KEY", "x" * 60)
    prod = importlib.import_module("config.settings.prod")
    assert prod.SESSION_COOKIE_SECURE and prod.CSRF_COOKIE_SECURE and prod.SECURE_HSTS_SECONDS > 0
    assert not prod.DEBUG


def test_pages_send_content_security_policy(personas, seed_plan):
    client = Client()
    client.force_login(personas.viewer)
    response = client.get(reverse("web:plan", args=[seed_plan.code]))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
