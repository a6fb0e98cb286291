"""Users, shops, team membership and API credentials: the services behind the admin API.

Every function that touches a shop takes the shop already authorized by `Viewer.require`; this
module checks business rules (unique slugs, the last owner stays) and validates input.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from bson import ObjectId
from mongoengine import NotUniqueError

from cloudcat.core import site_version
from cloudcat.core.auth import (
    ADMIN_TOKEN_PREFIX,
    STOREFRONT_KEY_PREFIX,
    StorefrontKeyCache,
    digest,
    dummy_password_hash,
    hash_password,
    new_token,
    parse_object_id,
    verify_password,
)
from cloudcat.core.documents import AdminToken, Membership, Role, Shop, StorefrontKey, User
from cloudcat.core.documents.base import utcnow
from cloudcat.core.documents.credentials import ShopCredential
from cloudcat.core.documents.shops import SLUG_PATTERN
from cloudcat.core.errors import BadInput, Conflict, FieldError, NotFound
from cloudcat.core.storage.retry import retry_transient

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD_LENGTH = 8
CURRENCIES = frozenset(
    [
        "CNY",
        "HKD",
        "TWD",
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "KRW",
        "SGD",
        "AUD",
        "CAD",
        "NZD",
        "CHF",
        "SEK",
        "NOK",
        "DKK",
        "THB",
        "MYR",
        "IDR",
        "PHP",
        "VND",
        "INR",
    ]
)

LOCALES = ("zh-CN", "zh-TW", "zh-HK", "en", "en-US", "en-GB", "ja-JP", "ko-KR")


def _normalize_email(email: str) -> str:
    email = email.strip().lower()
    if not EMAIL_PATTERN.match(email):
        raise BadInput("that is not an email address", [FieldError(["email"], "invalid email")])
    return email


# --- users ---------------------------------------------------------------------------------


@retry_transient
def create_user(email: str, password: str, name: str = "") -> User:
    email = _normalize_email(email)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise BadInput(
            "the password is too short",
            [FieldError(["password"], f"use at least {MIN_PASSWORD_LENGTH} characters")],
        )
    user = User(email=email, name=name.strip()[:200], password_hash=hash_password(password))
    try:
        user.save()
    except NotUniqueError as exc:
        raise Conflict("an account with this email already exists") from exc
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user with this email and password, or None. An unknown email takes as long as a
    wrong password (a dummy hash is checked), so timing does not tell which emails exist."""
    user: User | None = User.objects(email=email.strip().lower()).first()
    if user is None:
        verify_password(dummy_password_hash(), password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    return user


# --- shops ---------------------------------------------------------------------------------


@dataclass
class ShopFields:
    """Editable shop fields; None means 'leave as is'."""

    name: str | None = None
    currency: str | None = None
    locale: str | None = None
    timezone: str | None = None
    allowed_origins: list[str] | None = None


MAX_ALLOWED_ORIGINS = 20
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})
DEFAULT_PORTS = {"https": 443, "http": 80}


def normalize_origin(value: str) -> str:
    """`value` as a browser sends it in `Origin` (scheme://host[:port], lowercase, no default
    port); ValueError says why it is not one. Only https, or http on localhost, is allowed."""
    text = value.strip()
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.netloc:
        raise ValueError("give an origin like https://shop.example.com")
    if parts.path not in ("", "/") or parts.query or parts.fragment or "?" in text or "#" in text:
        raise ValueError("an origin has no path, query or fragment: scheme://host[:port] only")
    if parts.username is not None or parts.password is not None:
        raise ValueError("an origin carries no user name or password")
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError("the port is not a number from 0 to 65535") from exc
    host = (parts.hostname or "").lower()
    if not re.fullmatch(r"[a-z0-9.-]+|[0-9a-f:]+", host) or host.startswith("."):
        raise ValueError(f"{host!r} is not a host name")
    host = f"[{host}]" if ":" in host else host
    if scheme == "http" and host not in LOCAL_HOSTS:
        raise ValueError("use https (plain http is allowed for localhost only)")
    suffix = f":{port}" if port is not None and port != DEFAULT_PORTS[scheme] else ""
    return f"{scheme}://{host}{suffix}"


def _origin_errors(origins: list[str]) -> list[FieldError]:
    if len(origins) > MAX_ALLOWED_ORIGINS:
        return [FieldError(["allowedOrigins"], f"list at most {MAX_ALLOWED_ORIGINS} origins")]
    errors = []
    for index, origin in enumerate(origins):
        try:
            normalize_origin(origin)
        except ValueError as exc:
            errors.append(FieldError(["allowedOrigins", index], str(exc)))
    return errors


def _normalized_origins(origins: list[str]) -> list[str]:
    return list(dict.fromkeys(normalize_origin(origin) for origin in origins))


def _validate_shop_fields(fields: ShopFields) -> list[FieldError]:
    errors = []
    if fields.name is not None and not 1 <= len(fields.name.strip()) <= 200:
        errors.append(FieldError(["name"], "give a name of 1 to 200 characters"))
    if fields.currency is not None and fields.currency not in CURRENCIES:
        errors.append(FieldError(["currency"], f"unsupported currency {fields.currency!r}"))
    if fields.locale is not None and fields.locale not in LOCALES:
        errors.append(FieldError(["locale"], f"use one of {', '.join(LOCALES)}"))
    if fields.timezone is not None:
        try:
            zoneinfo.ZoneInfo(fields.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            errors.append(FieldError(["timezone"], f"unknown time zone {fields.timezone!r}"))
    if fields.allowed_origins is not None:
        errors.extend(_origin_errors(fields.allowed_origins))
    return errors


@retry_transient
def create_shop(owner: User, slug: str, fields: ShopFields) -> Shop:
    errors = _validate_shop_fields(fields)
    if not re.match(SLUG_PATTERN, slug):
        errors.append(FieldError(["slug"], "use 1-50 lowercase letters, digits and inner dashes"))
    if not fields.name:
        errors.append(FieldError(["name"], "a shop needs a name"))
    if errors:
        raise BadInput("the shop cannot be created as given", errors)
    shop = Shop(
        slug=slug,
        name=(fields.name or "").strip(),
        currency=fields.currency or "CNY",
        locale=fields.locale or "zh-CN",
        timezone=fields.timezone or "Asia/Shanghai",
        allowed_origins=_normalized_origins(fields.allowed_origins or []),
    )
    try:
        shop.save()
    except NotUniqueError as exc:
        raise Conflict(f"the shop address {slug!r} is taken") from exc
    Membership(shop_id=shop.id, user_id=owner.id, role=Role.OWNER).save()
    return shop


@retry_transient
def update_shop(shop: Shop, fields: ShopFields) -> Shop:
    errors = _validate_shop_fields(fields)
    if errors:
        raise BadInput("the shop cannot be changed as given", errors)
    for name in ("name", "currency", "locale", "timezone"):
        value = getattr(fields, name)
        if value is not None:
            setattr(shop, name, value.strip() if name == "name" else value)
    if fields.allowed_origins is not None:
        shop.allowed_origins = _normalized_origins(fields.allowed_origins)
    shop.save()
    StorefrontKeyCache.forget_shop(shop.id)
    site_version.bump(shop.id, "shop settings changed")
    return shop


# --- team ----------------------------------------------------------------------------------


def _owners(shop: Shop) -> int:
    return int(Membership.objects(shop_id=shop.id, role=Role.OWNER).count())


@retry_transient
def add_member(shop: Shop, email: str, role: Role) -> Membership:
    user = User.objects(email=_normalize_email(email)).first()
    if user is None:
        raise NotFound("no CloudCat account uses this email: ask them to sign up first")
    membership = Membership(shop_id=shop.id, user_id=user.id, role=role)
    try:
        membership.save()
    except NotUniqueError as exc:
        raise Conflict("this person is already a member of the shop") from exc
    return membership


def _membership(shop: Shop, user_id: str) -> Membership:
    membership: Membership | None = Membership.objects(
        shop_id=shop.id, user_id=parse_object_id(user_id, "member")
    ).first()
    if membership is None:
        raise NotFound(f"no member with id {user_id!r} in this shop")
    return membership


@retry_transient
def change_role(shop: Shop, user_id: str, role: Role) -> Membership:
    membership = _membership(shop, user_id)
    if membership.role is Role.OWNER and role is not Role.OWNER and _owners(shop) == 1:
        raise BadInput("a shop needs at least one owner: make someone else owner first")
    membership.role = role
    membership.save()
    return membership


@retry_transient
def remove_member(shop: Shop, user_id: str) -> None:
    membership = _membership(shop, user_id)
    if membership.role is Role.OWNER and _owners(shop) == 1:
        raise BadInput("a shop needs at least one owner: make someone else owner first")
    membership.delete()


# --- credentials ---------------------------------------------------------------------------


CredentialT = TypeVar("CredentialT", bound=ShopCredential)


@retry_transient
def _issue(
    document: type[CredentialT],
    prefix: str,
    shop: Shop,
    name: str,
    created_by: ObjectId,
    **fields: Any,
) -> tuple[CredentialT, str]:
    """Create a credential; its plain value is returned here once and never stored."""
    name = name.strip()
    if not 1 <= len(name) <= 100:
        raise BadInput("give a name of 1 to 100 characters", [FieldError(["name"], "required")])
    secret = new_token(prefix)
    record = document(
        shop_id=shop.id,
        name=name,
        token_hash=digest(secret),
        prefix=secret[: len(prefix) + 6],
        created_by=created_by,
        **fields,
    )
    record.save()
    return record, secret


def create_storefront_key(shop: Shop, name: str, created_by: ObjectId) -> tuple[StorefrontKey, str]:
    """Create a publishable key; the plain key is returned here once and never again."""
    return _issue(StorefrontKey, STOREFRONT_KEY_PREFIX, shop, name, created_by)


def create_admin_token(
    shop: Shop, name: str, role: Role, created_by: ObjectId
) -> tuple[AdminToken, str]:
    """Create an admin API token acting with `role` in `shop`; the plain token is shown once."""
    return _issue(AdminToken, ADMIN_TOKEN_PREFIX, shop, name, created_by, role=role)


@retry_transient
def revoke(document: type[ShopCredential], shop: Shop, key_id: str) -> None:
    """Revoke a shop's key or token (revoking twice is harmless). It stops working at once in
    this process; other API processes drop a cached storefront key within a few seconds."""
    record = document.objects(shop_id=shop.id, id=parse_object_id(key_id, "key")).first()
    if record is None:
        raise NotFound(f"no key with id {key_id!r} in this shop")
    if record.revoked_at is None:
        record.revoked_at = utcnow()
        record.save()
    if isinstance(record, StorefrontKey):
        StorefrontKeyCache.forget(record.token_hash)
