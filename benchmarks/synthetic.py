"""Realistic synthetic relation records for the ingest, query, startup and export benchmarks.

The records look like what ``geokg extract`` prints: N actors whose mention frequencies
follow a Zipf law (a few states dominate the news, a long tail of people, parties and
armed groups), relations spread over ten years of dates, every relation type of the
ontology, a share of negated, reported and hypothetical records, and documents of a few
to a few dozen relations each. The generator is seeded, so a run is reproducible.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path

from extract.records import ACTOR_TYPES
from ontology import relation_types

FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 3652
"""Ten years of dates."""

_TYPES = [t for t in ACTOR_TYPES if t != "Actor"]
_ROLES = ["GOV", "MIL", "OPP", "REB", "COP", "CVL", "ELI", None, None, None]
_MODALITIES = ["asserted"] * 14 + ["reported"] * 4 + ["intended", "hypothetical"]


def _actor(rank: int, rng: random.Random) -> dict[str, object]:
    kind = "State" if rank < 200 else rng.choice(_TYPES)
    country = f"C{rank % 200:02d}"
    return {
        "id": country if kind == "State" else f"actor-{rank}",
        "label": f"Country {rank}" if kind == "State" else f"Actor {rank}",
        "type": kind,
        "country": country,
        "role": None if kind == "State" else rng.choice(_ROLES),
        "text": "",
    }


def actor_count_for(relations: int) -> int:
    """How many distinct actors a corpus of ``relations`` relations mentions (grows sub-linearly).

    >>> actor_count_for(10_000), actor_count_for(1_000_000)
    (1000, 10000)
    """
    return max(50, int(10 * relations ** 0.5))


def synthetic_records(
    relations: int, *, actors: int | None = None, seed: int = 7, zipf_s: float = 1.1
) -> Iterator[dict[str, object]]:
    """Relation records as JSON-ready dicts, grouped by document, ``relations`` in all.

    Parameters
    ----------
    relations
        Number of records to generate.
    actors
        Number of distinct actors (default :func:`actor_count_for`).
    seed
        Random seed.
    zipf_s
        Exponent of the Zipf law of actor frequencies.

    Yields
    ------
    dict
        One relation record (the ``RelationRecord`` JSON shape), documents contiguous.
    """
    rng = random.Random(seed)
    n_actors = actors or actor_count_for(relations)
    pool = [_actor(rank, rng) for rank in range(n_actors)]
    cumulative = list(accumulate(1.0 / (rank + 1) ** zipf_s for rank in range(n_actors)))
    types = relation_types()
    made = 0
    doc_number = 0
    while made < relations:
        doc_number += 1
        doc = f"syn-{doc_number:08d}"
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        size = min(relations - made, rng.randint(2, 18))
        offset = 0
        for _ in range(size):
            subject, obj = rng.choices(pool, cum_weights=cumulative, k=2)
            while obj is subject:
                obj = rng.choices(pool, cum_weights=cumulative, k=1)[0]
            rtype = types[made % len(types)]
            subject = {**subject, "text": subject["label"]}
            obj = {**obj, "text": obj["label"]}
            sentence = f"{subject['label']} {rtype.label} {obj['label']} on {day.isoformat()}."
            modality = rng.choice(_MODALITIES)
            yield {
                "doc": doc,
                "sentence": sentence,
                "start": offset,
                "end": offset + len(sentence),
                "subject": subject,
                "relation": rtype.snake,
                "plover": rtype.plover,
                "polarity": rtype.polarity,
                "object": obj,
                "negated": rng.random() < 0.05,
                "modality": modality,
                "date": day.isoformat(),
                "confidence": round(rng.uniform(0.5, 0.95), 2),
                "trigger": rtype.label,
                "speaker": None,
                "location": None,
            }
            offset += len(sentence) + 1
            made += 1


def write_records(path: Path, relations: int, *, seed: int = 7) -> Path:
    """Write ``relations`` synthetic records to a JSONL file (one record a line) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in synthetic_records(relations, seed=seed):
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
    return path


def actor_ids(relations: int, *, actors: int | None = None, seed: int = 7) -> list[str]:
    """Ids of the generated actors, most frequent first (the ranks :func:`synthetic_records` uses).

    >>> actor_ids(10_000)[:3]
    ['C00', 'C01', 'C02']
    """
    rng = random.Random(seed)
    n_actors = actors or actor_count_for(relations)
    return [str(_actor(rank, rng)["id"]) for rank in range(n_actors)]
