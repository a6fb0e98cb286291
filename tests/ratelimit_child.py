"""TOP calls from a child process through the shared call budget, for the rate-limit tests.

    python -m tests.ratelimit_child URI DATABASE GATEWAY APP_KEY SECRET SESSION SHOP CALLS RATE BURST

Makes CALLS calls of ``taobao.items.onsale.get`` as the seller of SESSION through shop SHOP's
share of the budget ``taobao:<APP_KEY>`` (RATE calls a second, BURST at once), then exits.
"""

from __future__ import annotations

import sys

from cloudcat.core.http import configure_outgoing_http
from cloudcat.core.ratelimit import RateLimit, SharedRateLimiter
from cloudcat.core.storage.database import connect
from cloudcat.plugins.taobao.client import TopClient
from tests.conftest import LOOPBACK_NETWORKS


def main(argv: list[str]) -> None:
    """Make the calls the arguments describe."""
    uri, database, gateway, app_key, secret, session, shop, calls, rate, burst = argv
    db = connect(uri, database)
    configure_outgoing_http(allow_private_networks=LOOPBACK_NETWORKS)  # the parent's fakes
    limiter = SharedRateLimiter(db, f"taobao:{app_key}", RateLimit(float(rate), float(burst)))
    with TopClient(
        app_key, secret, session=session, gateway_url=gateway, budget=limiter.for_shop(shop)
    ) as client:
        for _ in range(int(calls)):
            client.count_items()


if __name__ == "__main__":
    main(sys.argv[1:])
