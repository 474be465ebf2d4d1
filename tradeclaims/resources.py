"""The gazetteers: loading and validating the country, group and agency data files, no spaCy.

The files live in ``tradeclaims/data`` (see ``SOURCES.md`` there). Every public function
is cached and returns immutable data, so callers may share the results freely. Loading
any one gazetteer loads and cross-checks all three, because a surface (a name, alias,
demonym or capital) must belong to exactly one entry across the files.

>>> country("JPN").name
'Japan'
>>> country("KHM").currency
'KHR'
"""
from __future__ import annotations

import functools
import json
import types
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import pycountry

if TYPE_CHECKING:  # importlib.resources.abc is 3.11+; only the annotations need it
    from importlib.resources.abc import Traversable

__all__ = [
    "GROUP_CODES",
    "Agency",
    "Country",
    "GazetteerError",
    "Group",
    "agencies",
    "countries",
    "country",
    "groups",
]

#: Partner codes CLAIMS.md allows for groups; ``OTHER`` covers every other named group.
GROUP_CODES: frozenset[str] = frozenset(
    {"EU", "ASEAN", "RCEP", "GCC", "MERCOSUR", "BRICS", "AFRICA", "LATAM", "BRI", "OTHER"}
)

#: Non-Gregorian calendars a country record may declare.
CALENDARS: frozenset[str] = frozenset({"persian"})

COUNTRIES_FILE = "countries.jsonl"
GROUPS_FILE = "groups.jsonl"
AGENCIES_FILE = "agencies.jsonl"


class GazetteerError(ValueError):
    """A gazetteer file is malformed: the message names the file, the line and the problem."""


@dataclass(frozen=True)
class Country:
    """An ISO 3166-1 country or territory and the surfaces news prints for it.

    Attributes:
        id: ISO 3166-1 alpha-3 code, e.g. ``"JPN"``.
        name: Display name, e.g. ``"Japan"``.
        aliases: Other names as printed, case-exact (``"U.S."``, ``"Britain"``).
        demonyms: Adjectives and nationalities (``"Japanese"``).
        capitals: Capital and main dateline cities (``"Tokyo"``).
        currency: ISO 4217 code of the country's own currency, or None (Antarctica).
        fiscal_year_start: First month (1-12) of the fiscal year trade news reports
            by, or None when that is the calendar year.
        calendar: ``"persian"`` where the official year is not Gregorian, else None.
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    currency: str | None = None
    fiscal_year_start: int | None = None
    calendar: str | None = None

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Every string that names this country: name, aliases, demonyms and capitals."""
        return (self.name, *self.aliases, *self.demonyms, *self.capitals)


@dataclass(frozen=True)
class Group:
    """A named group of countries (a bloc, an agreement or a region).

    Attributes:
        id: Unique key; equal to ``code`` except for ``OTHER`` groups (``"G7"``).
        code: The partner code CLAIMS.md uses: one of :data:`GROUP_CODES`.
        name: Display name, e.g. ``"European Union"``.
        aliases: Other names as printed, case-exact (``"EU"``).
    """

    id: str
    code: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Every string that names this group: name and aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Agency:
    """A statistics, customs or trade body whose figures a claim can cite.

    Attributes:
        id: Unique key, e.g. ``"GDCE"``.
        name: Full name, e.g. ``"General Department of Customs and Excise"``.
        aliases: Other names and acronyms as printed, case-exact.
        country: ISO alpha-3 code of the country it reports for, or a group code
            (``"EU"`` for Eurostat).
    """

    id: str
    name: str
    aliases: tuple[str, ...]
    country: str

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Every string that names this agency: name and aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class _Gazetteers:
    countries: tuple[Country, ...]
    groups: tuple[Group, ...]
    agencies: tuple[Agency, ...]


# Keys per file: required, optional.
_SCHEMAS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    COUNTRIES_FILE: (
        frozenset({"id", "name", "aliases", "demonyms", "capitals", "currency"}),
        frozenset({"fiscal_year_start", "calendar"}),
    ),
    GROUPS_FILE: (frozenset({"id", "code", "name", "aliases"}), frozenset()),
    AGENCIES_FILE: (frozenset({"id", "name", "aliases", "country"}), frozenset()),
}


def _load_jsonl(
    path: Traversable, required: Iterable[str], optional: Iterable[str] = ()
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Reads a JSON-lines file, checking each record's keys.

    Blank lines are skipped; line numbers count from 1 as an editor shows them.

    Args:
        path: The file (a ``pathlib.Path`` or an ``importlib.resources`` Traversable).
        required: Keys every record must have.
        optional: Keys a record may have besides the required ones.

    Yields:
        ``(line_number, record)`` pairs.

    Raises:
        GazetteerError: A line is not a JSON object, or has missing or unknown keys.
    """
    required = frozenset(required)
    allowed = required | frozenset(optional)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path.name}: cannot read: {exc}") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GazetteerError(f"{path.name}:{number}: invalid JSON: {exc.msg}") from exc
        if not isinstance(record, dict):
            raise GazetteerError(f"{path.name}:{number}: expected a JSON object")
        missing = sorted(required - record.keys())
        if missing:
            raise GazetteerError(f"{path.name}:{number}: missing keys {missing}")
        unknown = sorted(record.keys() - allowed)
        if unknown:
            raise GazetteerError(f"{path.name}:{number}: unknown keys {unknown}")
        yield number, record


def _string(where: str, record: Mapping[str, Any], key: str) -> str:
    value = record[key]
    if not isinstance(value, str) or not value or value != value.strip():
        raise GazetteerError(f"{where}: {key!r} must be a non-empty string without "
                             f"surrounding spaces, got {value!r}")
    return value


def _strings(where: str, record: Mapping[str, Any], key: str) -> tuple[str, ...]:
    values = record[key]
    if not isinstance(values, list):
        raise GazetteerError(f"{where}: {key!r} must be a list, got {values!r}")
    for value in values:
        if not isinstance(value, str) or not value or value != value.strip():
            raise GazetteerError(f"{where}: {key!r} holds {value!r}: surfaces must be "
                                 "non-empty strings without surrounding spaces")
    return tuple(values)


def _is_alpha3(code: str) -> bool:
    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


def _parse_countries(path: Traversable) -> list[tuple[str, Country]]:
    required, optional = _SCHEMAS[COUNTRIES_FILE]
    parsed = []
    for number, record in _load_jsonl(path, required, optional):
        where = f"{path.name}:{number}"
        code = _string(where, record, "id")
        if not _is_alpha3(code):
            raise GazetteerError(f"{where}: id {code!r} is not an ISO 3166-1 alpha-3 code")
        currency = record["currency"]
        if currency is not None and (
            not isinstance(currency, str) or pycountry.currencies.get(alpha_3=currency) is None
        ):
            raise GazetteerError(f"{where}: currency {currency!r} is not an ISO 4217 code")
        fiscal = record.get("fiscal_year_start")
        # bool is an int subclass: reject true/false explicitly
        if fiscal is not None and (
            not isinstance(fiscal, int) or isinstance(fiscal, bool) or not 1 <= fiscal <= 12
        ):
            raise GazetteerError(f"{where}: fiscal_year_start must be a month 1-12, "
                                 f"got {fiscal!r}")
        calendar = record.get("calendar")
        if calendar is not None and calendar not in CALENDARS:
            raise GazetteerError(f"{where}: calendar must be one of {sorted(CALENDARS)}, "
                                 f"got {calendar!r}")
        parsed.append((where, Country(
            id=code,
            name=_string(where, record, "name"),
            aliases=_strings(where, record, "aliases"),
            demonyms=_strings(where, record, "demonyms"),
            capitals=_strings(where, record, "capitals"),
            currency=currency,
            fiscal_year_start=fiscal,
            calendar=calendar,
        )))
    return parsed


def _parse_groups(path: Traversable) -> list[tuple[str, Group]]:
    required, optional = _SCHEMAS[GROUPS_FILE]
    parsed = []
    for number, record in _load_jsonl(path, required, optional):
        where = f"{path.name}:{number}"
        group_id = _string(where, record, "id")
        code = _string(where, record, "code")
        if code not in GROUP_CODES:
            raise GazetteerError(f"{where}: code {code!r} is not one of {sorted(GROUP_CODES)}")
        # One record per claim code keeps "which group is EU" unambiguous.
        if code != "OTHER" and group_id != code:
            raise GazetteerError(f"{where}: id {group_id!r} must equal its code {code!r}")
        if code == "OTHER" and group_id in GROUP_CODES:
            raise GazetteerError(f"{where}: an OTHER group cannot take the id {group_id!r}")
        parsed.append((where, Group(
            id=group_id,
            code=code,
            name=_string(where, record, "name"),
            aliases=_strings(where, record, "aliases"),
        )))
    return parsed


def _parse_agencies(path: Traversable) -> list[tuple[str, Agency]]:
    required, optional = _SCHEMAS[AGENCIES_FILE]
    parsed = []
    for number, record in _load_jsonl(path, required, optional):
        where = f"{path.name}:{number}"
        owner = _string(where, record, "country")
        if not (_is_alpha3(owner) or (owner in GROUP_CODES and owner != "OTHER")):
            raise GazetteerError(f"{where}: country {owner!r} is neither an ISO alpha-3 "
                                 "code nor a group code")
        parsed.append((where, Agency(
            id=_string(where, record, "id"),
            name=_string(where, record, "name"),
            aliases=_strings(where, record, "aliases"),
            country=owner,
        )))
    return parsed


def _check_unique_ids(entries: list[tuple[str, Any]]) -> None:
    seen: dict[str, str] = {}
    for where, entry in entries:
        if entry.id in seen:
            raise GazetteerError(f"{where}: id {entry.id!r} already used at {seen[entry.id]}")
        seen[entry.id] = where


def _check_unique_surfaces(entries: Iterable[tuple[str, Any]]) -> None:
    # Exact strings: a shorter surface inside a longer one ("Guinea" in "Papua New
    # Guinea") is fine, since the entity ruler keeps the longest match.
    seen: dict[str, str] = {}
    for where, entry in entries:
        for surface in entry.surfaces:
            if surface in seen:
                other = seen[surface]
                problem = "twice in one entry" if other == where else f"also at {other}"
                raise GazetteerError(f"{where}: surface {surface!r} of {entry.id!r} "
                                     f"appears {problem}")
            seen[surface] = where


def _load_all(directory: Traversable) -> _Gazetteers:
    """Loads and validates the three gazetteer files found in ``directory``.

    Args:
        directory: Folder holding ``countries.jsonl``, ``groups.jsonl`` and
            ``agencies.jsonl``.

    Returns:
        The parsed gazetteers, in file order.

    Raises:
        GazetteerError: Any file is malformed, an id repeats within a file, or a
            surface is shared by two entries across the files.
    """
    country_entries = _parse_countries(directory / COUNTRIES_FILE)
    group_entries = _parse_groups(directory / GROUPS_FILE)
    agency_entries = _parse_agencies(directory / AGENCIES_FILE)
    for entries in (country_entries, group_entries, agency_entries):
        _check_unique_ids(entries)
    _check_unique_surfaces([*country_entries, *group_entries, *agency_entries])
    return _Gazetteers(
        countries=tuple(entry for _, entry in country_entries),
        groups=tuple(entry for _, entry in group_entries),
        agencies=tuple(entry for _, entry in agency_entries),
    )


@functools.cache
def _gazetteers() -> _Gazetteers:
    return _load_all(files("tradeclaims") / "data")


@functools.cache
def countries() -> tuple[Country, ...]:
    """Returns every ISO 3166-1 country and territory, sorted by alpha-3 code.

    Raises:
        GazetteerError: The data files are malformed.
    """
    return _gazetteers().countries


@functools.cache
def groups() -> tuple[Group, ...]:
    """Returns the named country groups: the CLAIMS.md codes first, then ``OTHER`` ones.

    Raises:
        GazetteerError: The data files are malformed.
    """
    return _gazetteers().groups


@functools.cache
def agencies() -> tuple[Agency, ...]:
    """Returns the statistics, customs and trade agencies, each mapped to its country.

    Raises:
        GazetteerError: The data files are malformed.
    """
    return _gazetteers().agencies


@functools.cache
def _countries_by_id() -> Mapping[str, Country]:
    return types.MappingProxyType({entry.id: entry for entry in countries()})


def country(code: str) -> Country | None:
    """Looks a country up by its ISO 3166-1 alpha-3 code.

    Args:
        code: An alpha-3 code such as ``"KHM"``; case-sensitive.

    Returns:
        The country, or None when the code is unknown.

    Raises:
        GazetteerError: The data files are malformed.
    """
    return _countries_by_id().get(code)
