"""Settings for `kehoach serve` on one machine (the README's first command)."""

from .base import *  # noqa: F403
