"""The GraphQL half of the Shopify fake: a subset of the Admin schema, query costs, search
syntax and keyset pagination, written from Shopify's documentation.

* `SCHEMA_SDL`: ``shop``, ``products``, ``product``, ``productsCount``; products with options,
  media (``MediaImage``) and variants as nested connections.
* `CostWalker`: the requested cost of a query (scalars and enums 0, objects 1, a connection
  2 + ``first``/``last`` x the cost of one node) and the actual cost of its result (the nodes
  really returned).
* `product_matches`: the search syntax subset (``updated_at:>'…'``, ``created_at``,
  ``status:``, ``id:``, bare words).
* `connection`: Relay connections over keyset cursors shaped like Shopify's (base64 JSON of
  ``last_id`` and ``last_value``), ``first``/``last`` at most 250; `nested_connection` makes
  the resolver of a connection inside a product (variants, media).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
    get_named_type,
)
from graphql.execution.values import VariableValues, get_argument_values

MAX_PAGE_SIZE = 250

SCHEMA_SDL = """
scalar DateTime
scalar Money
scalar URL
scalar HTML
scalar UnsignedInt64

enum ProductStatus { ACTIVE ARCHIVED DRAFT }
enum ProductSortKeys { ID TITLE UPDATED_AT CREATED_AT PRODUCT_TYPE VENDOR INVENTORY_TOTAL }
enum CurrencyCode { CNY USD EUR HKD JPY GBP }
enum CountPrecision { EXACT AT_LEAST }
enum MediaContentType { IMAGE VIDEO EXTERNAL_VIDEO MODEL_3D }

type Query {
  shop: Shop!
  products(first: Int, after: String, last: Int, before: String, query: String,
           sortKey: ProductSortKeys = ID, reverse: Boolean = false): ProductConnection!
  product(id: ID!): Product
  productsCount(query: String): Count
}

type Shop {
  id: ID!
  name: String!
  myshopifyDomain: String!
  currencyCode: CurrencyCode!
  ianaTimezone: String!
}

type Count { count: Int! precision: CountPrecision! }

type PageInfo {
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
  endCursor: String
}

type ProductConnection { edges: [ProductEdge!]! nodes: [Product!]! pageInfo: PageInfo! }
type ProductEdge { cursor: String! node: Product! }

type Product {
  id: ID!
  legacyResourceId: UnsignedInt64!
  title: String!
  handle: String!
  status: ProductStatus!
  description: String!
  descriptionHtml: HTML!
  vendor: String!
  productType: String!
  tags: [String!]!
  createdAt: DateTime!
  updatedAt: DateTime!
  publishedAt: DateTime
  onlineStoreUrl: URL
  totalInventory: Int!
  options(first: Int): [ProductOption!]!
  media(first: Int, after: String, last: Int, before: String): MediaConnection!
  variants(first: Int, after: String, last: Int, before: String): ProductVariantConnection!
  variantsCount: Count
}

type ProductOption {
  id: ID!
  name: String!
  position: Int!
  values: [String!]!
  optionValues: [ProductOptionValue!]!
}

type ProductOptionValue { id: ID! name: String! hasVariants: Boolean! }

interface Media { id: ID! alt: String mediaContentType: MediaContentType! }

type MediaImage implements Media {
  id: ID!
  alt: String
  mediaContentType: MediaContentType!
  image: Image
}

type Image { id: ID url: URL! altText: String width: Int height: Int }

type MediaConnection { edges: [MediaEdge!]! nodes: [Media!]! pageInfo: PageInfo! }
type MediaEdge { cursor: String! node: Media! }

type ProductVariant {
  id: ID!
  legacyResourceId: UnsignedInt64!
  title: String!
  displayName: String!
  sku: String
  barcode: String
  price: Money!
  compareAtPrice: Money
  inventoryQuantity: Int
  availableForSale: Boolean!
  position: Int!
  selectedOptions: [SelectedOption!]!
  image: Image
  createdAt: DateTime!
  updatedAt: DateTime!
}

type SelectedOption { name: String! value: String! }

type ProductVariantConnection {
  edges: [ProductVariantEdge!]!
  nodes: [ProductVariant!]!
  pageInfo: PageInfo!
}
type ProductVariantEdge { cursor: String! node: ProductVariant! }
"""


# --- query cost --------------------------------------------------------------------------


def _collect_fields(
    selection_set: SelectionSetNode | None,
    parent: GraphQLObjectType,
    schema: GraphQLSchema,
    fragments: Mapping[str, FragmentDefinitionNode],
) -> Iterator[tuple[FieldNode, GraphQLObjectType]]:
    """The field nodes of a selection (fragments flattened), each with the type that owns it."""
    if selection_set is None:
        return
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            yield selection, parent
        elif isinstance(selection, InlineFragmentNode):
            owner = parent
            if selection.type_condition is not None:
                named = schema.get_type(selection.type_condition.name.value)
                owner = named if isinstance(named, GraphQLObjectType) else parent
            yield from _collect_fields(selection.selection_set, owner, schema, fragments)
        elif isinstance(selection, FragmentSpreadNode):
            fragment = fragments[selection.name.value]
            named = schema.get_type(fragment.type_condition.name.value)
            owner = named if isinstance(named, GraphQLObjectType) else parent
            yield from _collect_fields(fragment.selection_set, owner, schema, fragments)


def _object_type(schema: GraphQLSchema, type_: Any) -> GraphQLObjectType | None:
    """The object type a field returns (an interface is costed as its one implementation)."""
    named = get_named_type(type_)
    if isinstance(named, GraphQLObjectType):
        return named
    if isinstance(named, GraphQLInterfaceType):
        implementations = schema.get_implementations(named).objects
        return implementations[0] if implementations else None
    return None


@dataclass
class CostWalker:
    """Computes a query's requested cost (from arguments) and actual cost (from its result)."""

    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: VariableValues

    def requested(self, selection_set: SelectionSetNode | None, parent: GraphQLObjectType) -> int:
        """Worst-case cost of a selection: objects 1, connections 2 + size x one node."""
        total = 0
        for node, owner in _collect_fields(selection_set, parent, self.schema, self.fragments):
            name = node.name.value
            if name.startswith("__"):
                continue
            definition = owner.fields[name]
            target = _object_type(self.schema, definition.type)
            if target is None:
                continue
            if target.name.endswith("Connection"):
                args = get_argument_values(definition, node, self.variables)
                size = args.get("first") or args.get("last") or 0
                total += 2 + int(size) * self._node_requested(node.selection_set, target)
            else:
                total += 1 + self.requested(node.selection_set, target)
        return total

    def _node_requested(self, selection_set: SelectionSetNode | None, connection: Any) -> int:
        cost = 0
        for node, owner in _collect_fields(selection_set, connection, self.schema, self.fragments):
            if node.name.value == "nodes":
                target = _object_type(self.schema, owner.fields["nodes"].type)
                if target is not None:
                    cost = max(cost, 1 + self.requested(node.selection_set, target))
            elif node.name.value == "edges":
                edge = _object_type(self.schema, owner.fields["edges"].type)
                if edge is None:
                    continue
                for inner, inner_owner in _collect_fields(
                    node.selection_set, edge, self.schema, self.fragments
                ):
                    if inner.name.value == "node":
                        target = _object_type(self.schema, inner_owner.fields["node"].type)
                        if target is not None:
                            cost = max(cost, 1 + self.requested(inner.selection_set, target))
        return cost

    def actual(
        self, selection_set: SelectionSetNode | None, parent: GraphQLObjectType, data: Any
    ) -> int:
        """The cost of what was actually returned (connections count the nodes they hold)."""
        if not isinstance(data, dict):
            return 0
        total = 0
        for node, owner in _collect_fields(selection_set, parent, self.schema, self.fragments):
            name = node.name.value
            if name.startswith("__") or name not in owner.fields:
                continue
            value = data.get(node.alias.value if node.alias else name)
            target = _object_type(self.schema, owner.fields[name].type)
            if value is None or target is None:
                continue
            if target.name.endswith("Connection"):
                total += 2 + self._nodes_actual(node.selection_set, target, value)
            elif isinstance(value, list):
                total += 1 + max(
                    (self.actual(node.selection_set, target, v) for v in value), default=0
                )
            else:
                total += 1 + self.actual(node.selection_set, target, value)
        return total

    def _nodes_actual(
        self, selection_set: SelectionSetNode | None, connection: GraphQLObjectType, value: Any
    ) -> int:
        best = 0
        for node, owner in _collect_fields(selection_set, connection, self.schema, self.fragments):
            key = node.alias.value if node.alias else node.name.value
            items = value.get(key) if isinstance(value, dict) else None
            if not isinstance(items, list):
                continue
            if node.name.value == "nodes":
                target = _object_type(self.schema, owner.fields["nodes"].type)
                if target is not None:
                    best = max(
                        best, sum(1 + self.actual(node.selection_set, target, i) for i in items)
                    )
            elif node.name.value == "edges":
                edge = _object_type(self.schema, owner.fields["edges"].type)
                if edge is None:
                    continue
                for inner, inner_owner in _collect_fields(
                    node.selection_set, edge, self.schema, self.fragments
                ):
                    if inner.name.value != "node":
                        continue
                    target = _object_type(self.schema, inner_owner.fields["node"].type)
                    inner_key = inner.alias.value if inner.alias else "node"
                    if target is not None:
                        best = max(
                            best,
                            sum(
                                1 + self.actual(inner.selection_set, target, e.get(inner_key))
                                for e in items
                                if isinstance(e, dict)
                            ),
                        )
        return best


# --- search syntax -----------------------------------------------------------------------

_TERM = re.compile(r"""(\w+):(>=|<=|>|<)?("[^"]*"|'[^']*'|\S+)|("[^"]*"|'[^']*'|\S+)""")


def parse_time(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _compare(left: Any, op: str, right: Any) -> bool:
    if op == ">":
        return bool(left > right)
    if op == ">=":
        return bool(left >= right)
    if op == "<":
        return bool(left < right)
    if op == "<=":
        return bool(left <= right)
    return bool(left == right)


def product_matches(product: Mapping[str, Any], query: str | None) -> bool:
    """Whether a product matches a Shopify search ``query`` (the subset the fake supports)."""
    if not query:
        return True
    for match in _TERM.finditer(query):
        name, op, raw, bare = match.groups()
        if bare is not None:
            word = bare.strip("'\"")
            if word.upper() in ("AND", ""):
                continue
            if word.lower() not in product["title"].lower():
                return False
            continue
        value = raw.strip("'\"")
        op = op or "="
        if name in ("updated_at", "created_at"):
            stored = parse_time(product["updatedAt" if name == "updated_at" else "createdAt"])
            if not _compare(stored, op, parse_time(value)):
                return False
        elif name == "status":
            if product["status"] not in {v.strip().upper() for v in value.split(",")}:
                return False
        elif name == "id" and not _compare(int(product["legacyResourceId"]), op, int(value)):
            return False
    return True


# --- pagination --------------------------------------------------------------------------


def encode_cursor(last_id: int, last_value: Any) -> str:
    """An opaque keyset cursor, shaped like Shopify's (base64 of JSON)."""
    payload = json.dumps({"last_id": last_id, "last_value": last_value}, ensure_ascii=False)
    return base64.b64encode(payload.encode()).decode()


def decode_cursor(cursor: str) -> tuple[int, Any]:
    """The (id, sort value) a cursor stands for; raise `ValueError` when it is not one."""
    try:
        data = json.loads(base64.b64decode(cursor.encode(), validate=True))
        return int(data["last_id"]), data["last_value"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError("invalid cursor") from exc


def connection(
    items: list[dict[str, Any]],
    key: Callable[[dict[str, Any]], tuple[Any, int]],
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    reverse: bool = False,
) -> dict[str, Any]:
    """A Relay connection over `items` ordered by `key`, sliced the way Shopify slices."""
    if first is None and last is None:
        raise GraphQLError("you must provide one of first or last")
    for name, size in (("first", first), ("last", last)):
        if size is not None and not 0 <= size <= MAX_PAGE_SIZE:
            raise GraphQLError(
                f"The {name} argument must be between 0 and {MAX_PAGE_SIZE}.",
                extensions={"code": "BAD_REQUEST"},
            )
    ordered = sorted(items, key=key, reverse=reverse)
    start, stop = 0, len(ordered)
    try:
        if after is not None:
            last_id, last_value = decode_cursor(after)
            marker = (last_value, last_id)
            start = next(
                (i for i, item in enumerate(ordered) if _beyond(key(item), marker, reverse)),
                len(ordered),
            )
        if before is not None:
            last_id, last_value = decode_cursor(before)
            marker = (last_value, last_id)
            stop = next(
                (i for i, item in enumerate(ordered) if not _before(key(item), marker, reverse)),
                len(ordered),
            )
    except ValueError as exc:
        raise GraphQLError("Invalid cursor.", extensions={"code": "BAD_REQUEST"}) from exc
    window = ordered[start:stop]
    begin, end = 0, len(window)
    if first is not None:
        end = min(end, first)
    if last is not None:
        begin = max(begin, end - last)
    page = window[begin:end]
    edges = [
        {"cursor": encode_cursor(key(item)[1], _jsonable(key(item)[0])), "node": item}
        for item in page
    ]
    return {
        "edges": edges,
        "nodes": page,
        "pageInfo": {
            "hasNextPage": start + end < len(ordered),
            "hasPreviousPage": start + begin > 0,
            "startCursor": edges[0]["cursor"] if edges else None,
            "endCursor": edges[-1]["cursor"] if edges else None,
        },
    }


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, str | int | float) else str(value)


def _beyond(item: tuple[Any, int], marker: tuple[Any, int], reverse: bool) -> bool:
    normalized = (_jsonable(item[0]), item[1])
    return normalized < marker if reverse else normalized > marker


def _before(item: tuple[Any, int], marker: tuple[Any, int], reverse: bool) -> bool:
    normalized = (_jsonable(item[0]), item[1])
    return normalized > marker if reverse else normalized < marker


_SORT_FIELDS: dict[str, str] = {
    "ID": "",
    "TITLE": "title",
    "UPDATED_AT": "updatedAt",
    "CREATED_AT": "createdAt",
    "PRODUCT_TYPE": "productType",
    "VENDOR": "vendor",
    "INVENTORY_TOTAL": "totalInventory",
}


def sort_key(sort_key: str) -> Callable[[dict[str, Any]], tuple[Any, int]]:
    field_name = _SORT_FIELDS[sort_key]

    def key(item: dict[str, Any]) -> tuple[Any, int]:
        number = int(item["legacyResourceId"])
        return (item[field_name] if field_name else number), number

    return key


def position_key(item: dict[str, Any]) -> tuple[Any, int]:
    return item["position"], item["position"]


def nested_connection(key: str) -> Callable[..., dict[str, Any]]:
    """A resolver for a connection nested in a product (variants, media), by position."""

    def resolve(
        parent: dict[str, Any],
        _info: GraphQLResolveInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> dict[str, Any]:
        return connection(
            parent[key], position_key, first=first, after=after, last=last, before=before
        )

    return resolve
