"""Many texts at once: ``extract_many`` streams claims, ``extract_records`` gives flat rows.

Both run the cached pipeline of this process (``tradeclaims.pipeline._default_nlp()``),
built lazily on first use and then reused, so they run unchanged wherever Python runs
on a partition of an archive: a loop on one core, ``n_process`` worker processes on
the cores of one machine, a Spark ``mapInPandas`` function or pandas UDF, or
``dask.bag.map_partitions`` (see ``docs/scale.md``). The functions are module-level
and their outputs are plain picklable data, so engines can ship them to workers.

The output is exactly what ``extract`` gives text by text (same claims, same order,
same offsets): short texts share ``nlp.pipe`` batches, texts longer than
``pipeline.CHUNK_CHARS`` characters go through ``extract_dicts`` (cut at paragraph
breaks, offsets kept exact).

>>> rows = extract_records(["Exports rose 5% to $2 billion in May.", "No figures here."],
...                        published="2024-06-01")
>>> [(r["text_index"], r["flowCode"], r["period"], r["primaryValue"]) for r in rows]
[(0, 'X', '202405', 2000000000)]
"""
from __future__ import annotations

import collections
import datetime as dt
import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Optional

from . import pipeline
from .builder import names_a_flow
from .components import CLAIMS_ATTR
from .errors import invalid_value
from .export import COLUMNS, to_records
from .models import TradeClaim

__all__ = ["extract_many", "extract_records", "RECORD_COLUMNS", "SPARK_SCHEMA"]

#: The keys of an ``extract_records`` row, in order: ``text_index``, the columns of
#: ``tradeclaims.export.COLUMNS`` without ``source``, then the UN Comtrade-named fields.
RECORD_COLUMNS: tuple[str, ...] = (
    ("text_index",)
    + tuple(c for c in COLUMNS if c != "source")
    + ("reporterISO", "partnerISO", "flowCode", "period", "cmdCode", "primaryValue")
)

_SPARK_TYPES = {
    "text_index": "long", "evidence_start": "long", "evidence_end": "long",
    "amount_value": "double", "change_percent": "double", "change_absolute_value": "double",
    "primaryValue": "double", "approximate": "boolean",
}
#: A Spark DDL schema for ``extract_records`` rows (``mapInPandas(fn, SPARK_SCHEMA)``):
#: offsets and ``text_index`` as ``long``, figures as ``double``, dates as ISO strings.
SPARK_SCHEMA: str = ", ".join(f"{c} {_SPARK_TYPES.get(c, 'string')}" for c in RECORD_COLUMNS)

_FLOW_CODES = {"export": "X", "import": "M"}
_MISSING = object()


def _check_options(batch_size: Any, n_process: Any) -> None:
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(invalid_value("batch_size", batch_size, "an int >= 1"))
    if isinstance(n_process, bool) or not isinstance(n_process, int) or not (n_process >= 1 or n_process == -1):
        raise ValueError(invalid_value("n_process", n_process, "an int >= 1, or -1 for one process per CPU"))


def _check_item(text: Any, index: int) -> str:
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(f"`texts[{index}]` must be str, not bytes; decode it first, e.g. text.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"`texts[{index}]` must be str, not {type(text).__name__}")
    return text


def _iso(value: Any, name: str) -> Optional[str]:
    try:
        return pipeline._published_iso(value)
    except ValueError:
        raise ValueError(invalid_value(
            name, value, "a date, a datetime, an ISO date string 'YYYY-MM-DD' or None")) from None


def _dates(published: Any, texts: Any) -> Iterator[Optional[str]]:
    """One ISO date (or None) per text; checks what can be checked before any work is done."""
    if published is None or isinstance(published, (str, dt.date)):
        iso = _iso(published, "published")
        return itertools.repeat(iso)
    if isinstance(published, (bytes, bytearray)) or not isinstance(published, Iterable):
        raise ValueError(invalid_value(
            "published", published, "None, one date-like for all texts, or an iterable of date-likes, one per text"))
    if isinstance(published, Sequence) and isinstance(texts, Sequence) and len(published) != len(texts):
        raise ValueError(invalid_value(
            "published", published, f"one date-like per text ({len(published)} dates for {len(texts)} texts)"))
    return (_iso(p, f"published[{i}]") for i, p in enumerate(published))


def _pairs(texts: Iterable[Any], dates: Iterator[Optional[str]]) -> Iterator[tuple[str, Optional[str]]]:
    """``(text, iso)`` pairs; a ``published`` iterable of another length is a ValueError."""
    count = 0
    for text in texts:
        iso = next(dates, _MISSING)
        if iso is _MISSING:
            raise ValueError(f"`published` has {count} dates for more than {count} texts; "
                             "value must be one date-like per text")
        yield _check_item(text, count), iso
        count += 1
    if not isinstance(dates, itertools.repeat) and next(dates, _MISSING) is not _MISSING:
        raise ValueError(f"`published` has more dates than the {count} texts; value must be one date-like per text")


def _rebase(claims: list[dict], text: str) -> list[dict]:
    """Evidence text from the input itself (the pipeline saw the markup-masked copy)."""
    return [pipeline._shift(c, 0, text) for c in claims]


def extract_many(texts: Iterable[str], *, published: Any = None, batch_size: int = 64,
                 n_process: int = 1) -> Iterator[list[TradeClaim]]:
    """The claims of many texts, one list per text, in input order, with shared pipeline batches.

    The same result as ``[extract(t, published=p) for t, p in ...]``, with less overhead:
    the texts go through ``nlp.pipe`` in batches with the pipeline cached in this
    process (or, with ``n_process`` > 1, in a pool of worker processes, one pipeline
    each). Texts longer than ``pipeline.CHUNK_CHARS`` characters are read in
    paragraph-sized pieces by ``extract_dicts``, so memory stays bounded.

    Args:
        texts: The articles as plain ``str`` (HTML tags are blanked out, offsets kept).
            Any iterable, read lazily: an archive is streamed, not loaded.
        published: Publication dates: None, one date-like (``date``, ``datetime``, ISO
            string) for every text, or an iterable of date-likes (or None) parallel to
            ``texts``.
        batch_size: Texts per ``nlp.pipe`` batch (and per task sent to a worker), an
            int >= 1.
        n_process: Worker processes: 1 (the default) runs in this process; an int > 1,
            or -1 for one per CPU this process may use, starts a pool when iteration
            starts (forked from this process where the platform allows it, so the
            workers share its built pipeline; else spawned, each building its own) and
            stops it when iteration ends. Only texts go to the workers and only claim
            dicts come back, and at most ``2 * n_process`` batches are in flight, so
            memory stays bounded. Keep 1 inside engines that run this function in
            daemon workers (Spark, Dask processes): they parallelize for you.

    Yields:
        ``list[TradeClaim]`` for each text, ``[]`` for an empty one or one without
        trade figures.

    Raises:
        ValueError: ``batch_size`` or ``n_process`` is invalid, a date is not
            date-like, or ``published`` is an iterable of another length than
            ``texts`` (raised before any work when both are sequences).
        TypeError: ``texts[i]`` is not a str (raised before any work when ``texts``
            is a sequence, else when the stream reaches it).

    >>> out = list(extract_many(["Imports fell 3% in March.", ""], published=["2025-04-10", None]))
    >>> [[(c.flow, float(c.change.percent), str(c.period.start)) for c in claims] for claims in out]
    [[('import', -3.0, '2025-03-01')], []]
    """
    _check_options(batch_size, n_process)
    if isinstance(texts, (str, bytes, bytearray)) or not isinstance(texts, Iterable):
        raise TypeError(f"`texts` must be an iterable of str, not {type(texts).__name__}")
    dates = _dates(published, texts)
    if isinstance(texts, Sequence):
        for i, text in enumerate(texts):
            _check_item(text, i)
    return _extract_many(texts, dates, batch_size, n_process)


def _extract_many(texts: Iterable[str], dates: Iterator[Optional[str]], batch_size: int,
                  n_process: int) -> Iterator[list[TradeClaim]]:
    if n_process == -1:
        n_process = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if n_process == 1:
        dicts = _dicts_many(_pairs(texts, dates), batch_size)
    else:
        dicts = _dicts_parallel(_pairs(texts, dates), batch_size, n_process)
    for claims in dicts:
        yield [TradeClaim.model_validate(c) for c in claims]


def _work(batch: list[tuple[str, Optional[str]]], batch_size: int) -> list[list[dict]]:
    """A worker's task: the claim dicts of one batch of ``(text, iso)`` pairs."""
    return list(_dicts_many(batch, batch_size))


def _dicts_parallel(pairs: Iterator[tuple[str, Optional[str]]], batch_size: int,
                    n_process: int) -> Iterator[list[dict]]:
    """``_dicts_many`` on a pool of ``n_process`` processes, in input order, with bounded memory.

    Only texts go to the workers and only claim dicts come back: sending whole Docs
    (what ``nlp.pipe(n_process=...)`` does) costs the parent more than the pipeline
    itself. At most ``2 * n_process`` batches are in flight, so a stream of any length
    is read as fast as it is processed, not loaded whole.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        # Build the pipeline (and import its lazily imported parts) once, here: the
        # forked workers inherit it instead of building their own.
        ctx = multiprocessing.get_context("fork")
        pipeline.extract_dicts("Exports rose 5% to $2 billion in May.", published="2024-06-01")
    else:  # Windows, or macOS where fork is unsafe: each worker builds its own pipeline
        ctx = multiprocessing.get_context("spawn")
    pool = ctx.Pool(n_process)
    try:
        in_flight: collections.deque = collections.deque()
        batches = _batched(pairs, batch_size)
        for batch in itertools.islice(batches, 2 * n_process):
            in_flight.append(pool.apply_async(_work, (batch, batch_size)))
        while in_flight:
            done = in_flight.popleft().get()
            nxt = next(batches, None)
            if nxt is not None:
                in_flight.append(pool.apply_async(_work, (nxt, batch_size)))
            yield from done
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _dicts_many(pairs: Iterable[tuple[str, Optional[str]]], batch_size: int) -> Iterator[list[dict]]:
    """The engine of ``extract_many``: claim dicts per text, as ``extract_dicts`` gives them."""
    nlp = pipeline._default_nlp()
    # What each Doc sent into nlp.pipe stands for: ("pipe", text) when the pipeline's
    # claims are the answer, ("chunked", text, iso) when a placeholder Doc stands in for a
    # long text read here by extract_dicts, ("empty",) for a text without content.
    pending: collections.deque = collections.deque()
    placeholder_text = ""

    def docs() -> Iterator[Any]:
        for text, iso in pairs:
            if not text.strip() or not names_a_flow(text):
                pending.append(("empty",))  # nothing to read, or no flow word: no claims
                yield nlp.make_doc(placeholder_text)
            elif len(text) > pipeline.CHUNK_CHARS:
                pending.append(("chunked", text, iso))
                yield nlp.make_doc(placeholder_text)
            else:
                pending.append(("pipe", text))
                yield pipeline._make_doc(nlp, pipeline.mask_markup(text), iso)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        job = pending.popleft()
        if job[0] == "pipe":
            yield _rebase(doc._.get(CLAIMS_ATTR) or [], job[1])
        elif job[0] == "chunked":
            yield pipeline.extract_dicts(job[1], published=job[2], nlp=nlp)
        else:
            yield []


def _period_code(period: Optional[dict]) -> Optional[str]:
    if not period:
        return None
    start, end = dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"])
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start.year:04d}"
    if start.day == 1 and (start.year, start.month) == (end.year, end.month):
        next_month = dt.date(end.year + end.month // 12, end.month % 12 + 1, 1)
        if end == next_month - dt.timedelta(days=1):
            return f"{start.year:04d}{start.month:02d}"
    return None


def _comtrade(claim: TradeClaim, row: dict[str, Any]) -> dict[str, Any]:
    period = None if claim.period is None else {"start": row["period_start"], "end": row["period_end"]}
    return {
        "reporterISO": claim.reporter,
        "partnerISO": claim.partner,
        "flowCode": _FLOW_CODES.get(claim.flow),
        "period": _period_code(period),
        "cmdCode": "TOTAL" if claim.commodity is None else None,
        "primaryValue": row["amount_value"] if claim.amount is not None and claim.amount.is_currency else None,
    }


def extract_records(texts: Iterable[str], *, published: Any = None, batch_size: int = 64,
                    n_process: int = 1) -> list[dict[str, Any]]:
    """Flat, JSON-able rows, one per claim, for data frames and distributed engines.

    Runs ``extract_many`` and flattens each claim as ``tradeclaims.export.to_records``
    does. Every row is a plain ``dict`` with the keys of ``RECORD_COLUMNS`` and only
    str, int, float, bool or None values, so it pickles, goes into
    ``pandas.DataFrame(rows, columns=RECORD_COLUMNS)`` and into Spark with
    ``SPARK_SCHEMA``. The pipeline is built once per process and cached, so this
    function can be called per partition (Spark ``mapInPandas``, Dask
    ``map_partitions``) without setup.

    The keys:

    - ``text_index``: the position of the claim's text in ``texts`` (0-based); texts
      without claims give no rows.
    - ``evidence_start`` ... ``approximate``: the ``to_records`` columns (all but
      ``source``, which ``text_index`` replaces): offsets into the text, the evidence
      sentence, ``flow``, ``reporter``, ``partner``, ``commodity``, ISO dates,
      numbers (whole numbers as int), units, ``change_basis``.
    - UN Comtrade-named fields, so rows can be set beside Comtrade data (values are
      what the text says, not Comtrade's codes where those differ):

      - ``reporterISO``: ``reporter`` as is (ISO 3166-1 alpha-3) or None.
      - ``partnerISO``: ``partner`` as is: ISO alpha-3, ``"WLD"`` for all partners
        (Comtrade's World is ``partnerCode`` 0, ``partnerISO`` ``"W00"``: map it in
        the join), a group code of ``docs/claims.md`` (``"EU"``, ``"ASEAN"``, ...;
        Comtrade has no such partners) or None.
      - ``flowCode``: ``"X"`` for an export, ``"M"`` for an import, None for total
        trade and balance (Comtrade has no flow code for them).
      - ``period``: ``"YYYY"`` when the claim's period is exactly one calendar year
        (Jan 1 to Dec 31, whatever its grain), ``"YYYYMM"`` when exactly one calendar
        month, else None (quarters, halves, fiscal years, ranges, no period).
      - ``cmdCode``: ``"TOTAL"`` when the claim is about all goods (``commodity`` is
        None); None otherwise: commodity names are not mapped to HS codes yet.
      - ``primaryValue``: the amount's value when its unit is a currency, else None
        (volumes, change-only claims). It is in ``amount_unit``, as written (not
        converted to USD as Comtrade's), and signed for a balance.

    Args:
        texts: As ``extract_many``.
        published: As ``extract_many``.
        batch_size: As ``extract_many``.
        n_process: As ``extract_many``.

    Returns:
        The rows of all texts, in text order, then claim order.

    Raises:
        ValueError: As ``extract_many``.
        TypeError: As ``extract_many``.

    >>> [row] = extract_records(["Vietnam's rice exports reached 8.1 million tonnes in 2023."])
    >>> row["text_index"], row["reporterISO"], row["flowCode"], row["period"], row["cmdCode"]
    (0, 'VNM', 'X', '2023', None)
    >>> row["amount_value"], row["amount_unit"], row["primaryValue"]
    (8100000, 't', None)
    """
    rows: list[dict[str, Any]] = []
    for index, claims in enumerate(extract_many(texts, published=published, batch_size=batch_size,
                                                n_process=n_process)):
        for claim, flat in zip(claims, to_records(claims)):
            del flat["source"]
            row = {"text_index": index, **flat, **_comtrade(claim, flat)}
            rows.append(row)
    return rows
