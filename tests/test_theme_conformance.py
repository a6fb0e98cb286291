"""Both built-in themes pass the partner kit's theme conformance suite."""

from __future__ import annotations

import pytest

from cloudcat.core.testing.themes import ThemeConformance


class TestDefaultTheme(ThemeConformance):
    @pytest.fixture
    def theme_name(self) -> str:
        return "default_theme"


class TestMobileTheme(ThemeConformance):
    @pytest.fixture
    def theme_name(self) -> str:
        return "mobile_theme"
