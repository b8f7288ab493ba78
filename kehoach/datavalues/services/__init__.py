"""Writes of the datavalues app: saving values (one service for every path) and the approval workflow."""

from kehoach.datavalues.services.approval import (
    approve_submission,
    reopen_submission,
    return_submission,
    submit_submission,
)
from kehoach.datavalues.services.values import SYSTEM, SystemActor, collector_paused, save_data_values

__all__ = [
    "SYSTEM",
    "SystemActor",
    "approve_submission",
    "collector_paused",
    "reopen_submission",
    "return_submission",
    "save_data_values",
    "submit_submission",
]
