"""Fixtures for plan import: the documents to upload and logged-in clients per persona."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SEED_TEXT_SHARED = REPO.parent / "shared" / "seed" / "000_0b4aa1fa83e82c37.txt"
SEED_TEXT_COPY = REPO / "kehoach" / "plans" / "data" / "seed" / "muong-te-ctdt-2022.source.txt"
VARIANT = HERE / "fixtures" / "muong-te-giam-ngheo.txt"


def seed_text_path() -> Path:
    return SEED_TEXT_SHARED if SEED_TEXT_SHARED.exists() else SEED_TEXT_COPY


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return seed_text_path().read_bytes()


@pytest.fixture(scope="session")
def variant_bytes() -> bytes:
    """A small plan of the seed's district (its agencies are in the reference data), other figures."""
    return VARIANT.read_bytes()


def upload_file(data: bytes, name: str = "ke-hoach.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def owner_client(personas) -> Client:
    return client_for(personas.owner)
