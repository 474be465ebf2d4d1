"""The pipeline and the plain verbs: ``make_nlp`` wires the components, ``extract`` runs them on a text."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from typing import Any, Iterable, Iterator, Optional, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .builder import names_a_flow
from .components import CLAIMS_ATTR, PUBLISHED_ATTR, _set_extensions
from .errors import invalid_value
from .models import TradeClaim
from .patterns import load_patterns

DateLike = Union[dt.date, dt.datetime, str, None]

#: Texts longer than this are processed in pieces cut at paragraph breaks, so memory stays
#: bounded and spaCy's ``max_length`` is never hit; offsets stay exact into the input.
CHUNK_CHARS = 100_000

_MARKUP_HINT = re.compile(r"<(?:!doctype|html|head|body|p|div|span|br|a|table|td|tr|li|ul|script|style|h[1-6])\b", re.I)
_MARKUP_BLOCK = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_MARKUP_TAG = re.compile(r"<[^<>]{0,2000}>", re.S)
_MARKUP_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});", re.I)


def make_nlp(base: str = "blank:en", *, patterns: Optional[Iterable[dict]] = None) -> Language:
    """Build the tradeclaims pipeline.

    Args:
        base: ``"blank:en"`` (the default: no model download, rules only) or the name or
            path of an installed spaCy pipeline to build on (its own components run first).
        patterns: Extra entity-ruler patterns (``{"label", "pattern", "id"}`` dicts) added
            after the shipped gazetteers, e.g. a newspaper's own spelling of a country.

    Returns:
        A ``Language`` with the components ``tradeclaims_sentences``, ``entity_ruler``,
        ``tradeclaims_mentions`` and ``tradeclaims_claims``.

    Raises:
        ValueError: ``base`` is not a string, or names no installed pipeline.

    >>> nlp = make_nlp()
    >>> nlp.pipe_names
    ['tradeclaims_sentences', 'entity_ruler', 'tradeclaims_mentions', 'tradeclaims_claims']
    """
    if not isinstance(base, str) or not base:
        raise ValueError(invalid_value("base", base, "'blank:en' or the name of an installed spaCy pipeline"))
    if base.startswith("blank:"):
        try:
            nlp = spacy.blank(base.split(":", 1)[1])
        except Exception as exc:  # spaCy raises ImportError/KeyError for unknown languages
            raise ValueError(invalid_value("base", base, "'blank:<language code>', e.g. 'blank:en'")) from exc
    else:
        try:
            nlp = spacy.load(base, exclude=["ner"])
        except OSError as exc:
            raise ValueError(invalid_value("base", base, "'blank:en' or an installed spaCy pipeline")) from exc
    _set_extensions()
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("tradeclaims_sentences", **({"before": first} if first else {}))
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    all_patterns = load_patterns()
    if patterns is not None:
        extra = list(patterns)
        for p in extra:
            if not isinstance(p, dict) or not {"label", "pattern"} <= set(p):
                raise ValueError(invalid_value("patterns", p, "dicts with 'label', 'pattern' and optionally 'id'"))
        all_patterns.extend(extra)
    ruler.add_patterns(all_patterns)
    nlp.add_pipe("tradeclaims_mentions")
    nlp.add_pipe("tradeclaims_claims")
    return nlp


@functools.lru_cache(maxsize=1)
def _default_nlp() -> Language:
    return make_nlp()


def _published_iso(published: DateLike) -> Optional[str]:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date().isoformat()
    if isinstance(published, dt.date):
        return published.isoformat()
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip()[:10]).isoformat()
        except ValueError:
            pass
    raise ValueError(invalid_value("published", published, "a date, a datetime, an ISO date string 'YYYY-MM-DD' or None"))


def mask_markup(text: str) -> str:
    """Blank out HTML tags, scripts and entities with spaces, keeping every offset in place.

    >>> mask_markup("<p>Exports rose 5%.</p>")
    '   Exports rose 5%.    '
    """
    if not _MARKUP_HINT.search(text):
        return text
    blank = lambda m: " " * len(m.group())  # noqa: E731 - same length keeps offsets exact
    text = _MARKUP_BLOCK.sub(blank, text)
    text = _MARKUP_TAG.sub(blank, text)
    return _MARKUP_ENTITY.sub(blank, text)


def _chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Pieces of at most about ``limit`` characters, cut at paragraph (else line, else space)
    breaks, made one at a time as they are read."""
    if len(text) <= limit:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, start + limit // 2, end)
                if cut > 0:
                    end = cut + len(sep)
                    break
        yield start, text[start:end]
        start = end


def _check_text(text: Any, name: str = "text") -> str:
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(f"`{name}` must be str, not bytes; decode it first, e.g. text.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"`{name}` must be str, not {type(text).__name__}")
    return text


def _make_doc(nlp: Language, text: str, published: Optional[str]) -> Doc:
    doc = nlp.make_doc(text)
    doc._.set(PUBLISHED_ATTR, published)
    return doc


def claims_from_doc(doc: Doc) -> list[TradeClaim]:
    """The claims a processed ``Doc`` holds, as ``TradeClaim`` objects.

    Args:
        doc: A Doc that went through a pipeline with ``tradeclaims_claims``.

    Raises:
        ValueError: The Doc was not processed by ``tradeclaims_claims``.
    """
    if not Doc.has_extension(CLAIMS_ATTR) or doc._.get(CLAIMS_ATTR) is None:
        raise ValueError("`doc` has no trade claims; run it through make_nlp() or a pipeline with 'tradeclaims_claims'")
    return [TradeClaim.model_validate(c) for c in doc._.get(CLAIMS_ATTR)]


def _shift(claim: dict, offset: int, source: str) -> dict:
    ev = claim["evidence"]
    start, end = ev["start"] + offset, ev["end"] + offset
    return {**claim, "evidence": {"start": start, "end": end, "text": source[start:end]}}


def extract_dicts(text: str, *, published: DateLike = None, title: Optional[str] = None,
                  nlp: Optional[Language] = None) -> list[dict]:
    """Like ``extract`` but returns plain dicts (the JSON shape), for batch jobs."""
    return list(_claim_dicts(*_checked(text, published, title), nlp))


def _checked(text: Any, published: Any, title: Any) -> tuple[str, Optional[str], Optional[str]]:
    text = _check_text(text)
    if title is not None:
        title = _check_text(title, "title")
    return text, _published_iso(published), title


def _claim_dicts(text: str, iso: Optional[str], title: Optional[str], nlp: Optional[Language]) -> Iterator[dict]:
    """The claim dicts of ``text``, piece by piece: memory holds one piece's claims at a time."""
    if not text.strip():
        return
    masked = mask_markup(text)
    prefix = ""
    if title and title.strip() and title.strip() not in masked[:len(title) + 200]:
        # The headline sets the context (country, period) but is not part of the text:
        # read it in front, then keep only the claims of the text itself.
        prefix = mask_markup(title.strip()) + "\n\n"
    # Sentences of earlier pieces that gave claims: a repeat gives no claims again. Their
    # 16-byte digests are kept rather than the sentences themselves.
    seen_before: set[bytes] = set()
    for offset, piece in _chunks(masked):
        body = prefix + piece if offset == 0 else piece
        if not names_a_flow(body):
            continue  # no flow word, no claim: the pipeline is not run
        nlp = nlp or _default_nlp()
        doc = nlp(_make_doc(nlp, body, iso))
        shift = offset - (len(prefix) if offset == 0 else 0)
        this_piece: set[bytes] = set()
        for c in doc._.get(CLAIMS_ATTR) or []:
            if c["evidence"]["start"] + shift < 0:
                continue
            claim = _shift(c, shift, text)
            key = hashlib.blake2b(claim["evidence"]["text"].encode("utf-8", "surrogatepass"), digest_size=16).digest()
            if key in seen_before:
                continue
            this_piece.add(key)
            yield claim
        seen_before |= this_piece


def extract_iter(text: str, *, published: DateLike = None, title: Optional[str] = None) -> Iterator[TradeClaim]:
    """Like ``extract``, but yields the claims as the text is read, for texts of any size.

    A text longer than about 100,000 characters is read in pieces cut at paragraph
    breaks; the claims of each piece are yielded before the next piece is read, so
    memory stays bounded however long the text is (``extract`` holds them all at the
    end). Offsets stay exact into ``text``. Arguments are checked, and errors raised,
    when it is called, not when the first claim is asked for.

    Args:
        text: The article (or any long document) as plain text.
        published: The publication date: a ``date``, ``datetime``, ISO string or None.
        title: The headline, when it is not already the first line of ``text``.

    Returns:
        An iterator of ``TradeClaim`` in text order, the same claims ``extract`` returns.

    Raises:
        TypeError: ``text`` or ``title`` is not a str.
        ValueError: ``published`` is not a date, datetime, ISO date string or None.

    >>> claims = extract_iter("Exports rose 5% to $2 billion in May.", published="2024-06-01")
    >>> [(c.flow, int(c.amount.value)) for c in claims]
    [('export', 2000000000)]
    """
    dicts = _claim_dicts(*_checked(text, published, title), None)
    return (TradeClaim.model_validate(c) for c in dicts)


def extract(text: str, *, published: DateLike = None, title: Optional[str] = None) -> list[TradeClaim]:
    """Every trade claim of a news text, typed and linked to the sentence it came from.

    Args:
        text: The article as plain text (HTML tags are blanked out, offsets kept).
        published: The publication date: a ``date``, ``datetime``, ISO string or None.
            Periods without a written year ("in September") are resolved against it;
            without it they are None.
        title: The headline, when it is not already the first line of ``text``; it gives
            context (country, period) but no claims of its own.

    Returns:
        The claims in text order; ``[]`` for an empty text or one without trade figures.

    Raises:
        TypeError: ``text`` or ``title`` is not a str.
        ValueError: ``published`` is not a date, datetime, ISO date string or None.

    >>> claims = extract("Cambodia's exports to Japan rose 19.3% to $1.057 billion in September.",
    ...                  published="2024-10-29")
    >>> c = claims[0]
    >>> (c.flow, c.reporter, c.partner, str(c.period.start), int(c.amount.value), c.amount.unit, float(c.change.percent))
    ('export', 'KHM', 'JPN', '2024-09-01', 1057000000, 'USD', 19.3)
    """
    return [TradeClaim.model_validate(c) for c in extract_dicts(text, published=published, title=title)]


__all__ = ["make_nlp", "extract", "extract_iter", "extract_dicts", "claims_from_doc", "mask_markup"]
