"""Shared fixtures: the partner kit's (`cloudcat.core.testing.fixtures`): one real database
server per test session, one database per test, settings, services, the app, clients, a shop."""

from __future__ import annotations

from cloudcat.core.testing import TEST_SECRET_KEY

pytest_plugins = ["cloudcat.core.testing.fixtures"]

__all__ = ["TEST_SECRET_KEY"]
