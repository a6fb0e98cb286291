"""Custom domains: a shop's site on its own host name only once the domain is verified."""

from __future__ import annotations

import pytest

from cloudcat.core.documents import Shop
from cloudcat.core.errors import BadInput
from cloudcat.core.site.domains import VERIFICATION_PATH, add_domain, verify_domain
from cloudcat.core.tenancy import ShopPlugins
from cloudcat.core.testing.client import GraphQLClient
from tests.conftest import make_shop
from tests.fakes.feed import FeedServer
from tests.site_shop import Page, site_shop

HOST = "shop.tea-house.example"


def test_a_domain_serves_the_site_only_once_verified(
    client: GraphQLClient, shop: Shop, shop_plugins: ShopPlugins, feed_server: FeedServer
) -> None:
    site_shop(shop_plugins, shop, feed_server, count=2)
    domain = add_domain(shop, f"https://{HOST.upper()}/")
    assert domain.host == HOST and domain.verified_at is None
    on_domain = {"host": HOST}

    # Listed but unverified: the site is not served there; the token is.
    assert client.http.get("/", headers=on_domain).status_code == 404
    token = client.http.get(VERIFICATION_PATH, headers=on_domain)
    assert token.status_code == 200 and token.text == domain.token

    # A host answering something else does not verify it.
    via = feed_server.url("/").split("//")[1].rstrip("/")
    feed_server.serve(VERIFICATION_PATH, "wrong-token", "text/plain")
    assert verify_domain(shop, HOST, via=via) is False
    assert client.http.get("/", headers=on_domain).status_code == 404

    feed_server.serve(VERIFICATION_PATH, domain.token + "\n", "text/plain")
    assert verify_domain(shop, HOST, via=via)
    home = client.http.get("/", headers=on_domain)
    assert home.status_code == 200
    page = Page(home.text)
    assert page.all("link", rel="canonical")[0]["href"] == f"https://{HOST}/"
    product_links = [a["href"] for a in page.all("a") if a["href"].startswith("/products/")]
    assert product_links
    product = client.http.get(product_links[0], headers=on_domain)
    assert product.status_code == 200 and Page(product.text).all("input", name="sku")
    # The collector keeps its meaning on the domain; other shops' sites are not reachable.
    assert client.http.post("/collect", json={}, headers=on_domain).status_code in (400, 401, 415)
    assert client.http.get("/s/other/", headers=on_domain).status_code == 404
    # The public host is unchanged.
    assert client.http.get("/s/tea-house/").status_code == 200


def test_bad_and_taken_domains_are_refused(shop: Shop) -> None:
    for bad in ("localhost", "no spaces.example", "a..example", "-x.example"):
        with pytest.raises(BadInput) as caught:
            add_domain(shop, bad)
        assert [f.path for f in caught.value.fields] == [["host"]]
    add_domain(shop, HOST)
    other = make_shop("coffee-house")
    with pytest.raises(BadInput, match="another shop"):
        add_domain(other, HOST)
    with pytest.raises(BadInput, match="add the domain first"):
        verify_domain(other, HOST)
