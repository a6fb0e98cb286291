"""CloudCat's partner kit: pytest fixtures and conformance suites for plugin authors.

Load the fixtures from your tests' ``conftest.py`` (they are not loaded automatically, so their
generic names never land in other projects' test runs)::

    pytest_plugins = ["cloudcat.core.testing.fixtures"]

Fixtures (`cloudcat.core.testing.fixtures`): ``mongo_uri`` (one real database server per
session: embedded SecantusDB, or ``CLOUDCAT_TEST_MONGODB_URI``), ``db`` (a database per test),
``settings``, ``services``, ``app``, ``client`` / ``make_client`` (HTTP clients with GraphQL
helpers), ``owner`` and ``shop``, ``shop_plugins`` and ``enabled_plugin(name, config=...,
secrets=...)``, which configures and enables your plugin in ``shop`` and returns its provider.

Conformance suites: subclass `cloudcat.core.testing.sources.SourceConformance` in a test module
and give it a ``source_factory`` fixture to check a marketplace source against the contract.

This package itself holds only the kit's constants, so importing them loads nothing else.
"""

TEST_SECRET_KEY = "test-secret-key-" + "x" * 32
"""The `secret_key` of the kit's `settings` (what shop secrets are encrypted with in tests)."""
OWNER_EMAIL = "owner@example.com"
"""The email of the `owner` fixture's account."""
OWNER_PASSWORD = "correct horse battery"
"""The password of the `owner` fixture's account."""
LOOPBACK_NETWORKS = ["127.0.0.0/8", "::1"]
"""Where tests' loopback fakes listen: the kit's `settings` (and, for tests that build no
services, an autouse fixture) let outgoing plugin requests reach them, which production never
allows (`CLOUDCAT_HTTP_ALLOW_PRIVATE_NETWORKS`)."""
