"""The bad-input catalogue: every kind of bad document, through ``POST /documents`` and ``geokg ingest``.

Each kind names the status, error code and words the HTTP API answers with, and (where the CLI can
be given the same input) the words of the CLI's one-line error, which always exits 1. Nothing is
stored in either face.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app as cli_app
from tests.api.test_errors import assert_error

SENTENCE = "Iran condemned Israel."


@dataclass(frozen=True)
class BadInput:
    """One kind of bad input and what both faces answer."""

    kind: str
    body: bytes
    """The raw ``POST /documents`` body."""
    status: int
    code: str
    words: str
    """Words the HTTP error message holds (case-insensitive)."""
    cli_file: tuple[str, bytes] | None = None
    """The same input as a file for ``geokg ingest`` (name, bytes); None where the CLI has no equivalent."""
    cli_words: str = ""


def _body(**fields: object) -> bytes:
    return json.dumps(fields).encode()


def _line(**fields: object) -> bytes:
    return json.dumps(fields).encode() + b"\n"


GZIP_BYTES = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9\x07\x00"
DEEP = "[" * 5000 + "]" * 5000
TOO_LARGE = "Turkey cooperates with Russia. " * (1_000_000 // 31 + 1)  # just over 1 MB, the default limit

CATALOGUE = [
    BadInput("empty text", _body(text=""), 422, "invalid_input", "empty text",
             ("empty.txt", b""), "empty text"),
    BadInput("whitespace only", _body(text=" \n\t \r\n "), 422, "invalid_input", "empty text",
             ("blank.txt", b" \n\t \r\n "), "empty text"),
    BadInput("invisible characters only", _body(text="\u00a0\u200b\u3000\u2060"), 422, "invalid_input",
             "empty text", ("invisible.txt", "\u00a0\u200b\u3000\u2060".encode()), "empty text"),
    BadInput("punctuation only", _body(text="... --- !!! ???"), 422, "invalid_input", "no letters or digits",
             ("dots.txt", b"... --- !!! ???"), "no letters or digits"),
    BadInput("NUL bytes", _body(text="Iran\u0000condemned"), 422, "invalid_input", "binary",
             ("nul.txt", b"Iran\x00condemned"), "binary data (NUL bytes)"),
    BadInput("control characters", _body(text="\u0001\u0002\u0003\u0004\u0005ab"), 422, "invalid_input",
             "control characters", ("ctrl.txt", b"\x01\x02\x03\x04\x05ab"), "control characters"),
    BadInput("Latin-1 bytes", b'{"text": "Caf\xe9 talks in Ankara"}', 422, "invalid_input", "not valid UTF-8",
             ("latin1.txt", "Café talks in Ankara".encode("latin-1")), "cannot decode as UTF-8"),
    BadInput("UTF-16 text", _body(text=SENTENCE).decode().encode("utf-16"), 422, "invalid_input",
             "not valid UTF-8", ("utf16.txt", SENTENCE.encode("utf-16")), "binary data"),
    BadInput("gzip bytes", GZIP_BYTES, 422, "invalid_input", "not valid UTF-8",
             ("archive.txt", GZIP_BYTES), "binary data"),
    BadInput("lone surrogate", b'{"text": "Iran \\ud800 condemned Israel."}', 422, "validation_error", "json",
             ("surrogate.jsonl", b'{"text": "Iran \\ud800 condemned Israel."}\n'), "not valid Unicode"),
    BadInput("HTML page without text", _body(text="<!DOCTYPE html><html><head><title>t</title></head>"
                                                   "<body><script>track()</script></body></html>"),
             422, "invalid_input", "HTML page without text",
             ("page.html", b"<html><body><style>p {}</style></body></html>"), "HTML page without text"),
    BadInput("document over the size limit", _body(text=TOO_LARGE), 413, "document_too_large",
             "limit 1000000"),
    BadInput("body not JSON", SENTENCE.encode(), 422, "validation_error", "json",
             ("prose.jsonl", SENTENCE.encode() + b"\n"), "invalid JSON"),
    BadInput("empty body", b"", 422, "validation_error", "json",
             ("empty.jsonl", b"\n\n"), "no documents"),
    BadInput("JSON not an object", b'["Iran", "condemned", "Israel"]', 422, "validation_error", "object",
             ("array.jsonl", b'["Iran", "condemned", "Israel"]\n'), "expected a JSON object"),
    BadInput("JSON nested too deeply", f'{{"text": "{SENTENCE}", "source": {DEEP}}}'.encode(), 422,
             "validation_error", "recursion", ("deep.jsonl", f'{{"text": "{SENTENCE}", "x": {DEEP}}}\n'.encode()),
             "nested too deeply"),
    BadInput("text missing", _body(id="x"), 422, "validation_error", "text",
             ("notext.jsonl", _line(id="x")), 'missing or non-string "text"'),
    BadInput("text not a string", _body(text=42), 422, "validation_error", "text",
             ("numtext.jsonl", _line(text=42)), 'missing or non-string "text"'),
    BadInput("date not a date", _body(text=SENTENCE, date="soon"), 422, "validation_error", "date",
             ("baddate.jsonl", _line(text=SENTENCE, date="soon")), "field 'date'"),
    BadInput("year zero", _body(text=SENTENCE, date="0000-01-01"), 422, "validation_error", "date",
             ("year0.jsonl", _line(text=SENTENCE, date="0000-01-01")), "field 'date'"),
    BadInput("id unfit for an IRI", _body(id="a b>c", text=SENTENCE), 422, "validation_error", "id",
             ("badid.jsonl", _line(id="a b>c", text=SENTENCE)), "is not a document id"),
    BadInput("id too long", _body(id="a" * 201, text=SENTENCE), 422, "validation_error", "id",
             ("longid.jsonl", _line(id="a" * 201, text=SENTENCE)), "is not a document id"),
    BadInput("source too long", _body(text=SENTENCE, source="s" * 2001), 422, "validation_error", "source"),
    BadInput("unknown field", _body(text=SENTENCE, txt="typo"), 422, "validation_error", "txt"),
]
"""Every kind of bad document input; the CLI column is None where the CLI has no equivalent input."""

CLI_CATALOGUE = [case for case in CATALOGUE if case.cli_file is not None]


@pytest.mark.parametrize("case", CATALOGUE, ids=[case.kind for case in CATALOGUE])
def test_bad_document_over_http(client: TestClient, case: BadInput) -> None:
    response = client.post("/documents", content=case.body, headers={"content-type": "application/json"})
    error = assert_error(response, case.status, case.code, message=case.words)
    assert "\n" not in error["message"]
    assert len(error["message"]) < 500  # the message names the problem, it does not echo the input
    assert client.get("/stats").json()["documents"] == 0  # nothing was stored


@pytest.mark.parametrize("case", CLI_CATALOGUE, ids=[case.kind for case in CLI_CATALOGUE])
def test_bad_document_through_the_cli(tmp_path: Path, case: BadInput) -> None:
    assert case.cli_file is not None
    name, data = case.cli_file
    path = tmp_path / name
    path.write_bytes(data)
    store = tmp_path / "store"
    result = CliRunner().invoke(cli_app, ["ingest", "--store", str(store), str(path)])
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"geokg: error: {path}")
    assert case.cli_words.lower() in lines[0].lower()
    assert not store.exists()  # refused before the store was opened


def test_catalogue_is_large_enough() -> None:
    assert len(CATALOGUE) >= 15 and len(CLI_CATALOGUE) >= 15
    assert len({case.kind for case in CATALOGUE}) == len(CATALOGUE)


@pytest.mark.parametrize("html", [
    "<!DOCTYPE html><html><head><title>Turkey</title><script>var Russia;</script></head>"
    "<body><p>Turkey cooperates with Russia against the Islamic State.</p></body></html>",
    '<div class="story"><p>Turkey cooperates with <b>Russia</b> against the Islamic State.</p></div>',
], ids=["page", "fragment"])
def test_html_is_reduced_to_its_text(client: TestClient, html: str) -> None:
    response = client.post("/documents", json={"id": "page", "text": html})
    assert response.status_code == 201, response.text
    relations = response.json()["relations"]
    assert ("TUR", "RUS") in {(r["subject"]["id"], r["object"]["id"]) for r in relations}
    assert all("<" not in r["sentence"] for r in relations)


def test_other_languages_are_stored_without_relations(client: TestClient, tmp_path: Path) -> None:
    texts = {"ru": "Россия атаковала Украину. Украина осудила Россию.", "zh": "中国和俄罗斯合作。",
             "de": "Die Türkei kritisierte Russland scharf."}
    for lang, text in texts.items():
        response = client.post("/documents", json={"id": lang, "text": text})
        assert response.status_code == 201, response.text
        assert response.json()["relations"] == []
    path = tmp_path / "foreign.jsonl"
    path.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()), encoding="utf-8")
    result = CliRunner().invoke(cli_app, ["extract", str(path)])
    assert result.exit_code == 0 and result.stdout == "", result.stderr
