"""The SSRF guard of outgoing requests, with the allow-list EMPTY (as in production).

Real loopback listeners show that a refused request never even opened a connection, whatever
the URL's spelling, through a name, a custom resolver or a redirect.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from starlette.testclient import TestClient

from cloudcat.core.app import create_app
from cloudcat.core.http import (
    BlockedAddress,
    configure_outgoing_http,
    describe_request_error,
    http_session,
)
from cloudcat.core.netguard import is_public_address
from cloudcat.core.services import build_services
from cloudcat.core.settings import Settings, SettingsError
from cloudcat.core.storage.database import RawDatabase
from tests.conftest import TEST_SECRET_KEY
from tests.fakes.feed import FeedServer
from tests.fakes.server import FakeRequest, FakeResponse, LoopbackServer
from tests.fakes.sockets import Listener
from tests.graphql_client import GraphQLClient

REFUSED = "resolves to a private or loopback address, which CloudCat does not fetch"


@pytest.fixture(autouse=True)
def nothing_private_allowed() -> None:
    """Production's policy: no allow-list (the conftest default allows the loopback fakes)."""
    configure_outgoing_http()


@pytest.fixture
def listener() -> Iterator[Listener]:
    with Listener() as listening:
        yield listening


def fetch(url: str) -> requests.Response:
    """GET `url` through a plugin session, without retries and with short timeouts."""
    with http_session(timeout=(2.0, 2.0), retries=0) as session:
        return session.get(url)


LOOPBACK_SPELLINGS = [
    "127.0.0.1",
    "2130706433",  # decimal
    "0177.0.0.1",  # octal
    "0x7f.1",  # hex, short
    "0x7f000001",
    "127.1",  # short
    "localhost",  # a name resolving to loopback
    "0.0.0.0",  # "this host": Linux connects it to the loopback listener
    "0",
    "[::ffff:127.0.0.1]",  # IPv4-mapped IPv6
    "[::ffff:7f00:1]",
]


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_every_spelling_of_loopback_is_refused_before_connecting(
    host: str, listener: Listener
) -> None:
    url = f"http://{host}:{listener.port}/metrics?token=s3cret"
    with pytest.raises(BlockedAddress) as caught:
        fetch(url)
    assert not listener.reached()
    message = describe_request_error(caught.value, url)
    assert message == f"http://{host.strip('[]')}:{listener.port}/metrics?… {REFUSED}"
    assert "s3cret" not in message


@pytest.mark.parametrize("host", ["127.0.0.1.", "localhost.", "[::1]."])
def test_trailing_dots_do_not_get_through(host: str, listener: Listener) -> None:
    """Refused by the guard where the resolver knows the name, unresolvable elsewhere."""
    with pytest.raises(requests.RequestException):
        fetch(f"http://{host}:{listener.port}/")
    assert not listener.reached()


def test_the_listener_does_see_an_allowed_connection(listener: Listener) -> None:
    """The control of the test above: the same request, allowed, reaches the listener."""
    configure_outgoing_http(allow_private_networks=["127.0.0.1/32"])
    with (
        http_session(timeout=(2.0, 0.2), retries=0) as session,
        pytest.raises(requests.RequestException),  # nobody answers
    ):
        session.get(f"http://127.0.0.1:{listener.port}/")
    assert listener.reached()


def test_ipv6_loopback_is_refused() -> None:
    try:
        listening = Listener("::1", socket.AF_INET6)
    except OSError:
        pytest.skip("no IPv6 loopback here")
    with listening:
        with pytest.raises(BlockedAddress):
            fetch(f"http://[::1]:{listening.port}/")
        assert not listening.reached()


@pytest.mark.parametrize(
    "host",
    [
        "169.254.169.254",  # cloud metadata
        "2852039166",  # the same, decimal
        "0251.0376.0251.0376",  # the same, octal
        "10.0.0.1",
        "172.16.0.1",
        "192.168.1.1",
        "100.64.0.1",  # CGNAT
        "224.0.0.1",  # multicast
        "240.0.0.1",  # reserved
        "255.255.255.255",
        "[fe80::1]",  # link-local
        "[fc00::1]",  # unique local
        "[ff02::1]",  # multicast
        "[::]",
        "[::ffff:169.254.169.254]",
        "[::127.0.0.1]",  # IPv4-compatible
        "[64:ff9b::a9fe:a9fe]",  # NAT64 of 169.254.169.254
        "[2002:a9fe:a9fe::1]",  # 6to4 of 169.254.169.254
    ],
)
def test_internal_addresses_are_refused_without_trying(host: str) -> None:
    started = time.monotonic()
    with pytest.raises(BlockedAddress):
        fetch(f"http://{host}:8080/latest/meta-data/")
    assert time.monotonic() - started < 1.0  # no connection attempt waited for a timeout


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("64:ff9b::808:808", True),  # NAT64 of a public address
        ("2002:808:808::1", True),  # 6to4 of a public address
        ("::ffff:8.8.8.8", True),
        ("127.0.0.1", False),
        ("0.0.0.0", False),
        ("100.100.100.200", False),
        ("169.254.0.1", False),
        ("192.0.2.1", False),  # documentation
        ("198.18.0.1", False),  # benchmarking
        ("239.255.255.250", False),
        ("::1", False),
        ("fe80::1", False),
        ("fec0::1", False),  # site-local
        ("ff0e::1", False),  # global-scope multicast is still multicast
        ("64:ff9b:1::a00:1", False),  # local-use NAT64
        ("2001::1", False),  # Teredo
        ("2001:db8::1", False),
    ],
)
def test_which_addresses_are_public(address: str, public: bool) -> None:
    assert is_public_address(ip_address(address)) is public


def test_a_name_resolving_to_loopback_is_refused(
    listener: Listener, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A seller's own DNS name pointing at 127.0.0.1 (or rebinding to it): the address the
    resolver gives at connection time is the one checked, and the only one connected to."""
    real = socket.getaddrinfo

    def resolver(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "shop.rebinding.example":
            return real("127.0.0.1", port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with pytest.raises(BlockedAddress, match=r"shop\.rebinding\.example resolves to 127\.0\.0\.1"):
        fetch(f"https://shop.rebinding.example:{listener.port}/feed.json")
    assert not listener.reached()


class Redirector(LoopbackServer):
    """Answers every request with a 302 to `target`."""

    target = ""

    def handle(self, request: FakeRequest) -> FakeResponse:
        return FakeResponse(302, b"", {"Location": self.target})


@pytest.mark.parametrize("spelling", ["127.0.0.2", "2130706434", "[::ffff:127.0.0.2]"])
def test_a_redirect_to_a_forbidden_address_is_refused(spelling: str) -> None:
    configure_outgoing_http(allow_private_networks=["127.0.0.1/32"])  # the redirector only
    with Listener("127.0.0.2") as forbidden, Redirector() as redirector:
        port = forbidden.port
        redirector.target = f"http://{spelling}:{port}/secret"
        with pytest.raises(BlockedAddress) as caught:
            fetch(redirector.url("/feed.json"))
        assert len(redirector.requests) == 1
        assert not forbidden.reached()
    assert describe_request_error(caught.value, redirector.url("/feed.json")) == (
        f"{redirector.url('/feed.json')} redirects to http://{spelling.strip('[]')}:{port}/secret, "
        f"which {REFUSED}"
    )


def test_the_allow_list_is_refused_in_production_and_checked() -> None:
    with pytest.raises(SettingsError, match="must be empty in production"):
        Settings(
            environment="production",
            secret_key=TEST_SECRET_KEY,
            http_allow_private_networks=["127.0.0.0/8"],
        )
    with pytest.raises(SettingsError, match="CLOUDCAT_HTTP_ALLOW_PRIVATE_NETWORKS"):
        Settings(environment="test", http_allow_private_networks=["localhost/8"])
    assert (
        Settings(environment="production", secret_key=TEST_SECRET_KEY).http_allow_private_networks
        == []
    )


def test_the_allow_list_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDCAT_HTTP_ALLOW_PRIVATE_NETWORKS", '["127.0.0.0/8", "::1"]')
    assert Settings(environment="test").http_allow_private_networks == ["127.0.0.0/8", "::1"]


def test_check_plugin_on_a_loopback_feed_reads_nothing_back(
    settings: Settings, db: RawDatabase
) -> None:
    """The probe's attack end to end: a feed URL on CloudCat's own machine, checked through the
    admin API of an app built with production's (empty) allow-list."""
    production_like = settings.model_copy(update={"http_allow_private_networks": []})
    app = create_app(production_like, build_services(production_like, db))
    with FeedServer() as internal, TestClient(app) as http:
        url = internal.serve("/metrics", "cloudcat_secret_metric 42\n", "text/plain")
        client = GraphQLClient(http)
        client.sign_up("owner@example.com")
        shop_id = client.create_shop("tea")
        client.data(
            'mutation($s: ID!, $c: JSON!) { configurePlugin(shopId: $s, name: "feed", '
            "config: $c) { name } }",
            {"s": shop_id, "c": {"url": url}},
        )
        client.data(
            'mutation($s: ID!) { setPluginEnabled(shopId: $s, name: "feed", enabled: true) '
            "{ name } }",
            {"s": shop_id},
        )
        checked = client.data(
            'mutation($s: ID!) { checkPlugin(shopId: $s, name: "feed") { health lastError } }',
            {"s": shop_id},
        )["checkPlugin"]
        assert internal.requests == []
    assert checked["lastError"] == f"{url} {REFUSED}"
    assert "cloudcat_secret_metric" not in str(checked)


def self_signed(directory: Path, name: str) -> tuple[Path, Path]:
    """A certificate for host `name` (and its key), signed by itself."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "5")
        self.end_headers()
        self.wfile.write(b"hello")

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


def test_tls_still_checks_the_host_name_and_sends_sni(tmp_path: Path) -> None:
    """The guarded connection opens the socket itself; TLS on top is urllib3's, unchanged."""
    configure_outgoing_http(allow_private_networks=["127.0.0.1/32"])
    cert, key = self_signed(tmp_path, "localhost")
    names: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        with http_session(timeout=(2.0, 2.0), retries=0) as session:
            assert session.get(f"https://localhost:{port}/", verify=str(cert)).text == "hello"
            assert names == ["localhost"]
            with pytest.raises(requests.exceptions.SSLError):
                session.get(f"https://127.0.0.1:{port}/", verify=str(cert))  # not its name
    finally:
        server.shutdown()
        server.server_close()
