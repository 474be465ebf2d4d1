"""Shared fixtures: one rules-only pipeline per test session (no model download)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from tradeclaims import make_nlp

    return make_nlp()
