"""A fake product-feed host: serves JSON and CSV files and can misbehave on request.

`serve(path, body, content_type)` publishes a file; `fail_next(path, status, retry_after=...)`
makes the next request(s) for it fail (429 with `Retry-After`, 500...), as a busy or broken
host would; `delay` slows every answer; `require_authorization` makes it answer 401 without the right header.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tests.fakes.server import FakeRequest, FakeResponse, LoopbackServer


@dataclass
class _Failure:
    status: int
    retry_after: str | None


class FeedServer(LoopbackServer):
    """Serves product feeds over real HTTP on the loopback interface."""

    def __init__(self, *, require_authorization: str | None = None) -> None:
        super().__init__()
        self.files: dict[str, tuple[bytes, str]] = {}
        self.failures: dict[str, deque[_Failure]] = {}
        self.require_authorization = require_authorization
        self.delay = 0.0

    def serve(self, path: str, body: str | bytes, content_type: str) -> str:
        """Publish `body` at `path`; return its URL."""
        data = body.encode() if isinstance(body, str) else body
        with self.lock:
            self.files[path] = (data, content_type)
        return self.url(path)

    def serve_json(self, path: str, data: Any) -> str:
        """Publish `data` as a JSON feed."""
        return self.serve(path, json.dumps(data, ensure_ascii=False), "application/json")

    def serve_csv(self, path: str, rows: Sequence[Mapping[str, Any]]) -> str:
        """Publish `rows` as a CSV feed whose header is the keys of the first row."""
        return self.serve(path, csv_text(rows), "text/csv; charset=utf-8")

    def fail_next(
        self, path: str, status: int, *, retry_after: str | None = None, times: int = 1
    ) -> None:
        """Answer the next `times` requests for `path` with `status` (and `Retry-After`)."""
        with self.lock:
            queue = self.failures.setdefault(path, deque())
            queue.extend(_Failure(status, retry_after) for _ in range(times))

    def hits(self, path: str) -> list[FakeRequest]:
        """The requests received for `path`, in order."""
        with self.lock:
            return [r for r in self.requests if r.path == path]

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Serve a file, or a scripted failure, or 401/404/405; wait `delay` seconds first."""
        if self.delay:
            time.sleep(self.delay)
        if request.method not in ("GET", "HEAD"):
            return FakeResponse(405, b"method not allowed", {"Allow": "GET, HEAD"})
        if self.require_authorization is not None and (
            request.header("Authorization") != self.require_authorization
        ):
            return FakeResponse(401, b"unauthorized", {"WWW-Authenticate": "Bearer"})
        with self.lock:
            queue = self.failures.get(request.path)
            failure = queue.popleft() if queue else None
            found = self.files.get(request.path)
        if failure is not None:
            headers = {"Retry-After": failure.retry_after} if failure.retry_after else {}
            return FakeResponse(failure.status, b"try again later", headers)
        if found is None:
            return FakeResponse(404, b"not found", {"Content-Type": "text/plain"})
        body, content_type = found
        return FakeResponse(200, body, {"Content-Type": content_type})


def csv_text(rows: Sequence[Mapping[str, Any]]) -> str:
    """CSV text with a header row (the keys of the first row) and one line per row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else [])
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
