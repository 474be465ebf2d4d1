"""spaCy components of the tradeclaims pipeline, registered through the ``spacy_factories`` entry point.

spaCy imports this module whenever a pipeline is created in an environment where
tradeclaims is installed, so it stays cheap to import: the normalizers and the claim
builder are imported when a component is first built, not at module level.

Every component keeps Doc extensions to plain data (lists of dicts with character
offsets), so ``Doc.to_bytes()`` and ``nlp.pipe(n_process=2)`` keep working.
"""
from __future__ import annotations

import re
import weakref
from typing import Any, Iterable

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

MENTIONS_ATTR = "tradeclaims_mentions"
CLAIMS_ATTR = "trade_claims"
PUBLISHED_ATTR = "published"
SPANS_KEY = "tradeclaims"

# Abbreviations that end in a period but do not end a sentence when a capitalised word
# follows ("Jan. 8", "No. 3", "Mr. Lim"); compared lower-case without the period.
_NON_FINAL = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos mr mrs ms dr st vs "
    "approx est inc corp co ltd gov rep sen prof gen col lt".split()
)
# Country and unit abbreviations that keep their period inside the token ("U.S.", "U.K.")
# end a sentence only when the next word could not continue a noun phrase.
_DOTTED_ABBREV = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_FINAL_MARKS = frozenset((".", "!", "?", "...", "…"))
_BREAK_CHARS = re.compile(r"[\n.!?…]")


# Doc.text joins every token anew on each call; the components of one pass share one copy.
_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc while the Doc lives."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def _set_extensions() -> None:
    for name in (MENTIONS_ATTR, CLAIMS_ATTR):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension(PUBLISHED_ATTR):
        # ISO date string or None: plain data so the Doc serializes.
        Doc.set_extension(PUBLISHED_ATTR, default=None)


def split_sentences(doc: Doc) -> Doc:
    """Mark sentence starts: at line breaks, and after ``.``/``!``/``?`` before a new sentence.

    Unlike spaCy's ``sentencizer`` it knows that news puts headlines and datelines on
    lines of their own, that "U.S." or "Jan." inside a sentence is no boundary, and that
    the period after "$1.5 bn." ends the sentence.
    """
    n = len(doc)
    if n == 0:
        return doc
    if doc.has_annotation("DEP"):
        # What Token.is_sent_start's setter says; checked once here, not once per token
        # (spaCy's setter scans the whole Doc on every call: quadratic in the text length).
        raise ValueError(Errors.E043)
    # Only tokens holding a line break or a sentence-final mark can end a sentence: they are
    # found by searching the text, and only they are looked at in Python (a Token object or
    # a string per token would cost more than the rest of the component).
    arr = doc.to_array([IDX, LENGTH, IS_SPACE]).astype(numpy.int64)
    source = doc_text(doc)
    marks = numpy.fromiter((m.start() for m in _BREAK_CHARS.finditer(source)), dtype=numpy.int64)
    candidates = numpy.unique(numpy.searchsorted(arr[:, 0], marks, side="right") - 1)
    candidates = candidates[(candidates >= 0) & (candidates < n - 1)].tolist()
    idx, length, is_space = arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist()

    def word(i: int) -> str:
        return source[idx[i]:idx[i] + length[i]]

    starts = numpy.full(n, -1, dtype=numpy.int64)
    starts[0] = 1
    after_space = 0  # the first non-space token after the last run of space tokens walked
    for i in candidates:
        text = word(i)
        if "\n" in text:
            # A paragraph or line break always ends a sentence in news text.
            j = after_space if after_space > i else i + 1  # each run of spaces is walked once
            while j < n and is_space[j]:
                j += 1
            after_space = j
            if j < n:
                starts[j] = 1
            continue
        if text in _FINAL_MARKS or (len(text) > 1 and text.endswith(".")):
            if is_space[i + 1]:
                continue
            nxt = word(i + 1)
            first = nxt[0]
            # A new sentence opens with a capital, a digit, a quote or a bracket.
            if not (first.isupper() or first.isdigit() or first in "\"'“‘(["):
                continue
            if text.endswith(".") and len(text) > 1:
                stem = text[:-1].lower()
                if stem in _NON_FINAL and (first.isdigit() or doc[i + 1].is_title):
                    continue
                if _DOTTED_ABBREV.match(text) and idx[i] + length[i] == idx[i + 1]:
                    continue
                if _DOTTED_ABBREV.match(text) and doc[i + 1].is_title and _continues_noun_phrase(nxt):
                    continue
            elif text == "." and i > 0 and word(i - 1).lower() in _NON_FINAL and first.isdigit():
                continue
            starts[i + 1] = 1
    # One write for the whole Doc: 1 = starts a sentence, -1 = does not.
    doc.from_array([SENT_START], starts.view(numpy.uint64).reshape((n, 1)))
    return doc


# After "U.S." a capitalised word usually continues the phrase ("U.S. Census Bureau",
# "U.S. Treasury") unless it is a word that opens sentences.
_SENTENCE_OPENERS = frozenset(
    "The A An In On At It Its This That These Those But And However Meanwhile Exports Imports "
    "Trade He She They We Officials Data According From During After Before While".split()
)


def _continues_noun_phrase(word: str) -> bool:
    return word not in _SENTENCE_OPENERS


@Language.factory(
    "tradeclaims_sentences",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_sentences(nlp: Language, name: str):
    """Sentence splitter for news text (headline lines, datelines, "U.S.", "$1.5 bn.").

    Args:
        nlp (Language): The pipeline.
        name (str): The component name.
    """
    return split_sentences


class MentionFinder:
    """Finds amounts, quantities, percents and periods and stores them as plain dicts.

    The gazetteer entities (countries, groups, agencies) come from the entity ruler that
    runs before it; this component adds the numeric and period mentions, found with the
    normalizers' compiled regular expressions on the text of each sentence, and writes
    them to ``doc._.tradeclaims_mentions`` (dicts with ``start``/``end`` character offsets).
    """

    def __init__(self, nlp: Language, name: str) -> None:
        _set_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(MENTIONS_ATTR, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[dict[str, Any]]:
        """Compute the mentions of ``doc`` without writing them."""
        from .mentions import find_mentions

        return find_mentions(doc, doc_text(doc))

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    "tradeclaims_mentions",
    assigns=[f"doc._.{MENTIONS_ATTR}"],
    requires=["token.is_sent_start"],
    default_config={},
)
def make_mentions(nlp: Language, name: str) -> MentionFinder:
    """Numeric and period mentions (amounts, quantities, percents, periods).

    Args:
        nlp (Language): The pipeline.
        name (str): The component name.
    """
    return MentionFinder(nlp, name)


class ClaimBuilder:
    """Builds trade claims from the mentions of each sentence (see CLAIMS.md).

    Writes ``doc._.trade_claims`` (a list of dicts in CLAIMS.md's JSON shape, with the
    evidence as character offsets) and ``doc.spans["tradeclaims"]`` (one span per claim,
    labelled with its flow). ``doc._.published`` (an ISO date string) anchors relative
    periods; set it before the Doc enters the pipeline.
    """

    def __init__(self, nlp: Language, name: str, *, spans_key: str = SPANS_KEY) -> None:
        if not isinstance(spans_key, str) or not spans_key:
            raise ValueError(f"`spans_key` value = {spans_key!r} is invalid; value must be a non-empty string")
        _set_extensions()
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        _TEXTS.pop(doc, None)  # the last reader of the shared text: a kept Doc keeps no copy
        return doc

    def match(self, doc: Doc) -> list[dict[str, Any]]:
        """Compute the claims of ``doc`` as plain dicts without writing them."""
        from .builder import build_claims

        return build_claims(doc, doc_text(doc))

    def set_annotations(self, doc: Doc, claims: list[dict[str, Any]]) -> None:
        """Write ``claims`` to ``doc._.trade_claims`` and ``doc.spans``."""
        doc._.set(CLAIMS_ATTR, claims)
        spans = []
        for claim in claims:
            ev = claim["evidence"]
            span = doc.char_span(ev["start"], ev["end"], label=claim["flow"], alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    "tradeclaims_claims",
    assigns=[f"doc._.{CLAIMS_ATTR}", "doc.spans"],
    requires=[f"doc._.{MENTIONS_ATTR}", "doc.ents"],
    default_config={"spans_key": SPANS_KEY},
)
def make_claims(nlp: Language, name: str, spans_key: str) -> ClaimBuilder:
    """The claim builder.

    Args:
        nlp (Language): The pipeline.
        name (str): The component name.
        spans_key (str): The ``doc.spans`` key the claim spans go to. Defaults to "tradeclaims".
    """
    return ClaimBuilder(nlp, name, spans_key=spans_key)


__all__ = ["make_sentences", "make_mentions", "make_claims", "split_sentences", "MentionFinder", "ClaimBuilder"]
