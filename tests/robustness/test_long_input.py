"""Long input through the CLI: a single 100,000-character sentence and a 5 MB file are handled (chunked
below spaCy's max_length, or reduced from HTML) without a crash."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app as cli_app
from extract.pipeline import MAX_CHUNK_CHARS, chunk_text
from graph.knowledge_graph import KnowledgeGraph
from tests.robustness.corpus import ACTORS, PHRASES

FIVE_MB = 5 * 1024 * 1024


def one_long_sentence(length: int, *, seed: int = 6) -> str:
    """A single sentence (one full stop, at the end) of exactly ``length`` characters."""
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < length:
        word = rng.choice([*ACTORS, *PHRASES, "and", "while", "as", "because"])
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[: length - 1].rstrip().ljust(length - 1, "s") + "."


@pytest.mark.slow
def test_a_100000_character_sentence_through_the_cli(tmp_path: Path, extractor) -> None:
    text = one_long_sentence(100_000)
    assert len(text) == 100_000 and text.count(".") == 1
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli_app, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records  # the sentence is full of actor-phrase-actor runs
    for record in records:
        assert 0 <= record["start"] < record["end"] <= len(text)
        assert record["sentence"] == text[record["start"]:record["end"]]


def html_page(size: int) -> str:
    """A scraped page of ``size`` bytes: a short article buried in scripts, styles and markup."""
    article = ("<article><h1>Talks</h1><p>Turkey cooperates with Russia against the Islamic State.</p>"
               "<p>Iran condemned Israel on Monday.</p></article>")
    script = "<script>var tracking = {" + ",".join(f'"k{i}": {i}' for i in range(50)) + "};</script>\n"
    style = "<style>." + "x" * 60 + " { color: red; }</style>\n"
    head = "<!DOCTYPE html><html><head><title>News</title>"
    body = "</head><body>" + article
    filler = size - len(head) - len(body) - len("</body></html>")
    blocks = (script + style) * (filler // len(script + style) + 1)
    return head + blocks[:filler - len("</script>")] + "</script>" + body + "</body></html>"


@pytest.mark.slow
def test_a_5_mb_file_through_the_cli(tmp_path: Path, extractor) -> None:
    path = tmp_path / "page.html"
    path.write_text(html_page(FIVE_MB), encoding="utf-8")
    assert path.stat().st_size >= FIVE_MB
    store = tmp_path / "store"
    result = CliRunner().invoke(cli_app, ["ingest", "--store", str(store), str(path)])
    assert result.exit_code == 0, result.stderr
    with KnowledgeGraph.open(str(store)) as graph:
        (summary,) = graph.list_documents().items
        pairs = {(r.subject.id, r.relation, r.object.id) for r in graph.document_relations(summary.id)}
    assert ("TUR", "cooperates_with", "RUS") in pairs and ("IRN", "ISR") in {(s, o) for s, _, o in pairs}


def test_5_mb_of_text_is_cut_below_spacy_max_length(extractor) -> None:
    paragraph = "Russia attacked Ukraine. Ukraine condemned Russia.\n\n"
    text = (paragraph * (FIVE_MB // len(paragraph) + 1)) + "x" * 50_000 + " Iran condemned Israel."
    pieces = chunk_text(text)
    assert "".join(piece for piece, _ in pieces) == text
    assert max(len(piece) for piece, _ in pieces) <= MAX_CHUNK_CHARS < extractor.nlp.max_length
