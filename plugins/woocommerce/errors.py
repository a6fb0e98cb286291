"""Errors the WooCommerce protocol layer raises, each a `SourceError` a seller can act on.

WordPress REST errors arrive as ``{"code", "message", "data": {"status"}}``; the WooCommerce
error code is kept in `wc_code` (``woocommerce_rest_cannot_view``, ``rest_invalid_param``...).
`WooCommerceAuthError` means the API keys no longer work: the seller must enter new ones.
"""

from __future__ import annotations

from cloudcat.core.plugin_api import (
    SourceAuthExpired,
    SourceError,
    SourceRateLimited,
    WebhookRejected,
)


class WooCommerceError(SourceError):
    """A WooCommerce request failed; `status` and `wc_code` say how, when there was an answer."""

    def __init__(self, message: str, *, status: int | None = None, wc_code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.wc_code = wc_code


class WooCommerceConnectionError(WooCommerceError):
    """The site could not be reached (DNS, refused connection, timeout), retries spent."""


class WooCommerceHTTPError(WooCommerceError):
    """The site answered with an error status the client cannot handle itself."""

    def __init__(
        self, message: str, *, status: int, wc_code: str = "", retryable: bool = True
    ) -> None:
        super().__init__(message, status=status, wc_code=wc_code)
        self.retryable = retryable


class WooCommerceNotFound(WooCommerceHTTPError):
    """No such route or object (wrong site address, WooCommerce inactive, unknown id)."""

    def __init__(self, message: str, *, wc_code: str = "") -> None:
        super().__init__(message, status=404, wc_code=wc_code, retryable=False)


class WooCommerceRequestError(WooCommerceHTTPError):
    """The site refused the request's parameters (HTTP 400 ``rest_invalid_param``)."""

    def __init__(
        self, message: str, *, wc_code: str = "", params: dict[str, str] | None = None
    ) -> None:
        super().__init__(message, status=400, wc_code=wc_code, retryable=False)
        self.params = params or {}


class WooCommerceResponseError(WooCommerceError):
    """The site's answer could not be read (not JSON, or not the shape asked for)."""


class WooCommerceRateLimited(SourceRateLimited, WooCommerceError):
    """The site (or its host) kept answering HTTP 429 after the retries."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message, retry_after)
        self.status = 429


class WooCommerceAuthError(SourceAuthExpired, WooCommerceError):
    """The site refused the API keys (revoked, wrong secret, no read permission)."""

    def __init__(self, message: str, *, status: int = 401, wc_code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.wc_code = wc_code


class WooWebhookRejected(WebhookRejected):
    """A webhook delivery failed verification (missing or wrong signature)."""
