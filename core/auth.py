"""Authentication: argon2 passwords, session cookies, admin API tokens and storefront keys.

Tokens are random strings shown once; only their SHA-256 digest is stored. A `Viewer` is who is
asking: a signed-in user (acting with their membership role in each shop) or an admin token
(acting in its one shop with the lower of its own role and its creator's current role there, so
removing a member or lowering their role takes effect on their tokens at once).
`Viewer.require(shop_id, role)` is the one check every admin field goes through.

Storefront keys are checked on every storefront request, so the lookup is cached in-process
for a few seconds (`StorefrontKeyCache`) and the key's last use is written at most once a minute.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
import threading
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import ClassVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from bson import ObjectId
from bson.errors import InvalidId

from cloudcat.core.documents import (
    AdminToken,
    Membership,
    Role,
    Session,
    Shop,
    StorefrontKey,
    User,
)
from cloudcat.core.documents.base import utcnow
from cloudcat.core.errors import Forbidden, NotFound, Unauthenticated

SESSION_COOKIE = "cloudcat_session"
SESSION_PREFIX = "ccs_"
ADMIN_TOKEN_PREFIX = "cca_"
STOREFRONT_KEY_PREFIX = "ccpk_"

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


@functools.cache
def dummy_password_hash() -> str:
    """A hash made with the same parameters as real ones, to check against for unknown emails."""
    return _hasher.hash(secrets.token_urlsafe(16))


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_token(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def parse_object_id(value: str, what: str = "object") -> ObjectId:
    """An ObjectId from user input; a malformed one reads as 'not found' (never a crash)."""
    try:
        return ObjectId(value)
    except (InvalidId, TypeError) as exc:
        raise NotFound(f"no {what} with id {value!r}") from exc


# --- sessions ----------------------------------------------------------------------------


def open_session(user: User, max_age_seconds: int) -> str:
    token = new_token(SESSION_PREFIX)
    Session(
        token_hash=digest(token),
        user_id=user.id,
        expires_at=utcnow() + timedelta(seconds=max_age_seconds),
    ).save()
    return token


def close_session(token: str) -> None:
    Session.objects(token_hash=digest(token)).delete()


def user_for_session(token: str) -> User | None:
    if not token.startswith(SESSION_PREFIX):
        return None
    session = Session.objects(token_hash=digest(token), expires_at__gt=utcnow()).first()
    if session is None:
        return None
    user: User | None = User.objects(id=session.user_id).first()
    return user


# --- viewers -----------------------------------------------------------------------------


@dataclass
class Viewer:
    """Who is calling the admin API, and with which role in which shop."""

    user: User | None = None
    token: AdminToken | None = None
    _roles: dict[ObjectId, Role] | None = field(default=None, repr=False)

    @property
    def authenticated(self) -> bool:
        return self.user is not None or self.token is not None

    def require_user(self) -> User:
        if self.user is None:
            if self.token is not None:
                raise Forbidden("admin tokens cannot do this: sign in as a user")
            raise Unauthenticated()
        return self.user

    def roles(self) -> dict[ObjectId, Role]:
        """The viewer's role in every shop it can act in (loaded once per request)."""
        if self._roles is None:
            if self.token is not None:
                role = token_role(self.token)
                self._roles = {self.token.shop_id: role} if role is not None else {}
            elif self.user is not None:
                self._roles = {m.shop_id: m.role for m in Membership.objects(user_id=self.user.id)}
            else:
                self._roles = {}
        return self._roles

    def forget_roles(self) -> None:
        self._roles = None

    def role_in(self, shop_id: ObjectId) -> Role | None:
        return self.roles().get(shop_id)

    def require(self, shop_id: str | ObjectId, role: Role = Role.ANALYST) -> Shop:
        """Return the shop if the viewer holds at least `role` in it.

        A shop the viewer has no role in reads as NOT_FOUND (its existence is not revealed);
        too low a role is FORBIDDEN.
        """
        if not self.authenticated:
            raise Unauthenticated()
        oid = parse_object_id(str(shop_id), "shop")
        held = self.role_in(oid)
        if held is None:
            raise NotFound(f"no shop with id {shop_id!r}")
        if not held.allows(role):
            raise Forbidden(f"this needs the {role.value} role in this shop; you are {held.value}")
        shop: Shop | None = Shop.objects(id=oid).first()
        if shop is None:
            raise NotFound(f"no shop with id {shop_id!r}")
        return shop


def token_role(token: AdminToken) -> Role | None:
    """The role an admin token acts with now: the lower of its own role and its creator's
    current role in the token's shop; None once the creator is no longer a member."""
    membership = Membership.objects(shop_id=token.shop_id, user_id=token.created_by).first()
    if membership is None:
        return None
    held: Role = membership.role
    return held if token.role.allows(held) else token.role


TOUCH_INTERVAL = timedelta(minutes=1)


def touch(record: AdminToken | StorefrontKey) -> None:
    """Note that a credential was used, at most once a minute (not a write per request).

    Decided from the `last_used_at` already read with the record: nothing is sent while it is
    recent, and the update itself is conditional, so concurrent processes write it once.
    """
    now = utcnow()
    last = record.last_used_at
    if last is not None:
        if last.tzinfo is None:
            last = last.replace(tzinfo=now.tzinfo)
        if last > now - TOUCH_INTERVAL:
            return
    stale = {"$or": [{"last_used_at": None}, {"last_used_at": {"$lt": now - TOUCH_INTERVAL}}]}
    type(record).objects(id=record.id, __raw__=stale).update_one(set__last_used_at=now)
    record.last_used_at = now


def viewer_for_bearer(token: str) -> Viewer | None:
    """The viewer of an admin token, or None if it is unknown, revoked or its creator has left
    the shop."""
    if not token.startswith(ADMIN_TOKEN_PREFIX):
        return None
    record = AdminToken.objects(token_hash=digest(token), revoked_at=None).first()
    if record is None:
        return None
    viewer = Viewer(token=record)
    if not viewer.roles():
        return None
    touch(record)
    return viewer


class StorefrontKeyCache:
    """Key digest -> (shop, key record) for a few seconds, so a storefront request does not
    read the database to check its key. Revoking a key drops it from every cache of this
    process at once (`forget`), and so does a change of its shop (`forget_shop`); other
    processes see either within `ttl` seconds."""

    _all: ClassVar[weakref.WeakSet[StorefrontKeyCache]] = weakref.WeakSet()

    def __init__(self, ttl: float, max_keys: int = 10_000) -> None:
        self.ttl = ttl
        self.max_keys = max_keys
        self._entries: OrderedDict[str, tuple[float, tuple[Shop, StorefrontKey]]] = OrderedDict()
        self._lock = threading.Lock()
        StorefrontKeyCache._all.add(self)

    @classmethod
    def forget(cls, key_digest: str) -> None:
        """Drop `key_digest` from every cache in this process (a key was revoked)."""
        for cache in list(cls._all):
            with cache._lock:
                cache._entries.pop(key_digest, None)

    @classmethod
    def forget_shop(cls, shop_id: ObjectId) -> None:
        """Drop every key of shop `shop_id` from every cache in this process (the shop
        changed: suspended, resumed, its settings edited), so its next request reads it anew."""
        for cache in list(cls._all):
            with cache._lock:
                stale = [d for d, (_, (shop, _k)) in cache._entries.items() if shop.id == shop_id]
                for digest in stale:
                    del cache._entries[digest]

    def get(self, key_digest: str) -> tuple[Shop, StorefrontKey] | None:
        """The cached lookup of `key_digest` if still fresh."""
        with self._lock:
            entry = self._entries.get(key_digest)
            if entry is None:
                return None
            if entry[0] <= time.monotonic():
                del self._entries[key_digest]
                return None
            return entry[1]

    def put(self, key_digest: str, found: tuple[Shop, StorefrontKey]) -> None:
        """Remember a successful lookup for `ttl` seconds (oldest entries go first)."""
        with self._lock:
            self._entries.pop(key_digest, None)
            self._entries[key_digest] = (time.monotonic() + self.ttl, found)
            while len(self._entries) > self.max_keys:
                self._entries.popitem(last=False)


def shop_for_storefront_key(
    key: str, cache: StorefrontKeyCache | None = None
) -> tuple[Shop, StorefrontKey] | None:
    """The shop and key record of a storefront key, or None if it is unknown or revoked."""
    if not key.startswith(STOREFRONT_KEY_PREFIX):
        return None
    key_digest = digest(key)
    found = cache.get(key_digest) if cache is not None else None
    if found is None:
        record = StorefrontKey.objects(token_hash=key_digest, revoked_at=None).first()
        if record is None:
            return None
        shop = Shop.objects(id=record.shop_id).first()
        if shop is None:
            return None
        found = (shop, record)
        if cache is not None:
            cache.put(key_digest, found)
    touch(found[1])
    return found
