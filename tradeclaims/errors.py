"""Uniform error messages: every bad option names the argument, the value and what is allowed."""
from __future__ import annotations

from typing import Any


def invalid_value(name: str, value: Any, allowed: str) -> str:
    """The message for a bad option.

    >>> invalid_value("format", "xml", "one of 'jsonl', 'json', 'csv'")
    "`format` value = 'xml' is invalid; value must be one of 'jsonl', 'json', 'csv'"
    """
    shown = repr(value)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return f"`{name}` value = {shown} is invalid; value must be {allowed}"
