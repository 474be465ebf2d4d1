"""Money amounts in news text: ``$1.057 billion``, ``105.59 billion yen``, ``Rs 2,000 crore``.

:func:`find_money` returns every amount of a sentence with its offsets, its value in base
units and its ISO 4217 code; :func:`parse_money` reads the first one. The currency marks
come from ``tradeclaims/data/currencies.json`` (see :func:`load_currencies`).

How an amount is read:

* a figure (:data:`~.numbers.NUMBER_RE`) with an optional scale (``bn``, ``-billion``,
  ``lakh crore``), and a currency mark *before* it (``US$``, ``Dh``, ``KHR ``, ``$US``) or,
  when there is none, *after* it (``yen``, ``USD``, ``Australian dollars``, ``€``);
* or a number in words before a currency name (``eight euros``, ``a million dollar``);
* a mark used by several currencies (``$``, ``dollars``, ``¥``, ``Rs``, ``riyals``) is its
  ``default`` unless ``currency_hint`` names one of its ``candidates``; marks without a
  default (``R``, ``N``, ``kr``, ``pesos``, ``dinars``) are money only with such a hint,
  and a single glued letter (``R``, ``N``, ``P``, ``K``) only before a scale or a figure
  with a separator (``R45 billion``, ``R1,250``; not ``N95``);
* a price is not an amount: a figure followed by ``per tonne``, ``a barrel``, ``/kg``,
  ``a share`` ... is skipped, and so is an exchange rate (``$1 = 145.50 shillings``);
* a figure repeated in brackets in a second currency (``LE 29 billion ($5.1 billion)``) is
  returned with ``bracketed=True``; in brackets after a marked currency a bare ``$`` is
  read as its default (USD) even under a dollar hint;
* a range keeps one scale: in ``$89 to $93 billion`` both figures are billions (only when
  the first figure is the smaller: ``$800,000 to $1.3 million`` keeps its own).

Bare numbers (``537.94 million``), percentages, years, ``G20`` or ``No. 3`` are not money.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Optional

from ..models import Amount
from .numbers import (
    FIGURE_RE,
    first_non_overlapping,
    SCALE_PATTERN,
    WORD_NUMBER_PATTERN,
    find_hedge,
    has_digit,
    has_number_word,
    iter_figures,
    match_value,
    scale_multiplier,
)

__all__ = [
    "FoundAmount",
    "CurrencyTable",
    "build_currency_table",
    "load_currencies",
    "find_money",
    "parse_money",
]


class FoundAmount(NamedTuple):
    """One money amount found in a text.

    Attributes:
        start: Offset of the amount's first character (its currency mark or digit).
        end: Offset just past its last character (``text[start:end] == self.text``).
        text: The surface, e.g. ``"US$1.01 trillion"``.
        amount: Value in base units, ISO 4217 unit, surface text.
        bracketed: True for a conversion in brackets after another figure
            (``31.11 trillion yuan ($4.29 trillion)`` → the dollar one).
        hedge: The hedge right before it, lower-case (``"nearly"``, ``"more than"``,
            ``"crossed"``), or None.
    """

    start: int
    end: int
    text: str
    amount: Amount
    bracketed: bool
    hedge: Optional[str]


class CurrencyTable(NamedTuple):
    """The compiled currency table (see :func:`load_currencies`).

    Attributes:
        resolve: Normalized surface → ``(default, candidates)``; ``default`` may be None.
        names: ISO code → English name.
        countries: ISO 3166-1 alpha-3 country code → ISO 4217 code (for hints).
        prefix_re: Matches a mark that ends right before a figure (search with ``endpos``).
        suffix_re: Matches a mark right after a figure (and its scale).
        word_money_re: Matches number words + scale + currency name ("eight euros").
        max_prefix: Longest prefix surface, to size the look-back window.
    """

    resolve: dict
    names: dict
    countries: dict
    prefix_re: "re.Pattern[str]"
    suffix_re: "re.Pattern[str]"
    word_money_re: "re.Pattern[str]"
    max_prefix: int


_EXPAND_RE = re.compile(r"\((\w+)\)")  # "dollar(s)" → "dollar", "dollars"
_ISO_RE = re.compile(r"[A-Z]{3}")
_SPACE = "[ \u00a0]"


def _expand(surface: str) -> list[str]:
    m = _EXPAND_RE.search(surface)
    if m is None:
        return [surface]
    before, after = surface[: m.start()], surface[m.end() :]
    return [before + after, before + m.group(1) + after]


def _symbol_key(surface: str) -> str:
    return "".join(surface.split())


def _name_key(surface: str) -> str:
    return " ".join(surface.casefold().split())


def _symbol_tokens(symbol: str) -> tuple[str, ...]:
    # Literal characters; "US$" also matches "US $".
    if len(symbol) > 1 and symbol.endswith("$") and symbol[:-1].replace(".", "").isalpha():
        return tuple(re.escape(c) for c in symbol[:-1]) + (_SPACE + r"?\$",)
    return tuple(re.escape(c) for c in symbol)


def _name_tokens(name: str) -> tuple[str, ...]:
    # Lower-case characters (the pattern is case-insensitive), any run of spaces between words.
    out: list[str] = []
    for i, word in enumerate(name.lower().split()):
        if i:
            out.append(_SPACE + "+")
        out.extend(re.escape(c) for c in word)
    return tuple(out)


def _trie_pattern(seqs: list[tuple[str, ...]]) -> str:
    """One regex for many surfaces, as a trie: ``(?:d(?:ollar(?:s)?)|e(?:uro(?:s)?))``.

    Python's ``re`` tries the branches of an alternation one by one; a trie shares their
    prefixes, so a match attempt costs the length of the surface, not the size of the table.
    Optional tails are greedy, so the longest surface wins ("RMB" over "RM").
    """
    trie: dict = {}
    for seq in seqs:
        node = trie
        for tok in seq:
            node = node.setdefault(tok, {})
        node[""] = {}  # end of a surface

    def emit(node: dict) -> str:
        children = sorted((tok, child) for tok, child in node.items() if tok)
        if not children:
            return ""
        alts = [tok + emit(child) for tok, child in children]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie) or "(?!)"


def build_currency_table(data: dict) -> CurrencyTable:
    """Validate the JSON of ``currencies.json`` and compile it.

    Raises:
        ValueError: on a malformed entry or a surface listed twice.

    >>> table = build_currency_table({"currencies": {"USD": {"name": "US dollar",
    ...     "symbols": ["US$"], "names": ["US dollar(s)"]}}, "shared": {}})
    >>> table.resolve["US$"], table.resolve["us dollars"]
    (('USD', ('USD',)), ('USD', ('USD',)))
    >>> build_currency_table({"currencies": {"USD": {"name": "US dollar", "symbols": ["$"],
    ...     "names": []}, "AUD": {"name": "Australian dollar", "symbols": ["$"], "names": []}}})
    Traceback (most recent call last):
    ...
    ValueError: currency surface '$' listed twice (AUD)
    """
    currencies = data.get("currencies")
    if not isinstance(currencies, dict) or not currencies:
        raise ValueError("currencies.json: 'currencies' must be a non-empty object")
    resolve: dict[str, tuple[Optional[str], tuple[str, ...]]] = {}
    names: dict[str, str] = {}
    countries_of: dict[str, str] = {}
    loose: list[tuple[str, ...]] = []  # regex tokens of marks that may stand apart
    tight: list[tuple[str, ...]] = []  # marks glued to the digits, before them
    name_alts: list[tuple[str, ...]] = []
    symbol_folds: set[str] = set()
    name_folds: set[str] = set()

    def add(surface: str, kind: str, value: tuple, where: str, is_tight: bool = False) -> None:
        if not isinstance(surface, str) or not surface.strip():
            raise ValueError(f"currencies.json: empty surface in {where}")
        key = _symbol_key(surface) if kind == "symbol" else _name_key(surface)
        clash = key.casefold() if kind == "symbol" else key
        if key in resolve or (kind == "name" and clash in symbol_folds) or (
            kind == "symbol" and clash in name_folds
        ):
            raise ValueError(f"currency surface {surface!r} listed twice ({where})")
        resolve[key] = value
        if kind == "symbol":
            symbol_folds.add(clash)
            (tight if is_tight else loose).append(_symbol_tokens(surface))
        else:
            name_folds.add(clash)
            name_alts.append(_name_tokens(surface))

    for code, entry in currencies.items():
        if not _ISO_RE.fullmatch(code) or not isinstance(entry, dict):
            raise ValueError(f"currencies.json: bad currency entry {code!r}")
        names[code] = str(entry.get("name") or code)
        for country in entry.get("countries", []):
            if not _ISO_RE.fullmatch(country) or country in countries_of:
                raise ValueError(f"currencies.json: country {country!r} bad or listed twice")
            countries_of[country] = code
        value = (code, (code,))
        symbols = list(entry.get("symbols", []))
        tight_symbols = set(entry.get("tight", []))
        if not entry.get("no_code") and code not in symbols:
            symbols.append(code)
        for sym in symbols:
            add(sym, "symbol", value, code, sym in tight_symbols)
        for name in entry.get("names", []):
            for form in _expand(name):
                add(form, "name", value, code)

    for surface, entry in (data.get("shared") or {}).items():
        kind = entry.get("kind")
        default = entry.get("default")
        candidates = tuple(entry.get("candidates") or ())
        if kind not in ("symbol", "name") or not candidates:
            raise ValueError(f"currencies.json: shared {surface!r} needs kind and candidates")
        for code in candidates + ((default,) if default else ()):
            if code not in currencies:
                raise ValueError(f"currencies.json: shared {surface!r}: unknown {code!r}")
        if default is not None and default not in candidates:
            raise ValueError(f"currencies.json: shared {surface!r}: default not a candidate")
        for form in _expand(surface) if kind == "name" else [surface]:
            add(form, kind, (default, candidates), surface, bool(entry.get("tight")))

    sym_rx = _trie_pattern(loose)
    tight_rx = _trie_pattern(tight)
    name_rx = _trie_pattern(name_alts)
    prefix_re = re.compile(
        rf"""
        (?<![^\W_])                          # the mark starts a token: "USD34.6", not "XUSD34"
        (?:
            (?P<sym>{sym_rx}){_SPACE}?       # "US$", "KHR ", "Rs ", "$ " (one space at most)
          | (?P<tight>{tight_rx})            # "R45 billion": glued only
        )
        (?P<neg>[-\u2212])?                  # "$-50.8bn"
        \Z                                   # ... and ends where the figure starts
        """,
        re.X,
    )
    suffix_re = re.compile(
        rf"""
        {_SPACE}?(?:-{_SPACE}?)?             # "2.98 billion USD", "1,200€", "5-billion-dollar"
        (?:
            (?P<name>(?i:{name_rx}))         # "yen", "Australian dollars" (any case)
          | (?P<sym>{sym_rx})                # "USD", "RMB", "€", "TL"
        )
        (?![^\W\d_])                         # a whole word: "5 RMB" but not "5 RMBs"
        """,
        re.X,
    )
    word_money_re = re.compile(
        rf"""
        (?:
            (?<![^\W\d_])(?P<a>(?i:a|an))    # "a billion dollars", "a million dollar house"
            (?={_SPACE}(?i:thousand|million|billion|trillion))
          | {WORD_NUMBER_PATTERN}            # "eight", "twenty-five"
        )
        (?:{SCALE_PATTERN})?                 # "two billion"
        {_SPACE}+(?:-{_SPACE}?)?
        (?P<name>(?i:{name_rx}))             # a currency name
        (?![^\W\d_])
        """,
        re.X,
    )
    max_prefix = max((len(seq) for seq in loose + tight), default=1) + 2
    return CurrencyTable(
        resolve, names, countries_of, prefix_re, suffix_re, word_money_re, max_prefix
    )


@lru_cache(maxsize=1)
def load_currencies() -> CurrencyTable:
    """Load, validate and compile ``tradeclaims/data/currencies.json`` once (cached).

    The JSON has two parts (its ``_comment`` key says the same):

    * ``currencies``: ISO 4217 code → ``name`` (English), ``symbols`` (case-sensitive
      marks before or after the digits; ``US$`` also matches ``US $``), ``names``
      (case-insensitive words after the number; ``dollar(s)`` means ``dollar`` and
      ``dollars``), optional ``tight`` (symbols that count only glued before the digits)
      and ``no_code`` (the ISO code itself is not a mark: ``ALL``, ``TOP``).
      ``countries`` lists the ISO 3166-1 alpha-3 codes of its users, so a
      ``currency_hint`` may also be a country code (``MAR`` → MAD).
    * ``shared``: a surface used by several currencies → ``kind`` (``symbol``/``name``),
      ``default`` (ISO code or null), ``candidates`` (codes a ``currency_hint`` may pick),
      optional ``tight``.

    A surface listed twice raises ValueError.

    >>> table = load_currencies()
    >>> table.resolve["$"][0], table.resolve["yen"], table.names["KHR"]
    ('USD', ('JPY', ('JPY',)), 'Cambodian riel')
    """
    path = resources.files("tradeclaims").joinpath("data/currencies.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return build_currency_table(data)


# A price, not an amount: "US$79.9 per tonne", "$84 a share", "$1.50/kg".
_PER_UNIT_RE = re.compile(
    r"""
    [ \u00a0]*(?:(?:per|a|an)[ \u00a0]+|/[ \u00a0]*)  # "per", "a", "/" ("€67 billion ahead" is no "a head")
    (?:metric[ ]|short[ ]|troy[ ]|cubic[ ]|square[ ])?
    (?:tonnes?|tons?|t|mt|kg|kgs|kilo(?:gram)?s?|grams?|g|barrels?|bbl|pounds?|lbs?|lb
      |ounces?|oz|shares?|units?|head|pieces?|litres?|liters?|l|gallons?|bushels?
      |mmbtu|btu|cwt|carats?|feet|foot|ft|met(?:re|er)s?|m|sq[ ]?(?:ft|m)|kwh|mwh
      |night|hour|hr|capita|person|passenger|vehicle|container|teu|dozen|bag|box|sack
      |bale|bottle|cup|kilo|ticket|seat|visitor|tourist|worker|employee|ha|hectare|acre)
    (?![^\W\d_])
    """,
    re.X | re.I,
)
# Not money: "$5%" / "5 percent".
_PERCENT_AFTER_RE = re.compile(r"[ \u00a0]?(?:%|(?i:per[ ]?cent|percent|pct)\b)")
# "in 2015 dollars", "constant 2010 US dollars": a year, not an amount.
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
_YEAR_CONTEXT_RE = re.compile(r"(?i:\b(?:in|of|constant|real|nominal))[ \u00a0]+\Z")
# "(" right before an amount (after its hedge): "($5.1 billion)", "(or $5.1 billion)".
_OPEN_BEFORE_RE = re.compile(
    r"\([ \u00a0]*(?:(?:or|i\.e\.,?|equivalent[ ]to|equal[ ]to|worth)[ \u00a0]+)?\Z", re.I
)
# What ends a bare figure before the bracket: "1.356 billion ($1.762bn)".
_FIGURE_END_RE = re.compile(
    r"(?:\d[kmbMB]?|(?<![^\W\d_])(?i:thousand|million|billion|trillion|crores?|lakhs?|mn|bn"
    r"|mln|bln|tn|trn))\.?\Z"
)
# Ranges keep one scale: "$89 to $93 billion", "$3-$5 bn".
_RANGE_JOIN_RE = re.compile(r"[ \u00a0]*(?:to|-|–|—|and)[ \u00a0]*\Z")
_RATE_JOIN_RE = re.compile(r"[ \u00a0]*=[ \u00a0]*")
_MINUS_BEFORE_RE = re.compile(r"(?<![^\W_])[-\u2212]\Z")


def _hint_code(table: CurrencyTable, hint: object) -> Optional[str]:
    """A currency hint as an ISO 4217 code: itself, or the currency of a country code."""
    if not isinstance(hint, str):
        return None
    hint = hint.strip().upper()
    if hint in table.names:
        return hint
    return table.countries.get(hint)


def _resolve(table: CurrencyTable, surface: str, kind: str, hint: Optional[str]):
    key = _symbol_key(surface) if kind == "symbol" else _name_key(surface)
    entry = table.resolve.get(key)
    if entry is None:
        return None, False
    default, candidates = entry
    shared = len(candidates) > 1 or default is None
    if hint is not None and hint in candidates:
        return hint, shared
    return default, shared


class _Raw(NamedTuple):
    start: int
    end: int
    value: Decimal
    unit: str
    scale: Optional[Decimal]  # the multiplier of a written scale ("billion"), else None
    shared_default: Optional[str]  # the default of a shared mark resolved by a hint
    hedge: Optional[str]
    hedge_start: int


def find_money(text: str, *, currency_hint: Optional[str] = None) -> list[FoundAmount]:
    """Every money amount in ``text``, in order and non-overlapping.

    Args:
        text: Any string (a sentence is typical).
        currency_hint: ISO 4217 code of the currency a shared mark most likely means in
            this text ("AUD" for an Australian statistics release), or the ISO 3166
            alpha-3 code of the country ("AUS"): it turns ``$`` into AUD, ``¥`` into CNY,
            ``R`` into ZAR, ``pesos`` into PHP ... A marked currency (``US$``, ``NZ$``)
            is always what it says.

    >>> [(f.text, str(f.amount.value), f.amount.unit) for f in find_money(
    ...     "Exports rose to $1.057 billion while imports hit 105.59 billion yen.")]
    [('$1.057 billion', '1057000000', 'USD'), ('105.59 billion yen', '105590000000', 'JPY')]
    >>> [(f.amount.unit, f.bracketed) for f in find_money("LE 29 billion ($5.1 billion)")]
    [('EGP', False), ('USD', True)]
    >>> find_money("milk powder exports reached $1.1 billion", currency_hint="NZD")[0].amount.unit
    'NZD'
    >>> find_money("trade of nearly $1.6 billion")[0].hedge
    'nearly'
    >>> find_money("at an average price of US$79.9 per tonne"), find_money("537.94 million")
    ([], [])
    """
    if not isinstance(text, str) or not text:
        return []
    table = load_currencies()
    hint = _hint_code(table, currency_hint)
    raws: list[_Raw] = []
    if has_digit(text):
        _find_digit_money(text, table, hint, raws)
    if has_number_word(text):
        _find_word_money(text, table, hint, raws)
    if not raws:
        return []
    kept: list[_Raw] = first_non_overlapping(raws)
    # An exchange rate is no amount: "($1 = 145.5000 Kenyan shillings)".
    if len(kept) > 1:
        rate = set()
        for i in range(len(kept) - 1):
            if _RATE_JOIN_RE.fullmatch(text, kept[i].end, kept[i + 1].hedge_start):
                rate.update((i, i + 1))
        kept = [r for i, r in enumerate(kept) if i not in rate]
    # Ranges keep one scale: "$89 to $93 billion".
    for i in range(len(kept) - 1, 0, -1):
        a, b = kept[i - 1], kept[i]
        if (
            a.scale is None and b.scale is not None and a.unit == b.unit
            and a.value <= b.value / b.scale  # "$800,000 to $1.3 million" keeps its own scale
            and _RANGE_JOIN_RE.search(text, a.end, b.hedge_start)
        ):
            kept[i - 1] = a._replace(value=a.value * b.scale, scale=b.scale)
    out: list[FoundAmount] = []
    for i, r in enumerate(kept):
        bracketed = False
        m = _OPEN_BEFORE_RE.search(text, max(0, r.hedge_start - 30), r.hedge_start)
        if m is not None:
            before_end = len(text[: m.start()].rstrip())
            prev = kept[i - 1] if i else None
            if (prev is not None and prev.end == before_end) or _FIGURE_END_RE.search(
                text, max(0, before_end - 12), before_end
            ):
                bracketed = True
        unit = r.unit
        if (
            bracketed and r.shared_default and unit != r.shared_default
            and not (i and kept[i - 1].unit == r.shared_default)
        ):
            # A conversion in brackets is to the mark's default currency: "NZ$4.5 billion
            # ($3.84 billion)" is USD even in an AUD text; "US$5bn ($7bn)" stays AUD there.
            unit = r.shared_default
        surface = text[r.start : r.end]
        out.append(
            FoundAmount(
                r.start, r.end, surface, Amount(value=r.value, unit=unit, text=surface),
                bracketed, r.hedge,
            )
        )
    return out


def _written_scale(m: "re.Match[str]") -> Optional[Decimal]:
    """The multiplier of the scale written in a figure match, or None without one."""
    scale = m.group("scale") or m.group("scale_glued")
    if not scale:
        return None
    return scale_multiplier(scale) * scale_multiplier(m.group("scale2"))


def _find_digit_money(text: str, table: CurrencyTable, hint: Optional[str], raws: list) -> None:
    for m in iter_figures(text, FIGURE_RE):
        s, e = m.start("num"), m.end()
        start = end = None
        unit = shared_default = None
        negative = False
        p = table.prefix_re.search(text, max(0, s - table.max_prefix), s)
        if p is not None:
            kind_group = "sym" if p.group("sym") is not None else "tight"
            unit, shared = _resolve(table, p.group(kind_group), "symbol", hint)
            if unit is None:
                continue
            if (
                kind_group == "tight" and _written_scale(m) is None
                and not any(c in m.group("num") for c in ".,")
            ):
                continue  # "N95 masks", "P5 lenses": a glued letter needs a scale or a 1,234.5
            start, end = p.start(), e
            negative = p.group("neg") is not None
            if _MINUS_BEFORE_RE.search(text, max(0, start - 1), start):
                start -= 1
                negative = True
            if shared:
                shared_default = table.resolve[_symbol_key(p.group(kind_group))][0]
        else:
            if s > 0 and (text[s - 1].isalpha() or text[s - 1] in "-\u2212"):
                continue  # "G20", "COVID-19"
            x = table.suffix_re.match(text, e)
            if x is None:
                continue
            kind = "name" if x.group("name") is not None else "symbol"
            mark = x.group("name") if kind == "name" else x.group("sym")
            unit, shared = _resolve(table, mark, kind, hint)
            if unit is None:
                continue
            if (
                m.group("scale") is None and m.group("scale_glued") is None
                and _YEAR_RE.fullmatch(m.group("num"))
                and _YEAR_CONTEXT_RE.search(text, max(0, s - 12), s)
            ):
                continue  # "in 2015 dollars"
            start, end = s, x.end()
            if shared:
                shared_default = table.resolve[
                    _symbol_key(mark) if kind == "symbol" else _name_key(mark)
                ][0]
        if _PER_UNIT_RE.match(text, end) or _PERCENT_AFTER_RE.match(text, e):
            continue
        value = match_value(m)
        if value is None:
            continue
        if negative:
            value = -value
        scale = _written_scale(m)
        hedge = find_hedge(text, start)
        raws.append(
            _Raw(
                start, end, value, unit, scale, shared_default,
                hedge[0] if hedge else None, hedge[1] if hedge else start,
            )
        )


def _find_word_money(text: str, table: CurrencyTable, hint: Optional[str], raws: list) -> None:
    for m in table.word_money_re.finditer(text):
        if m.group("a") is not None and not m.group("scale"):
            continue
        unit, shared = _resolve(table, m.group("name"), "name", hint)
        if unit is None or _PER_UNIT_RE.match(text, m.end()):
            continue
        value = match_value(m)
        if value is None:
            continue
        start = m.start()
        hedge = find_hedge(text, start)
        shared_default = table.resolve[_name_key(m.group("name"))][0] if shared else None
        raws.append(
            _Raw(
                start, m.end(), value, unit, _written_scale(m), shared_default,
                hedge[0] if hedge else None, hedge[1] if hedge else start,
            )
        )


def parse_money(text: str, *, currency_hint: Optional[str] = None) -> Optional[Amount]:
    """The first money amount of ``text`` that is not a bracketed conversion, or None.

    >>> parse_money("US$1.01 trillion")
    Amount(value=Decimal('1010000000000'), unit='USD', text='US$1.01 trillion')
    >>> parse_money("Rs 3 lakh crore").value, parse_money("R45 billion", currency_hint="ZAR").unit
    (Decimal('3000000000000'), 'ZAR')
    >>> parse_money("R45 billion") is None, parse_money("2024") is None, parse_money(None) is None
    (True, True, True)
    """
    for found in find_money(text, currency_hint=currency_hint):
        if not found.bracketed:
            return found.amount
    return None
