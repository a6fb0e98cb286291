"""Building the admin and storefront schemas, with plugin contributions and safety limits.

The schemas are built once per app. Plugin fields are merged into Query/Mutation here; a field
name contributed twice refuses the build (strawberry's `merge_types` would only warn). Outside
development introspection and field suggestions are off.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.extensions.disable_introspection import DisableIntrospection
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types.base import get_object_definition

from cloudcat.core.contributions import GraphQLContribution
from cloudcat.core.errors import CloudCatError
from cloudcat.core.plugins import Plugins
from cloudcat.core.settings import Settings
from cloudcat.schema.admin.accounts import AccountMutation, AccountQuery
from cloudcat.schema.admin.content import ContentAdminMutation, ContentAdminQuery
from cloudcat.schema.admin.credentials import CredentialMutation
from cloudcat.schema.admin.jobs import JobMutation
from cloudcat.schema.admin.media import MediaMutation, MediaQuery
from cloudcat.schema.admin.oauth import OAuthMutation
from cloudcat.schema.admin.onboarding import OnboardingQuery
from cloudcat.schema.admin.operator import OperatorMutation, OperatorQuery
from cloudcat.schema.admin.plugins import PluginMutation, PluginQuery
from cloudcat.schema.admin.reference import ReferenceQuery
from cloudcat.schema.admin.shops import ShopMutation, ShopQuery
from cloudcat.schema.catalog.editing import CatalogMutation
from cloudcat.schema.limits import (
    CACHE_MAXSIZE,
    CACHED_QUERY_MAX_CHARS,
    BoundedParserCache,
    BoundedValidationCache,
    limit_extensions,
)
from cloudcat.schema.pagination import DEFAULT_PAGE_SIZE
from cloudcat.schema.storefront import StorefrontQuery

log = logging.getLogger(__name__)

ADMIN_QUERIES: tuple[type, ...] = (
    AccountQuery,
    ShopQuery,
    PluginQuery,
    ReferenceQuery,
    OperatorQuery,
    ContentAdminQuery,
    OnboardingQuery,
    MediaQuery,
)
ADMIN_MUTATIONS: tuple[type, ...] = (
    AccountMutation,
    ShopMutation,
    PluginMutation,
    CredentialMutation,
    JobMutation,
    CatalogMutation,
    OAuthMutation,
    OperatorMutation,
    ContentAdminMutation,
    MediaMutation,
)
STOREFRONT_QUERIES: tuple[type, ...] = (StorefrontQuery,)


class SchemaBuildError(RuntimeError):
    """A plugin contribution cannot be merged into a schema."""


class CloudCatSchema(strawberry.Schema):
    """A strawberry schema that logs only unexpected errors (user errors are not noise)."""

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        for error in errors:
            original = error.original_error
            if original is not None and not isinstance(original, CloudCatError):
                log.error("unexpected error in %s", error.path, exc_info=original)


def _field_names(cls: type) -> set[str]:
    definition = get_object_definition(cls, strict=True)
    return {field.python_name for field in definition.fields}


def _merge(name: str, parts: Iterable[tuple[str, type]]) -> type | None:
    seen: dict[str, str] = {}
    classes = []
    for owner, cls in parts:
        for field_name in _field_names(cls):
            if field_name in seen:
                raise SchemaBuildError(
                    f"{owner} adds the {name} field {field_name!r}, already defined by "
                    f"{seen[field_name]}"
                )
            seen[field_name] = owner
        classes.append(cls)
    if not classes:
        return None
    return merge_types(name, tuple(classes))


def _contributions(plugins: Plugins, hook_name: str) -> list[tuple[str, GraphQLContribution]]:
    found = []
    hook = getattr(plugins.hook, hook_name)
    for impl in hook.get_hookimpls():
        contribution = impl.function()
        if contribution is not None:
            found.append((f"plugin {impl.plugin_name}", contribution))
    return found


def _extensions(
    settings: Settings,
) -> list[type[SchemaExtension] | Callable[[], SchemaExtension]]:
    """The schema extensions: the limits, the parser and validation caches, introspection off.

    The caches are strawberry's `ParserCache` and `ValidationCache` (bounded: see
    `BoundedParserCache`). Only document-only rules are validated (and cached): depth, aliases,
    graphql-core's standard rules and, outside development, `DisableIntrospection`'s; the cost,
    which depends on the variables, is checked on every request before validation by
    `QueryCostLimiter`.
    """
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        lambda: BoundedParserCache(CACHE_MAXSIZE, CACHED_QUERY_MAX_CHARS),
        *limit_extensions(
            max_depth=settings.graphql_max_depth,
            max_aliases=settings.graphql_max_aliases,
            max_tokens=settings.graphql_max_tokens,
            max_cost=settings.graphql_max_cost,
            default_page_size=DEFAULT_PAGE_SIZE,
            max_page_size=settings.page_size_max,
        ),
        lambda: BoundedValidationCache(CACHE_MAXSIZE, CACHED_QUERY_MAX_CHARS),
    ]
    if not settings.development:
        extensions.append(DisableIntrospection)
    return extensions


def _schema(
    settings: Settings,
    queries: list[tuple[str, type]],
    mutations: list[tuple[str, type]],
    types: list[type],
) -> CloudCatSchema:
    query = _merge("Query", queries)
    assert query is not None
    return CloudCatSchema(
        query=query,
        mutation=_merge("Mutation", mutations),
        types=types,
        extensions=_extensions(settings),
        config=StrawberryConfig(disable_field_suggestions=not settings.development),
    )


def build_admin_schema(settings: Settings, plugins: Plugins) -> CloudCatSchema:
    contributions = _contributions(plugins, "cloudcat_admin_graphql")
    return _schema(
        settings,
        [("CloudCat", q) for q in ADMIN_QUERIES]
        + [(owner, c.query) for owner, c in contributions if c.query],
        [("CloudCat", m) for m in ADMIN_MUTATIONS]
        + [(owner, c.mutation) for owner, c in contributions if c.mutation],
        [t for _, c in contributions for t in c.types],
    )


def build_storefront_schema(settings: Settings, plugins: Plugins) -> CloudCatSchema:
    contributions = _contributions(plugins, "cloudcat_storefront_graphql")
    if any(c.mutation for _, c in contributions):
        raise SchemaBuildError("storefront contributions are read-only: no mutations")
    return _schema(
        settings,
        [("CloudCat", q) for q in STOREFRONT_QUERIES]
        + [(owner, c.query) for owner, c in contributions if c.query],
        [],
        [t for _, c in contributions for t in c.types],
    )


SDL_FILES = {"admin": "admin.graphql", "storefront": "storefront.graphql"}


def export_sdl(settings: Settings, plugins: Plugins, folder: Path) -> list[Path]:
    """Write both schemas' SDL into `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for key, schema in (
        ("admin", build_admin_schema(settings, plugins)),
        ("storefront", build_storefront_schema(settings, plugins)),
    ):
        path = folder / SDL_FILES[key]
        path.write_text(schema.as_str() + "\n", encoding="utf-8")
        written.append(path)
    return written
