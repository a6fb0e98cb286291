"""Retries of transient database errors, so that no user ever sees a write conflict.

The embedded server (like MongoDB inside transactions) may answer concurrent writes with a
WriteConflict or a TransientTransactionError; these are safe to retry after a short, jittered
pause. Everything else is raised at once.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from pymongo.errors import AutoReconnect, OperationFailure, PyMongoError

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

WRITE_CONFLICT = 112
TRANSIENT_CODES = frozenset({WRITE_CONFLICT, 251, 262})  # conflict, no such txn, exceeded time


def is_transient(error: BaseException) -> bool:
    """True when the operation that raised `error` may simply be tried again."""
    if isinstance(error, AutoReconnect):
        return True
    if isinstance(error, PyMongoError) and (
        error.has_error_label("TransientTransactionError")
        or error.has_error_label("RetryableWriteError")
    ):
        return True
    return isinstance(error, OperationFailure) and error.code in TRANSIENT_CODES


def call_with_retries(
    operation: Callable[[], T], *, attempts: int = 8, base_delay: float = 0.005
) -> T:
    """Run `operation`, retrying transient database errors with jittered exponential backoff."""
    for attempt in range(1, attempts + 1):
        try:
            return operation()
        except PyMongoError as exc:
            if attempt == attempts or not is_transient(exc):
                raise
            delay = base_delay * (2 ** (attempt - 1))
            log.debug("transient database error (attempt %d): %s", attempt, exc)
            time.sleep(delay + random.uniform(0, delay))
    raise AssertionError("unreachable")


def retry_transient(function: Callable[P, T]) -> Callable[P, T]:
    """Decorator form of `call_with_retries` for service functions that write."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        return call_with_retries(lambda: function(*args, **kwargs))

    return wrapper
