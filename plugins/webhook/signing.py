"""Signing CloudCat webhook deliveries, and verifying them on the receiving side.

Each delivery carries ``X-CloudCat-Signature: t=<unix seconds>,v1=<hex>`` where the hex is
HMAC-SHA256, keyed with the shared secret, of ``f"{t}.{body}"``: the timestamp, a dot, and the
raw request body bytes exactly as sent. A receiver recomputes it over the bytes it received,
compares in constant time, and refuses timestamps outside a tolerance window (replays). Several
``v1=`` entries may appear (for example while a secret is being rotated); one match suffices.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-CloudCat-Signature"
EVENT_HEADER = "X-CloudCat-Event"
IDEMPOTENCY_HEADER = "Idempotency-Key"
SCHEME = "v1"
DEFAULT_TOLERANCE = 300
"""Seconds a signature stays acceptable, either side of the receiver's clock."""


class InvalidSignature(ValueError):
    """A delivery's signature is missing, malformed, wrong or too old."""


def compute_signature(secret: str, timestamp: int, body: bytes) -> str:
    """Hex HMAC-SHA256 of ``f"{timestamp}.{body}"`` keyed with `secret`."""
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def sign(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The `X-CloudCat-Signature` header value for `body`, signed now unless `timestamp`."""
    t = int(time.time()) if timestamp is None else timestamp
    return f"t={t},{SCHEME}={compute_signature(secret, t, body)}"


def parse_signature_header(header: str) -> tuple[int, list[str]]:
    """The timestamp and the `v1` signatures of a header; raise `InvalidSignature` if malformed."""
    timestamp: int | None = None
    signatures: list[str] = []
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            raise InvalidSignature("malformed signature header")
        if key == "t":
            if not value.isdigit():
                raise InvalidSignature("malformed signature timestamp")
            timestamp = int(value)
        elif key == SCHEME:
            signatures.append(value)
    if timestamp is None or not signatures:
        raise InvalidSignature(f"the signature header needs t= and {SCHEME}=")
    return timestamp, signatures


def verify_signature(
    secret: str,
    header: str | None,
    body: bytes,
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> int:
    """Check a delivery; return its timestamp, or raise `InvalidSignature` saying why."""
    if not header:
        raise InvalidSignature(f"no {SIGNATURE_HEADER} header")
    timestamp, signatures = parse_signature_header(header)
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise InvalidSignature("the signature timestamp is outside the tolerance window")
    expected = compute_signature(secret, timestamp, body)
    matched = False
    for candidate in signatures:  # compare every one, so timing does not tell which matched
        matched |= hmac.compare_digest(expected.encode(), candidate.encode())
    if not matched:
        raise InvalidSignature("the signature does not match the body")
    return timestamp


def is_valid_signature(
    secret: str, header: str | None, body: bytes, *, tolerance: int = DEFAULT_TOLERANCE
) -> bool:
    """True when `verify_signature` accepts the delivery."""
    try:
        verify_signature(secret, header, body, tolerance=tolerance)
    except InvalidSignature:
        return False
    return True
