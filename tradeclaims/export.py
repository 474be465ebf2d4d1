"""Flat exports of claims: CSV-ready records, JSON lines and pandas DataFrames (no spaCy here).

Every function accepts ``TradeClaim`` objects or their dicts (``claim.model_dump()`` in
either mode, ``extract_dicts`` output, or a JSON line read back with an extra ``"source"``
key), so a batch job can write claims and read them back without the pipeline.

>>> from tradeclaims.models import TradeClaim
>>> claim = TradeClaim.model_validate({
...     "evidence": {"start": 0, "end": 35, "text": "Exports rose 12.5% to $3.2 billion."},
...     "flow": "export", "reporter": "VNM", "partner": "WLD",
...     "amount": {"value": 3.2e9, "unit": "USD", "text": "$3.2 billion"},
...     "change": {"percent": 12.5, "basis": "yoy"}})
>>> [row] = to_records([claim], source="rice.md")
>>> row["source"], row["flow"], row["amount_value"], row["amount_unit"], row["change_percent"]
('rice.md', 'export', 3200000000, 'USD', 12.5)
"""
from __future__ import annotations

import csv
import json
import os
from typing import IO, Any, Iterable, Mapping, Optional, Union

from pydantic import ValidationError

from .errors import invalid_value
from .models import TradeClaim

__all__ = ["COLUMNS", "to_records", "to_jsonl", "to_csv", "to_dataframe"]

#: The columns of a flat record, in order: the CSV header and the DataFrame columns.
COLUMNS: tuple[str, ...] = (
    "source",
    "evidence_start",
    "evidence_end",
    "evidence",
    "flow",
    "reporter",
    "partner",
    "commodity",
    "period_start",
    "period_end",
    "amount_value",
    "amount_unit",
    "change_percent",
    "change_absolute_value",
    "change_absolute_unit",
    "change_basis",
    "approximate",
)

ClaimLike = Union[TradeClaim, Mapping[str, Any]]


def _claim_json(item: Any, index: int) -> tuple[Optional[str], dict[str, Any]]:
    """``(source, claim as JSON-mode dict)`` for a TradeClaim or a claim dict.

    Dicts go through ``TradeClaim`` so Decimals, dates and numbers come out exactly as
    ``model_dump(mode="json")`` writes them, whatever mode the dict was dumped in.
    """
    if isinstance(item, TradeClaim):
        return None, item.model_dump(mode="json")
    if isinstance(item, Mapping):
        data = dict(item)
        source = data.pop("source", None)
        try:
            claim = TradeClaim.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "claim"
            raise ValueError(
                invalid_value(f"claims[{index}]", item, f"a TradeClaim dict ({where}: {first['msg']})")
            ) from None
        return (None if source is None else str(source)), claim.model_dump(mode="json")
    raise TypeError(f"`claims[{index}]` must be a TradeClaim or a dict, not {type(item).__name__}")


def _number(value: Any) -> Any:
    """``4.0`` as ``4``: whole numbers read (and compare in a spreadsheet) as written."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _iter_claims(claims: Iterable[ClaimLike]) -> Iterable[tuple[Optional[str], dict[str, Any]]]:
    if isinstance(claims, (TradeClaim, Mapping, str, bytes)):
        # A single claim (or a string) is iterable too, and would fail confusingly below.
        raise TypeError(f"`claims` must be an iterable of claims, not {type(claims).__name__}")
    for i, item in enumerate(claims):
        yield _claim_json(item, i)


def to_records(claims: Iterable[ClaimLike], *, source: Optional[str] = None) -> list[dict[str, Any]]:
    """One flat row per claim, with the keys of ``COLUMNS``.

    Args:
        claims: ``TradeClaim`` objects or claim dicts (a dict's own ``"source"`` key is
            used when ``source`` is not given).
        source: Where the claims came from (a path, a URL), written to every row.

    Returns:
        Rows whose values are JSON scalars: numbers (whole numbers as ``int``), ISO date
        strings, bools or None (None for a part the claim lacks, e.g. ``amount_value`` of
        a change-only claim).

    Raises:
        TypeError: ``claims`` is not an iterable of claims, or an item is neither a
            ``TradeClaim`` nor a dict.
        ValueError: A dict is not a valid claim.

    >>> rows = to_records([{"evidence": {"start": 0, "end": 25, "text": "Imports fell 3% in March."},
    ...                     "flow": "import", "change": {"percent": -3},
    ...                     "period": {"start": "2025-03-01", "end": "2025-03-31", "grain": "month"}}])
    >>> rows[0]["period_start"], rows[0]["change_percent"], rows[0]["amount_value"], rows[0]["source"]
    ('2025-03-01', -3, None, None)
    """
    rows = []
    for own_source, c in _iter_claims(claims):
        period = c.get("period") or {}
        amount = c.get("amount") or {}
        change = c.get("change") or {}
        absolute = change.get("absolute") or {}
        rows.append({
            "source": source if source is not None else own_source,
            "evidence_start": c["evidence"]["start"],
            "evidence_end": c["evidence"]["end"],
            "evidence": c["evidence"]["text"],
            "flow": c["flow"],
            "reporter": c.get("reporter"),
            "partner": c.get("partner"),
            "commodity": c.get("commodity"),
            "period_start": period.get("start"),
            "period_end": period.get("end"),
            "amount_value": _number(amount.get("value")),
            "amount_unit": amount.get("unit"),
            "change_percent": _number(change.get("percent")),
            "change_absolute_value": _number(absolute.get("value")),
            "change_absolute_unit": absolute.get("unit"),
            "change_basis": change.get("basis"),
            "approximate": c.get("approximate", False),
        })
    return rows


def to_jsonl(claims: Iterable[ClaimLike]) -> str:
    """JSON lines: one ``model_dump(mode="json")`` object per claim, each line ending in ``\\n``.

    A dict's ``"source"`` key, if any, is kept as the first key of its line (the shape
    ``tradeclaims extract`` writes). Non-ASCII text is written as is, not ``\\u``-escaped.

    Args:
        claims: ``TradeClaim`` objects or claim dicts.

    Returns:
        The JSON lines; ``""`` for no claims.

    Raises:
        TypeError: As ``to_records``.
        ValueError: As ``to_records``.

    >>> line = to_jsonl([{"source": "a.md", "flow": "balance",
    ...                   "evidence": {"start": 0, "end": 22, "text": "The surplus was €20bn."},
    ...                   "amount": {"value": 2e10, "unit": "EUR"}}])
    >>> line.endswith("\\n"), json.loads(line)["source"], json.loads(line)["amount"]["value"] == 2e10
    (True, 'a.md', True)
    """
    lines = []
    for source, c in _iter_claims(claims):
        obj = c if source is None else {"source": source, **c}
        lines.append(json.dumps(obj, ensure_ascii=False) + "\n")
    return "".join(lines)


def to_csv(rows: Iterable[Mapping[str, Any]], file: Union[str, os.PathLike, IO[str]]) -> None:
    """Write ``to_records`` rows as CSV with a header line (even when there are no rows).

    Missing values are written as empty cells; columns come in the order of ``COLUMNS``.

    Args:
        rows: Rows from ``to_records``.
        file: A path (written as UTF-8, replaced if it exists) or an open text file; open
            your own files with ``newline=""`` as the ``csv`` module asks.

    Raises:
        ValueError: A row has a key that is not in ``COLUMNS``.

    >>> import io
    >>> buf = io.StringIO()
    >>> to_csv(to_records([{"evidence": {"start": 0, "end": 15, "text": "Exports grew 4%"},
    ...                     "flow": "export", "change": {"percent": 4}}], source="x.txt"), buf)
    >>> print(buf.getvalue().splitlines()[1])
    x.txt,0,15,Exports grew 4%,export,,,,,,,,4,,,,False
    """
    def write(handle: IO[str]) -> None:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for i, row in enumerate(rows):
            extra = set(row) - set(COLUMNS)
            if extra:
                raise ValueError(invalid_value(f"rows[{i}]", sorted(extra), f"a row with keys from {list(COLUMNS)}"))
            writer.writerow(row)

    if isinstance(file, (str, os.PathLike)):
        with open(file, "w", encoding="utf-8", newline="") as handle:
            write(handle)
    else:
        write(file)


def to_dataframe(claims: Iterable[ClaimLike], *, source: Optional[str] = None):
    """The claims as a ``pandas.DataFrame``, one row per claim and the columns of ``COLUMNS``.

    Args:
        claims: ``TradeClaim`` objects or claim dicts.
        source: As ``to_records``.

    Raises:
        ImportError: pandas is not installed (``pip install "tradeclaims[pandas]"``).

    >>> df = to_dataframe([{"evidence": {"start": 0, "end": 15, "text": "Exports grew 4%"},
    ...                     "flow": "export", "change": {"percent": 4}}])
    >>> list(df.columns) == list(COLUMNS), len(df)
    (True, 1)
    """
    try:
        import pandas as pd  # optional: the library itself never needs it
    except ImportError as exc:
        raise ImportError(
            'to_dataframe() needs pandas, which is an optional extra: pip install "tradeclaims[pandas]"'
        ) from exc
    return pd.DataFrame(to_records(claims, source=source), columns=list(COLUMNS))
