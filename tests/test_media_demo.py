"""The demo shop's pictures: drawn at the first run, stored through the media pipeline, named by
the feed the development server serves, synced onto the products and served from /media."""

from __future__ import annotations

import json

from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.catalog.sync import run_source_sync
from cloudcat.core.demo import DEMO_SLUG, demo_feed, seed_demo
from cloudcat.core.demo.images import LOOKS, initials
from cloudcat.core.demo.make_catalog import TEMPLATES
from cloudcat.core.documents import Shop
from cloudcat.core.media import MediaAsset, image_set
from cloudcat.core.services import Services
from cloudcat.core.settings import Settings
from cloudcat.core.storage.database import RawDatabase
from tests.fakes.feed import FeedServer
from tests.graphql_client import GraphQLClient


def test_initials() -> None:
    assert initials("Longjing tea") == "LT"
    assert initials("Ru-ware vase") == "RW"
    assert initials("Pu'er tea cake") == "PT"


def test_the_demo_pictures_are_drawn_once_and_synced_onto_the_products(
    services: Services, settings: Settings, db: RawDatabase, client: GraphQLClient
) -> None:
    seed_demo(services, "http://127.0.0.1:9/demo-catalog.json")
    shop = Shop.objects.get(slug=DEMO_SLUG)
    cards = list(MediaAsset.objects(shop_id=shop.id))
    assert len(cards) == len(TEMPLATES) * LOOKS
    assert {c.content_type for c in cards} == {"image/jpeg"}
    assert all(c.alt and c.width == c.height == 800 for c in cards)
    assert len({c.sha256 for c in cards}) == len(cards)  # every card is a different picture
    seed_demo(services, "http://127.0.0.1:9/demo-catalog.json")  # a restart draws nothing new
    assert sorted(a.id for a in MediaAsset.objects(shop_id=shop.id)) == sorted(c.id for c in cards)

    feed = demo_feed(settings.public_url)
    assert b"picsum" not in feed
    rows = json.loads(feed)["products"]
    prefix = f"http://testserver/media/{shop.id}/"
    assert all(len(r["image"]) == 2 and all(u.startswith(prefix) for u in r["image"]) for r in rows)

    with FeedServer() as server:
        url = server.serve("/demo.json", feed, "application/json")
        services.shop_plugins.configure(shop.id, "feed", {"url": url, "format": "json"})
        report = run_source_sync(services.shop_plugins, shop, "feed")
    assert report.failed == 0 and report.warnings == []
    products = list(db.products.find({"shop_id": shop.id}))
    assert len(products) == len(rows)
    pictures = {u for p in products for u in p["image_urls"]}
    assert pictures and all(u.startswith(prefix) for u in pictures)
    for picture in sorted(pictures)[:5]:
        response = client.http.get(picture.removeprefix("http://testserver"))
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/jpeg"
        found = image_set(shop.id, picture)
        assert found is not None and found.webp_srcset.count("w,") >= 1


def test_the_development_server_serves_the_feed_with_the_pictures(
    services: Services, settings: Settings, db: RawDatabase
) -> None:
    before = json.loads(demo_feed(settings.public_url))
    assert all(row["image"] == [] for row in before["products"])  # no demo shop yet
    seed_demo(services, "http://127.0.0.1:9/demo-catalog.json")
    development = settings.model_copy(update={"environment": "development"})
    with TestClient(create_app(development, services)) as http:
        response = http.get("/_dev/demo-catalog.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    served = response.json()
    assert served == json.loads(demo_feed(settings.public_url))
    assert all(len(row["image"]) == 2 for row in served["products"])
