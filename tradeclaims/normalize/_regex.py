"""Speed-ups shared by the normalizers and the claim builder: regular expressions that reject
most positions on their first character, and a cache for sentence-sized texts.

Python's ``re`` tries every alternative of a pattern at every position of a string; the
pattern helpers build patterns that reject most positions on their first character instead.
"""
from __future__ import annotations

import functools
import re
from typing import Callable, Optional, TypeVar

try:  # the parser is private; the speed-up it buys is optional, so its absence is not fatal
    from re import _constants as _sre_c, _parser as _sre_p  # Python >= 3.11
except ImportError:  # pragma: no cover
    try:
        import sre_constants as _sre_c  # type: ignore[no-redef]
        import sre_parse as _sre_p  # type: ignore[no-redef]
    except ImportError:
        _sre_c = _sre_p = None


def trie(words: list[str]) -> str:
    """A regex matching any of ``words``, shared prefixes factored out.

    A flat 50-way alternation is tried branch by branch at every position; a trie fails on
    the first character, which is most of the cost of scanning a sentence.
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root)


def _first_chars(items, icase: bool) -> tuple[Optional[set], bool]:
    """(characters a match of ``items`` can start with or None for any, can it be empty)."""
    out: set = set()
    for op, av in items:
        if op is _sre_c.LITERAL:
            ch = chr(av)
            chars, nullable = ({ch, ch.lower(), ch.upper()} if icase else {ch}), False
        elif op is _sre_c.IN:
            chars, nullable = set(), False
            for kind, value in av:
                if kind is _sre_c.LITERAL:
                    chars |= {chr(value), chr(value).lower(), chr(value).upper()} if icase else {chr(value)}
                elif kind is _sre_c.RANGE and value[1] - value[0] < 128:
                    for code in range(value[0], value[1] + 1):
                        ch = chr(code)
                        chars |= {ch, ch.lower(), ch.upper()} if icase else {ch}
                elif kind is _sre_c.CATEGORY and value is _sre_c.CATEGORY_DIGIT:
                    chars |= set("0123456789")  # news digits are ASCII; others are not sought
                else:
                    return None, False  # a category or a negated set: anything
        elif op is _sre_c.BRANCH:
            chars, nullable = set(), False
            for alt in av[1]:
                c, n = _first_chars(alt, icase)
                if c is None:
                    return None, False
                chars |= c
                nullable = nullable or n
        elif op is _sre_c.SUBPATTERN:
            _, add, remove, sub = av
            sub_icase = (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            chars, nullable = _first_chars(sub, sub_icase)
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
            chars, nullable = _first_chars(av[2], icase)
            nullable = nullable or av[0] == 0
        elif op in (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT):
            chars, nullable = set(), True  # zero-width: ignoring it only widens the set
        else:
            return None, False
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def first_char_filtered(rx: re.Pattern, first_words: tuple[str, ...] = (), *, word_start: bool = True) -> re.Pattern:
    r"""``rx`` behind a lookahead for its possible first characters (and, with ``word_start``,
    anchored at a word start: only for a pattern whose every match starts a word).

    The same matches, several times cheaper: sre otherwise tries every alternative of a rule
    at every position of the sentence, and a one-character test rejects most of them. With
    ``first_words`` (every word a match can start with, lower case; digits start any match
    with a leading digit) the lookahead tests whole words, built as a trie so that sre's
    literal fast path rejects a word on its first letter.

    >>> rx = first_char_filtered(re.compile(r"\b(?:exports?|imports?)\b", re.I))
    >>> print(rx.pattern)
    \b(?=[EIei])(?:\b(?:exports?|imports?)\b)
    >>> [m.group() for m in rx.finditer("Exports and imports rose; re-exports fell")]
    ['Exports', 'imports', 'exports']
    """
    head = r"\b" if word_start else ""
    # a verbose pattern may end in a comment: the group must close on a line of its own
    tail = "\n)" if rx.flags & re.VERBOSE else ")"
    if first_words:
        forms = [f for w in first_words for f in (w, w.capitalize(), w.upper())]
        head += r"(?=(?:" + trie(forms) + r")(?![a-z])|\d)"
        return re.compile(head + "(?:" + rx.pattern + tail, rx.flags)
    try:
        chars, nullable = _first_chars(_sre_p.parse(rx.pattern, rx.flags), bool(rx.flags & re.I))
    except Exception:  # pragma: no cover - an unknown parser shape: keep the plain pattern
        chars, nullable = None, True
    if chars and not nullable and len(chars) < 200:
        head += "(?=[" + "".join("\\" + c if c in "\\]^-[" else c for c in sorted(chars)) + "])"
    elif not word_start:
        return rx  # nothing to gain
    return re.compile(head + "(?:" + rx.pattern + tail, rx.flags)


#: Texts up to this length (a long sentence) are cached by :func:`sentence_cache`.
SENTENCE_CHARS = 2_000

_F = TypeVar("_F", bound=Callable)


def sentence_cache(maxsize: int) -> Callable[[_F], _F]:
    """Cache a function of ``(text, *args)`` for texts up to :data:`SENTENCE_CHARS` characters.

    The mention finder and the claim builder read the same sentences, and every figure of a
    sentence searches it again: the cache saves the repeats. Longer texts are computed, not
    kept, so the cache stays small whatever is read. The function must return immutable
    values. ``cache_info`` and ``cache_clear`` are the cache's.
    """
    def decorate(fn: _F) -> _F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)

        @functools.wraps(fn)
        def call(text, *args):
            return (cached if len(text) <= SENTENCE_CHARS else fn)(text, *args)

        call.cache_info, call.cache_clear = cached.cache_info, cached.cache_clear  # type: ignore[attr-defined]
        return call  # type: ignore[return-value]

    return decorate


__all__ = ["trie", "first_char_filtered", "sentence_cache", "SENTENCE_CHARS"]
