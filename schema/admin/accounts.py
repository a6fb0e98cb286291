"""Signing up, in and out, and the signed-in user."""

from __future__ import annotations

from datetime import datetime

import strawberry
from starlette.concurrency import run_in_threadpool

from cloudcat.core import accounts
from cloudcat.core.auth import SESSION_COOKIE, close_session, open_session
from cloudcat.core.documents import User as UserDoc
from cloudcat.core.errors import Unauthenticated
from cloudcat.core.login_throttle import (
    LoginLimits,
    count_login_attempt,
    count_sign_up,
    login_succeeded,
)
from cloudcat.schema.context import AppInfo, Cookie


@strawberry.type
class User:
    id: strawberry.ID
    email: str
    name: str
    created_at: datetime
    is_operator: bool = strawberry.field(
        description="Runs this deployment: may see every shop's health, suspend and resume "
        "shops, and set plugins' app-level settings."
    )

    @classmethod
    def from_doc(cls, doc: UserDoc) -> User:
        return cls(
            id=strawberry.ID(str(doc.id)),
            email=doc.email,
            name=doc.name,
            created_at=doc.created_at,
            is_operator=bool(doc.is_operator),
        )


def _start_session(info: AppInfo, user: UserDoc) -> None:
    max_age = info.context.services.settings.session_max_age_seconds
    token = open_session(user, max_age)
    info.context.cookies.append(Cookie(SESSION_COOKIE, token, max_age))


def _limits_and_address(info: AppInfo) -> tuple[LoginLimits, str]:
    """The sign-in limits and the caller's address, which attempts are counted against."""
    client = info.context.request.client
    limits = LoginLimits.from_settings(info.context.services.settings)
    return limits, client.host if client is not None else "unknown"


@strawberry.type
class AccountQuery:
    @strawberry.field(description="The signed-in user, or null.")
    def me(self, info: AppInfo) -> User | None:
        user = info.context.viewer.user
        return User.from_doc(user) if user is not None else None


@strawberry.type
class AccountMutation:
    @strawberry.mutation(description="Create an account and sign in (sets the session cookie).")
    async def sign_up(self, info: AppInfo, email: str, password: str, name: str = "") -> User:
        limits, address = _limits_and_address(info)

        def work() -> UserDoc:
            count_sign_up(address, limits)
            user = accounts.create_user(email, password, name)
            _start_session(info, user)
            return user

        return User.from_doc(await run_in_threadpool(work))

    @strawberry.mutation(
        description="Sign in with email and password (sets the session cookie). Attempts are "
        "limited per account and per address: past the limit the answer is RATE_LIMITED with "
        "`extensions.retryAfter` seconds."
    )
    async def log_in(self, info: AppInfo, email: str, password: str) -> User:
        limits, address = _limits_and_address(info)

        def work() -> UserDoc:
            count_login_attempt(email, address, limits)
            user = accounts.authenticate(email, password)
            if user is None:
                raise Unauthenticated("wrong email or password")
            login_succeeded(email, address)
            _start_session(info, user)
            return user

        return User.from_doc(await run_in_threadpool(work))

    @strawberry.mutation(description="Sign out of this browser session.")
    async def log_out(self, info: AppInfo) -> bool:
        token = info.context.request.cookies.get(SESSION_COOKIE)
        if token:
            await run_in_threadpool(close_session, token)
        info.context.cookies.append(Cookie(SESSION_COOKIE, "", 0))
        return True
