"""extract.readers: CLI inputs into Documents, and a one-line InputError for every kind of bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from extract.errors import InputError
from extract.readers import read_documents

SENTENCE = "Turkey cooperates with Russia against the Islamic State."


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_text_file_is_one_document_named_for_its_stem(tmp_path: Path) -> None:
    path = tmp_path / "Syria talks (draft).txt"
    path.write_text(SENTENCE, encoding="utf-8")
    (doc,) = read_documents([path])
    assert doc.text == SENTENCE
    assert doc.id == "Syria-talks-draft"
    assert doc.source == str(path)
    assert doc.date is None


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffAnkara said".encode("utf-8"))
    (doc,) = read_documents([path])
    assert doc.text == "Ankara said"


HTML_PAGE = """<!DOCTYPE html>
<html><head><title>VOA</title><style>p {color: red}</style></head>
<body><h1>Talks</h1><p>Turkey cooperates with <b>Russia</b> against the Islamic State.</p>
<script>track("Iran attacked Israel")</script><p>Iran &amp; Iraq signed a deal.</p></body></html>"""


def test_html_page_is_reduced_to_its_text(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "prose.txt").write_text("A <b> tag mentioned in prose stays as written.", encoding="utf-8")
    page, prose = read_documents([tmp_path / "page.html", tmp_path / "prose.txt"])
    assert page.text == ("Talks\nTurkey cooperates with Russia against the Islamic State.\n"
                         "Iran & Iraq signed a deal.")
    assert prose.text == "A <b> tag mentioned in prose stays as written."
    (tmp_path / "empty.html").write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.html: HTML page without text"):
        list(read_documents([tmp_path / "empty.html"]))


def test_jsonl_gives_one_document_a_line_with_its_fields(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "news.jsonl", [
        {"id": "a", "text": SENTENCE, "date": "2016-12-20", "source": "wire"},
        {"id": 7, "text": "Iran condemned Israel."},
        {"text": "Russia attacked Ukraine.", "extra": "ignored"},
    ])
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n   \n")  # blank lines are skipped
    docs = list(read_documents([path]))
    assert [d.id for d in docs[:2]] == ["a", "7"]
    assert docs[0].date == dt.date(2016, 12, 20)
    assert docs[0].source == "wire"
    assert docs[1].source == str(path)
    assert docs[2].id is None and docs[2].text == "Russia attacked Ukraine."


def test_jsonl_published_and_url_fill_date_and_source(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "voa.jsonl", [
        {"id": "1", "text": SENTENCE, "published": "2025-03-14 20:30:26Z", "url": "https://example.org/1"},
        {"id": "2", "text": SENTENCE, "published": "last week", "date": None},
        {"id": "3", "text": SENTENCE, "published": "2025-03-14", "date": "2024-01-02", "source": "wire"},
    ])
    docs = list(read_documents([path]))
    assert (docs[0].date, docs[0].source) == (dt.date(2025, 3, 14), "https://example.org/1")
    assert (docs[1].date, docs[1].source) == (None, str(path))
    assert (docs[2].date, docs[2].source) == (dt.date(2024, 1, 2), "wire")


def test_jsonl_streams_documents_before_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": SENTENCE}) + "\n{broken\n", encoding="utf-8")
    documents = read_documents([path])
    assert next(documents).id == "ok"
    with pytest.raises(InputError, match=r"mixed\.jsonl: line 2: invalid JSON"):
        next(documents)


def test_directory_reads_txt_and_jsonl_recursively_sorted_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Iran condemned Israel.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    write_jsonl(tmp_path / "sub" / "c.jsonl", [{"id": "c1", "text": SENTENCE}])
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("hidden", encoding="utf-8")
    assert [d.id for d in read_documents([tmp_path])] == ["a", "b", "c1"]


def test_stdin_is_one_document_with_a_content_hash_id() -> None:
    (doc,) = read_documents(["-"], stdin=io.BytesIO(SENTENCE.encode()))
    assert doc.text == SENTENCE
    assert doc.id is not None and doc.id.startswith("doc-")
    assert doc.source == "<stdin>"


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    (tmp_path / "empty-dir").mkdir()
    (tmp_path / "other-dir").mkdir()
    (tmp_path / "other-dir" / "x.csv").write_text("a,b", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 talks in Ankara".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    write_jsonl(tmp_path / "array.jsonl", [{"text": "ok"}, ["not", "an", "object"]])
    write_jsonl(tmp_path / "notext.jsonl", [{"id": "x"}])
    write_jsonl(tmp_path / "numtext.jsonl", [{"text": 42}])
    write_jsonl(tmp_path / "baddate.jsonl", [{"text": SENTENCE, "date": "yesterday"}])
    write_jsonl(tmp_path / "blanktext.jsonl", [{"text": "ok"}, {"text": "ok"}, {"text": "   "}])
    (tmp_path / "badbytes.jsonl").write_bytes(b'{"text": "ok"}\n{"text": "\xff"}\n')
    return {
        "missing file": ([str(tmp_path / "nope.txt")], r"nope\.txt: no such file or directory"),
        "empty directory": ([str(tmp_path / "empty-dir")], r"holds no \.txt, \.html or \.jsonl files"),
        "directory without inputs": ([str(tmp_path / "other-dir")], r"holds no \.txt, \.html or \.jsonl files"),
        "undecodable bytes": ([str(tmp_path / "latin1.txt")], r"cannot decode as UTF-8"),
        "binary file": ([str(tmp_path / "binary.txt")], r"binary data"),
        "empty file": ([str(tmp_path / "empty.txt")], r"empty\.txt: empty text"),
        "whitespace file": ([str(tmp_path / "blank.txt")], r"blank\.txt: empty text"),
        "empty jsonl": ([str(tmp_path / "empty.jsonl")], r"no documents"),
        "jsonl non-object": ([str(tmp_path / "array.jsonl")], r"line 2: expected a JSON object"),
        "jsonl without text": ([str(tmp_path / "notext.jsonl")], r"line 1: missing or non-string \"text\""),
        "jsonl numeric text": ([str(tmp_path / "numtext.jsonl")], r"line 1: missing or non-string \"text\""),
        "jsonl bad date": ([str(tmp_path / "baddate.jsonl")], r"line 1: field 'date'"),
        "jsonl blank text": ([str(tmp_path / "blanktext.jsonl")], r"line 3: empty text"),
        "jsonl undecodable line": ([str(tmp_path / "badbytes.jsonl")], r"line 2: cannot decode as UTF-8"),
        "no paths": ([], r"no input given"),
    }


BAD_INPUT_KINDS = [
    "missing file", "empty directory", "directory without inputs", "undecodable bytes", "binary file",
    "empty file", "whitespace file", "empty jsonl", "jsonl non-object", "jsonl without text",
    "jsonl numeric text", "jsonl bad date", "jsonl blank text", "jsonl undecodable line", "no paths",
]


@pytest.mark.parametrize("kind", BAD_INPUT_KINDS)
def test_bad_input_is_one_line_input_error(tmp_path: Path, kind: str) -> None:
    paths, pattern = _bad_inputs(tmp_path)[kind]
    with pytest.raises(InputError, match=pattern) as caught:
        list(read_documents(paths))
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("data, pattern", [
    (b"", r"<stdin>: empty text"),
    (b"  \n ", r"<stdin>: empty text"),
    (b"\xc3\x28 bad", r"<stdin>: cannot decode as UTF-8"),
    (b"\x00\x01\x02", r"<stdin>: looks like binary"),
])
def test_bad_stdin(data: bytes, pattern: str) -> None:
    with pytest.raises(InputError, match=pattern):
        list(read_documents(["-"], stdin=io.BytesIO(data)))
