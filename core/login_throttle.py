"""Throttling password guesses: sign-in attempts counted per account and per client address.

Counters live in MongoDB (`LoginThrottle`), so the limits hold across every API process. Each
attempt is counted before the password is checked (so parallel or batched guesses are counted
too); a successful sign-in clears the account's counter and gives the address its attempt back.
A counter lasts one window from its first attempt; a TTL index removes finished windows.
Sign-ups are counted per address as well, since "this email is taken" tells who has an account.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from cloudcat.core.documents import LoginThrottle
from cloudcat.core.documents.base import utcnow
from cloudcat.core.errors import RateLimited
from cloudcat.core.settings import Settings


@dataclass(frozen=True)
class LoginLimits:
    """How many attempts each key may make per window."""

    per_account: int
    per_address: int
    sign_ups_per_address: int
    window: timedelta

    @classmethod
    def from_settings(cls, settings: Settings) -> LoginLimits:
        """The limits configured by `CLOUDCAT_LOGIN_*`."""
        return cls(
            per_account=settings.login_attempts_per_account,
            per_address=settings.login_attempts_per_address,
            sign_ups_per_address=settings.sign_ups_per_address,
            window=timedelta(seconds=settings.login_window_seconds),
        )


def _count(key: str, window: timedelta) -> tuple[int, float]:
    """Count one attempt on `key`: the attempts in its window so far and the seconds left."""
    now = utcnow()
    collection = LoginThrottle._get_collection()
    collection.delete_one({"_id": key, "expires_at": {"$lte": now}})
    try:
        doc = collection.find_one_and_update(
            {"_id": key},
            {"$inc": {"attempts": 1}, "$setOnInsert": {"expires_at": now + window}},
            upsert=True,
            return_document=ReturnDocument.AFTER,
        )
    except DuplicateKeyError:  # a parallel first attempt inserted it: count on that one
        doc = collection.find_one_and_update(
            {"_id": key}, {"$inc": {"attempts": 1}}, return_document=ReturnDocument.AFTER
        )
    expires = doc["expires_at"]
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=now.tzinfo)
    return int(doc["attempts"]), max(0.0, (expires - now).total_seconds())


def _refuse(message: str, seconds: float) -> RateLimited:
    return RateLimited(message, retry_after=max(1, math.ceil(seconds)))


def _account_key(email: str) -> str:
    return "account:" + email.strip().lower()


def _address_key(address: str) -> str:
    return "address:" + address


def count_login_attempt(email: str, address: str, limits: LoginLimits) -> None:
    """Count a sign-in attempt; raise RATE_LIMITED (with the seconds to wait) when the account
    or the address has used up its attempts."""
    attempts, left = _count(_address_key(address), limits.window)
    if attempts > limits.per_address:
        raise _refuse("too many sign-in attempts from this address: wait and try again", left)
    attempts, left = _count(_account_key(email), limits.window)
    if attempts > limits.per_account:
        raise _refuse("too many sign-in attempts for this account: wait and try again", left)


def login_succeeded(email: str, address: str) -> None:
    """Clear the account's counter and give the address back the attempt that succeeded."""
    collection = LoginThrottle._get_collection()
    collection.delete_one({"_id": _account_key(email)})
    collection.update_one(
        {"_id": _address_key(address), "attempts": {"$gt": 0}}, {"$inc": {"attempts": -1}}
    )


def count_sign_up(address: str, limits: LoginLimits) -> None:
    """Count a sign-up attempt from `address`; raise RATE_LIMITED past the limit."""
    attempts, left = _count("sign-up:" + address, limits.window)
    if attempts > limits.sign_ups_per_address:
        raise _refuse("too many sign-ups from this address: wait and try again", left)
