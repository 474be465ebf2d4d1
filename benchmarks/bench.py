"""Speed, memory and cold start of tradeclaims on one core, against spaCy's blank tokenizer.

Not a test: run it by hand, on a quiet machine, and copy the table into
``docs/performance.md``::

    python benchmarks/bench.py [--eval-dir DIR] [--quick] [--out FILE]

The corpus is the articles of ``seeds.jsonl`` and ``dev.jsonl`` (``--eval-dir``, by
default ``../shared/eval`` relative to the repository root) repeated until it has enough
words, with every number re-randomized in every repetition (same number of digits; years
19xx/20xx kept so periods stay plausible), so neither spaCy's tokenizer cache nor any
other cache sees the same figure twice. Words are whitespace-separated words
(``len(text.split())``).

Everything runs in this one process pinned to one core (``os.sched_setaffinity``, BLAS
and OpenMP threads set to 1), except: ``extract_many(n_process=2)``, which gets two
cores; the 10 MB text, read in a child process so its peak RSS is its own; and the cold
start, a fresh interpreter each time. Rows:

(a) tokenizer: ``nlp.tokenizer.pipe`` of ``spacy.blank("en")``, the baseline (ratio 1).
(b) ``nlp.pipe``: the tradeclaims pipeline on Docs made with ``pipeline._make_doc``;
    (b') the same with only spaCy's part (tokenizer, sentence splitter, entity ruler);
    (b'') the seconds of each component, measured one Doc at a time.
(c) ``extract`` called once per article (pydantic objects included).
(d) ``extract_many``, the batch API, one process.
(e) ``extract_many(n_process=2)`` on two cores, and its speed-up over (d).
(f) ``extract_many`` at 10k, 100k and 1M words: words/s should not depend on the size.
(g) one 10 MB text through ``extract_iter`` (read in pieces, claims consumed as they come),
    with the child's peak RSS; (g') the same through ``extract_dicts``, all claims held.
(h) cold start: ``python -c "import tradeclaims; tradeclaims.extract(...)"``, median of 3.
(i) ``extract_many`` on the corpus with every trade-flow word replaced ("exports" ->
    "goods"): news that is not about trade, skipped before spaCy.

The table is printed and written as JSON to ``benchmarks/results/bench.json``.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
             "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import collections  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
DEFAULT_OUT = REPO / "benchmarks" / "results" / "bench.json"

TARGETS = {
    "pipeline_ratio": 0.30,     # (b) words/s >= 0.30 x tokenizer words/s
    "cold_start_s": 1.5,        # (h) median seconds
    "peak_rss_mib": 200.0,      # (g) peak RSS of the 10 MB run, and of this process
    "n_process_2_speedup": 1.7,  # (e) over (d)
    "flatness": 0.10,           # (f) max/min words/s - 1, from 10k to 1M words
}

_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"(?:19|20)\d\d")


def load_articles(eval_dir: Path) -> list[tuple[str, object]]:
    """``(text, published)`` of every article in ``seeds.jsonl`` and ``dev.jsonl``."""
    out = []
    for name in ("seeds.jsonl", "dev.jsonl"):
        path = eval_dir / name
        if not path.is_file():
            raise SystemExit(f"bench.py: no {path}; pass --eval-dir DIR (the folder of seeds.jsonl and dev.jsonl)")
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.append((rec["text"], rec.get("published")))
    return out


def rerandomize(text: str, rnd: random.Random) -> str:
    """The same text with every number's digits drawn anew (years 19xx/20xx kept)."""
    def repl(m: re.Match) -> str:
        s = m.group()
        if _YEAR.fullmatch(s):
            return s
        first = str(rnd.randint(1, 9)) if s[0] != "0" else "0"
        return first + "".join(str(rnd.randint(0, 9)) for _ in range(len(s) - 1))
    return _NUMBER.sub(repl, text)


def corpus(articles: list[tuple[str, object]], n_words: int, seed: int) -> tuple[list[str], list[object], int]:
    """Articles repeated (numbers re-randomized each time) until at least ``n_words`` words."""
    rnd = random.Random(seed)
    texts, dates, words = [], [], 0
    while words < n_words:
        for text, published in articles:
            t = rerandomize(text, rnd)
            texts.append(t)
            dates.append(published)
            words += len(t.split())
            if words >= n_words:
                break
    return texts, dates, words


def pin(cores: set[int]) -> str:
    try:
        os.sched_setaffinity(0, cores)
        return ",".join(map(str, sorted(os.sched_getaffinity(0))))
    except (AttributeError, OSError) as exc:  # not Linux, or fewer cores
        return f"not pinned ({exc.__class__.__name__})"


def timed(fn) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def rss_mib() -> float:
    """Peak RSS of this process so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def hwm_mib() -> float:
    """Peak RSS of this process's own memory (VmHWM). In a child started from this script,
    ru_maxrss would start at the parent's peak (Linux keeps it across fork and exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss_mib()


def reset_hwm() -> bool:
    """Start VmHWM anew from the current RSS (Linux >= 4.0: write 5 to /proc/self/clear_refs)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def deep_size(obj, seen=None) -> int:
    """Bytes held by a structure of dicts, lists and scalars (shared objects counted once)."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(deep_size(k, seen) + deep_size(v, seen) for k, v in obj.items())
    elif isinstance(obj, (list, tuple)):
        size += sum(deep_size(v, seen) for v in obj)
    return size


def drain(iterable) -> None:
    """Consume without keeping: a batch job writes its claims out, it does not hold them."""
    collections.deque(iterable, maxlen=0)


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import pydantic
    import spacy

    return {
        "nproc": os.cpu_count(),
        "affinity": sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu": cpu,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "pydantic": pydantic.VERSION,
        "platform": platform.platform(),
    }


def components_breakdown(nlp, texts: list[str], isos: list) -> dict[str, float]:
    """Seconds spent in ``make_doc`` and in each component, summed over ``texts``."""
    from tradeclaims import pipeline

    steps = collections.Counter()
    for text, iso in zip(texts, isos):
        start = time.perf_counter()
        doc = pipeline._make_doc(nlp, text, iso)
        steps["make_doc (tokenizer)"] += time.perf_counter() - start
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            steps[name] += time.perf_counter() - start
    return {name: round(seconds, 3) for name, seconds in steps.items()}


def huge_child(eval_dir: Path, n_bytes: int, mode: str) -> None:
    """Child process: one ``n_bytes`` text through ``extract_iter`` (``mode`` "iter": each
    claim consumed and dropped, as a job that writes its claims out does) or ``extract_dicts``
    (``mode`` "list": all claims held at the end); prints a JSON line."""
    from tradeclaims.pipeline import _default_nlp, extract_dicts, extract_iter

    pin({0})
    articles = load_articles(eval_dir)
    rnd = random.Random(99)
    parts, size = [], 0
    while size < n_bytes:
        for text, _ in articles:
            t = rerandomize(text, rnd)
            parts.append(t)
            size += len(t.encode("utf-8")) + 2
            if size >= n_bytes:
                break
    text = "\n\n".join(parts)
    del parts
    words = sum(1 for _ in re.finditer(r"\S+", text))  # no list of 1.6M words in memory
    _default_nlp()
    extract_dicts("Exports rose 5% to $2 billion in May.", published="2024-06-01")
    gc.collect()
    reset = reset_hwm()  # the peak of building the text is not the peak of reading it
    before = hwm_mib()
    start = time.perf_counter()
    if mode == "iter":
        n_claims = sum(1 for _ in extract_iter(text, published="2024-06-01"))
        result_mib = 0.0
    else:
        claims = extract_dicts(text, published="2024-06-01")
        n_claims, result_mib = len(claims), round(deep_size(claims) / 2**20, 1)
    seconds = time.perf_counter() - start
    peak = hwm_mib()
    print(json.dumps({"mode": mode, "result_mib": result_mib, "text_mib": round(sys.getsizeof(text) / 2**20, 1),
                      "bytes": len(text.encode("utf-8")), "chars": len(text), "words": words,
                      "seconds": seconds, "claims": n_claims, "rss_before_mib": before, "hwm_reset": reset,
                      "peak_rss_mib": peak}))


def cold_start(runs: int = 3) -> list[float]:
    code = ("import tradeclaims; "
            "tradeclaims.extract('Exports rose 5% to $2 billion in May.', published='2024-06-01')")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
        times.append(time.perf_counter() - start)
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL,
                        help="folder with seeds.jsonl and dev.jsonl (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON output (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help="a smaller run (about 30 s) to check the script")
    parser.add_argument("--huge-child", type=int, metavar="BYTES", help=argparse.SUPPRESS)
    parser.add_argument("--huge-mode", choices=("iter", "list"), default="iter", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.huge_child:
        huge_child(args.eval_dir, args.huge_child, args.huge_mode)
        return 0

    quick = args.quick
    n_words = 30_000 if quick else 200_000
    scales = (10_000, 30_000, 100_000) if quick else (10_000, 100_000, 1_000_000)
    huge_bytes = 1_000_000 if quick else 10_000_000

    all_cores = set(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else set()
    host = machine()
    pinned = pin({0})
    articles = load_articles(args.eval_dir)

    import spacy

    from tradeclaims import builder, pipeline
    from tradeclaims.batch import extract_many

    rows: list[dict] = []

    def row(key: str, label: str, words: int, seconds: float, **extra) -> dict:
        r = {"key": key, "label": label, "words": words, "seconds": round(seconds, 3),
             "words_per_s": round(words / seconds) if seconds else None, **extra}
        rows.append(r)
        print(f"  {label:<48} {words:>9,} words {seconds:8.2f} s {r['words_per_s']:>9,} words/s", flush=True)
        return r

    # Warm up: build the pipeline and import the lazily imported modules (cold start is (h)).
    t_build = timed(pipeline._default_nlp)
    nlp = pipeline._default_nlp()
    list(extract_many([articles[0][0]], published=articles[0][1]))
    print(f"pipeline built in {t_build:.2f} s; pinned to CPU {pinned}; {len(articles)} articles", flush=True)

    seed = iter(range(1000))

    # (a) the baseline: spaCy's blank English tokenizer (median of 3 fresh corpora).
    blank = spacy.blank("en")
    tok_times = []
    for _ in range(3):
        texts, dates, words = corpus(articles, n_words, next(seed))
        tok_times.append(timed(lambda: drain(blank.tokenizer.pipe(texts, batch_size=64))))
    base = row("tokenizer", "(a) spacy.blank('en') tokenizer.pipe", words, statistics.median(tok_times))
    texts, dates, words = corpus(articles, n_words, next(seed))
    row("make_doc", "(a') spacy.blank('en') make_doc per text", words,
        timed(lambda: [blank.make_doc(t) for t in texts]))

    # (b) the pipeline through nlp.pipe.
    texts, dates, words = corpus(articles, n_words, next(seed))
    isos = [pipeline._published_iso(d) for d in dates]
    row("nlp_pipe", "(b) tradeclaims nlp.pipe", words, timed(lambda: drain(
        nlp.pipe((pipeline._make_doc(nlp, t, d) for t, d in zip(texts, isos)), batch_size=64))))

    # (b') the spaCy part alone (tokenizer, sentence splitter, entity ruler): the floor any
    # version of the tradeclaims components sits on.
    texts, dates, words = corpus(articles, n_words, next(seed))
    with nlp.select_pipes(disable=["tradeclaims_mentions", "tradeclaims_claims"]):
        row("spacy_part", "(b') the same without mentions and claims", words,
            timed(lambda: drain(nlp.pipe((pipeline._make_doc(nlp, t, None) for t in texts), batch_size=64))))

    # (b'') where (b)'s time goes, component by component (a fresh corpus, no profiler).
    texts, dates, words = corpus(articles, n_words, next(seed))
    isos = [pipeline._published_iso(d) for d in dates]
    steps = components_breakdown(nlp, texts, isos)
    total = sum(steps.values())
    for name, seconds in steps.items():
        print(f"  {'':<4}{name:<44} {seconds:8.2f} s {seconds / total:8.1%}", flush=True)

    # (c) extract per document.
    texts, dates, words = corpus(articles, n_words, next(seed))
    row("extract", "(c) extract() per article", words,
        timed(lambda: drain(pipeline.extract(t, published=d) for t, d in zip(texts, dates))))

    # (d) the batch API, one process.
    texts, dates, words = corpus(articles, n_words, next(seed))
    one = row("extract_many", "(d) extract_many(n_process=1)", words,
              timed(lambda: drain(extract_many(texts, published=dates))))

    # (e) two processes on two cores.
    if len(all_cores) >= 2:
        pin(all_cores)
        texts, dates, words = corpus(articles, n_words, next(seed))
        two = row("extract_many_2", f"(e) extract_many(n_process=2), {len(all_cores)} cores", words,
                  timed(lambda: drain(extract_many(texts, published=dates, n_process=2))))
        two["speedup_vs_one_process"] = round(two["words_per_s"] / one["words_per_s"], 2)
        print(f"  {'':<48} speed-up over one process: {two['speedup_vs_one_process']:.2f}x", flush=True)
        pin({0})

    # (f) flatness: extract_many at growing sizes.
    flat = []
    for size in scales:
        texts, dates, words = corpus(articles, size, next(seed))
        flat.append(row(f"scale_{size}", f"(f) extract_many at {size:,} words", words,
                        timed(lambda: drain(extract_many(texts, published=dates)))))
    # (i) news that is not about trade: the same corpus with every flow word replaced.
    names_a_flow, flow_word = builder.names_a_flow, builder._ANY_FLOW_STEM

    texts, dates, words = corpus(articles, n_words, next(seed))
    texts = [flow_word.sub("goods", t) for t in texts]
    assert not any(names_a_flow(t) for t in texts)
    row("no_flow", "(i) extract_many, texts naming no trade flow", words,
        timed(lambda: drain(extract_many(texts, published=dates))))
    main_rss = rss_mib()

    # (g) one huge text, in a child process (its own peak RSS): streamed, then held whole.
    huge_runs = {}
    for mode, label in (("iter", "extract_iter, streamed"), ("list", "extract_dicts, all held")):
        out = subprocess.run([sys.executable, __file__, "--eval-dir", str(args.eval_dir), "--huge-child",
                              str(huge_bytes), "--huge-mode", mode], check=True, capture_output=True, text=True, cwd=REPO)
        huge_runs[mode] = h = json.loads(out.stdout.strip().splitlines()[-1])
        row(f"huge_text_{mode}", f"(g{'' if mode == 'iter' else chr(39)}) one {h['bytes'] / 1e6:.0f} MB text, {label}",
            h["words"], h["seconds"], peak_rss_mib=round(h["peak_rss_mib"], 1), rss_before_mib=round(h["rss_before_mib"], 1),
            claims=h["claims"], result_mib=h["result_mib"], text_mib=h["text_mib"])
    huge, held = huge_runs["iter"], huge_runs["list"]

    # (h) cold start.
    cold = cold_start(3)

    for r in rows:
        r["ratio_to_tokenizer"] = round(r["words_per_s"] / base["words_per_s"], 3)
    wps = [r["words_per_s"] for r in flat]
    flatness = max(wps) / min(wps) - 1
    pipe_ratio = next(r for r in rows if r["key"] == "nlp_pipe")["ratio_to_tokenizer"]
    speedup = next((r.get("speedup_vs_one_process") for r in rows if r["key"] == "extract_many_2"), None)
    results = {
        "quick": quick,
        "machine": host,
        "pinned_to": pinned,
        "corpus": {"articles": len(articles), "eval_dir": str(args.eval_dir),
                   "words_per_corpus": n_words},
        "rows": rows,
        "components_s": steps,
        "cold_start_s": {"runs": [round(t, 3) for t in cold], "median": round(statistics.median(cold), 3)},
        "peak_rss_mib": {"main_process": round(main_rss, 1), "huge_text_streamed": round(huge["peak_rss_mib"], 1),
                         "huge_text_held": round(held["peak_rss_mib"], 1)},
        "flatness": round(flatness, 3),
        "targets": {
            "pipeline_ratio": {"target": f">= {TARGETS['pipeline_ratio']}", "value": pipe_ratio,
                               "met": pipe_ratio >= TARGETS["pipeline_ratio"]},
            "cold_start_s": {"target": f"<= {TARGETS['cold_start_s']}", "value": round(statistics.median(cold), 3),
                             "met": statistics.median(cold) <= TARGETS["cold_start_s"]},
            "peak_rss_mib": {"target": f"<= {TARGETS['peak_rss_mib']}",
                             "value": round(max(main_rss, huge["peak_rss_mib"]), 1),
                             "met": max(main_rss, huge["peak_rss_mib"]) <= TARGETS["peak_rss_mib"]},
            "n_process_2_speedup": {"target": f">= {TARGETS['n_process_2_speedup']}", "value": speedup,
                                    "met": speedup is not None and speedup >= TARGETS["n_process_2_speedup"]},
            "flatness": {"target": f"<= {TARGETS['flatness']}", "value": round(flatness, 3),
                         "met": flatness <= TARGETS["flatness"]},
        },
    }

    print()
    print(f"| {'measurement':<48} | {'words':>9} | {'seconds':>8} | {'words/s':>9} | {'x tokenizer':>11} |")
    print(f"|{'-' * 50}|{'-' * 11}:|{'-' * 9}:|{'-' * 10}:|{'-' * 12}:|")
    for r in rows:
        print(f"| {r['label']:<48} | {r['words']:>9,} | {r['seconds']:>8.2f} | {r['words_per_s']:>9,} | "
              f"{r['ratio_to_tokenizer']:>11.3f} |")
    print()
    if speedup is not None:
        print(f"(e) n_process=2 speed-up over one process: {speedup:.2f}x")
    print(f"(f) flatness (max/min words/s - 1, {scales[0]:,} to {scales[-1]:,} words): {flatness:.1%}")
    print(f"(g) peak RSS: {huge_bytes // 1_000_000} MB text streamed {huge['peak_rss_mib']:.0f} MiB "
          f"(before the call {huge['rss_before_mib']:.0f} MiB, of which the text {huge['text_mib']:.0f} MiB; "
          f"{huge['claims']:,} claims); this process {main_rss:.0f} MiB")
    print(f"(g') peak RSS: the same text with all claims held {held['peak_rss_mib']:.0f} MiB "
          f"(the {held['claims']:,} claims returned take {held['result_mib']:.0f} MiB)")
    print(f"(h) cold start: median {statistics.median(cold):.2f} s of {', '.join(f'{t:.2f}' for t in cold)}")
    print()
    for name, t in results["targets"].items():
        print(f"target {name:<20} {t['target']:>8}: {t['value']!s:>8}  {'met' if t['met'] else 'NOT met'}")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
