"""Signing Taobao Open Platform (TOP) requests, and TOP's clock (GMT+8).

Every TOP call is signed over *all* its parameters, system and business alike, except ``sign``
itself (and file uploads):

1. sort the parameter names by ASCII order;
2. concatenate ``name1value1name2value2…``, leaving out parameters whose value is empty,
   and encode the result as UTF-8;
3. digest it: ``md5`` is MD5(secret + string + secret); ``hmac`` is HMAC-MD5 keyed with the
   secret; ``hmac-sha256`` is HMAC-SHA256 keyed with the secret;
4. write the digest as uppercase hex.

Times travel as ``yyyy-MM-dd HH:mm:ss`` in China Standard Time (GMT+8); the gateway refuses a
``timestamp`` more than 10 minutes away from its own clock.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Literal

SignMethod = Literal["md5", "hmac", "hmac-sha256"]
SIGN_METHODS: tuple[SignMethod, ...] = ("md5", "hmac", "hmac-sha256")
CHINA = timezone(timedelta(hours=8), "GMT+8")
"""TOP's time zone: every time it sends or accepts is China Standard Time."""
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


class UnknownSignMethod(ValueError):
    """A sign method TOP does not define."""


def string_to_sign(params: Mapping[str, object]) -> str:
    """The sorted ``name`` + ``value`` concatenation that is digested (``sign`` and empty
    values left out)."""
    parts = []
    for name in sorted(params):
        value = params[name]
        if name == "sign" or value is None or value == "":
            continue
        parts.append(f"{name}{value}")
    return "".join(parts)


def sign(params: Mapping[str, object], secret: str, method: SignMethod = "md5") -> str:
    """The ``sign`` parameter for `params`, signed with the app `secret` by `method`."""
    text = string_to_sign(params).encode()
    key = secret.encode()
    if method == "md5":
        digest = hashlib.md5(key + text + key).hexdigest()
    elif method == "hmac":
        digest = hmac.new(key, text, hashlib.md5).hexdigest()
    elif method == "hmac-sha256":
        digest = hmac.new(key, text, hashlib.sha256).hexdigest()
    else:
        raise UnknownSignMethod(f"unknown TOP sign method {method!r}")
    return digest.upper()


def format_time(moment: datetime) -> str:
    """`moment` (timezone-aware) as TOP writes times: ``yyyy-MM-dd HH:mm:ss`` in GMT+8."""
    if moment.tzinfo is None:
        raise ValueError("TOP times need a timezone-aware datetime")
    return moment.astimezone(CHINA).strftime(TIME_FORMAT)


def timestamp(now: float | None = None) -> str:
    """The ``timestamp`` system parameter for the Unix time `now` (default: the current time)."""
    seconds = time.time() if now is None else now
    return format_time(datetime.fromtimestamp(seconds, CHINA))


def parse_time(text: str) -> datetime:
    """A TOP time string (GMT+8) as a timezone-aware datetime; raises ValueError if malformed."""
    return datetime.strptime(text.strip(), TIME_FORMAT).replace(tzinfo=CHINA)
