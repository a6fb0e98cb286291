"""What the TOP gateway answers when a call fails, as typed exceptions.

TOP reports errors inside an HTTP 200 answer as ``{"error_response": {"code", "msg",
"sub_code", "sub_msg", "request_id"}}``. `error_from_response` maps such a body to:

* `TopAuthError`: the seller's session (access token) is missing, invalid or expired (codes
  26/27, sub codes ``invalid-sessionkey`` and ``session-expired``): the seller must reconnect;
* `TopRateLimited`: a call limit was hit (codes 4-8, e.g. 7 "App Call Limited" with
  ``accesscontrol.limited-by-api-access-count``); ``retry_after`` is read from the sub
  message "This ban will last for N more seconds";
* `TopSignatureError`: code 25, the request was signed with the wrong secret or method;
* `TopPermissionDenied`: code 11 "Insufficient isv permissions" (the app was not granted the
  method's permission package, e.g. sub code ``isv.permission-api-package-limit`` with sub
  message "scope ids is 11655 11998", as TOP answers it) or 12 "Insufficient user
  permissions" (the seller's authorization does not cover it). TOP's list of system error
  codes names 11 and 12 so; TOP grants an app its API permissions package by package;
* `TopUnavailable`: the platform itself failed (code 10, ``isp.*`` sub codes, an unreadable
  answer; `TopTransportError` for no connection or an HTTP 5xx): worth trying again later;
* `TopError` for everything else (missing or invalid arguments, ``isv.*`` business errors).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

AUTH_CODES = frozenset({26, 27, 53})
AUTH_SUB_CODES = frozenset({"invalid-sessionkey", "session-expired", "session-not-exist"})
RATE_LIMIT_CODES = frozenset({4, 5, 6, 7, 8})
SIGNATURE_CODE = 25
PERMISSION_CODES = frozenset({11, 12})
UNAVAILABLE_CODES = frozenset({10})
DEFAULT_BAN_SECONDS = 1.0
_BAN = re.compile(r"ban will last for\s+(\d+(?:\.\d+)?)\s+more\s+second", re.IGNORECASE)


class TopError(Exception):
    """A TOP call failed; `code`, `msg`, `sub_code` and `sub_msg` are the gateway's own."""

    retryable = False

    def __init__(
        self,
        message: str,
        *,
        method: str = "",
        code: int | None = None,
        msg: str = "",
        sub_code: str = "",
        sub_msg: str = "",
        request_id: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.code = code
        self.msg = msg
        self.sub_code = sub_code
        self.sub_msg = sub_msg
        self.request_id = request_id

    def __str__(self) -> str:
        return self.message


class TopAuthError(TopError):
    """The seller's authorization is missing, invalid or expired: they must reconnect."""

    @property
    def expired(self) -> bool:
        """True when the session expired (rather than being unknown or revoked)."""
        return self.sub_code == "session-expired"


class TopRateLimited(TopError):
    """A call limit was hit; the gateway refuses calls for `retry_after` more seconds."""

    retryable = True

    def __init__(self, message: str, *, retry_after: float, **fields: Any) -> None:
        super().__init__(message, **fields)
        self.retry_after = retry_after


class TopSignatureError(TopError):
    """The gateway did not accept the request's signature (wrong app secret or sign method)."""


class TopPermissionDenied(TopError):
    """The app (code 11) or the seller's authorization (code 12) may not call the method."""


class TopUnavailable(TopError):
    """The platform failed or answered something unreadable; the call may succeed later."""

    retryable = True


class TopTransportError(TopUnavailable):
    """The gateway could not be reached, or answered an HTTP error status, even after the
    HTTP layer's own retries."""


def ban_seconds(sub_msg: str) -> float:
    """The N of "This ban will last for N more seconds", or `DEFAULT_BAN_SECONDS`."""
    found = _BAN.search(sub_msg or "")
    return float(found.group(1)) if found else DEFAULT_BAN_SECONDS


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def error_from_response(method: str, error: Mapping[str, Any]) -> TopError:
    """The exception for the ``error_response`` object `error` answered to `method`."""
    code = _as_int(error.get("code"))
    fields: dict[str, Any] = {
        "method": method,
        "code": code,
        "msg": str(error.get("msg") or ""),
        "sub_code": str(error.get("sub_code") or ""),
        "sub_msg": str(error.get("sub_msg") or ""),
        "request_id": str(error.get("request_id") or ""),
    }
    detail = fields["sub_msg"] or fields["sub_code"]
    described = f"{fields['msg'] or 'error'} (code {code}{f': {detail}' if detail else ''})"
    if code in AUTH_CODES or fields["sub_code"] in AUTH_SUB_CODES:
        reason = "expired" if fields["sub_code"] == "session-expired" else "is not valid"
        return TopAuthError(
            f"the Taobao authorization {reason}: reconnect the shop ({described})", **fields
        )
    if code in RATE_LIMIT_CODES:
        wait = ban_seconds(fields["sub_msg"])
        return TopRateLimited(
            f"Taobao call limit reached for {method}; retry in {wait:g}s ({described})",
            retry_after=wait,
            **fields,
        )
    if code in PERMISSION_CODES:
        return TopPermissionDenied(f"Taobao does not permit {method} ({described})", **fields)
    if code == SIGNATURE_CODE:
        return TopSignatureError(
            f"Taobao refused the request signature: check the app secret ({described})",
            **fields,
        )
    if code in UNAVAILABLE_CODES or fields["sub_code"].startswith("isp."):
        return TopUnavailable(f"Taobao is unavailable for {method}: {described}", **fields)
    return TopError(f"{method} failed: {described}", **fields)
