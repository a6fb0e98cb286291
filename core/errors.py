"""Domain errors with stable codes. The GraphQL layer turns them into `extensions.code`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

CUSTOM_PYDANTIC_ERRORS = frozenset({"value_error", "assertion_error"})
"""pydantic error types whose message is a validator's own text (kept as the message alone)."""


@dataclass
class FieldError:
    """One problem with one input field; `path` locates it (e.g. ["config", "url"]).

    `code` names the kind of problem where there is a stable one (pydantic's error types such
    as ``string_too_short``), with the numbers and names it needs in `params` (e.g.
    ``{"min_length": 8}``), so a client can say it in its own language."""

    path: list[str | int]
    message: str
    code: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {"path": self.path, "message": self.message}
        if self.code is not None:
            found["code"] = self.code
            found["params"] = self.params
        return found

    @classmethod
    def from_pydantic(cls, prefix: list[str | int], item: Mapping[str, Any]) -> FieldError:
        """The field error of one item of a pydantic `ValidationError.errors()`, under `prefix`;
        only plain values of its context (numbers, words, lists of them) become `params`. A
        validator's own words (``value_error``, ``assertion_error``) carry no code: they say
        more than any general one."""
        if item["type"] in CUSTOM_PYDANTIC_ERRORS:
            return cls([*prefix, *item["loc"]], item["msg"])
        params = {
            name: value
            for name, value in (item.get("ctx") or {}).items()
            if isinstance(value, str | int | float)
            or (isinstance(value, list | tuple) and all(isinstance(v, str | int) for v in value))
        }
        return cls([*prefix, *item["loc"]], item["msg"], str(item["type"]), params)


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
