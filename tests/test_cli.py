"""The command line: inputs, front matter, formats, exit codes; plumbing on a fake, claims on the real pipeline."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tradeclaims import cli
from tradeclaims.export import COLUMNS
from tradeclaims.models import TradeClaim

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

FRONT = "---\ntitle: Rice exports climb\ndate: 2025-10-08\n---\n"
BODY = "# Rice exports climb\n\nExports rose 12.5% to $3.2 billion in September.\n\nNo figures here.\n"


# --- a fake pipeline for the plumbing tests --------------------------------------------

class FakeExtract:
    """Stands in for ``pipeline.extract``: one export claim per line with a ``%``, calls recorded."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.calls: list[dict] = []
        self.fail_on = fail_on

    def __call__(self, text, *, published=None, title=None):
        self.calls.append({"text": text, "published": published, "title": title})
        if self.fail_on and self.fail_on in text:
            raise RuntimeError("pipeline bug")
        claims, pos = [], 0
        for line in text.splitlines(keepends=True):
            stripped = line.rstrip("\r\n")
            if "%" in stripped:
                claims.append(TradeClaim.model_validate({
                    "evidence": {"start": pos, "end": pos + len(stripped), "text": stripped},
                    "flow": "export",
                    "amount": {"value": 3.2e9, "unit": "USD"},
                }))
            pos += len(line)
        return claims


@pytest.fixture
def fake(monkeypatch):
    fake = FakeExtract()
    monkeypatch.setattr(cli, "_load_extract", lambda: fake)
    return fake


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))  # bytes: keep "\r\n" as written
    return path


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


# --- usage, help, version --------------------------------------------------------------

def test_help_runs_as_a_module_without_importing_spacy():
    proc = subprocess.run([sys.executable, "-m", "tradeclaims", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "extract" in proc.stdout and proc.stderr == ""
    code = "import sys; from tradeclaims.cli import main; main(['extract', '--help']); print('spacy' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.splitlines()[-1] == "False"


def test_extract_help_documents_every_option(capsys):
    code, out, _ = run(capsys, "extract", "--help")
    assert code == 0
    for option in ("--format", "jsonl", "csv", "--published", "--title", "--output", "--glob", "*.md", "--quiet", "'-'"):
        assert option in out, option


def test_version(capsys):
    import tradeclaims

    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"tradeclaims {tradeclaims.__version__}"


@pytest.mark.parametrize("argv, message", [
    ([], "a command is required"),
    (["extract"], "PATH"),
    (["frobnicate", "x.md"], "invalid choice"),
    (["extract", "--format", "xml", "x.md"], "`--format` value = 'xml' is invalid; value must be one of 'jsonl', 'json', 'csv'"),
    (["extract", "--published", "last Tuesday", "x.md"], "`--published` value = 'last Tuesday' is invalid"),
    (["extract", "--published", "2025-02-30", "x.md"], "`--published` value = '2025-02-30' is invalid"),
    (["extract", "--glob", "sub/*.md", "x.md"], "`--glob` value = 'sub/*.md' is invalid"),
    (["extract", "--bogus", "x.md"], "unrecognized arguments: --bogus"),
])
def test_usage_errors_exit_2_with_a_message(capsys, fake, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert out == "" and fake.calls == []


def test_unwritable_output_is_a_usage_error(capsys, fake, tmp_path):
    src = write(tmp_path / "a.md", BODY)
    code, _, err = run(capsys, "extract", str(src), "-o", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert code == 2 and "`--output` value" in err


# --- formats ---------------------------------------------------------------------------

def test_jsonl_is_one_object_per_claim_with_source_first(capsys, fake, tmp_path):
    src = write(tmp_path / "a.md", BODY)
    code, out, err = run(capsys, "extract", str(src))
    assert code == 0, err
    [obj] = jsonl(out)
    assert list(obj)[0] == "source" and obj["source"] == str(src)
    assert obj["flow"] == "export" and obj["amount"]["unit"] == "USD"
    TradeClaim.model_validate({k: v for k, v in obj.items() if k != "source"})
    assert "1 claim from 1 input" in err


def test_json_is_one_array(capsys, fake, tmp_path):
    a = write(tmp_path / "a.md", BODY)
    b = write(tmp_path / "b.txt", "Imports fell 3%.\nExports rose 2%.\n")
    code, out, _ = run(capsys, "extract", str(a), str(b), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list) and [d["source"] for d in data] == [str(a), str(b), str(b)]


def test_json_without_claims_is_an_empty_array(capsys, fake, tmp_path):
    src = write(tmp_path / "a.md", "Nothing to see.\n")
    code, out, _ = run(capsys, "extract", str(src), "-f", "json")
    assert code == 0 and json.loads(out) == []


def test_csv_has_the_header_and_flat_rows(capsys, fake, tmp_path):
    src = write(tmp_path / "a.md", BODY + "Imports grew 1%.\n")
    code, out, _ = run(capsys, "extract", str(src), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0] == ",".join(COLUMNS)
    assert len(rows) == 2 and rows[0]["source"] == str(src) and rows[0]["amount_value"] == "3200000000"


def test_output_file(capsys, fake, tmp_path):
    src = write(tmp_path / "a.md", BODY)
    dest = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "extract", str(src), "-o", str(dest))
    assert code == 0 and out == ""
    assert jsonl(dest.read_text(encoding="utf-8"))[0]["source"] == str(src)


def test_output_file_inside_a_scanned_folder_is_not_read_back(capsys, fake, tmp_path):
    write(tmp_path / "a.md", BODY)
    dest = tmp_path / "claims.md"
    code, _, err = run(capsys, "extract", str(tmp_path), "-o", str(dest))
    assert code == 0 and "skipping" in err
    assert [c["source"] for c in jsonl(dest.read_text(encoding="utf-8"))] == [str(tmp_path / "a.md")]


def test_quiet_drops_the_summary(capsys, fake, tmp_path):
    src = write(tmp_path / "a.md", BODY)
    code, _, err = run(capsys, "extract", str(src), "--quiet")
    assert code == 0 and err == ""


# --- inputs ----------------------------------------------------------------------------

def stdin_bytes(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin(capsys, fake, monkeypatch):
    stdin_bytes(monkeypatch, (FRONT + BODY).encode("utf-8"))
    code, out, _ = run(capsys, "extract", "-")
    assert code == 0
    [obj] = jsonl(out)
    assert obj["source"] == "<stdin>"
    assert fake.calls[0]["published"] == dt.date(2025, 10, 8)


def test_stdin_that_is_not_utf8_is_unreadable(capsys, fake, monkeypatch):
    stdin_bytes(monkeypatch, "Exports rose 5% in Köln.".encode("latin-1"))
    code, out, err = run(capsys, "extract", "-")
    assert code == 1 and out == ""
    assert "tradeclaims: cannot read <stdin>: not valid UTF-8" in err


def test_folders_are_searched_recursively_for_txt_and_md(capsys, fake, tmp_path):
    write(tmp_path / "top.txt", "Exports rose 1%.\n")
    write(tmp_path / "2025" / "oct" / "deep.md", "Exports rose 2%.\n")
    write(tmp_path / "2025" / "data.csv", "Exports rose 3%.\n")
    write(tmp_path / ".git" / "hidden.md", "Exports rose 4%.\n")
    code, out, _ = run(capsys, "extract", str(tmp_path))
    assert code == 0
    assert [Path(o["source"]).name for o in jsonl(out)] == ["top.txt", "deep.md"]  # a folder's files, then its subfolders


def test_glob_replaces_the_default_patterns(capsys, fake, tmp_path):
    write(tmp_path / "a.md", "Exports rose 1%.\n")
    write(tmp_path / "sub" / "b.html", "Exports rose 2%.\n")
    write(tmp_path / "sub" / "c.htm", "Exports rose 3%.\n")
    code, out, _ = run(capsys, "extract", str(tmp_path), "--glob", "*.html", "--glob", "*.htm")
    assert code == 0
    assert [Path(o["source"]).name for o in jsonl(out)] == ["b.html", "c.htm"]


def test_a_file_named_directly_is_read_whatever_its_name(capsys, fake, tmp_path):
    src = write(tmp_path / "article.html", "Exports rose 1%.\n")
    code, out, _ = run(capsys, "extract", str(src))
    assert code == 0 and len(jsonl(out)) == 1


def test_an_input_given_twice_is_read_once(capsys, fake, tmp_path):
    src = write(tmp_path / "a.md", BODY)
    code, out, _ = run(capsys, "extract", str(src), str(tmp_path), str(src))
    assert code == 0 and len(jsonl(out)) == 1


def test_a_missing_path_exits_1_and_the_rest_is_processed(capsys, fake, tmp_path):
    good = write(tmp_path / "a.md", BODY)
    missing = tmp_path / "nope.md"
    code, out, err = run(capsys, "extract", str(missing), str(good))
    assert code == 1
    assert f"tradeclaims: cannot read {missing}: no such file or directory" in err
    assert [o["source"] for o in jsonl(out)] == [str(good)]


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("Exports rose 5% in Köln.".encode("cp1252"), "not valid UTF-8 (byte 0xf6"),
])
def test_binary_or_non_utf8_files_are_unreadable(capsys, fake, tmp_path, data, reason):
    bad = tmp_path / "bad.md"
    bad.write_bytes(data)
    good = write(tmp_path / "good.md", BODY)
    code, out, err = run(capsys, "extract", str(tmp_path))
    assert code == 1
    assert f"tradeclaims: cannot read {bad}: {reason}" in err and "Traceback" not in err
    assert [o["source"] for o in jsonl(out)] == [str(good)]


def test_a_pipeline_failure_on_one_article_does_not_stop_the_batch(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "_load_extract", lambda: FakeExtract(fail_on="boom"))
    bad = write(tmp_path / "a.md", "Exports rose 1% boom.\n")
    good = write(tmp_path / "b.md", BODY)
    code, out, err = run(capsys, "extract", str(bad), str(good))
    assert code == 1 and f"cannot read {bad}: extraction failed (RuntimeError: pipeline bug)" in err
    assert [o["source"] for o in jsonl(out)] == [str(good)]


# --- front matter ----------------------------------------------------------------------

def test_front_matter_gives_date_and_title_and_is_not_read_for_claims(capsys, fake, tmp_path):
    src = write(tmp_path / "a.md", FRONT + BODY)
    code, _, _ = run(capsys, "extract", str(src))
    assert code == 0
    [call] = fake.calls
    assert call == {"text": BODY, "published": dt.date(2025, 10, 8), "title": "Rice exports climb"}


def test_options_override_front_matter_only_when_given(capsys, fake, tmp_path):
    src = write(tmp_path / "a.md", FRONT + BODY)
    run(capsys, "extract", str(src), "--published", "2024-01-31", "--title", "Other")
    run(capsys, "extract", str(src), "--title", "Other")
    assert [(c["published"], c["title"]) for c in fake.calls] == [
        (dt.date(2024, 1, 31), "Other"),
        (dt.date(2025, 10, 8), "Other"),
    ]


def test_published_key_and_quoted_timestamps(capsys, fake, tmp_path):
    write(tmp_path / "a.md", "---\npublished: '2025-03-20T08:15:00Z'\ntitle: 1984\n---\nExports rose 1%.\n")
    write(tmp_path / "b.md", "---\n---\nExports rose 1%.\n")
    write(tmp_path / "c.md", "Exports rose 1%.\n")
    code, _, _ = run(capsys, "extract", str(tmp_path))
    assert code == 0
    assert [(c["published"], c["title"]) for c in fake.calls] == [
        (dt.date(2025, 3, 20), "1984"), (None, None), (None, None),
    ]


@pytest.mark.parametrize("front, reason", [
    ("---\ntitle: [unclosed\ndate: 2025-10-08\n---\n", "malformed front matter: invalid YAML"),
    ("---\n- just\n- a list\n---\n", "malformed front matter: it must be a mapping"),
    ("---\ndate: next Tuesday\n---\n", "malformed front matter: `date` value = 'next Tuesday' is invalid"),
    ("---\ndate: 2025-13-45\n---\n", "malformed front matter"),
    ("---\ntitle: {a: 1}\n---\n", "malformed front matter: `title` value"),
])
def test_malformed_front_matter_is_unreadable_and_the_rest_is_processed(capsys, fake, tmp_path, front, reason):
    bad = write(tmp_path / "a.md", front + BODY)
    good = write(tmp_path / "b.md", FRONT + BODY)
    code, out, err = run(capsys, "extract", str(tmp_path))
    assert code == 1
    assert f"tradeclaims: cannot read {bad}: {reason}" in err and "Traceback" not in err
    assert [o["source"] for o in jsonl(out)] == [str(good)]


def test_a_rule_without_closing_line_is_no_front_matter(capsys, fake, tmp_path):
    src = write(tmp_path / "a.md", "---\nExports rose 1%.\n")
    code, _, _ = run(capsys, "extract", str(src))
    assert code == 0 and fake.calls[0]["text"] == "---\nExports rose 1%.\n"


@pytest.mark.parametrize("raw", [
    FRONT + BODY,
    (FRONT + BODY).replace("\n", "\r\n"),        # Windows line endings are kept, not translated
    "\ufeff" + FRONT + "Réexportations: exports rose 4% à Genève.\n",  # BOM and non-ASCII
])
def test_offsets_index_the_original_file_text(capsys, fake, tmp_path, raw):
    src = write(tmp_path / "a.md", raw)
    code, out, _ = run(capsys, "extract", str(src))
    assert code == 0
    original = src.read_bytes().decode("utf-8")
    [obj] = jsonl(out)
    ev = obj["evidence"]
    assert ev["start"] > len(FRONT) - 1
    assert original[ev["start"]:ev["end"]] == ev["text"]


def test_split_front_matter_offsets():
    fm = cli.split_front_matter(FRONT + BODY)
    assert fm.body_offset == len(FRONT) and (FRONT + BODY)[fm.body_offset:] == BODY
    assert cli.split_front_matter(BODY) == cli.FrontMatter()


# --- the real pipeline, end to end on the examples ---------------------------------------

def find(claims, flow, value=None, unit=None, percent=None):
    """The first claim with these fields (numbers compared loosely, as JSON gives floats)."""
    for c in claims:
        amount, change = c.get("amount") or {}, c.get("change") or {}
        if c["flow"] != flow:
            continue
        if value is not None and (amount.get("value") is None or abs(amount["value"] - value) > 1e-6 * abs(value)):
            continue
        if unit is not None and amount.get("unit") != unit:
            continue
        if percent is not None and change.get("percent") != pytest.approx(percent):
            continue
        return c
    raise AssertionError(f"no {flow} {value} {unit} {percent} claim in {json.dumps(claims, indent=1)}")


@pytest.fixture(scope="module")
def example_claims():
    """``tradeclaims extract examples/`` on the real pipeline, as parsed JSON lines."""
    out, err = io.StringIO(), io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["extract", str(EXAMPLES)])
    assert code == 0, err.getvalue()
    claims = jsonl(out.getvalue())
    return {name: [c for c in claims if Path(c["source"]).name == name] for name in {Path(c["source"]).name for c in claims}}


def test_real_vietnam_rice_value_and_volume(example_claims):
    claims = example_claims["vietnam-rice-exports.md"]
    value = find(claims, "export", 3.6e9, "USD", -2.3)
    assert (value["reporter"], value["commodity"]) == ("VNM", "rice")
    assert (value["period"]["start"], value["period"]["end"]) == ("2025-01-01", "2025-09-30")
    volume = find(claims, "export", 6.8e6, "t", 4.1)
    assert volume["reporter"] == "VNM" and volume["period"]["end"] == "2025-09-30"
    september = find(claims, "export", 4.1e8, "USD")  # "In September alone": the front matter's year
    assert (september["period"]["start"], september["period"]["end"]) == ("2025-09-01", "2025-09-30")


def test_real_offsets_index_every_example_file(example_claims):
    assert sum(map(len, example_claims.values())) >= 10
    for name, claims in example_claims.items():
        original = (EXAMPLES / name).read_bytes().decode("utf-8")
        body_start = cli.split_front_matter(original).body_offset
        assert body_start > 0  # every example has front matter, so offsets were shifted
        for c in claims:
            ev = c["evidence"]
            assert ev["start"] >= body_start and original[ev["start"]:ev["end"]] == ev["text"], (name, ev)


def test_real_germany_month_resolves_against_front_matter_date(example_claims):
    claims = example_claims["germany-trade-august.md"]
    c = find(claims, "export", 131.2e9, "EUR", 1.4)
    assert c["reporter"] == "DEU"
    assert c["change"]["basis"] == "mom"
    assert (c["period"]["start"], c["period"]["end"]) == ("2025-08-01", "2025-08-31")
    surplus = find(claims, "balance", 16.7e9, "EUR")
    assert surplus["amount"]["value"] > 0


def test_real_india_fiscal_year_as_csv(capsys):
    code, out, err = run(capsys, "extract", str(EXAMPLES / "india-fiscal-year-exports.md"), "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    [row] = [r for r in rows if r["flow"] == "export" and r["amount_value"] == "437400000000"]
    assert (row["amount_unit"], row["reporter"], row["change_percent"]) == ("USD", "IND", "0.1")
    assert (row["period_start"], row["period_end"]) == ("2024-04-01", "2025-03-31")


def test_real_kenya_shillings(example_claims):
    claims = example_claims["kenya-tea-horticulture.md"]
    tea = find(claims, "export", 180.5e9, "KES", 2.4)
    assert tea["reporter"] == "KEN" and tea["commodity"] == "tea"


def test_real_published_option_overrides_front_matter(capsys, tmp_path):
    src = write(tmp_path / "a.md", "---\ndate: 2025-10-08\n---\nVietnam's rice exports rose 5% to $410 million in September.\n")
    _, out_front, _ = run(capsys, "extract", str(src))
    code, out_option, err = run(capsys, "extract", str(src), "--published", "2024-10-08")
    assert code == 0, err
    front, option = find(jsonl(out_front), "export", 4.1e8, "USD"), find(jsonl(out_option), "export", 4.1e8, "USD")
    assert front["period"]["start"] == "2025-09-01"
    assert option["period"]["start"] == "2024-09-01"


def test_real_front_matter_title_and_date_give_context(capsys, tmp_path):
    src = write(tmp_path / "tea.md", "---\ntitle: Kenya's tea earnings rise\ndate: 2025-03-20\n---\n"
                                     "Earnings from tea exports rose 2.4% to Sh180.5 billion last year.\n")
    code, out, err = run(capsys, "extract", str(src))
    assert code == 0, err
    [claim] = jsonl(out)
    assert claim["reporter"] == "KEN"  # only the title names the country
    assert (claim["period"]["start"], claim["period"]["end"]) == ("2024-01-01", "2024-12-31")  # "last year"
    assert claim["amount"]["value"] == 180.5e9 and claim["amount"]["unit"] == "KES"
    _, out, _ = run(capsys, "extract", str(src), "--title", "Tea auction news")
    assert jsonl(out)[0]["reporter"] is None  # --title replaced the front matter's title


def test_a_huge_file_is_written_piece_by_piece_as_extract_reads_it(capsys, tmp_path):
    from tradeclaims import pipeline

    body = "".join(f"Exports rose {i % 40 + 1}% to ${i}.5 million in March, the agency said.\n\n" for i in range(4_000))
    assert len(body) > 2 * pipeline.CHUNK_CHARS
    src = write(tmp_path / "big.md", FRONT + body)
    code, out, _ = run(capsys, "extract", str(src))
    rows = jsonl(out)
    expected = pipeline.extract_dicts(body, published="2025-10-08", title="Rice exports climb")
    assert code == 0 and len(rows) == len(expected) == 4_000
    offset = len(FRONT)
    assert [(r["evidence"]["start"] - offset, r["amount"]["value"]) for r in rows] == \
        [(c["evidence"]["start"], c["amount"]["value"]) for c in expected]
    raw = src.read_text(encoding="utf-8")
    assert all(raw[r["evidence"]["start"]:r["evidence"]["end"]] == r["evidence"]["text"] for r in rows)


def test_a_failure_part_way_keeps_what_was_written_and_names_the_file(capsys, monkeypatch, tmp_path):
    def failing_late(text, *, published=None, title=None):
        yield TradeClaim.model_validate({"evidence": {"start": 0, "end": 5, "text": text[:5]}, "flow": "export"})
        raise RuntimeError("pipeline bug")

    monkeypatch.setattr(cli, "_load_extract", lambda: failing_late)
    src = write(tmp_path / "a.md", "Exports rose 1% in May.\n")
    code, out, err = run(capsys, "extract", str(src))
    assert code == 1 and f"cannot read {src}: extraction failed (RuntimeError: pipeline bug)" in err
    assert [o["evidence"]["text"] for o in jsonl(out)] == ["Expor"]
