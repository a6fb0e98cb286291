"""Which network addresses outgoing requests may connect to (the SSRF guard).

A seller types URLs (a feed, a shop's domain, a webhook endpoint) that CloudCat then fetches,
and the answer often comes back to the seller. So no request may reach the machine CloudCat
runs on or the networks behind it: loopback, private, link-local (cloud metadata services at
169.254.169.254), shared CGNAT space, multicast, reserved and unspecified addresses are refused,
and so are IPv6 addresses that embed such an IPv4 address (IPv4-mapped ``::ffff:127.0.0.1``,
IPv4-compatible, NAT64 and 6to4).

The check is made on the address a connection is actually opened to, after name resolution:
`GuardedHTTPConnection` resolves the host itself, checks every address and connects only to an
address it checked. Whatever spelling the URL used (``2130706433``, ``0177.0.0.1``,
``0x7f.1``, ``127.1``, ``[::1]``, a trailing dot, a name resolving to 127.0.0.1), the resolver
turns it into the address that is checked, and a name that resolves differently a moment later
(DNS rebinding) cannot slip through between a check and a connect. Redirects open connections
the same way, so every hop is checked.

`configure_network_policy()` sets the process's allow-list of networks that may be reached
anyway (the tests' loopback fakes); `build_services` sets it from
`CLOUDCAT_HTTP_ALLOW_PRIVATE_NETWORKS`, which production refuses. The default allows nothing.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network
from typing import Any, cast

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import allowed_gai_family

from cloudcat.core.http_limits import bound_timeout, watch_connection

IPAddress = IPv4Address | IPv6Address
IPNetwork = IPv4Network | IPv6Network

_IPV4_COMPATIBLE = IPv6Network("::/96")
"""Deprecated IPv4-compatible IPv6 addresses (``::127.0.0.1``), with ``::`` and ``::1``."""
_NAT64 = IPv6Network("64:ff9b::/96")
"""The well-known NAT64 prefix: the last 32 bits are the IPv4 address reached."""
_LOCAL_NAT64 = IPv6Network("64:ff9b:1::/48")
"""Local-use NAT64 (RFC 8215): translates into the operator's own networks."""


class AddressRefused(Exception):
    """A connection was refused by the guard.

    Deliberately not an `OSError`: urllib3 would take it for a network failure and retry it.
    `cloudcat.core.http` turns it into `BlockedAddress` for the caller.
    """

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} resolves to {address}, which outgoing requests may not reach")
        self.host = host
        self.address = address


def is_public_address(address: IPAddress) -> bool:
    """Whether `address` is a public unicast address (or an IPv6 one embedding only such)."""
    if isinstance(address, IPv6Address):
        if address in _IPV4_COMPATIBLE or address in _LOCAL_NAT64:
            return False
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public_address(embedded)
        if address.is_site_local:
            return False
    return address.is_global and not (address.is_multicast or address.is_reserved)


def _embedded_ipv4(address: IPv6Address) -> IPv4Address | None:
    """The IPv4 address an IPv6 address stands for: IPv4-mapped, NAT64 or 6to4."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


@dataclass(frozen=True)
class NetworkPolicy:
    """Outgoing connections may reach public addresses, and those in `allowed`."""

    allowed: tuple[IPNetwork, ...] = ()

    @classmethod
    def allowing(cls, networks: Iterable[str]) -> NetworkPolicy:
        """A policy allowing `networks` (CIDRs or single addresses) besides public ones.

        Raises `ValueError` for an entry that is not a network or address.
        """
        return cls(tuple(ip_network(entry.strip(), strict=False) for entry in networks))

    def permits(self, address: str) -> bool:
        """Whether a connection to `address` (as `getaddrinfo` gives it) may be opened."""
        ip = ip_address(address.split("%", 1)[0])  # an IPv6 scope (fe80::1%eth0) is not part
        return is_public_address(ip) or any(ip in network for network in self.allowed)


_policy = NetworkPolicy()


def configure_network_policy(policy: NetworkPolicy) -> None:
    """Make `policy` the one every guarded connection of this process follows."""
    global _policy
    _policy = policy


def network_policy() -> NetworkPolicy:
    """The policy guarded connections follow now."""
    return _policy


def open_guarded_socket(
    host: str,
    port: int,
    timeout: float | None,
    source_address: tuple[str, int] | None = None,
    socket_options: list[tuple[int, int, int | bytes]] | None = None,
) -> socket.socket:
    """A socket connected to `host`:`port` at an address the network policy permits.

    Like `urllib3.util.connection.create_connection`, tries each address `host` resolves to,
    but skips those the policy refuses; raises `AddressRefused` when every address is refused.
    """
    host = host.strip("[]")
    policy = network_policy()
    refused: str | None = None
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in socket.getaddrinfo(
        host, port, allowed_gai_family(), socket.SOCK_STREAM
    ):
        address = str(sockaddr[0])
        if not policy.permits(address):
            refused = refused or address
            continue
        sock = socket.socket(family, kind, proto)
        try:
            for option in socket_options or ():
                sock.setsockopt(*option)
            sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
        except OSError as exc:
            sock.close()
            error = exc
            continue
        return sock
    if error is not None:
        raise error
    if refused is not None:
        raise AddressRefused(host, refused)
    raise OSError("getaddrinfo returns an empty list")


class _GuardedConnectionMixin:
    """Opens the connection's socket through `open_guarded_socket`, within the fetch deadline."""

    host: str
    port: int
    timeout: Any
    source_address: tuple[str, int] | None
    socket_options: Any
    _dns_host: str

    cloudcat_socket: socket.socket | None = None
    """The socket last connected, kept after http.client lets go of it (an answer delimited by
    the end of the connection is still read from it), so that a deadline can cut it."""

    def connect(self) -> None:
        watch_connection(self)
        super().connect()  # type: ignore[misc]
        self.cloudcat_socket = self.sock  # type: ignore[attr-defined]

    def request(self, *args: Any, **kwargs: Any) -> None:
        watch_connection(self)
        super().request(*args, **kwargs)  # type: ignore[misc]

    def _new_conn(self) -> socket.socket:
        connection = cast(HTTPConnection, self)
        timeout = bound_timeout(self.timeout)
        try:
            sock = open_guarded_socket(
                self._dns_host, self.port, timeout, self.source_address, self.socket_options
            )
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, connection, exc) from exc
        except TimeoutError as exc:
            raise ConnectTimeoutError(
                connection, f"Connection to {self.host} timed out. (connect timeout={timeout})"
            ) from exc
        except OSError as exc:
            raise NewConnectionError(
                connection, f"Failed to establish a new connection: {exc}"
            ) from exc
        sys.audit("http.client.connect", self, self.host, self.port)
        return sock


class GuardedHTTPConnection(_GuardedConnectionMixin, HTTPConnection):
    """An urllib3 HTTP connection that only connects to addresses the policy permits."""


class GuardedHTTPSConnection(_GuardedConnectionMixin, HTTPSConnection):
    """An urllib3 HTTPS connection that only connects to addresses the policy permits.

    TLS is untouched: the certificate is still checked against the URL's host name (SNI too).
    """


class GuardedHTTPConnectionPool(HTTPConnectionPool):
    """A pool of `GuardedHTTPConnection`."""

    ConnectionCls = GuardedHTTPConnection


class GuardedHTTPSConnectionPool(HTTPSConnectionPool):
    """A pool of `GuardedHTTPSConnection`."""

    ConnectionCls = GuardedHTTPSConnection


GUARDED_POOL_CLASSES: dict[str, type[HTTPConnectionPool]] = {
    "http": GuardedHTTPConnectionPool,
    "https": GuardedHTTPSConnectionPool,
}
"""What a `urllib3.PoolManager`'s `pool_classes_by_scheme` becomes to guard its connections."""
