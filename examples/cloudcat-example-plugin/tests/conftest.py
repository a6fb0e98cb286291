"""The partner kit's fixtures: a real database per test, the app, a shop, `enabled_plugin`."""

pytest_plugins = ["cloudcat.core.testing.fixtures"]
