"""Signing up, in and out through the admin GraphQL API."""

from __future__ import annotations

from collections.abc import Callable

from tests.graphql_client import GraphQLClient

ME = "{ me { email } }"


def test_sign_up_signs_in_and_log_out_signs_out(client: GraphQLClient) -> None:
    client.sign_up("Ada@Example.com")
    assert client.data(ME) == {"me": {"email": "ada@example.com"}}
    assert client.data("mutation { logOut }") == {"logOut": True}
    assert client.data(ME) == {"me": None}


def test_log_in_with_the_right_password_only(
    make_client: Callable[[], GraphQLClient], client: GraphQLClient
) -> None:
    client.sign_up("ada@example.com", "correct horse")
    other = make_client()
    login = 'mutation($p: String!) { logIn(email: "ada@example.com", password: $p) { email } }'
    assert other.code(login, {"p": "wrong horse"}) == "UNAUTHENTICATED"
    assert other.data(ME) == {"me": None}
    assert other.data(login, {"p": "correct horse"})["logIn"]["email"] == "ada@example.com"
    assert other.data(ME) == {"me": {"email": "ada@example.com"}}


def test_session_cookie_is_http_only_and_same_site(client: GraphQLClient) -> None:
    response = client.post(
        'mutation { signUp(email: "c@example.com", password: "password-123") { id } }'
    )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_duplicate_email_and_short_password_are_refused(client: GraphQLClient) -> None:
    client.sign_up("ada@example.com")
    signup = "mutation($e: String!, $p: String!) { signUp(email: $e, password: $p) { id } }"
    assert client.code(signup, {"e": "ADA@example.com", "p": "password-123"}) == "CONFLICT"
    error = client.error(signup, {"e": "bob@example.com", "p": "short"})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["fields"][0]["path"] == ["password"]
    assert client.code(signup, {"e": "not-an-email", "p": "password-123"}) == "BAD_USER_INPUT"


def test_anonymous_users_cannot_read_shops_or_plugins(client: GraphQLClient) -> None:
    assert client.code("{ shops { edges { node { id } } } }") == "UNAUTHENTICATED"
    assert client.code("{ plugins { name } }") == "UNAUTHENTICATED"


def test_session_from_another_origin_is_refused(client: GraphQLClient) -> None:
    client.sign_up("ada@example.com")
    response = client.post(ME, headers={"origin": "https://evil.example"})
    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
