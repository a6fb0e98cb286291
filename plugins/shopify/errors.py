"""Errors the Shopify protocol layer raises, each a `SourceError` a seller can act on.

`ShopifyAuthError` (and `ShopifyAccessDenied`) mean "reconnect the shop": the access token was
refused, or lacks a scope. `ShopifyThrottled` means the cost bucket did not refill within the
waits the client allows; `ShopifyCostExceeded` that one query asks for more than Shopify's
single-query maximum. The rest describe HTTP, connection and response problems.
"""

from __future__ import annotations

from typing import Any

from cloudcat.core.plugin_api import (
    AuthorizationFailed,
    SourceAuthExpired,
    SourceError,
    SourceRateLimited,
    WebhookRejected,
)


class ShopifyError(SourceError):
    """A Shopify request failed; `status` is the HTTP status when there was an answer."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class ShopifyConnectionError(ShopifyError):
    """Shopify could not be reached (DNS, refused connection, timeout), retries spent."""


class ShopifyHTTPError(ShopifyError):
    """Shopify answered with an HTTP error status the client cannot handle itself."""

    def __init__(self, message: str, *, status: int, retryable: bool = True) -> None:
        super().__init__(message, status=status)
        self.retryable = retryable


class ShopifyResponseError(ShopifyError):
    """Shopify's answer could not be read (not JSON, or not the shape asked for)."""


class ShopifyGraphQLError(ShopifyError):
    """The GraphQL answer carried errors and no usable data; `errors` holds them as sent."""

    def __init__(self, message: str, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message, status=200)
        self.errors = errors or []
        self.retryable = False


class ShopifyCostExceeded(ShopifyError):
    """A query's requested cost is above the single-query maximum; ask for fewer items."""

    def __init__(self, message: str, *, cost: int | None, max_cost: int | None) -> None:
        super().__init__(message, status=200)
        self.cost = cost
        self.max_cost = max_cost
        self.retryable = False


class ShopifyThrottled(SourceRateLimited, ShopifyError):
    """The cost bucket stayed short after every wait the client allows."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message, retry_after)


class ShopifyAuthError(SourceAuthExpired, ShopifyError):
    """Shopify refused the access token (HTTP 401): the seller must reconnect the shop."""

    def __init__(self, message: str, *, status: int | None = 401) -> None:
        super().__init__(message)
        self.status = status


class ShopifyAccessDenied(ShopifyAuthError):
    """The token lacks a scope the request needs: reconnect to grant it."""


class ShopifyOAuthError(AuthorizationFailed):
    """An install, callback or token exchange failed; `error` is Shopify's error code if any.

    The seller has to start the connection again (it is never retried by itself).
    """

    def __init__(self, message: str, *, status: int | None = None, error: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.error = error


class ShopifyWebhookRejected(WebhookRejected):
    """A webhook delivery failed verification (signature, shop or headers)."""
