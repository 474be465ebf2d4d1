"""The ``tradeclaims`` command line: read articles from files, folders or stdin, write their claims.

Synopsis::

    tradeclaims extract PATH... [--format jsonl|json|csv] [--published DATE] [--title TITLE]
                                [-o FILE] [--glob PATTERN] [--quiet]
    tradeclaims --version
    python -m tradeclaims ...

Exit status: 0 when every input was read, 1 when some could not be (each is named on
stderr, the others are still processed), 2 on a usage error. See ``docs/cli.md``.

The extraction pipeline (and so spaCy) is imported only when there is text to read, so
``tradeclaims --help`` stays fast.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import fnmatch
import io
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterator, Optional, Sequence

from . import __version__
from .errors import invalid_value

__all__ = ["main", "build_parser", "split_front_matter", "FrontMatterError"]

PROG = "tradeclaims"
FORMATS = ("jsonl", "json", "csv")
DEFAULT_GLOBS = ("*.txt", "*.md")
_WRITE_BATCH = 1_000  # claims written at a time: one article's usually, a huge text's in parts
#: The name a text read from standard input has in the output's ``source``.
STDIN_SOURCE = "<stdin>"

# YAML front matter as static-site generators and news exporters write it: a ``---`` line
# first (after an optional BOM), the YAML, then a closing ``---`` (or YAML's ``...``) line.
_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?:(?P<yaml>.*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
    re.S,
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?\Z", re.S)
_ISO_ALLOWED = "an ISO date 'YYYY-MM-DD' (a time after it is ignored)"


class FrontMatterError(ValueError):
    """The YAML front matter of a text is not valid YAML, not a mapping, or has a bad field."""


class UnreadableInput(Exception):
    """An input that cannot be read; the message is the reason shown on stderr."""


class _PipelineUnavailable(Exception):
    """The extraction pipeline cannot be imported: no input can be processed."""


@dataclass(frozen=True)
class FrontMatter:
    """What the front matter of one text says, and where the body starts.

    Attributes:
        published: ``date``/``published`` as a date, or None.
        title: ``title`` as a string, or None.
        body_offset: Offset of the first body character in the original text (0 when
            the text has no front matter).
    """

    published: Optional[dt.date] = None
    title: Optional[str] = None
    body_offset: int = 0


def _parse_iso_date(value: str) -> Optional[dt.date]:
    """``2025-10-12`` (or ``2025-10-12T08:00:00Z``) as a date, else None."""
    value = value.strip()
    if not _ISO_DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def split_front_matter(text: str) -> FrontMatter:
    """Read the YAML front matter at the top of ``text``, if any.

    Args:
        text: The whole file as read.

    Returns:
        The front matter's ``published`` (from ``published``, else ``date``) and
        ``title``, and the offset where the body starts; an empty ``FrontMatter`` when
        ``text`` does not start with a ``---`` line closed by another ``---`` line.

    Raises:
        FrontMatterError: The front matter is not valid YAML, not a mapping, or its date
            or title has the wrong type.

    >>> fm = split_front_matter("---\\ntitle: Rice exports\\ndate: 2025-10-12\\n---\\nExports rose.")
    >>> fm.title, fm.published.isoformat(), fm.body_offset
    ('Rice exports', '2025-10-12', 45)
    >>> split_front_matter("No front matter here.").body_offset
    0
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return FrontMatter()
    source = m.group("yaml") or ""
    import yaml  # only texts with front matter pay for it

    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or type(exc).__name__
        # +2: marks count from 0, and the YAML starts on the line after the opening ``---``.
        where = f" at line {mark.line + 2}, column {mark.column + 1}" if mark is not None else ""
        raise FrontMatterError(f"malformed front matter: invalid YAML ({problem}{where})") from None
    except Exception as exc:  # e.g. ``date: 2025-13-45`` makes the YAML date constructor raise
        raise FrontMatterError(f"malformed front matter: invalid YAML ({exc})") from None
    if data is None:  # an empty front matter block says nothing
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"malformed front matter: it must be a mapping of keys to values, not a {type(data).__name__}"
        )
    published = None
    key = "published" if data.get("published") is not None else "date"
    value = data.get(key)
    if isinstance(value, dt.datetime):
        published = value.date()
    elif isinstance(value, dt.date):
        published = value
    elif isinstance(value, str) and _parse_iso_date(value) is not None:
        published = _parse_iso_date(value)
    elif value is not None:
        raise FrontMatterError("malformed front matter: " + invalid_value(key, value, _ISO_ALLOWED))
    title = data.get("title")
    if isinstance(title, (int, float)) and not isinstance(title, bool):
        title = str(title)  # "title: 1984" is a title, not a number
    elif title is not None and not isinstance(title, str):
        raise FrontMatterError("malformed front matter: " + invalid_value("title", title, "a string"))
    return FrontMatter(published=published, title=title, body_offset=m.end())


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise UnreadableInput("binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); convert it to UTF-8 first"
        ) from None


def _read_path(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise UnreadableInput("no such file or directory") from None
    except OSError as exc:
        raise UnreadableInput(exc.strerror or str(exc)) from None
    return _decode(data)


def _read_stdin() -> str:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return _decode(buffer.read())
    return sys.stdin.read()  # a text stream without bytes underneath (e.g. StringIO in tests)


# --- inputs ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Input:
    """One thing to read: a file path, or stdin; ``error`` is set for an input found unreadable."""

    source: str
    error: Optional[str] = None


def _walk(folder: str, globs: Sequence[str], report: Callable[[str, str], None]) -> Iterator[str]:
    """Files under ``folder`` whose name matches a glob, in sorted order, hidden entries skipped."""

    def onerror(exc: OSError) -> None:
        report(exc.filename or folder, exc.strerror or str(exc))

    for root, dirs, files in os.walk(folder, onerror=onerror):
        # Sorted so that output order is the same on every machine; hidden folders
        # (.git, .venv, ...) hold no articles.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and any(fnmatch.fnmatch(name, g) for g in globs):
                yield os.path.join(root, name)


def _inputs(paths: Sequence[str], globs: Sequence[str], skip: Optional[Path],
            note: Callable[[str], None]) -> Iterator[_Input]:
    """Expand PATH arguments into inputs: files as given, folders recursively, ``-`` as stdin."""
    seen: set[str] = set()
    errors: list[_Input] = []

    def report(source: str, reason: str) -> None:
        errors.append(_Input(source, reason))

    def fresh(path: str) -> bool:
        key = os.path.realpath(path)
        if skip is not None and key == str(skip):
            note(f"skipping {path}: it is the output file")
            return False
        if key in seen:
            return False
        seen.add(key)
        return True

    for path in paths:
        if path == "-":
            if STDIN_SOURCE not in seen:
                seen.add(STDIN_SOURCE)
                yield _Input(STDIN_SOURCE)
            continue
        if os.path.isdir(path):
            found = 0
            for file in _walk(path, globs, report):
                found += 1
                if fresh(file):
                    yield _Input(file)
            yield from errors
            errors.clear()
            if not found:
                note(f"no files matching {' or '.join(globs)} in {path}")
        elif not os.path.lexists(path):
            yield _Input(path, "no such file or directory")
        elif fresh(path):
            yield _Input(path)


# --- output ---------------------------------------------------------------------------

class _Writer:
    """Writes claim objects as they come, in one of ``FORMATS``."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out = out
        self.fmt = fmt
        self.count = 0
        self._csv = None
        if fmt == "csv":
            from .export import COLUMNS

            self._csv = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
            self._csv.writeheader()
        elif fmt == "json":
            out.write("[")

    def write(self, claims: list[dict[str, Any]]) -> None:
        if self._csv is not None:
            from .export import to_records

            self._csv.writerows(to_records(claims))
        else:
            for i, claim in enumerate(claims):
                line = json.dumps(claim, ensure_ascii=False)
                if self.fmt == "jsonl":
                    self.out.write(line + "\n")
                else:  # json: the array's items, one a line, comma before all but the first
                    self.out.write(("\n" if self.count + i == 0 else ",\n") + line)
        self.count += len(claims)
        # Flushed per article so a long batch shows progress and a crash loses little.
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")
        self.out.flush()


@contextlib.contextmanager
def _utf8_stdout() -> Iterator[IO[str]]:
    """Standard output as UTF-8 text (JSON is UTF-8 by definition), whatever the console's locale."""
    out = sys.stdout
    encoding = (getattr(out, "encoding", None) or "").lower().replace("_", "-")
    buffer = getattr(out, "buffer", None)
    if encoding in ("utf-8", "utf8") or buffer is None:
        yield out
        return
    out.flush()
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", write_through=True)
    try:
        yield wrapper
    finally:
        wrapper.flush()
        wrapper.detach()  # leave sys.stdout's buffer open


# --- argument parsing -----------------------------------------------------------------

def _format_arg(value: str) -> str:
    if value not in FORMATS:
        raise argparse.ArgumentTypeError(invalid_value("--format", value, "one of 'jsonl', 'json', 'csv'"))
    return value


def _date_arg(value: str) -> dt.date:
    parsed = _parse_iso_date(value)
    if parsed is None:
        raise argparse.ArgumentTypeError(invalid_value("--published", value, _ISO_ALLOWED))
    return parsed


def _glob_arg(value: str) -> str:
    if not value or "/" in value or os.sep in value:
        raise argparse.ArgumentTypeError(
            invalid_value("--glob", value, "a non-empty file-name pattern without a folder, e.g. '*.html'")
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``tradeclaims`` command (every option is documented here)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Extract statistical trade claims (exports, imports, trade, balance) from news articles.",
        epilog="Run 'tradeclaims extract --help' for the options of extract. Documentation: docs/cli.md.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    ext = sub.add_parser(
        "extract",
        help="extract the trade claims of articles in files, folders or stdin",
        description=(
            "Extract the trade claims of each article and write them to stdout (or -o FILE). "
            "An article may start with YAML front matter ('---' lines around 'title:' and "
            "'date:' or 'published:'); it is not read for claims, but its date resolves "
            "periods such as 'in September' and its title gives context. Evidence offsets "
            "always index the original file text, front matter included, as decoded from "
            "UTF-8 with its line endings unchanged."
        ),
        epilog=(
            "Exit status: 0 when every input was read; 1 when some input could not be "
            "(missing, not UTF-8, binary, malformed front matter: each is named on stderr "
            "and the others are still processed); 2 on a usage error."
        ),
    )
    ext.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="an article file (read whatever its name), a folder (searched recursively for "
             "files matching --glob, hidden files and folders skipped), or '-' for stdin",
    )
    ext.add_argument(
        "-f", "--format", type=_format_arg, default="jsonl", metavar="{jsonl,json,csv}",
        help="jsonl (default): one JSON object per claim, its 'source' path first; json: one "
             "JSON array of those objects; csv: one flat row per claim with a header",
    )
    ext.add_argument(
        "--published", type=_date_arg, metavar="DATE",
        help="publication date YYYY-MM-DD of every input, used to resolve periods without a "
             "year; overrides the front matter's date (default: the front matter's "
             "'published' or 'date', else none)",
    )
    ext.add_argument(
        "--title", metavar="TITLE",
        help="headline of every input, giving context (country, period) but no claims of its "
             "own; overrides the front matter's 'title' (default: that title, else none)",
    )
    ext.add_argument(
        "-o", "--output", metavar="FILE",
        help="write to FILE (UTF-8, replaced if it exists) instead of stdout; '-' is stdout",
    )
    ext.add_argument(
        "--glob", action="append", type=_glob_arg, metavar="PATTERN",
        help="file-name pattern for files found in folders, e.g. '*.html'; repeat it for "
             "several (default: '*.txt' and '*.md'); files named directly are always read",
    )
    ext.add_argument(
        "-q", "--quiet", action="store_true",
        help="do not print the closing summary and notes to stderr (unreadable inputs are "
             "still named)",
    )
    return parser


# --- the command ----------------------------------------------------------------------

def _err(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def _claims_of(text: str, source: str, args: argparse.Namespace, extract: Callable[..., Any]) -> Iterator[dict]:
    """The claims of one text as output objects, as they are found: ``source`` first,
    offsets into ``text``. A huge text is read piece by piece, so memory stays bounded."""
    try:
        front = split_front_matter(text)
    except FrontMatterError as exc:
        raise UnreadableInput(str(exc)) from None
    published = args.published if args.published is not None else front.published
    title = args.title if args.title is not None else front.title
    body = text[front.body_offset:]
    try:
        for claim in extract(body, published=published, title=title):
            data = claim.model_dump(mode="json") if hasattr(claim, "model_dump") else dict(claim)
            ev = data["evidence"]
            # The pipeline saw only the body: shift its offsets back onto the original text.
            start, end = ev["start"] + front.body_offset, ev["end"] + front.body_offset
            data["evidence"] = {**ev, "start": start, "end": end}
            yield {"source": source, **data}
    except ImportError as exc:  # a broken installation, not a bad article: stop here
        raise _PipelineUnavailable(f"cannot load the extraction pipeline ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # a pipeline failure on one article must not stop the batch
        raise UnreadableInput(f"extraction failed ({type(exc).__name__}: {exc})") from None


def _extract(args: argparse.Namespace) -> int:
    globs = tuple(args.glob) if args.glob else DEFAULT_GLOBS
    note = (lambda message: None) if args.quiet else _err
    to_file = args.output not in (None, "-")
    skip = Path(os.path.realpath(args.output)) if to_file else None

    extract = None
    unreadable = read = 0
    with contextlib.ExitStack() as stack:
        if to_file:
            try:
                out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
            except OSError as exc:
                _err(invalid_value("--output", args.output, f"a file that can be written ({exc.strerror or exc})"))
                return 2
        else:
            out = stack.enter_context(_utf8_stdout())
        writer = _Writer(out, args.format)
        for item in _inputs(args.paths, globs, skip, note):
            try:
                if item.error is not None:
                    raise UnreadableInput(item.error)
                text = _read_stdin() if item.source == STDIN_SOURCE else _read_path(item.source)
                if extract is None:
                    extract = _load_extract()
                _write_as_found(writer, _claims_of(text, item.source, args, extract))
                read += 1
            except UnreadableInput as exc:
                unreadable += 1
                _err(f"cannot read {item.source}: {exc}")
        writer.close()
    what = "input" if read + unreadable == 1 else "inputs"
    tail = f", {unreadable} unreadable" if unreadable else ""
    note(f"{writer.count} claim{'s' if writer.count != 1 else ''} from {read + unreadable} {what}{tail}")
    return 1 if unreadable else 0


def _write_as_found(writer: _Writer, claims: Iterator[dict]) -> None:
    """Write ``claims`` in batches as they are found, so a huge text's claims are never all
    held; if the extraction fails part-way, what was found before is written first."""
    batch: list[dict] = []
    try:
        for claim in claims:
            batch.append(claim)
            if len(batch) >= _WRITE_BATCH:
                writer.write(batch)
                batch = []
    finally:
        if batch:
            writer.write(batch)


def _load_extract() -> Callable[..., Any]:
    # Imported here, not at the top: spaCy takes a while to import and ``--help`` needs none of it.
    try:
        from . import pipeline
    except Exception as exc:
        raise _PipelineUnavailable(f"cannot load the extraction pipeline ({type(exc).__name__}: {exc})") from None
    return pipeline.extract_iter


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the ``tradeclaims`` command.

    Args:
        argv: The arguments without the program name; ``sys.argv[1:]`` when None.

    Returns:
        The exit status: 0 when every input was read, 1 when some could not be, 2 on a
        usage error (``--help`` and ``--version`` return 0).

    >>> main(["--version"])  # doctest: +ELLIPSIS
    tradeclaims ...
    0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits for --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        parser.print_usage(sys.stderr)
        _err("a command is required, e.g. 'tradeclaims extract PATH...'; see 'tradeclaims --help'")
        return 2
    try:
        return _extract(args)
    except _PipelineUnavailable as exc:
        _err(str(exc))
        return 1
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. '| head'): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
