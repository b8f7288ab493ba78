"""Test settings: fast hashing; the database comes from DATABASE_URL (PostgreSQL) or SQLite."""

from .base import *  # noqa: F403
from .base import AXES_FAILURE_LIMIT  # noqa: F401  (re-exported for tests reading it)

# Argon2 is the production hasher (tested explicitly); MD5 keeps the suite fast.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECRET_KEY = "test-only-secret-key-not-for-production-0123456789"

# Pages re-read the definitions' signature at most every few seconds in production; tests change
# units and indicators and read straight after, so they always re-read.
KEHOACH_DEFINITIONS_MAX_AGE = 0.0
