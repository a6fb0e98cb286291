"""Searching a shop's published products: matching, ranking, filters, facets, did-you-mean.

A query is split into units by the analyzer (`query_units`). Each unit is looked up as an exact
term; a Chinese word also matches through all of its bigrams (when the product's title was
segmented differently); consecutive Latin words also match joined (``long jing`` is
``longjing``); the last Latin word, while the shopper is still typing (no trailing space), also
matches as the prefix of a word of the shop's vocabulary; a Latin word found nowhere matches the
vocabulary's words within a small edit distance, and those corrections make the suggestion
("did you mean").

Score: for each unit, the best of its matches, each the product's term weight (title over
description, word over pinyin over bigram, see the analyzer) times the match's factor (exact
over prefix over typo) times the term's BM25 idf; the units' scores add up. Products covering
every unit are the answer (only when none covers all of them, those covering the most units),
ranked by how many units they match exactly (not by prefix or typo), then by score; ties keep
the catalog's order (product ids).

Every read is one of a few flat, indexed lookups (`cloudcat.core.search.index`); nothing here
writes.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bson import ObjectId

from cloudcat.core.catalog.queries import MAX_SEARCH_LENGTH
from cloudcat.core.errors import BadInput, FieldError
from cloudcat.core.search.analyzer import Unit, joined_spans, normalize, query_units
from cloudcat.core.search.index import FACETS, STATE, TERMS, WORDS, parse_facet_item, search_db

EXACT = 1.0
PREFIX = 0.6
TYPO = 0.4
MIN_PREFIX = 2
"""Characters typed before a Latin word is completed from the vocabulary."""
PREFIX_TERMS = 12
"""Completions of a prefix looked up (the shortest first)."""
MIN_TYPO = 4
"""A Latin word shorter than this is never corrected."""
TYPO_TERMS = 3
MAX_SUGGEST = 20
FACTS_CACHED = 32
"""Shops whose facet facts a process keeps in memory."""
PRICE_EDGES = tuple(
    Decimal(edge) for edge in ("0", "50", "100", "200", "500", "1000", "2000", "5000")
)
"""Where the price ranges of the facets start (the last one has no upper bound)."""


@dataclass(frozen=True)
class Facets:
    """Counts over the matching products: per category (external id) and per price range
    (`max` None: no upper bound). Each is counted with the other filters applied."""

    categories: list[tuple[str, int]] = field(default_factory=list)
    price_ranges: list[tuple[Decimal, Decimal | None, int]] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResult:
    """One page of results: `product_ids` in rank order, `total` matches, facets, and a
    corrected query (`suggestion`) when words were not found as typed."""

    product_ids: list[str]
    total: int
    facets: Facets
    suggestion: str | None = None


EMPTY = SearchResult([], 0, Facets())


@dataclass(frozen=True)
class Form:
    """One way of matching: every term in `terms` (one, or a Chinese word's bigrams) found
    in a product covers the units `covers`, at `factor`."""

    terms: tuple[str, ...]
    covers: frozenset[int]
    factor: float
    exact: bool = True


def checked_query(text: str, name: str = "query") -> str:
    """`text` stripped; `BadInput` (field `name`) when empty or longer than the limit."""
    stripped = text.strip()
    if not stripped:
        raise BadInput(
            "type something to search for",
            [FieldError([name], "must not be empty", "string_too_short", {"min_length": 1})],
        )
    if len(stripped) > MAX_SEARCH_LENGTH:
        message = f"at most {MAX_SEARCH_LENGTH} characters"
        raise BadInput(
            "the search is too long",
            [FieldError([name], message, "string_too_long", {"max_length": MAX_SEARCH_LENGTH})],
        )
    return stripped


@dataclass(frozen=True)
class Indexed:
    """Where a shop's current index is: its lookup `key` (shop, generation), how many
    products it holds and the version of its facets."""

    key: dict[str, Any]
    count: int
    facet_version: int


def _indexed(shop_id: ObjectId) -> Indexed | None:
    state = search_db()[STATE].find_one({"_id": shop_id}, {"g": 1, "count": 1, "fv": 1})
    if state is None or "g" not in state:
        return None
    key = {"shop_id": shop_id, "g": state["g"]}
    return Indexed(key, int(state.get("count") or 0), int(state.get("fv") or 0))


def _words_from(key: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    """The vocabulary words starting with `prefix` (a range on the word index)."""
    query = {**key, "w": {"$gte": prefix, "$lt": prefix + "\U0010ffff"}}
    return list(search_db()[WORDS].find(query, {"w": 1, "d": 1, "_id": 0}))


def _exact_forms(units: list[Unit], text: str) -> list[Form]:
    forms: list[Form] = []
    everything = frozenset(range(len(units)))
    for i, unit in enumerate(units):
        forms.append(Form((unit.text,), frozenset({i}), EXACT))
        if not unit.latin and len(unit.text) >= 2:
            forms.append(Form(tuple(unit.grams), frozenset({i}), EXACT * 0.5))
    for start, end, joined in joined_spans(units):
        forms.append(Form((joined,), frozenset(range(start, end)), EXACT))
    whole = normalize(text).strip()
    if len(units) > 1 and not any(ch.isspace() for ch in whole):
        forms.append(Form((whole,), everything, EXACT))  # an id or SKU such as sku-b0001
    return forms


def _prefix_forms(key: dict[str, Any], units: list[Unit], typing: bool) -> list[Form]:
    if not typing or not units or not units[-1].latin:
        return []
    last = len(units) - 1
    candidates = [(last, last + 1, units[-1].text)]
    candidates += [span for span in joined_spans(units) if span[1] == len(units)]
    forms = []
    for start, end, prefix in candidates:
        if len(prefix) < MIN_PREFIX:
            continue
        words = sorted((w["w"] for w in _words_from(key, prefix)), key=lambda w: (len(w), w))
        covers = frozenset(range(start, end))
        forms += [
            Form((w,), covers, PREFIX, exact=False) for w in words[:PREFIX_TERMS] if w != prefix
        ]
    return forms


def _corrections(key: dict[str, Any], word: str) -> list[tuple[str, float]]:
    """Vocabulary words within a small edit distance of `word` (same first letter), each with
    its factor; the closest first."""
    from rapidfuzz.distance import Levenshtein  # loaded when a typo is first looked for

    allowed = 1 if len(word) < 8 else 2
    found = []
    for doc in search_db()[WORDS].find({**key, "f": word[0]}, {"w": 1, "_id": 0}):
        distance = Levenshtein.distance(word, doc["w"], score_cutoff=allowed)
        if 0 < distance <= allowed:
            found.append((distance, doc["w"]))
    found.sort()
    return [(w, TYPO * (1 - d / (len(word) + 1))) for d, w in found[:TYPO_TERMS]]


def _postings(key: dict[str, Any], terms: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = list(dict.fromkeys(terms))
    if not wanted:
        return {}
    query = {**key, "t": {"$in": wanted}}
    return {doc["t"]: doc for doc in search_db()[TERMS].find(query, {"t": 1, "n": 1, "p": 1})}


def _idf(n: int, total: int) -> float:
    return max(0.1, math.log(1 + (total - n + 0.5) / (n + 0.5)))


@dataclass
class Match:
    """How one product matches: per unit covered, (matched exactly, the best score) — an
    exact match of a unit beats any prefix or typo match of it."""

    units: dict[int, tuple[bool, float]] = field(default_factory=dict)

    def rank(self) -> tuple[int, int, float]:
        """Most units covered, then most matched exactly, then the highest score."""
        exact = sum(1 for is_exact, _ in self.units.values() if is_exact)
        return len(self.units), exact, sum(score for _, score in self.units.values())


def _scores(forms: list[Form], found: dict[str, dict[str, Any]], total: int) -> dict[str, Match]:
    """How each product matches `forms`."""
    best: dict[str, Match] = defaultdict(Match)
    for form in forms:
        docs = [found.get(term) for term in form.terms]
        if any(doc is None for doc in docs):
            continue
        postings = [doc["p"] for doc in docs if doc is not None]
        idf = sum(_idf(len(p), total) for p in postings) / len(postings)
        shared = set(postings[0]).intersection(*postings[1:]) if len(postings) > 1 else postings[0]
        for pid in shared:
            weight = sum(p[pid] for p in postings) / len(postings)
            found_here = (form.exact, weight * form.factor * idf)
            match = best[pid]
            for unit in form.covers:
                if found_here > match.units.get(unit, (False, 0.0)):
                    match.units[unit] = found_here
    return best


Facts = dict[str, tuple[Decimal | None, list[str]]]
"""Per indexed product id: its price and category ids."""

_facts_cache: OrderedDict[tuple[ObjectId, int, int], Facts] = OrderedDict()
_facts_lock = threading.Lock()


def _facets(indexed: Indexed) -> Facts:
    """The facts of every product of the index, kept in memory per (shop, g, facet version)
    for the last `FACTS_CACHED` shops (reading them is most of a query's database time)."""
    version = (indexed.key["shop_id"], indexed.key["g"], indexed.facet_version)
    with _facts_lock:
        if version in _facts_cache:
            _facts_cache.move_to_end(version)
            return _facts_cache[version]
    facts: Facts = {}
    for doc in search_db()[FACETS].find(indexed.key, {"items": 1}):
        for pid, item in (doc.get("items") or {}).items():
            facts[pid] = parse_facet_item(item)
    with _facts_lock:
        _facts_cache[version] = facts
        while len(_facts_cache) > FACTS_CACHED:
            _facts_cache.popitem(last=False)
    return facts


def _price_range(price: Decimal) -> int:
    index = 0
    for i, edge in enumerate(PRICE_EDGES):
        if price >= edge:
            index = i
    return index


def _price_ranges(prices: Iterable[Decimal | None]) -> list[tuple[Decimal, Decimal | None, int]]:
    counts: dict[int, int] = defaultdict(int)
    for price in prices:
        if price is not None:
            counts[_price_range(price)] += 1
    ranges = []
    for index in sorted(counts):
        upper = PRICE_EDGES[index + 1] if index + 1 < len(PRICE_EDGES) else None
        ranges.append((PRICE_EDGES[index], upper, counts[index]))
    return ranges


def _in_price(price: Decimal | None, low: Decimal | None, high: Decimal | None) -> bool:
    if low is None and high is None:
        return True
    if price is None:
        return False
    return (low is None or price >= low) and (high is None or price <= high)


def search_products(
    shop_id: ObjectId,
    text: str,
    *,
    category_id: str | None = None,
    price_min: Decimal | None = None,
    price_max: Decimal | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResult:
    """Search the published products of shop `shop_id` for `text` (see the module); filter by
    category (external id) and price (the product's lowest, both bounds inclusive).

    Raises `BadInput` for an empty or too long `text`.
    """
    query = checked_query(text)
    indexed = _indexed(shop_id)
    units = query_units(query)
    if indexed is None or not units:
        return EMPTY
    key, total_products = indexed.key, indexed.count
    typing = not text[-1:].isspace()
    forms = _exact_forms(units, query) + _prefix_forms(key, units, typing)
    found = _postings(key, (term for form in forms for term in form.terms))
    corrections: dict[int, str] = {}
    typo_forms: list[Form] = []
    for i, unit in enumerate(units):
        if not unit.latin or len(unit.text) < MIN_TYPO:
            continue
        if any(i in form.covers and all(t in found for t in form.terms) for form in forms):
            continue
        options = _corrections(key, unit.text)
        if options:
            corrections[i] = options[0][0]
            typo_forms += [Form((w,), frozenset({i}), factor, exact=False) for w, factor in options]
    if typo_forms:
        found.update(_postings(key, (form.terms[0] for form in typo_forms)))
        forms += typo_forms
    best = _scores(forms, found, max(total_products, 1))
    suggestion = _suggestion(units, corrections)
    if not best:
        return SearchResult([], 0, Facets(), suggestion)
    covered = max(len(match.units) for match in best.values())
    facts = _facets(indexed)
    matched = {
        pid: match.rank()
        for pid, match in best.items()
        if len(match.units) == covered and pid in facts
    }

    def in_category(pid: str) -> bool:
        return category_id is None or category_id in facts[pid][1]

    def in_price(pid: str) -> bool:
        return _in_price(facts[pid][0], price_min, price_max)

    chosen = [pid for pid in matched if in_category(pid) and in_price(pid)]
    categories: dict[str, int] = defaultdict(int)
    for pid in matched:
        if in_price(pid):
            for category in dict.fromkeys(facts[pid][1]):
                categories[category] += 1
    facets = Facets(
        categories=sorted(categories.items(), key=lambda item: (-item[1], item[0])),
        price_ranges=_price_ranges(facts[pid][0] for pid in matched if in_category(pid)),
    )
    chosen.sort(key=lambda pid: (tuple(-x for x in matched[pid]), pid))
    page = chosen[offset : offset + limit] if limit > 0 else []
    return SearchResult(page, len(chosen), facets, suggestion)


def _suggestion(units: list[Unit], corrections: dict[int, str]) -> str | None:
    if not corrections:
        return None
    return " ".join(corrections.get(i, unit.text) for i, unit in enumerate(units))


def suggest(shop_id: ObjectId, prefix: str, limit: int = 8) -> list[str]:
    """Up to `limit` words of shop `shop_id`'s products that complete `prefix` (a Latin or
    Chinese beginning, or pinyin, which completes to the Chinese word), shortest first.

    Raises `BadInput` (field ``prefix``) for an empty or too long prefix.
    """
    typed = normalize(checked_query(prefix, "prefix"))
    indexed = _indexed(shop_id)
    if indexed is None:
        return []
    words = sorted(_words_from(indexed.key, typed), key=lambda w: (len(w["w"]), w["w"]))
    shown: list[str] = []
    for word in words:
        display = word.get("d") or word["w"]
        if display not in shown:
            shown.append(display)
        if len(shown) >= min(limit, MAX_SUGGEST):
            break
    return shown


__all__ = ["Facets", "SearchResult", "checked_query", "search_products", "suggest"]
