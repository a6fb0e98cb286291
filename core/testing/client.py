"""A small GraphQL test client over Starlette's TestClient (one cookie jar per person), with
helpers for common setups; the kit's `client` fixture hands one out."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient


class GraphQLError(AssertionError):
    """A GraphQL response carried errors where the test expected none."""


class GraphQLClient:
    """Posts GraphQL operations as one person (one cookie jar)."""

    def __init__(self, http: TestClient) -> None:
        self.http = http
        self.headers: dict[str, str] = {}

    def post(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        path: str = "/graphql",
        headers: dict[str, str] | None = None,
    ) -> Any:
        response = self.http.post(
            path,
            json={"query": query, "variables": variables or {}},
            headers={**self.headers, **(headers or {})},
        )
        return response

    def data(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> Any:
        """Run an operation that must succeed; return its `data`."""
        response = self.post(query, variables, **kw)
        assert response.status_code == 200, response.text
        body = response.json()
        if body.get("errors"):
            raise GraphQLError(body["errors"])
        return body["data"]

    def error(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> Any:
        """Run an operation that must fail; return its first error (with `extensions.code`)."""
        response = self.post(query, variables, **kw)
        body = response.json()
        assert body.get("errors"), f"expected an error, got {body}"
        return body["errors"][0]

    def code(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> str:
        return str(self.error(query, variables, **kw)["extensions"]["code"])

    # --- common setups ---------------------------------------------------------------

    def sign_up(self, email: str, password: str = "password-123") -> str:
        data = self.data(
            "mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) { id } }",
            {"e": email, "p": password},
        )
        return str(data["signUp"]["id"])

    def create_shop(self, slug: str, name: str | None = None) -> str:
        data = self.data(
            "mutation($s: String!, $n: String!) { createShop(slug: $s, input: {name: $n}) { id } }",
            {"s": slug, "n": name or slug.title()},
        )
        return str(data["createShop"]["id"])

    def storefront_key(self, shop_id: str) -> str:
        data = self.data(
            'mutation($s: ID!) { createStorefrontKey(shopId: $s, name: "web") { key } }',
            {"s": shop_id},
        )
        return str(data["createStorefrontKey"]["key"])
