"""How long a failed job waits before its next attempt: exponential backoff with jitter."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    """Delay after failed attempt n: ``min(max_seconds, base_seconds * 2**(n-1))``, minus up to
    `jitter` of it at random so that jobs failing together do not retry together."""

    base_seconds: float = 5.0
    max_seconds: float = 3600.0
    jitter: float = 0.5

    def __post_init__(self) -> None:
        if self.base_seconds < 0 or self.max_seconds < 0:
            raise ValueError("backoff delays cannot be negative")
        if not 0 <= self.jitter <= 1:
            raise ValueError("backoff jitter must be between 0 and 1")

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number `attempt` (from 1)."""
        exponent = min(max(attempt, 1) - 1, 60)
        raw = min(self.max_seconds, self.base_seconds * 2.0**exponent)
        return raw * (1.0 - self.jitter * random.random())
