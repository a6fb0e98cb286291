"""A fake webhook receiver that checks CloudCat's signature exactly, as a careful receiver would.

It implements the documented scheme on its own (it does not call CloudCat's signing code):
``X-CloudCat-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, f"{t}.{raw body}")>``,
constant-time compare, timestamps older than the tolerance refused. A forged, altered or stale
delivery gets 401 and lands in `rejected`; a good one is recorded in `deliveries` once per
`Idempotency-Key` (a repeat gets the first answer again). `respond_with` scripts failures.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from tests.fakes.server import FakeRequest, FakeResponse, LoopbackServer


@dataclass
class Delivery:
    """One accepted delivery."""

    event: str
    key: str
    payload: dict[str, Any]
    request: FakeRequest


class WebhookReceiver(LoopbackServer):
    """Receives signed webhook deliveries on a loopback socket."""

    def __init__(self, secret: str, *, tolerance: int = 300) -> None:
        super().__init__()
        self.secret = secret
        self.tolerance = tolerance
        self.deliveries: list[Delivery] = []
        self.rejected: list[tuple[FakeRequest, str]] = []
        self.duplicates = 0
        self._answers: dict[str, FakeResponse] = {}
        self._scripted: deque[FakeResponse] = deque()

    def respond_with(self, status: int, body: str = "", *, times: int = 1) -> None:
        """Answer the next `times` good deliveries with `status` instead of accepting them."""
        with self.lock:
            for _ in range(times):
                self._scripted.append(FakeResponse(status, body.encode()))

    def signature_problem(self, request: FakeRequest) -> str | None:
        """Why the request's signature is not acceptable, or None when it is."""
        header = request.header("X-CloudCat-Signature")
        if not header:
            return "missing signature"
        fields: dict[str, list[str]] = {}
        for part in header.split(","):
            name, sep, value = part.strip().partition("=")
            if not sep:
                return "malformed signature"
            fields.setdefault(name, []).append(value)
        timestamps, signatures = fields.get("t", []), fields.get("v1", [])
        if len(timestamps) != 1 or not timestamps[0].isdigit() or not signatures:
            return "malformed signature"
        timestamp = int(timestamps[0])
        if abs(time.time() - timestamp) > self.tolerance:
            return "stale timestamp"
        signed = f"{timestamp}.".encode() + request.body
        expected = hmac.new(self.secret.encode(), signed, hashlib.sha256).hexdigest()
        if not any(hmac.compare_digest(expected.encode(), s.encode()) for s in signatures):
            return "bad signature"
        return None

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Verify, deduplicate, then accept (or answer as scripted)."""
        if request.method != "POST":
            return FakeResponse(405, b"POST only", {"Allow": "POST"})
        problem = self.signature_problem(request)
        if problem is not None:
            with self.lock:
                self.rejected.append((request, problem))
            return FakeResponse.json(401, {"error": problem})
        key = request.header("Idempotency-Key")
        event = request.header("X-CloudCat-Event")
        content_type = request.header("Content-Type") or ""
        if not key or not event or not content_type.startswith("application/json"):
            return FakeResponse.json(400, {"error": "missing event, idempotency key or JSON"})
        try:
            payload = json.loads(request.body)
        except ValueError:
            return FakeResponse.json(400, {"error": "body is not JSON"})
        with self.lock:
            if key in self._answers:
                self.duplicates += 1
                return self._answers[key]
            if self._scripted:
                return self._scripted.popleft()
            self.deliveries.append(Delivery(event, key, payload, request))
            number = len(self.deliveries)
            answer = FakeResponse.json(
                200, {"id": f"dlv_{number}", "url": self.url(f"/posts/{number}")}
            )
            self._answers[key] = answer
            return answer
