"""The one exception raised by the plan-document parser."""

from __future__ import annotations


class PlanParseError(Exception):
    """Input that cannot be parsed as a plan.

    The message is Vietnamese (with diacritics) because it is shown to the plan owner as is:
    empty file, not a plan, garbled text, wrong file type, too large, zip bomb, external references.
    """

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi
