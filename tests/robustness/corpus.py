"""A generated news corpus: short documents written by code from actor names and relation phrases.

Every document id has two variants (0 and 1) with different sentences, so re-ingesting a corpus in
the other variant rewrites every document. Deterministic for a seed.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ACTORS = ("Turkey", "Russia", "Iran", "Israel", "Ukraine", "the United States", "China", "France",
          "Germany", "Syria", "Japan", "India", "Pakistan", "Egypt", "Saudi Arabia", "Poland")
PHRASES = ("cooperates with", "attacked", "condemned", "supports", "threatened", "criticized",
           "signed an agreement with", "accused", "imposed sanctions on", "praised")
FILLER = ("Officials said talks would continue next week.", "The statement came after a meeting in Geneva.",
          "Markets were calm on Monday.")


def sentence(rng: random.Random) -> str:
    """One sentence naming two different actors and a relation phrase (or, now and then, a filler)."""
    if rng.random() < 0.15:
        return rng.choice(FILLER)
    subject, obj = rng.sample(ACTORS, 2)
    text = f"{subject} {rng.choice(PHRASES)} {obj}."
    return text[0].upper() + text[1:]


def document(index: int, variant: int, *, sentences: int = 4, seed: int = 0) -> dict[str, str]:
    """The ``variant`` of document ``index``: a JSON-able ``{"id", "text", "date"}``."""
    rng = random.Random(f"{seed}-{index}-{variant}")
    return {"id": f"gen-{index:04d}", "text": " ".join(sentence(rng) for _ in range(sentences)),
            "date": f"2024-{index % 12 + 1:02d}-{index % 28 + 1:02d}"}


def corpus(size: int, variant: int, *, seed: int = 0) -> list[dict[str, str]]:
    """``size`` documents in their ``variant``, in id order."""
    return [document(index, variant, seed=seed) for index in range(size)]


def write_jsonl(path: Path, documents: list[dict[str, str]]) -> Path:
    """Write documents one JSON object a line; returns the path."""
    path.write_text("".join(json.dumps(doc) + "\n" for doc in documents), encoding="utf-8")
    return path
