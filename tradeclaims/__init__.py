"""tradeclaims: statistical trade claims from news text, typed and linked to their source span.

>>> import tradeclaims
>>> [c.flow for c in tradeclaims.extract("Exports fell 7.2 per cent in September.", published="2024-10-29")]
['export']
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from .models import Amount, Change, Evidence, Period, TradeClaim

if TYPE_CHECKING:  # pragma: no cover
    from .batch import extract_many, extract_records
    from .pipeline import claims_from_doc, extract, extract_iter, make_nlp

# spaCy imports ``tradeclaims.components`` (and so this package) whenever any pipeline is
# created; the pipeline module is loaded on first use so that stays cheap.
_LAZY = {"extract": "pipeline", "extract_iter": "pipeline", "make_nlp": "pipeline", "claims_from_doc": "pipeline",
         "extract_many": "batch", "extract_records": "batch"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'tradeclaims' has no attribute {name!r}")


__all__ = [
    "extract",
    "extract_iter",
    "extract_many",
    "extract_records",
    "make_nlp",
    "claims_from_doc",
    "TradeClaim",
    "Amount",
    "Change",
    "Period",
    "Evidence",
    "__version__",
]
