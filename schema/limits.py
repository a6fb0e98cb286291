"""Limits on what one GraphQL document may ask for: tokens, depth, aliases and cost.

Every refusal carries a stable `extensions.code` (and the numbers behind it), so clients can tell
"ask for less" apart from other errors:

- `QUERY_TOO_LARGE`  — more tokens than `maxTokens`, refused while parsing (strawberry's
  `MaxTokensLimiter`, its error coded by `CodedMaxTokensLimiter`);
- `QUERY_TOO_DEEP`   — fields nested `depth` deep, more than `maxDepth`;
- `TOO_MANY_ALIASES` — `aliases` aliased fields in the document, more than `maxAliases`;
- `QUERY_TOO_COSTLY` — an operation's estimated `cost` is above `maxCost`.

The cost model: each field costs 1; a field taking a `first` or `last` argument multiplies the
cost of its selection by that page size (the schema's default, or `default_page_size`, when the
query gives none; never more than `max_page_size`). So `items(first: 100) { children(first: 100)
{ name } }` costs 1 + 100 × (1 + 100 × 1) = 10,101. Named and inline fragments are expanded: a
named fragment counts at every spread, but is measured only once per operation, and a fragment
cycle counts as nothing (graphql-core's own `NoFragmentCyclesRule` refuses it). Every occurrence
of a field counts, before same-named fields are merged, and merging is priced too: `n` fields of
one response name in a selection set add `n × (n - 1) / 2`, the pairs graphql-core's
`OverlappingFieldsCanBeMergedRule` compares (400 repeats of `shop { name }` cost 80,600, not 2).

Depth and aliases are counted as strawberry's `QueryDepthLimiter` and `MaxAliasesLimiter` count
them, by the same walk. Those two re-walk every path through the fragments, so a few hundred
tokens of fragments each spreading the next one twice keep them busy for hours; this walk is
linear in the size of the document. It also uses an explicit stack instead of recursion, so no
document can hit Python's recursion limit. Costs and alias counts saturate at `COST_CEILING`.

Caching. Depth, aliases and graphql-core's standard rules depend on the document alone, so they
are validation rules, and strawberry's `ValidationCache` may remember their verdict per
document. The cost depends on the request's variables (`first: $n`), so it is no validation
rule: `QueryCostLimiter` measures the operation to run, with the variables sent, on every
request before validation (cached or not: validating a costly document is costly itself) and
refuses it before anything is validated or executed.
`BoundedParserCache` and `BoundedValidationCache` are strawberry's caches, except that they do
not keep documents longer than `CACHED_QUERY_MAX_CHARS`: a parsed document takes up to ~300
bytes per character of query, and the storefront is public.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Callable, Generator, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

from graphql import (
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLArgument,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLSyntaxError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SchemaMetaFieldDef,
    SelectionSetNode,
    TypeMetaFieldDef,
    TypeNameMetaFieldDef,
    Undefined,
    ValidationRule,
    ValueNode,
    VariableNode,
    get_named_type,
    value_from_ast_untyped,
)
from graphql.language.visitor import VisitorAction
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)

__all__ = [
    "CACHED_QUERY_MAX_CHARS",
    "CACHE_MAXSIZE",
    "COST_CEILING",
    "QUERY_TOO_COSTLY",
    "QUERY_TOO_DEEP",
    "QUERY_TOO_LARGE",
    "TOO_MANY_ALIASES",
    "BoundedParserCache",
    "BoundedValidationCache",
    "CodedMaxTokensLimiter",
    "Measure",
    "QueryCostLimiter",
    "alias_limit_rule",
    "cost_errors",
    "cost_limit_rule",
    "depth_limit_rule",
    "limit_extensions",
    "measure_operation",
    "operation_cost",
    "operation_costs",
]

QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"
QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
QUERY_TOO_LARGE = "QUERY_TOO_LARGE"
TOO_MANY_ALIASES = "TOO_MANY_ALIASES"

COST_CEILING = 2**53 - 1
"""Costs saturate here: the largest integer a JavaScript client reads exactly."""

PAGE_ARGUMENTS = ("first", "last")

CACHE_MAXSIZE = 500
"""Documents kept by the parser and validation caches (strawberry's LRU caches, shared by every
schema of the process that uses the same size)."""

CACHED_QUERY_MAX_CHARS = 2_000
"""Longer query texts are parsed and validated every time: with `CACHE_MAXSIZE`, this bounds the
caches to about 300 MB even when every cached document is as dense as a document can be
(typical documents take a third of that, and real clients send far fewer distinct ones)."""

_TOKEN_LIMIT_MESSAGE = re.compile(r"Document contains more than \d+ tokens")


def _add(*costs: int) -> int:
    return min(COST_CEILING, sum(costs))


def _mul(factor: int, cost: int) -> int:
    return min(COST_CEILING, factor * cost)


def _field_definition(parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
    if name == "__typename":
        return TypeNameMetaFieldDef
    if name == "__schema":
        return SchemaMetaFieldDef
    if name == "__type":
        return TypeMetaFieldDef
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        return parent.fields.get(name)
    return None


def _argument_default(argument: GraphQLArgument) -> Any:
    """The schema's default for an argument: a runtime value, a literal or Undefined."""
    default = argument.default
    if default is not None:
        return default.value if default.literal is None else value_from_ast_untyped(default.literal)
    return argument.default_value


@dataclass(frozen=True, slots=True)
class Measure:
    """What an operation (or a selection set) asks for.

    `cost` as described in the module docstring; `depth` is how deeply fields are nested (a leaf
    field is 0, and introspection fields, whose types nest deeply by design, count as 0, as in
    strawberry's `QueryDepthLimiter`); `aliases` is the number of aliased fields once fragments
    are expanded. `cost` and `aliases` saturate at `COST_CEILING`.
    """

    cost: int = 0
    depth: int = 0
    aliases: int = 0

    def __add__(self, other: Measure) -> Measure:
        """Two sibling selections: costs and aliases add up, the deeper one sets the depth."""
        return Measure(
            _add(self.cost, other.cost),
            max(self.depth, other.depth),
            _add(self.aliases, other.aliases),
        )


_NOTHING = Measure()

# A step of the walk: a generator that may hand back sub-steps and returns a Measure.
_Step: TypeAlias = Generator["_Step", Measure, Measure]


class _Walk:
    """Measures one operation; each fragment is measured once and remembered."""

    def __init__(
        self,
        schema: GraphQLSchema,
        operation: OperationDefinitionNode,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any] | None,
        default_page_size: int,
        max_page_size: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.variable_defaults = {
            definition.variable.name.value: definition.default_value
            for definition in operation.variable_definitions or ()
            if definition.default_value is not None
        }
        self.default_page_size = default_page_size
        self.max_page_size = max_page_size
        self.fragment_measures: dict[str, Measure] = {}

    def run(self, operation: OperationDefinitionNode) -> Measure:
        """Walk the operation with an explicit stack of steps (no recursion) and measure it."""
        root = self.schema.get_root_type(operation.operation)
        stack: list[_Step] = [self.selection_set(operation.selection_set, root, frozenset())]
        result: Measure | None = None
        while stack:
            step = stack[-1]
            try:
                stack.append(next(step) if result is None else step.send(result))
            except StopIteration as finished:
                stack.pop()
                result = finished.value
            else:
                result = None
        return result or _NOTHING

    def selection_set(
        self,
        selection_set: SelectionSetNode | None,
        parent: GraphQLNamedType | None,
        visiting: frozenset[str],
    ) -> _Step:
        total = _NOTHING
        names: Counter[str] = Counter()
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                names[(selection.alias or selection.name).value] += 1
                total += yield self.field(selection, parent, visiting)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                total += yield self.selection_set(selection.selection_set, inner, visiting)
            elif isinstance(selection, FragmentSpreadNode):
                total += yield self.fragment(selection.name.value, visiting)
        merging = _add(*(n * (n - 1) // 2 for n in names.values() if n > 1))
        return Measure(_add(total.cost, merging), total.depth, total.aliases)

    def fragment(self, name: str, visiting: frozenset[str]) -> _Step:
        if name in visiting:
            return _NOTHING
        if name not in self.fragment_measures:
            definition = self.fragments.get(name)
            if definition is None:
                return _NOTHING
            fragment_type = self.schema.get_type(definition.type_condition.name.value)
            self.fragment_measures[name] = yield self.selection_set(
                definition.selection_set, fragment_type, visiting | {name}
            )
        return self.fragment_measures[name]

    def field(
        self, node: FieldNode, parent: GraphQLNamedType | None, visiting: frozenset[str]
    ) -> _Step:
        alias = 1 if node.alias else 0
        if node.selection_set is None:
            return Measure(1, 0, alias)
        definition = _field_definition(parent, node.name.value)
        child = get_named_type(definition.type) if definition is not None else None
        inner = yield self.selection_set(node.selection_set, child, visiting)
        page = self.page_size(node, definition)
        depth = 0 if node.name.value.startswith("__") else 1 + inner.depth
        return Measure(_add(1, _mul(page, inner.cost)), depth, _add(alias, inner.aliases))

    def page_size(self, node: FieldNode, definition: GraphQLField | None) -> int:
        """The number of items `node` may return: the largest of its first/last, else 1."""
        given = {argument.name.value: argument.value for argument in node.arguments or ()}
        sizes = [
            self.argument_size(given.get(name), definition, name)
            for name in PAGE_ARGUMENTS
            if name in given or (definition is not None and name in definition.args)
        ]
        return max(sizes, default=1)

    def argument_size(
        self, value: ValueNode | None, definition: GraphQLField | None, name: str
    ) -> int:
        raw: Any = Undefined
        if isinstance(value, VariableNode):
            variable = value.name.value
            if self.variables is None:
                return self.max_page_size
            if variable in self.variables:
                raw = self.variables[variable]
            elif variable in self.variable_defaults:
                raw = value_from_ast_untyped(self.variable_defaults[variable])
        elif value is not None:
            raw = value_from_ast_untyped(value)
        if raw is Undefined and definition is not None and name in definition.args:
            raw = _argument_default(definition.args[name])
        if raw is None or raw is Undefined:
            return self.default_page_size
        if isinstance(raw, bool) or not isinstance(raw, int):
            return self.max_page_size
        return max(0, min(raw, self.max_page_size))


def measure_operation(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    *,
    variables: Mapping[str, Any] | None,
    default_page_size: int,
    max_page_size: int,
) -> Measure:
    """Cost, depth and aliases of `operation`, in time linear in the size of the document.

    `variables` are the request's variable values; None means "not known", and then every
    `first`/`last` given by a variable counts as `max_page_size`.
    """
    walk = _Walk(schema, operation, fragments, variables, default_page_size, max_page_size)
    return walk.run(operation)


def operation_cost(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    *,
    variables: Mapping[str, Any] | None,
    default_page_size: int,
    max_page_size: int,
) -> int:
    """The estimated cost of `operation` (see the module docstring), at most `COST_CEILING`."""
    return measure_operation(
        schema,
        operation,
        fragments,
        variables=variables,
        default_page_size=default_page_size,
        max_page_size=max_page_size,
    ).cost


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }


def _operations(document: DocumentNode) -> list[OperationDefinitionNode]:
    return [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]


def _operation_label(node: OperationDefinitionNode) -> str:
    return f"'{node.name.value}'" if node.name else "The operation"


def _too_costly(operation: OperationDefinitionNode, cost: int, max_cost: int) -> GraphQLError:
    return GraphQLError(
        f"{_operation_label(operation)} costs {cost}, more than the maximum of {max_cost}: ask"
        " for fewer fields or smaller pages.",
        operation,
        extensions={"code": QUERY_TOO_COSTLY, "cost": cost, "maxCost": max_cost},
    )


def operation_costs(
    schema: GraphQLSchema,
    document: DocumentNode,
    *,
    default_page_size: int,
    max_page_size: int,
    variables: Mapping[str, Any] | None,
    operation_name: str | None = None,
) -> list[tuple[OperationDefinitionNode, int]]:
    """Each operation of `document` with its cost (only the one named `operation_name`, when
    given: the one a request runs). `variables` as in `measure_operation`."""
    fragments = _fragments(document)
    return [
        (
            operation,
            operation_cost(
                schema,
                operation,
                fragments,
                variables=variables,
                default_page_size=default_page_size,
                max_page_size=max_page_size,
            ),
        )
        for operation in _operations(document)
        if operation_name is None
        or (operation.name is not None and operation.name.value == operation_name)
    ]


def cost_errors(
    schema: GraphQLSchema,
    document: DocumentNode,
    *,
    max_cost: int,
    default_page_size: int,
    max_page_size: int,
    variables: Mapping[str, Any] | None,
    operation_name: str | None = None,
) -> list[GraphQLError]:
    """A `QUERY_TOO_COSTLY` error for each operation of `document` costing more than `max_cost`.

    With `operation_name`, only the operation of that name (the one a request runs) is measured;
    without, every operation is. `variables` as in `measure_operation`. Each error has
    `extensions` `{"code": "QUERY_TOO_COSTLY", "cost": n, "maxCost": max_cost}`.
    """
    costs = operation_costs(
        schema,
        document,
        default_page_size=default_page_size,
        max_page_size=max_page_size,
        variables=variables,
        operation_name=operation_name,
    )
    return [_too_costly(operation, cost, max_cost) for operation, cost in costs if cost > max_cost]


def cost_limit_rule(
    max_cost: int,
    default_page_size: int,
    max_page_size: int,
    variables: Mapping[str, Any] | None = None,
) -> type[ValidationRule]:
    """A graphql-core validation rule refusing any operation whose cost is above `max_cost`.

    For plain graphql-core use. graphql-core's validation does not see variable values, so they
    are bound here: pass the request's `variables`, or None to count every variable page size
    as `max_page_size`. Such a rule must not go through a validation cache keyed on the document
    (its verdict depends on the variables): the schemas use `QueryCostLimiter` instead. The
    errors are those of `cost_errors`.
    """

    class QueryCostRule(ValidationRule):
        """Refuse operations costing more than the configured maximum."""

        def enter_document(self, node: DocumentNode, *_args: object) -> VisitorAction:
            for error in cost_errors(
                self.context.schema,
                node,
                max_cost=max_cost,
                default_page_size=default_page_size,
                max_page_size=max_page_size,
                variables=variables,
            ):
                self.report_error(error)
            return self.BREAK

    return QueryCostRule


def depth_limit_rule(max_depth: int) -> type[ValidationRule]:
    """A validation rule refusing operations whose fields nest deeper than `max_depth`.

    Depth is counted as strawberry's `QueryDepthLimiter` counts it (`{ a { b } }` is 1,
    introspection fields are not counted), but in linear time: strawberry's walks every path
    through the fragments again, which a few hundred tokens of fragments spreading each other
    twice turn into minutes. The error has `extensions` `{"code": "QUERY_TOO_DEEP", "depth": n,
    "maxDepth": max_depth}`.
    """

    class QueryDepthRule(ValidationRule):
        """Refuse operations nested deeper than the configured maximum."""

        def enter_document(self, node: DocumentNode, *_args: object) -> VisitorAction:
            fragments = _fragments(node)
            for operation in _operations(node):
                depth = measure_operation(
                    self.context.schema,
                    operation,
                    fragments,
                    variables=None,
                    default_page_size=1,
                    max_page_size=1,
                ).depth
                if depth > max_depth:
                    self.report_error(
                        GraphQLError(
                            f"{_operation_label(operation)} nests fields {depth} deep, more than"
                            f" the maximum of {max_depth}.",
                            operation,
                            extensions={
                                "code": QUERY_TOO_DEEP,
                                "depth": depth,
                                "maxDepth": max_depth,
                            },
                        )
                    )
            return self.BREAK

    return QueryDepthRule


def alias_limit_rule(max_aliases: int) -> type[ValidationRule]:
    """A validation rule refusing documents with more than `max_aliases` aliased fields.

    Aliases are counted over all operations with fragments expanded, as strawberry's
    `MaxAliasesLimiter` counts them, in linear time. The error has `extensions`
    `{"code": "TOO_MANY_ALIASES", "aliases": n, "maxAliases": max_aliases}`.
    """

    class AliasCountRule(ValidationRule):
        """Refuse documents using more aliases than the configured maximum."""

        def enter_document(self, node: DocumentNode, *_args: object) -> VisitorAction:
            fragments = _fragments(node)
            aliases = 0
            for operation in _operations(node):
                measure = measure_operation(
                    self.context.schema,
                    operation,
                    fragments,
                    variables=None,
                    default_page_size=1,
                    max_page_size=1,
                )
                aliases = _add(aliases, measure.aliases)
            if aliases > max_aliases:
                self.report_error(
                    GraphQLError(
                        f"The document uses {aliases} aliases, more than the maximum of"
                        f" {max_aliases}.",
                        extensions={
                            "code": TOO_MANY_ALIASES,
                            "aliases": aliases,
                            "maxAliases": max_aliases,
                        },
                    )
                )
            return self.BREAK

    return AliasCountRule


class CodedMaxTokensLimiter(MaxTokensLimiter):
    """strawberry's `MaxTokensLimiter` whose refusal carries `QUERY_TOO_LARGE`."""

    def on_operation(self) -> Iterator[None]:
        """Set the parser's token limit, then code the parser's refusal, if any."""
        self.execution_context.parse_options["max_tokens"] = self.max_token_count
        yield
        for error in self.execution_context.pre_execution_errors or ():
            if isinstance(error, GraphQLSyntaxError) and _TOKEN_LIMIT_MESSAGE.search(error.message):
                error.extensions = {
                    **(error.extensions or {}),
                    "code": QUERY_TOO_LARGE,
                    "maxTokens": self.max_token_count,
                }


class QueryCostLimiter(SchemaExtension):
    """Refuses, before validation, an operation costing more than `max_cost` with its variables.

    Runs on every request (cached validation or not): `on_validate` measures the operation
    strawberry is about to run (the one named `operationName`; without one, the first
    operation if it has a name, else every operation of the document) with the request's
    variables (none sent means none, so variable defaults apply) before graphql-core validates
    it, since validating a costly document is itself the costly part. When it is too costly it
    sets the `cost_errors` as the pre-execution errors, so strawberry validates and executes
    nothing. Being no validation rule, the verdict never enters a validation cache. The cost of
    an operation allowed to run is charged to the caller's budget when the context has a
    `charge_cost` callable (the storefront's per-key rate limit).
    """

    def __init__(self, max_cost: int, default_page_size: int, max_page_size: int) -> None:
        super().__init__()
        self.max_cost = max_cost
        self.default_page_size = default_page_size
        self.max_page_size = max_page_size

    def on_validate(self) -> Iterator[None]:
        """Measure the operation with the request's variables; refuse it if too costly."""
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.pre_execution_errors is None:
            costs = operation_costs(
                context.schema._schema,
                document,
                default_page_size=self.default_page_size,
                max_page_size=self.max_page_size,
                variables=context.variables or {},
                operation_name=context.operation_name,
            )
            errors = [
                _too_costly(op, cost, self.max_cost) for op, cost in costs if cost > self.max_cost
            ]
            if errors:
                context.pre_execution_errors = errors
            elif costs and (charge := getattr(context.context, "charge_cost", None)) is not None:
                charge(max(cost for _, cost in costs))
        yield


class BoundedParserCache(ParserCache):
    """strawberry's `ParserCache`, except that query texts longer than `max_query_chars` are
    parsed anew each time instead of being kept (see `CACHED_QUERY_MAX_CHARS`)."""

    def __init__(
        self, maxsize: int = CACHE_MAXSIZE, max_query_chars: int = CACHED_QUERY_MAX_CHARS
    ) -> None:
        super().__init__(maxsize=maxsize)
        self.max_query_chars = max_query_chars

    def on_parse(self) -> Iterator[None]:
        """Parse through the shared LRU cache when the query text is short enough.

        A document that does not parse is left to strawberry's own parsing, which fails again
        and reports the error as usual, inside the operation (where `CodedMaxTokensLimiter`
        codes it): strawberry's `ParserCache` would raise it out of the operation instead.
        """
        context = self.execution_context
        query = context.query
        if query is not None and len(query) <= self.max_query_chars:
            with contextlib.suppress(GraphQLError):
                context.graphql_document = self.cached_parse_document(
                    query, **context.parse_options
                )
        yield


class BoundedValidationCache(ValidationCache):
    """strawberry's `ValidationCache`, except that documents of query texts longer than
    `max_query_chars` are validated anew each time instead of being kept.

    The cache is keyed on the schema, the document and the validation rule classes, so only
    rules that depend on nothing else may be in `execution_context.validation_rules` (the cost
    is checked by `QueryCostLimiter`, outside validation).
    """

    def __init__(
        self, maxsize: int = CACHE_MAXSIZE, max_query_chars: int = CACHED_QUERY_MAX_CHARS
    ) -> None:
        super().__init__(maxsize=maxsize)
        self.max_query_chars = max_query_chars

    def on_validate(self) -> Iterator[None]:
        """Validate through the shared LRU cache when the query text is short enough (and no
        limit refused the document already)."""
        query = self.execution_context.query
        refused = self.execution_context.pre_execution_errors is not None
        if query is not None and len(query) <= self.max_query_chars and not refused:
            yield from super().on_validate()
        else:
            yield


def limit_extensions(
    max_depth: int,
    max_aliases: int,
    max_tokens: int,
    max_cost: int,
    default_page_size: int,
    max_page_size: int,
) -> list[Callable[[], SchemaExtension]]:
    """Extension factories for `strawberry.Schema(extensions=...)` enforcing every limit.

    They are factories, not instances: strawberry 0.341 deprecates extension instances, and a
    factory gives each request its own extension. Tokens are limited by strawberry's
    `MaxTokensLimiter` (coded by `CodedMaxTokensLimiter`); depth and aliases by the validation
    rules `depth_limit_rule` and `alias_limit_rule`, which count what strawberry's
    `QueryDepthLimiter` and `MaxAliasesLimiter` count but in linear time, and depend on the
    document only (so a validation cache may keep their verdict); the cost, which depends on the
    request's variables, by `QueryCostLimiter` on every request before validation. Caching is
    not included: add `BoundedParserCache` and `BoundedValidationCache` next to these.
    """
    shape_rules: list[type[ASTValidationRule]] = [
        depth_limit_rule(max_depth),
        alias_limit_rule(max_aliases),
    ]
    return [
        lambda: CodedMaxTokensLimiter(max_token_count=max_tokens),
        lambda: AddValidationRules(shape_rules),
        lambda: QueryCostLimiter(max_cost, default_page_size, max_page_size),
    ]
