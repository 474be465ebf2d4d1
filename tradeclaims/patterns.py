"""The entity-ruler patterns built from the gazetteers: COUNTRY, DEMONYM, CAPITAL, GROUP, AGENCY.

Every pattern is a phrase pattern (a plain string), matched case-sensitively on token
text, so the ruler tokenizes it with the pipeline's own tokenizer. The ``id`` of each
pattern is the code a claim needs: the country's alpha-3 code for COUNTRY, DEMONYM and
CAPITAL; the CLAIMS.md partner code for GROUP (``"EU"``, ``"ASEAN"``, ..., ``"OTHER"``);
the reporting country (or group) for AGENCY. No spaCy import: adding them to a
pipeline is the caller's job::

    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(build_patterns())

>>> sorted({p["label"] for p in build_patterns()})
['AGENCY', 'CAPITAL', 'COUNTRY', 'DEMONYM', 'GROUP']
>>> {"label": "AGENCY", "pattern": "GDCE", "id": "KHM"} in build_patterns()
True
"""
from __future__ import annotations

import functools
from collections.abc import Iterator

from tradeclaims import resources

__all__ = ["LABELS", "build_patterns", "load_patterns", "write_patterns", "PATTERNS_FILE"]

#: Entity labels the patterns use, in the order they are built.
LABELS: tuple[str, ...] = ("COUNTRY", "DEMONYM", "CAPITAL", "GROUP", "AGENCY")

_STRAIGHT, _CURLY = "'", "\u2019"


def _variants(surface: str, *, upper: bool = False) -> Iterator[str]:
    """The surface as stored, with a typographic apostrophe, and optionally upper-cased.

    News copy prints "Côte d’Ivoire" as often as "Côte d'Ivoire"; datelines print
    cities in capitals ("KYIV:", "SANTIAGO, Nov 8 (Reuters)").
    """
    forms = [surface]
    if _STRAIGHT in surface:
        forms.append(surface.replace(_STRAIGHT, _CURLY))
    if upper:
        forms.extend([form.upper() for form in forms])
    seen: set[str] = set()
    for form in forms:
        if form not in seen:
            seen.add(form)
            yield form


@functools.cache
def _patterns() -> tuple[tuple[str, str, str], ...]:
    """Builds ``(label, pattern, id)`` triples once; see :func:`build_patterns`."""
    triples: list[tuple[str, str, str]] = []
    for entry in resources.countries():
        for surface in (entry.name, *entry.aliases):
            triples.extend(("COUNTRY", form, entry.id) for form in _variants(surface))
        for surface in entry.demonyms:
            triples.extend(("DEMONYM", form, entry.id) for form in _variants(surface))
        for surface in entry.capitals:
            triples.extend(
                ("CAPITAL", form, entry.id) for form in _variants(surface, upper=True)
            )
    for group in resources.groups():
        for surface in group.surfaces:
            triples.extend(("GROUP", form, group.code) for form in _variants(surface))
    for agency in resources.agencies():
        for surface in agency.surfaces:
            triples.extend(("AGENCY", form, agency.country) for form in _variants(surface))

    # Stored surfaces are unique (the loader checks), but a generated variant could
    # still equal another entry's surface (an upper-cased capital equal to an acronym):
    # fail loudly rather than let one of them win silently.
    claimed: dict[str, tuple[str, str]] = {}
    unique: list[tuple[str, str, str]] = []
    for label, pattern, code in triples:
        if pattern in claimed:
            if claimed[pattern] != (label, code):
                raise resources.GazetteerError(
                    f"pattern {pattern!r} would be both {claimed[pattern]} and {(label, code)}"
                )
            continue
        claimed[pattern] = (label, code)
        unique.append((label, pattern, code))
    return tuple(unique)


def build_patterns() -> list[dict[str, str]]:
    """Returns entity-ruler phrase patterns for every gazetteer surface.

    The patterns are built once and cached; each call returns a new list of new dicts,
    so a caller may change what it gets without affecting later calls.

    Each surface yields its stored form, a form with a typographic apostrophe (’) when
    it has a straight one, and, for capitals, the all-caps dateline form. No two
    patterns share a string.

    Returns:
        Dicts ``{"label": ..., "pattern": ..., "id": ...}`` ready for
        ``EntityRuler.add_patterns``: label COUNTRY, DEMONYM or CAPITAL with the
        alpha-3 code as id; GROUP with the CLAIMS.md group code; AGENCY with the code
        of the country (or group) the agency reports for.

    Raises:
        tradeclaims.resources.GazetteerError: The data files are malformed, or a
            generated variant of one surface equals a surface of another entry.
    """
    return [{"label": label, "pattern": pattern, "id": code}
            for label, pattern, code in _patterns()]


#: The shipped pattern file the pipeline's entity ruler reads (regenerate with
#: ``python -m tradeclaims.patterns``; a test checks it matches the gazetteers).
PATTERNS_FILE = "patterns.jsonl"


@functools.cache
def _shipped() -> tuple[tuple[str, str, str], ...]:
    import importlib.resources
    import json

    rows = []
    text = importlib.resources.files("tradeclaims").joinpath("data", PATTERNS_FILE).read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if set(row) != {"label", "pattern", "id"} or row["label"] not in LABELS:
            raise resources.GazetteerError(f"{PATTERNS_FILE}:{n}: expected label/pattern/id with a label in {LABELS}")
        rows.append((row["label"], row["pattern"], row["id"]))
    return tuple(rows)


def load_patterns() -> list[dict[str, str]]:
    """The entity-ruler patterns as shipped in ``data/patterns.jsonl`` (what ``make_nlp`` uses).

    The file is generated from the gazetteers by ``python -m tradeclaims.patterns``;
    it holds exactly what :func:`build_patterns` returns.

    Raises:
        tradeclaims.resources.GazetteerError: A line lacks ``label``/``pattern``/``id``.

    >>> load_patterns() == build_patterns()
    True
    """
    return [{"label": label, "pattern": pattern, "id": code} for label, pattern, code in _shipped()]


def write_patterns(path) -> int:
    """Write :func:`build_patterns` as JSON lines to ``path``; returns the number written."""
    import json

    patterns = build_patterns()
    with open(path, "w", encoding="utf-8") as f:
        for p in patterns:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    return len(patterns)


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    import importlib.resources

    target = importlib.resources.files("tradeclaims").joinpath("data", PATTERNS_FILE)
    print(f"wrote {write_patterns(str(target))} patterns to {target}")
