"""Domain errors with stable codes. The GraphQL layer turns them into `extensions.code`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FieldError:
    """One problem with one input field; `path` locates it (e.g. ["config", "url"])."""

    path: list[str | int]
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "message": self.message}


@dataclass
class CloudCatError(Exception):
    """Base of errors meant for the user: a stable code and a message a person can act on."""

    message: str
    code: str = "INTERNAL_SERVER_ERROR"
    fields: list[FieldError] = field(default_factory=list)
    extensions: dict[str, Any] = field(default_factory=dict)  # more for `extensions`

    def __str__(self) -> str:
        return self.message


class Unauthenticated(CloudCatError):
    def __init__(self, message: str = "sign in first") -> None:
        super().__init__(message, "UNAUTHENTICATED")


class Forbidden(CloudCatError):
    def __init__(self, message: str = "you may not do this in this shop") -> None:
        super().__init__(message, "FORBIDDEN")


class NotFound(CloudCatError):
    def __init__(self, message: str) -> None:
        super().__init__(message, "NOT_FOUND")


class BadInput(CloudCatError):
    def __init__(self, message: str, fields: list[FieldError] | None = None) -> None:
        super().__init__(message, "BAD_USER_INPUT", fields or [])


class Conflict(CloudCatError):
    def __init__(self, message: str) -> None:
        super().__init__(message, "CONFLICT")


class RateLimited(CloudCatError):
    """Too many attempts: try again in `retry_after` seconds (`extensions.retryAfter`)."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message, "RATE_LIMITED", [], {"retryAfter": retry_after})

    @property
    def retry_after(self) -> int:
        return int(self.extensions["retryAfter"])


class PluginFailure(CloudCatError):
    """A plugin raised or reported a problem; recorded on the shop's plugin status."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "PLUGIN_ERROR")


class PluginNotReady(CloudCatError):
    """ "Sync now" or "Check" asked of a plugin that cannot run yet (not connected, ...)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "PLUGIN_NOT_READY")


class ShopSuspended(CloudCatError):
    """The shop is suspended by the operator: nothing in it may change until it is resumed."""

    def __init__(self, message: str = "this shop is suspended") -> None:
        super().__init__(message, "SHOP_SUSPENDED")
