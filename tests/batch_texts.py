"""The texts the batch and engine tests read: the shipped examples, short inline texts and one long text."""
from __future__ import annotations

from pathlib import Path

from tradeclaims import pipeline
from tradeclaims.cli import split_front_matter

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Written for these tests; the figures are invented.
INLINE = [
    ("Chile's copper exports rose 12% to $4.2 billion in March, the central bank said.", "2025-04-08"),
    ("<p>Imports from China fell 3.5% year on year to &euro;8.1 billion in the first quarter.</p>", "2025-04-20"),
    ("", None),
    ("The minister spoke about the weather and the harvest festival.", "2025-01-01"),
    ("Kenya exported 45,000 tonnes of tea in 2024, and the trade deficit widened to KSh 1.2 trillion.", None),
    ("Thailand's rice exports fell 8% to 4.1 million tonnes in the first half of 2025.\n\n"
     "Overall exports reached $150.2 billion, while imports totalled $146.9 billion.", "2025-07-21"),
]


def example_articles() -> list[tuple[str, str | None]]:
    """The examples/ articles as (body, front-matter date)."""
    out = []
    for path in sorted(EXAMPLES.glob("*.md")):
        if path.name == "README.md":
            continue
        raw = path.read_text(encoding="utf-8")
        fm = split_front_matter(raw)
        out.append((raw[fm.body_offset:], fm.published.isoformat() if fm.published else None))
    return out


def batch_texts() -> list[tuple[str, str | None]]:
    """The examples, the inline texts and one text long enough to be read in pieces."""
    examples = example_articles()
    long_text = "\n\n".join(t for t, _ in examples) * 40
    assert len(long_text) > pipeline.CHUNK_CHARS
    return examples + INLINE + [(long_text, "2025-10-20")]
