"""Storefront GraphQL: a product page under 32 concurrent clients, against a raw Starlette +
pymongo endpoint returning byte-identical JSON from the same database.

Setup: an embedded SecantusDB server (a child process) holding one shop with `PRODUCTS`
published products of 3 SKUs and 3 images each (exactly the documents a sync stores), and three
servers, each a uvicorn child process on a loopback port:

- **cache on**: the real CloudCat app (`create_app_from_environment`, production settings,
  the storefront rate limits raised out of the way) answering ``POST /storefront/graphql`` with
  the publishable key: `QUERY`, ``products(first: 20)`` with variants and images; the answer
  comes from the storefront answer cache after the first request (the key check, the limiter,
  the site version lookup and the cost charge still run on every request);
- **cache off**: the same app with ``CLOUDCAT_STOREFRONT_CACHE=false``: every request parses
  (cached), validates (cached), executes and reads the page from the database;
- **baseline**: ``GET /products`` on a minimal Starlette app reading the same 21 documents
  with pymongo and rendering exactly the JSON CloudCat answers (checked byte for byte first).

The load: `CLIENTS` keep-alive HTTP/1.1 connections from an asyncio client in this process,
each sending its next request when the last answer arrived, for `seconds` per side per round;
the rounds interleave the three sides (the order rotating each round). A side's sample is
seconds per answered request (the inverse of its throughput). Each process's CPU time per
request is read from /proc around the rounds.

The split of CloudCat's own CPU per request is measured in this process, one request at a time,
on the same database, as the CPU time of this thread (`time.thread_time`: waiting takes none):
the key check (limiter, key lookup through its cache), the answer cache's part on a hit
(document hash, site version read, cache lookup), GraphQL execution (parse, validate, execute
and build the objects; the page is read in a worker thread, so neither the driver nor the
database wait is in it), the driver (pymongo and bson reading the page); HTTP and middleware is
the rest of the server's measured CPU per request.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bson import Decimal128, ObjectId
from pymongo import MongoClient
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bench import catalog_data
from bench.bench_catalog_sync import stored_documents
from bench.harness import Result, RunConfig, Side
from bench.servers import cpu_seconds, serve_in_subprocess
from cloudcat.core import site_version
from cloudcat.core.accounts import ShopFields, create_shop, create_storefront_key, create_user
from cloudcat.core.auth import StorefrontKeyCache, shop_for_storefront_key
from cloudcat.core.services import build_services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import connect, ensure_indexes
from cloudcat.core.storage.embedded import EmbeddedDatabase
from cloudcat.core.web.ratelimit import RateLimiter
from cloudcat.core.web.storefront_cache import DocumentHashes, StorefrontCache, cache_key
from cloudcat.schema.build import build_storefront_schema
from cloudcat.schema.catalog.keyset import SortKey, fetch_page
from cloudcat.schema.context import Context

NAME = "storefront_products"
PRODUCTS = 200
CLIENTS = 32
SIZES = (5, 3)  # rounds, seconds per side per round
QUICK_SIZES = (2, 1)
SPLIT_REQUESTS = 200
DATABASE = "bench_storefront"
SECRET = "bench-storefront-" + "s" * 32

QUERY = (
    "query Products { products(first: 20) { edges { cursor node { id title handle"
    " price { amount currencyCode } imageUrls"
    " variants { id title sku stock price { amount currencyCode } options { name value } } } }"
    " pageInfo { hasNextPage endCursor } } }"
)


# -- the baseline: one pymongo query, the same JSON ------------------------------------------


def _amount(value: Decimal128) -> dict[str, str]:
    return {"amount": str(value.to_decimal())}


def _cursor(object_id: ObjectId) -> str:
    raw = json.dumps(["_id", None, str(object_id)])
    return base64.urlsafe_b64encode(raw.encode()).decode()


def baseline_page(db: Any, shop_id: ObjectId) -> dict[str, Any]:
    """The first 20 published products of the shop, shaped exactly like CloudCat's answer."""
    query = {"shop_id": shop_id, "status": "active", "owned.published": True}
    docs = list(db["products"].find(query).sort("_id", 1).limit(21))
    edges = []
    for doc in docs[:20]:
        currency = doc["currency"]
        edges.append(
            {
                "cursor": _cursor(doc["_id"]),
                "node": {
                    "id": str(doc["_id"]),
                    "title": (doc.get("owned") or {}).get("title") or doc["title"],
                    "handle": doc.get("handle") or str(doc["_id"]),
                    "price": {**_amount(doc["price"]), "currencyCode": currency},
                    "imageUrls": doc.get("image_urls") or [],
                    "variants": [
                        {
                            "id": v["external_id"],
                            "title": v.get("title") or "",
                            "sku": v.get("sku") or "",
                            "stock": v.get("stock"),
                            "price": {**_amount(v["price"]), "currencyCode": currency},
                            "options": [
                                {"name": o["name"], "value": o["value"]}
                                for o in v.get("options") or []
                            ],
                        }
                        for v in doc.get("variants") or []
                    ],
                },
            }
        )
    page_info = {
        "hasNextPage": len(docs) > 20,
        "endCursor": edges[-1]["cursor"] if edges else None,
    }
    return {"data": {"products": {"edges": edges, "pageInfo": page_info}}}


def baseline_app_from_environment() -> Starlette:
    """The baseline server (a uvicorn factory): BENCH_MONGODB_URI, BENCH_SHOP_ID."""
    import os

    client: MongoClient[dict[str, Any]] = MongoClient(os.environ["BENCH_MONGODB_URI"])
    db = client[DATABASE]
    shop_id = ObjectId(os.environ["BENCH_SHOP_ID"])

    def products(_: Request) -> JSONResponse:
        return JSONResponse(baseline_page(db, shop_id))

    return Starlette(routes=[Route("/products", products, methods=["GET"])])


# -- the load ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One side: where to send what."""

    label: str
    url: str
    request: bytes
    pid: int


def _http_request(url: str, method: str, path: str, headers: dict[str, str], body: bytes) -> bytes:
    netloc = urlsplit(url).netloc
    lines = [f"{method} {path} HTTP/1.1", f"Host: {netloc}", "Connection: keep-alive"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def _read_answer(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return status, await reader.readexactly(length)


async def _load(target: Target, clients: int, seconds: float) -> int:
    """Answered requests in `seconds` with `clients` connections (each answer must be 200)."""
    host, port = urlsplit(target.url).netloc.split(":")
    deadline = time.perf_counter() + seconds
    counts = [0] * clients

    async def client(index: int) -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while time.perf_counter() < deadline:
                writer.write(target.request)
                status, body = await _read_answer(reader)
                if status != 200:
                    raise RuntimeError(f"{target.label}: HTTP {status}: {body[:300]!r}")
                counts[index] += 1
        finally:
            writer.close()

    await asyncio.gather(*(client(i) for i in range(clients)))
    return sum(counts)


async def _one(target: Target) -> bytes:
    host, port = urlsplit(target.url).netloc.split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(target.request)
    status, body = await _read_answer(reader)
    writer.close()
    if status != 200:
        raise RuntimeError(f"{target.label}: HTTP {status}: {body[:300]!r}")
    return body


# -- the split -----------------------------------------------------------------------------


def measure_split(uri: str, shop: Any, key: str, requests: int) -> dict[str, float]:
    """Milliseconds of CPU per request of each part CloudCat's own code runs (see the module
    docstring), measured here one request at a time."""
    settings = Settings(
        environment="production", secret_key=SECRET, mongodb_uri=uri, database_name=DATABASE
    )
    db = connect(uri, DATABASE)
    services = build_services(settings, db)
    schema = build_storefront_schema(settings, services.plugins)
    keys = StorefrontKeyCache(60.0)
    limiter = RateLimiter(10**9, 10**9)
    scope = {"type": "http", "method": "POST", "path": "/", "headers": [], "query_string": b""}
    request = Request(scope)
    split: dict[str, float] = {}

    def per_request(call: Any) -> float:
        call()  # warm
        started = time.thread_time()
        for _ in range(requests):
            call()
        return (time.thread_time() - started) / requests * 1000

    split["key check"] = per_request(
        lambda: (limiter.acquire(key), shop_for_storefront_key(key, keys))
    )
    documents = DocumentHashes()
    cache = StorefrontCache(1 << 20)

    def cache_part() -> None:
        state = site_version.current(shop.id)
        document = documents.of(QUERY)
        assert document is not None
        cache.get(cache_key(shop.id, document, None, None, "en", state.version))

    split["answer cache (hit)"] = per_request(cache_part)

    async def execute() -> None:
        result = await schema.execute(
            QUERY, context_value=Context(request=request, services=services, storefront_shop=shop)
        )
        assert not result.errors, result.errors

    split["GraphQL execution (cache off)"] = per_request(lambda: asyncio.run(execute()))
    query = {"shop_id": shop.id, "status": "active", "owned.published": True}
    collection = db["products"]
    split["driver (cache off)"] = per_request(
        lambda: fetch_page(collection, query, SortKey("_id"), 20, None)
    )
    return split


# -- the benchmark -------------------------------------------------------------------------


def _seed(uri: str) -> tuple[Any, str]:
    db = connect(uri, DATABASE)
    ensure_indexes()
    owner = create_user("bench@example.com", "correct horse battery")
    shop = create_shop(owner, "bench-shop", ShopFields(name="Bench shop"))
    documents = stored_documents(catalog_data.records(PRODUCTS, 3), shop.id, "feed")
    db["products"].bulk_write(documents)
    _, key = create_storefront_key(shop, "bench", owner.id)
    return shop, key


def _cloudcat_env(uri: str, cache: bool) -> dict[str, str]:
    return {
        "CLOUDCAT_ENVIRONMENT": "production",
        "CLOUDCAT_SECRET_KEY": SECRET,
        "CLOUDCAT_MONGODB_URI": uri,
        "CLOUDCAT_DATABASE_NAME": DATABASE,
        "CLOUDCAT_STOREFRONT_RATE_LIMIT_PER_MINUTE": str(10**9),
        "CLOUDCAT_STOREFRONT_COST_PER_MINUTE": str(10**12),
        "CLOUDCAT_STOREFRONT_CACHE": "true" if cache else "false",
        "CLOUDCAT_LOG_JSON": "false",
    }


@contextlib.contextmanager
def benchmarks(config: RunConfig) -> Iterator[list[Result]]:
    """Start the database and the three servers, check the answers match, measure."""
    rounds, seconds = config.sizes(SIZES, QUICK_SIZES)
    logging.getLogger("cloudcat").setLevel(logging.WARNING)
    with EmbeddedDatabase(":memory:") as database, contextlib.ExitStack() as stack:
        shop, key = _seed(database.uri)
        body = json.dumps({"query": QUERY}).encode()
        headers = {"Content-Type": "application/json", "X-CloudCat-Storefront-Key": key}
        targets = []
        for label, cache in (("CloudCat, cache on", True), ("CloudCat, cache off", False)):
            url, pid = stack.enter_context(
                serve_in_subprocess(
                    "cloudcat.core.app:create_app_from_environment",
                    _cloudcat_env(database.uri, cache),
                    name=label,
                )
            )
            request = _http_request(url, "POST", "/storefront/graphql", headers, body)
            targets.append(Target(label, url, request, pid))
        url, pid = stack.enter_context(
            serve_in_subprocess(
                "bench.bench_storefront:baseline_app_from_environment",
                {"BENCH_MONGODB_URI": database.uri, "BENCH_SHOP_ID": str(shop.id)},
                name="baseline",
            )
        )
        baseline = Target(
            "raw Starlette + pymongo", url, _http_request(url, "GET", "/products", {}, b""), pid
        )
        yield measure(baseline, targets, database, shop, key, rounds, seconds)


def measure(
    baseline: Target,
    targets: list[Target],
    database: EmbeddedDatabase,
    shop: Any,
    key: str,
    rounds: int,
    seconds: float,
) -> list[Result]:
    """Check the answers, run the interleaved rounds, and return one result per CloudCat side."""
    expected = asyncio.run(_one(baseline))
    for target in targets:
        answer = asyncio.run(_one(target))
        if answer != expected:
            raise RuntimeError(f"{target.label} does not answer the baseline's bytes")
    sides = [baseline, *targets]
    samples: dict[str, list[float]] = {side.label: [] for side in sides}
    cpu: dict[str, list[float]] = {side.label: [] for side in sides}
    db_cpu: dict[str, list[float]] = {side.label: [] for side in sides}
    db_pid = database.process.pid if database.process is not None else None
    for index in range(rounds + 1):  # round 0 warms up and is not kept
        order = sides[index % 3 :] + sides[: index % 3]
        for side in order:
            before, db_before = cpu_seconds(side.pid), cpu_seconds(db_pid) if db_pid else 0.0
            count = asyncio.run(_load(side, CLIENTS, seconds))
            if index == 0:
                continue
            samples[side.label].append(seconds / count)
            cpu[side.label].append((cpu_seconds(side.pid) - before) / count)
            if db_pid:
                db_cpu[side.label].append((cpu_seconds(db_pid) - db_before) / count)
    split = measure_split(database.uri, shop, key, SPLIT_REQUESTS)
    base_side = Side(baseline.label, samples[baseline.label])
    results = []
    for target in targets:
        subject = Side(target.label, samples[target.label])
        result = Result(
            name=f"{NAME} ({'cache on' if 'on' in target.label else 'cache off'})",
            description="products(first: 20) with variants and images, 32 clients",
            unit="request",
            rounds=rounds,
            iterations=1,
            baseline=base_side,
            subject=subject,
            paired_ratios=[s / b for s, b in zip(subject.samples, base_side.samples, strict=True)],
        )
        results.append(result)
    _NOTES.clear()
    _NOTES.extend(_describe(results, cpu, db_cpu, split))
    return results


_NOTES: list[str] = []


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def _describe(
    results: list[Result],
    cpu: dict[str, list[float]],
    db_cpu: dict[str, list[float]],
    split: dict[str, float],
) -> list[str]:
    lines = []
    targets = {"cache on": 0.7, "cache off": 0.25}
    for result in results:
        mode = "cache on" if "cache on" in result.name else "cache off"
        ratio = 1 / result.ratio
        lines.append(
            f"{mode}: {result.subject.per_second:,.0f} requests/s = {ratio:.2f}x the baseline's"
            f" {result.baseline.per_second:,.0f} (target >= {targets[mode]})"
        )
    for label in cpu:
        lines.append(
            f"CPU per request, {label}: server {_median(cpu[label]) * 1000:.2f} ms,"
            f" database {_median(db_cpu[label]) * 1000:.2f} ms"
        )
    off = _median(cpu["CloudCat, cache off"]) * 1000
    on = _median(cpu["CloudCat, cache on"]) * 1000
    parts = ", ".join(f"{name} {ms:.2f} ms" for name, ms in split.items())
    lines.append(f"CloudCat's own CPU per request, measured one at a time: {parts}")
    execution = split["GraphQL execution (cache off)"]
    key_check = split["key check"]
    hit = split["answer cache (hit)"]
    driver = split["driver (cache off)"]
    lines.append(
        f"split, cache off ({off:.2f} ms): GraphQL execution {execution:.2f} ms, driver"
        f" {driver:.2f} ms, key check {key_check:.2f} ms, HTTP and middleware"
        f" {max(0.0, off - execution - driver - key_check):.2f} ms"
    )
    lines.append(
        f"split, cache on ({on:.2f} ms): answer cache {hit:.2f} ms, key check"
        f" {key_check:.2f} ms, HTTP and middleware {max(0.0, on - hit - key_check):.2f} ms"
    )
    return lines


def describe(results: Sequence[Result]) -> list[str]:
    """The ratios as throughput (the issue's targets), CPU per request and the time split."""
    return list(_NOTES)
