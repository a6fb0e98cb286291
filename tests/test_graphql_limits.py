"""Token, depth, alias and cost limits on a tiny recursive schema, with the parser and
validation caches on as in the real schemas."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import strawberry
import strawberry.schema.schema as strawberry_schema_module
from graphql import (
    GraphQLError,
    OperationDefinitionNode,
    build_schema,
    get_introspection_query,
    parse,
    validate,
)
from graphql.language import FragmentDefinitionNode
from strawberry.extensions import QueryDepthLimiter
from strawberry.extensions.disable_introspection import DisableIntrospection
from strawberry.types import ExecutionResult

from cloudcat.core.plugins import create_plugin_manager
from cloudcat.core.settings import Settings
from cloudcat.schema.build import _extensions, build_storefront_schema
from cloudcat.schema.limits import (
    CACHED_QUERY_MAX_CHARS,
    COST_CEILING,
    QUERY_TOO_COSTLY,
    QUERY_TOO_DEEP,
    QUERY_TOO_LARGE,
    TOO_MANY_ALIASES,
    BoundedParserCache,
    BoundedValidationCache,
    Measure,
    QueryCostLimiter,
    cost_limit_rule,
    depth_limit_rule,
    limit_extensions,
    measure_operation,
    operation_cost,
)

MAX_COST = 1_000
DEFAULT_PAGE = 10
MAX_PAGE = 100

RESOLVED: Counter[str] = Counter()
"""How many times each root field was resolved: refused operations must resolve nothing."""

_unique = itertools.count()


@strawberry.type
class Item:
    name: str

    @strawberry.field
    def children(self, first: int | None = None) -> list[Item]:
        return [Item(name=f"{self.name}.{i}") for i in range(min(first or 2, 3))]


@strawberry.type
class Query:
    @strawberry.field
    def items(self, first: int | None = None) -> list[Item]:
        RESOLVED["items"] += 1
        return [Item(name=str(i)) for i in range(min(first or 2, 3))]

    @strawberry.field
    def paged(self, first: int = 5) -> list[Item]:
        return [Item(name="p")]

    @strawberry.field
    def latest(self, last: int | None = None) -> list[Item]:
        return [Item(name="l")]


schema = strawberry.Schema(
    Query,
    extensions=[
        BoundedParserCache,
        *limit_extensions(
            max_depth=5,
            max_aliases=3,
            max_tokens=200,
            max_cost=MAX_COST,
            default_page_size=DEFAULT_PAGE,
            max_page_size=MAX_PAGE,
        ),
        BoundedValidationCache,
    ],
)
graphql_schema = build_schema(schema.as_str())


def run(query: str, variables: dict[str, Any] | None = None) -> ExecutionResult:
    return schema.execute_sync(query, variable_values=variables)


def codes(result: ExecutionResult) -> list[str | None]:
    return [(error.extensions or {}).get("code") for error in result.errors or ()]


def unique(query: str) -> str:
    """`query` after a comment of a length no other test sends, so the caches never saw it.

    The validation cache compares documents, not texts, and a comment is not part of the
    document: what makes it new is that every node starts at a new offset.
    """
    return f"#{'-' * (200 + next(_unique))}\n{query}"


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts graphql-core validations (calls not answered by a validation cache)."""
    calls: list[int] = []
    real = strawberry_schema_module.validate

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(strawberry_schema_module, "validate", counting)
    yield calls


def measure_of(query: str, variables: dict[str, Any] | None = None) -> Measure:
    document = parse(query)
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    return measure_operation(
        graphql_schema,
        operation,
        fragments,
        variables=variables,
        default_page_size=DEFAULT_PAGE,
        max_page_size=MAX_PAGE,
    )


def cost_of(query: str, variables: dict[str, Any] | None = None) -> int:
    document = parse(query)
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    cost = operation_cost(
        graphql_schema,
        operation,
        fragments,
        variables=variables,
        default_page_size=DEFAULT_PAGE,
        max_page_size=MAX_PAGE,
    )
    assert cost == measure_of(query, variables).cost
    return cost


# --- cost --------------------------------------------------------------------------------------


def test_a_cheap_query_runs() -> None:
    result = run("{ items(first: 2) { name children(first: 2) { name } } }")
    assert result.errors is None
    assert result.data == {
        "items": [
            {"name": "0", "children": [{"name": "0.0"}, {"name": "0.1"}]},
            {"name": "1", "children": [{"name": "1.0"}, {"name": "1.1"}]},
        ]
    }


def test_nested_pages_of_100_are_too_costly() -> None:
    result = run("{ items(first: 100) { children(first: 100) { name } } }")
    assert result.data is None
    assert result.errors is not None
    (error,) = result.errors
    assert error.extensions == {"code": QUERY_TOO_COSTLY, "cost": 10_101, "maxCost": MAX_COST}
    assert "10101" in error.message


def test_cost_counts_fields_and_multiplies_by_page_sizes() -> None:
    assert cost_of("{ items(first: 2) { name children(first: 3) { name } } }") == 1 + 2 * (
        1 + 1 + 3 * 1
    )
    assert cost_of("{ latest(last: 7) { name } }") == 1 + 7
    assert cost_of("{ items(first: 0) { name } }") == 1
    assert cost_of("{ __typename }") == 1


def test_page_sizes_are_capped_and_never_negative() -> None:
    assert cost_of("{ items(first: 5000) { name } }") == 1 + MAX_PAGE
    assert cost_of("{ items(first: -3) { name } }") == 1


def test_a_missing_page_size_uses_the_schema_default_else_the_default_page_size() -> None:
    assert cost_of("{ paged { name } }") == 1 + 5
    assert cost_of("{ items { name } }") == 1 + DEFAULT_PAGE
    assert cost_of("{ items(first: null) { name } }") == 1 + DEFAULT_PAGE


def test_named_and_inline_fragments_are_expanded() -> None:
    query = """
        { items(first: 10) { ...F ...F ... on Item { children(first: 2) { name } } } }
        fragment F on Item { children(first: 10) { name } }
    """
    assert cost_of(query) == 1 + 10 * (2 * (1 + 10) + (1 + 2))
    result = run(
        """
        { items(first: 10) { ...Big } }
        fragment Big on Item { children(first: 100) { name } }
        """
    )
    assert codes(result) == [QUERY_TOO_COSTLY]


@pytest.mark.timeout(30)
def test_a_fragment_cycle_does_not_hang() -> None:
    query = """
        { items(first: 1) { ...A } }
        fragment A on Item { name children(first: 1) { ...B } }
        fragment B on Item { children(first: 1) { ...A } }
    """
    # items + A, where A = name + children(B) and B = children(A again: 0)
    assert cost_of(query) == 1 + (1 + (1 + (1 + 0)))
    result = run(query)
    assert result.data is None
    assert result.errors is not None
    assert any("Cannot spread fragment" in error.message for error in result.errors)


def test_a_long_fragment_chain_does_not_hit_the_recursion_limit() -> None:
    links = 3000
    fragments = "\n".join(
        f"fragment F{i} on Item {{ children(first: 1) {{ ...F{i + 1} }} }}" for i in range(links)
    )
    query = f"{{ items(first: 1) {{ ...F0 }} }}\n{fragments}\nfragment F{links} on Item {{ name }}"
    assert cost_of(query) == 1 + links + 1


def test_costs_saturate_at_the_ceiling() -> None:
    levels = 12
    query = (
        "{ items(first: 100) { "
        + "children(first: 100) { " * levels
        + "name"
        + " }" * (levels + 1)
        + " }"
    )
    assert cost_of(query) == COST_CEILING


def test_variables_for_first_are_honoured() -> None:
    query = "query Q($n: Int) { items(first: $n) { children(first: $n) { name } } }"
    assert run(query, {"n": 2}).errors is None
    refused = run(query, {"n": 100})
    assert codes(refused) == [QUERY_TOO_COSTLY]
    assert refused.errors is not None
    assert refused.errors[0].extensions == {
        "code": QUERY_TOO_COSTLY,
        "cost": 10_101,
        "maxCost": MAX_COST,
    }
    assert run(query, {"n": None}).errors is None  # null: the default page size, 10 x 10


def test_variable_defaults_count_when_the_variable_is_not_sent() -> None:
    query = "query Q($n: Int = 100) { items(first: $n) { children(first: $n) { name } } }"
    assert codes(run(query)) == [QUERY_TOO_COSTLY]
    assert run(query, {"n": 3}).errors is None
    assert cost_of(query, {}) == 10_101


def test_unknown_variables_count_as_the_largest_page() -> None:
    query = "query Q($n: Int) { items(first: $n) { name } }"
    assert cost_of(query, None) == 1 + MAX_PAGE
    assert cost_of(query, {}) == 1 + DEFAULT_PAGE
    assert cost_of(query, {"n": 4}) == 1 + 4
    assert cost_of(query, {"n": "4"}) == 1 + MAX_PAGE


def test_the_operation_that_runs_is_the_one_measured() -> None:
    cheap = "query Cheap { items(first: 1) { name } }"
    expensive = "query Expensive { items(first: 100) { children(first: 100) { name } } }"
    both = f"{cheap}\n{expensive}"
    assert schema.execute_sync(both, operation_name="Cheap").errors is None
    refused = schema.execute_sync(both, operation_name="Expensive")
    assert codes(refused) == [QUERY_TOO_COSTLY]
    assert refused.data is None
    assert refused.errors is not None
    assert "'Expensive'" in refused.errors[0].message
    # Without an operation name strawberry runs the first operation.
    assert run(both).errors is None
    assert codes(run(f"{expensive}\n{cheap}")) == [QUERY_TOO_COSTLY]


def test_the_rule_works_with_plain_graphql_core() -> None:
    document = parse("{ items(first: 50) { name } }")
    assert validate(graphql_schema, document, [cost_limit_rule(60, 10, 100)]) == []
    (error,) = validate(graphql_schema, document, [cost_limit_rule(50, 10, 100)])
    assert error.extensions == {"code": QUERY_TOO_COSTLY, "cost": 51, "maxCost": 50}


def test_introspection_stays_within_the_limits() -> None:
    result = run("{ __schema { queryType { name } types { name kind } } }")
    assert result.errors is None


# --- depth, aliases, tokens --------------------------------------------------------------------


def test_a_too_deep_query_is_refused() -> None:
    levels = 7
    query = (
        "{ items(first: 1) { "
        + "children(first: 1) { " * levels
        + "name"
        + " }" * (levels + 1)
        + " }"
    )
    result = run(query)
    assert result.data is None
    assert QUERY_TOO_DEEP in codes(result)
    assert QUERY_TOO_COSTLY not in codes(result)
    assert result.errors is not None
    deep = next(e for e in result.errors if (e.extensions or {}).get("code") == QUERY_TOO_DEEP)
    assert deep.extensions == {"code": QUERY_TOO_DEEP, "depth": 8, "maxDepth": 5}


def test_a_query_at_the_depth_limit_runs() -> None:
    result = run("{ items(first: 1) { children(first: 1) { children(first: 1) { name } } } }")
    assert result.errors is None


def test_too_many_aliases_are_refused() -> None:
    result = run(
        "{ a: items(first: 1) { name } b: items(first: 1) { name }"
        " c: items(first: 1) { name } d: items(first: 1) { name } }"
    )
    assert codes(result) == [TOO_MANY_ALIASES]
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": TOO_MANY_ALIASES, "aliases": 4, "maxAliases": 3}
    assert run("{ a: items(first: 1) { name } b: items(first: 1) { name } }").errors is None


def test_aliases_inside_fragments_count_once_per_spread() -> None:
    query = """
        { items(first: 1) { ...A ...A } }
        fragment A on Item { x: name y: name }
    """
    assert codes(run(query)) == [TOO_MANY_ALIASES]
    assert run("{ items(first: 1) { ...A } } fragment A on Item { x: name y: name }").errors is None


@pytest.mark.timeout(60)
def test_fragments_spreading_each_other_twice_are_measured_in_linear_time() -> None:
    # Each fragment spreads the next twice: 2**40 expansions, in a few hundred tokens.
    links = 40
    fragments = "\n".join(
        f"fragment F{i} on Item {{ ...F{i + 1} ...F{i + 1} }}" for i in range(links)
    )
    query = (
        f"{{ items(first: 1) {{ ...F0 }} }}\n{fragments}\nfragment F{links} on Item {{ a: name }}"
    )
    assert measure_of(query, {}) == Measure(cost=1 + 2**links, depth=1, aliases=2**links)
    few_aliases = strawberry.Schema(
        Query, extensions=limit_extensions(5, 3, 10_000, COST_CEILING, 10, 100)
    )
    assert codes(few_aliases.execute_sync(query)) == [TOO_MANY_ALIASES]
    # The cost check (before validation) walks it in linear time too.
    any_aliases = strawberry.Schema(
        Query, extensions=limit_extensions(5, COST_CEILING, 10_000, 1_000, 10, 100)
    )
    assert codes(any_aliases.execute_sync(query)) == [QUERY_TOO_COSTLY]


DEPTH_CASES = [
    "{ items { name } }",
    "{ items { children { children { children { children { name } } } } } }",
    "{ items { children { children { children { children { children { name } } } } } } }",
    "{ items { ...A } } fragment A on Item { children { ... on Item { children { name } } } }",
    "{ items { ...A } } fragment A on Item { children { children { children { ...B } } } }"
    " fragment B on Item { children { children { name } } }",
    "{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }",
    "query A { items { name } } query B { items { children { children { children { children"
    " { children { children { name } } } } } } } }",
]


@pytest.mark.parametrize("query", DEPTH_CASES)
def test_depth_is_counted_as_strawberrys_depth_limiter_counts_it(query: str) -> None:
    document = parse(query)
    ours = validate(graphql_schema, document, [depth_limit_rule(4)])
    theirs = validate(graphql_schema, document, QueryDepthLimiter(max_depth=4).validation_rules)
    assert len(ours) == (1 if theirs else 0)


def test_the_standard_introspection_query_passes_the_default_limits() -> None:
    defaults = Settings()
    roomy = strawberry.Schema(
        Query,
        extensions=limit_extensions(
            max_depth=defaults.graphql_max_depth,
            max_aliases=defaults.graphql_max_aliases,
            max_tokens=defaults.graphql_max_tokens,
            max_cost=defaults.graphql_max_cost,
            default_page_size=DEFAULT_PAGE,
            max_page_size=defaults.page_size_max,
        ),
    )
    result = roomy.execute_sync(get_introspection_query(descriptions=True))
    assert result.errors is None


def test_too_many_tokens_are_refused_while_parsing() -> None:
    query = "{ " + " ".join(f"f{i}: __typename" for i in range(80)) + " }"
    for _ in range(2):  # a document that does not parse is never cached
        result = run(query)
        assert result.data is None
        assert codes(result) == [QUERY_TOO_LARGE]
        assert result.errors is not None
        assert result.errors[0].extensions == {"code": QUERY_TOO_LARGE, "maxTokens": 200}


def test_limits_carry_codes_on_the_async_path_too() -> None:
    async def both() -> tuple[ExecutionResult, ExecutionResult]:
        large = await schema.execute("{ " + "__typename " * 300 + "}")
        costly = await schema.execute("{ items(first: 100) { children(first: 100) { name } } }")
        return large, costly

    large, costly = asyncio.run(both())
    assert codes(large) == [QUERY_TOO_LARGE]
    assert codes(costly) == [QUERY_TOO_COSTLY]


def test_other_validation_errors_get_no_limit_code() -> None:
    result = run("{ items(first: 1) { nope } }")
    assert result.errors is not None
    (error,) = result.errors
    assert isinstance(error, GraphQLError)
    assert "nope" in error.message
    assert codes(result) == [None]


# --- caches ------------------------------------------------------------------------------------


def test_a_document_cached_as_valid_is_still_refused_with_costlier_variables(
    validations: list[int],
) -> None:
    query = unique("query Q($n: Int) { items(first: $n) { children(first: $n) { name } } }")
    cheap = run(query, {"n": 1})
    assert cheap.errors is None
    assert cheap.data == {"items": [{"children": [{"name": "0.0"}]}]}
    assert len(validations) == 1
    resolved = RESOLVED["items"]

    costly = run(query, {"n": 100})
    assert len(validations) == 1  # the validation cache answered...
    assert costly.data is None  # ...but the cost was measured with n = 100
    assert costly.errors is not None
    (error,) = costly.errors
    assert isinstance(error, GraphQLError)
    assert error.extensions == {"code": QUERY_TOO_COSTLY, "cost": 10_101, "maxCost": MAX_COST}
    assert RESOLVED["items"] == resolved  # nothing was executed

    assert run(query, {"n": 2}).errors is None  # and the refusal was not cached either
    assert len(validations) == 1


def test_costlier_variables_are_refused_on_the_async_path_too(validations: list[int]) -> None:
    query = unique("query Q($n: Int) { items(first: $n) { children(first: $n) { name } } }")

    async def twice() -> tuple[ExecutionResult, ExecutionResult]:
        cheap = await schema.execute(query, variable_values={"n": 1})
        costly = await schema.execute(query, variable_values={"n": 100})
        return cheap, costly

    resolved = RESOLVED["items"]
    cheap, costly = asyncio.run(twice())
    assert cheap.errors is None
    assert costly.data is None
    assert codes(costly) == [QUERY_TOO_COSTLY]
    assert RESOLVED["items"] == resolved + 1
    assert len(validations) == 1


@pytest.mark.parametrize(
    ("query", "code"),
    [
        (
            "{ items(first: 1) { children(first: 1) { children(first: 1) { children(first: 1) {"
            " children(first: 1) { children(first: 1) { name } } } } } } }",
            QUERY_TOO_DEEP,
        ),
        (
            "{ a: items(first: 1) { name } b: items(first: 1) { name }"
            " c: items(first: 1) { name } d: items(first: 1) { name } }",
            TOO_MANY_ALIASES,
        ),
    ],
)
def test_depth_and_alias_refusals_come_back_from_the_cache(
    validations: list[int], query: str, code: str
) -> None:
    query = unique(query)
    resolved = RESOLVED["items"]
    first, second = run(query), run(query)
    assert len(validations) == 1
    for result in (first, second):
        assert result.data is None
        assert codes(result) == [code]
    assert RESOLVED["items"] == resolved


def test_a_repeated_document_is_validated_once(validations: list[int]) -> None:
    query = unique("{ items(first: 2) { name } }")
    results = [run(query) for _ in range(5)]
    assert all(result.errors is None for result in results)
    assert len(validations) == 1


def test_long_documents_are_not_cached(validations: list[int]) -> None:
    query = unique("{ items(first: 2) { name } }" + " " * CACHED_QUERY_MAX_CHARS)
    assert run(query).errors is None
    assert run(query).errors is None
    assert len(validations) == 2
    costly = unique("{ items(first: 100) { children(first: 100) { name } } }")
    assert codes(run(costly + " " * CACHED_QUERY_MAX_CHARS)) == [QUERY_TOO_COSTLY]


def test_the_real_schemas_cache_and_check_the_cost_after_validation(
    validations: list[int],
) -> None:
    settings = Settings(environment="production", secret_key="k" * 32)
    made = [
        extension if isinstance(extension, type) else type(extension())
        for extension in _extensions(settings)
    ]
    assert made.count(BoundedParserCache) == made.count(BoundedValidationCache) == 1
    assert QueryCostLimiter in made
    assert DisableIntrospection in made
    storefront = build_storefront_schema(settings, create_plugin_manager())
    query = unique("{ __typename }")
    assert storefront.execute_sync(query).data == {"__typename": "Query"}
    assert storefront.execute_sync(query).data == {"__typename": "Query"}
    assert len(validations) == 1
