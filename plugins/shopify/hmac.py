"""Shopify's two HMAC schemes: signed install/callback queries, and signed webhook bodies.

**Queries.** When Shopify sends a merchant to the app (install, app launch, OAuth callback) it
adds ``hmac`` to the query: the lowercase hex HMAC-SHA256, keyed with the app's client secret,
of every other parameter (``hmac`` and the legacy ``signature`` left out) written ``key=value``,
sorted, and joined with ``&``. In keys ``%``, ``&`` and ``=`` are escaped (``%25``, ``%26``,
``%3D``), in values ``%`` and ``&``; a repeated or ``name[]`` parameter is written once as a
JSON list (``ids=["1", "2"]``), as Shopify's own libraries do. `verify_query` recomputes it,
compares in constant time and refuses a ``timestamp`` older than 24 hours (a replayed link).

**Webhooks.** ``X-Shopify-Hmac-Sha256`` is the base64 HMAC-SHA256 of the raw request body,
keyed with the client secret. `verify_webhook_hmac` checks it over the exact bytes received
(never over re-serialized JSON); several secrets may be given while one is being rotated.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Mapping, Sequence
from urllib.parse import parse_qsl

MAX_QUERY_AGE = 24 * 60 * 60
"""Seconds an install or callback query stays acceptable."""
UNSIGNED_PARAMETERS = frozenset({"hmac", "signature"})

QueryParams = Mapping[str, str] | Mapping[str, Sequence[str]] | Mapping[str, str | Sequence[str]]
"""Query parameters: one value each, or lists of values (as `urllib.parse.parse_qs` gives)."""


class InvalidHmac(ValueError):
    """A signature is missing, malformed, wrong, or (for queries) too old."""


def parse_query_string(query: str) -> dict[str, str | list[str]]:
    """Query parameters in order of appearance; a repeated name gets a list of its values."""
    params: dict[str, str | list[str]] = {}
    for key, value in parse_qsl(query.lstrip("?"), keep_blank_values=True):
        if key in params:
            existing = params[key]
            params[key] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            params[key] = value
    return params


def _values(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value]


def query_message(params: QueryParams) -> str:
    """The text Shopify signs for a query: escaped ``key=value`` pairs, sorted, joined by ``&``."""
    pairs = []
    for raw_key, raw_value in params.items():
        if raw_key in UNSIGNED_PARAMETERS:
            continue
        values = _values(raw_value)
        key = raw_key[:-2] if raw_key.endswith("[]") else raw_key
        if raw_key.endswith("[]") or len(values) > 1:
            text = json.dumps(values)
        else:
            text = values[0] if values else ""
        escaped_key = key.replace("%", "%25").replace("=", "%3D")
        escaped_value = text.replace("%", "%25")
        pairs.append(f"{escaped_key}={escaped_value}".replace("&", "%26"))
    return "&".join(sorted(pairs))


def query_hmac(secret: str, params: QueryParams) -> str:
    """The lowercase hex HMAC-SHA256 Shopify puts in a query's ``hmac`` parameter."""
    message = query_message(params).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify_query(
    secret: str, params: QueryParams, *, max_age: int = MAX_QUERY_AGE, now: float | None = None
) -> int:
    """Check a signed install or callback query; return its timestamp.

    Raises `InvalidHmac` when ``hmac`` is missing or wrong, or ``timestamp`` is missing,
    malformed or older than `max_age` seconds.
    """
    given = _values(params.get("hmac", []))
    if len(given) != 1 or not given[0]:
        raise InvalidHmac("the request carries no hmac")
    expected = query_hmac(secret, params)
    if not hmac.compare_digest(expected.encode(), given[0].strip().lower().encode()):
        raise InvalidHmac("the hmac does not match the request")
    stamps = _values(params.get("timestamp", []))
    if len(stamps) != 1 or not stamps[0].isdigit():
        raise InvalidHmac("the request carries no valid timestamp")
    timestamp = int(stamps[0])
    current = time.time() if now is None else now
    if current - timestamp > max_age:
        raise InvalidHmac("the request is too old (more than 24 hours): start again from Shopify")
    return timestamp


def webhook_hmac(secret: str, body: bytes) -> str:
    """The base64 HMAC-SHA256 of `body` Shopify sends in ``X-Shopify-Hmac-Sha256``."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def verify_webhook_hmac(secret: str | Sequence[str], body: bytes, header: str | None) -> None:
    """Check ``X-Shopify-Hmac-Sha256`` over the raw `body`; raise `InvalidHmac` if it fails.

    `secret` may be several secrets (during a rotation): one match is enough, and every one is
    compared so the timing does not tell which.
    """
    if not header:
        raise InvalidHmac("the delivery carries no X-Shopify-Hmac-Sha256 header")
    candidates = [secret] if isinstance(secret, str) else list(secret)
    given = header.strip().encode()
    matched = False
    for candidate in candidates:
        matched |= hmac.compare_digest(webhook_hmac(candidate, body).encode(), given)
    if not matched:
        raise InvalidHmac("the X-Shopify-Hmac-Sha256 signature does not match the body")
