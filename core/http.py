"""Outgoing HTTP: the one factory every plugin uses to talk to marketplaces, channels and sinks.

`http_session()` returns a `requests.Session` that

* applies a default (connect, read) timeout to every request that does not pass its own;
* retries connection errors and 429/5xx answers with exponential backoff plus random jitter,
  honouring the server's `Retry-After` (capped, so a hostile server cannot park a worker);
* identifies itself with a CloudCat `User-Agent`;
* connects only to public addresses (`cloudcat.core.netguard`: no loopback, private, link-local
  or other internal address, whatever the URL's spelling, on every redirect too), unless the
  operator's allow-list says otherwise, refusing with `BlockedAddress`;
* gives each fetch a total deadline (retries, redirects and reading the body included) and caps
  the size of answers (`cloudcat.core.http_limits`), failing with `DeadlineExceeded` and
  `ResponseTooLarge`.

After the retries are spent the last response is returned as it is (no exception), so callers
report the status the server gave. Given a `budget` (a `cloudcat.core.ratelimit.CallBudget`,
e.g. a shop's share of an app's call budget shared by every worker), the session takes a token
before each request it sends and, when the server still answers 429 with a `Retry-After`,
holds every worker of that budget back for that long.

`describe_request_error()` turns a `requests` exception into a sentence a seller can act on,
and `redact_url()` drops query strings (which often carry keys) from URLs before they go into
messages.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NewConnectionError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.util.retry import Retry

from cloudcat.core import __version__
from cloudcat.core.http_limits import (
    DEFAULT_DEADLINE,
    DeadlineExceeded,
    DeadlinePassed,
    ResponseTooLarge,
    configure_default_deadline,
    default_deadline,
    fetch_deadline,
    limit_body,
    remaining_time,
)
from cloudcat.core.netguard import (
    GUARDED_POOL_CLASSES,
    AddressRefused,
    NetworkPolicy,
    configure_network_policy,
)
from cloudcat.core.ratelimit import CallBudget


def user_agent(product: str | None = None) -> str:
    """CloudCat's User-Agent, with an optional product token such as ``"feed/0.1.0"``."""
    detail = f" ({product})" if product else ""
    return f"CloudCat/{__version__}{detail} python-requests/{requests.__version__}"


USER_AGENT = user_agent()
DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 30.0)
"""Seconds to wait for a connection, and between bytes of the answer."""
DEFAULT_MAX_BODY_BYTES = 50 * 1024 * 1024
"""The largest answer body read, in bytes."""
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"HEAD", "GET", "PUT", "DELETE", "OPTIONS", "TRACE"})
MAX_RETRY_AFTER = 60.0
"""The longest `Retry-After` honoured, in seconds; a longer one is shortened to this."""
JITTER_RATIO = 0.5
"""Up to this fraction of a backoff delay is added at random, so clients do not retry in step."""

Timeout = float | tuple[float, float]


class BlockedAddress(requests.ConnectionError):
    """The URL's host is (or resolves to) an address outgoing requests may not reach."""


class CloudCatRetry(Retry):
    """urllib3's `Retry` with jittered backoff and a cap on the server's `Retry-After`."""

    def get_backoff_time(self) -> float:
        """The exponential backoff delay of urllib3 plus up to `JITTER_RATIO` of it at random."""
        delay = float(super().get_backoff_time())
        if delay <= 0:
            return 0.0
        return _within_deadline(delay + random.uniform(0, delay * JITTER_RATIO))

    def parse_retry_after(self, retry_after: str) -> float:
        """Seconds asked for by a `Retry-After` header, at most `MAX_RETRY_AFTER` (and never
        past the fetch's deadline)."""
        seconds = min(float(super().parse_retry_after(retry_after)), MAX_RETRY_AFTER)
        return _within_deadline(seconds)


def _within_deadline(seconds: float) -> float:
    """`seconds`, or the time left to the current fetch's deadline if that is shorter."""
    left = remaining_time()
    return seconds if left is None else min(seconds, left)


class TimeoutAdapter(HTTPAdapter):
    """An `HTTPAdapter` that applies a default timeout when a request does not give one, draws
    on a call budget when given one, connects only to addresses the network policy permits,
    and holds each fetch to `deadline` seconds (default: the configured one) and answers to
    `max_body_bytes`."""

    def __init__(
        self,
        timeout: Timeout,
        max_retries: Retry,
        budget: CallBudget | None = None,
        *,
        deadline: float | None = None,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    ) -> None:
        self.default_timeout = timeout
        self.budget = budget
        self.deadline = deadline
        self.max_body_bytes = max_body_bytes
        super().__init__(max_retries=max_retries)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        """requests' pool manager, making guarded connections (`cloudcat.core.netguard`)."""
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = GUARDED_POOL_CLASSES

    @property
    def deadline_seconds(self) -> float:
        """The total deadline of a fetch through this adapter, in seconds."""
        return default_deadline() if self.deadline is None else self.deadline

    def send(  # type: ignore[override]
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Timeout | None = None,
        verify: bool | str = True,
        cert: str | tuple[str, str] | None = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        """Send `request`, with the default timeout unless one is given (after taking a
        token of the budget, if any)."""
        with fetch_deadline(self.deadline_seconds) as deadline:
            if self.budget is not None:
                with deadline.paused():  # waiting for our turn is not fetching
                    self.budget.acquire()
            try:
                response = super().send(
                    request,
                    stream=stream,
                    timeout=self.default_timeout if timeout is None else timeout,
                    verify=verify,
                    cert=cert,
                    proxies=proxies,
                )
            except AddressRefused as exc:
                raise BlockedAddress(str(exc), request=request) from exc
            except (DeadlinePassed, requests.RequestException) as exc:
                if isinstance(exc, DeadlinePassed) or deadline.passed():
                    raise DeadlineExceeded(str(exc), request=request) from exc
                raise
            limit_body(response, deadline, self.max_body_bytes)
        if self.budget is not None and response.status_code == 429:
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            if wait is not None:
                self.budget.penalize(wait)
        return response


def retry_after_seconds(value: str | None) -> float | None:
    """The seconds of a `Retry-After` header given in seconds (None otherwise)."""
    try:
        seconds = float(value) if value is not None else None
    except ValueError:
        return None
    return seconds if seconds is not None and seconds >= 0 else None


def build_retry(
    retries: int = 3,
    *,
    backoff_factor: float = 0.5,
    max_backoff: float = 30.0,
    methods: Collection[str] = IDEMPOTENT_METHODS,
) -> CloudCatRetry:
    """The retry policy: `retries` attempts after the first, on connection errors and 429/5xx.

    Only `methods` are retried; pass POST only when the receiver deduplicates (for example by
    an idempotency key header).
    """
    return CloudCatRetry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        other=0,
        redirect=5,
        allowed_methods=frozenset(m.upper() for m in methods),
        status_forcelist=RETRY_STATUSES,
        backoff_factor=backoff_factor,
        backoff_max=max_backoff,
        raise_on_status=False,
        respect_retry_after_header=True,
    )


class CloudCatSession(requests.Session):
    """A `requests.Session` whose every `send` (redirects included) is one fetch under the
    deadline of the adapter it goes through."""

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        """Send `request` (and follow its redirects) within the adapter's total deadline."""
        adapter = self.get_adapter(request.url or "")
        with fetch_deadline(getattr(adapter, "deadline_seconds", default_deadline())):
            return super().send(request, **kwargs)


def http_session(
    *,
    timeout: Timeout = DEFAULT_TIMEOUT,
    deadline: float | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    retries: int = 3,
    backoff_factor: float = 0.5,
    retry_methods: Collection[str] = IDEMPOTENT_METHODS,
    product: str | None = None,
    headers: Mapping[str, str] | None = None,
    budget: CallBudget | None = None,
) -> requests.Session:
    """A `requests.Session` with CloudCat's timeouts, retries, User-Agent and network guard.

    Each fetch (a request with its retries and redirects, and reading its answer) must be over
    within `deadline` seconds (default: the configured deadline), and answers larger than
    `max_body_bytes` are refused. Only public addresses are connected to
    (`cloudcat.core.netguard`).

    `product` is a token added to CloudCat's User-Agent (e.g. ``"feed/0.1.0"``). With a
    `budget` (``SharedRateLimiter(db, key, limit).for_shop(shop_id)``), every request first
    takes a token of it (retries the HTTP layer makes itself do not), and a 429 the retries
    did not get past holds every worker of the budget back for its `Retry-After`. Close the
    session when done (it is a context manager).
    """
    session = CloudCatSession()
    adapter = TimeoutAdapter(
        timeout,
        max_retries=build_retry(retries, backoff_factor=backoff_factor, methods=retry_methods),
        budget=budget,
        deadline=deadline,
        max_body_bytes=max_body_bytes,
    )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = user_agent(product)
    if headers:
        session.headers.update(headers)
    return session


def configure_outgoing_http(
    *, allow_private_networks: Iterable[str] = (), deadline: float = DEFAULT_DEADLINE
) -> None:
    """Set this process's rules for outgoing requests (`build_services` does, from settings).

    `allow_private_networks` (CIDRs or addresses) may be reached although not public; `deadline`
    is the total deadline of fetches whose session does not set one.
    """
    configure_network_policy(NetworkPolicy.allowing(allow_private_networks))
    configure_default_deadline(deadline)


def redact_url(url: str) -> str:
    """`url` without its query string, fragment and credentials, fit for logs and messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    query = "?…" if parts.query else ""
    return urlunsplit((parts.scheme, host, parts.path, "", "")) + query


def describe_request_error(error: requests.RequestException, url: str) -> str:
    """A short sentence saying why a request to `url` failed, without secrets from the URL."""
    where = redact_url(url)
    if isinstance(error, BlockedAddress):
        hop = redact_url(error.request.url) if error.request and error.request.url else where
        target = where if hop == where else f"{where} redirects to {hop}, which"
        return f"{target} resolves to a private or loopback address, which CloudCat does not fetch"
    if isinstance(error, DeadlineExceeded):
        return f"{where} did not send its whole answer in time"
    if isinstance(error, ResponseTooLarge):
        return f"the answer of {where} is larger than {_size(error.limit)}"
    cause = _cause(error)
    if isinstance(cause, NewConnectionError):  # a ConnectTimeoutError subclass in urllib3 2
        return f"could not connect to {where}"
    if isinstance(cause, ConnectTimeoutError) or isinstance(error, requests.ConnectTimeout):
        return f"could not connect to {where} in time"
    if isinstance(cause, ReadTimeoutError) or isinstance(error, requests.Timeout):
        return f"{where} did not answer in time"
    if isinstance(cause, SSLError) or isinstance(error, requests.exceptions.SSLError):
        return f"the TLS connection to {where} failed: check its certificate"
    if isinstance(error, requests.exceptions.TooManyRedirects):
        return f"{where} redirects too many times"
    if isinstance(error, requests.ConnectionError):
        return f"could not connect to {where}"
    if isinstance(error, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return f"{where} is not a valid URL"
    return f"the request to {where} failed ({type(error).__name__})"


def _size(count: int) -> str:
    """A byte count in words: ``50 MB``, ``64 KB``, ``100 bytes``."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if count >= scale:
            return f"{count / scale:.0f} {unit}"
    return f"{count} bytes"


def _cause(error: requests.RequestException) -> BaseException | None:
    """The urllib3 error behind `error` once retries are spent (requests wraps it)."""
    first = error.args[0] if error.args else None
    return first.reason if isinstance(first, MaxRetryError) else None
