"""SPARQL results as bytes: JSON, XML, CSV and TSV for SELECT/ASK, RDF for CONSTRUCT/DESCRIBE.

The formats follow the W3C recommendations "SPARQL 1.1 Query Results JSON Format",
"SPARQL Query Results XML Format" and "SPARQL 1.1 Query Results CSV and TSV Formats";
graph results are written by Oxigraph's RDF writers. :func:`negotiate` picks the media type
from an HTTP ``Accept`` header.
"""

from __future__ import annotations

import csv
import io
import json
import re
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from graph.errors import GraphError
from graph.sparql import SparqlResult, Term

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
RDFXML = "application/rdf+xml"

RESULT_TYPES: dict[str, str] = {
    JSON: JSON, "application/json": JSON,
    XML: XML, "application/xml": XML, "text/xml": XML,
    CSV: CSV, TSV: TSV,
}
"""Media types a SELECT or ASK answer can take (aliases map to the canonical type)."""

GRAPH_TYPES: dict[str, str] = {
    TURTLE: TURTLE, "application/x-turtle": TURTLE,
    NTRIPLES: NTRIPLES, "text/plain": NTRIPLES,
    RDFXML: RDFXML,
}
"""Media types a CONSTRUCT or DESCRIBE answer can take."""

_RDF_FORMATS = {TURTLE: ox.RdfFormat.TURTLE, NTRIPLES: ox.RdfFormat.N_TRIPLES, RDFXML: ox.RdfFormat.RDF_XML}

FORMAT_NAMES: dict[str, str] = {
    "json": JSON, "xml": XML, "csv": CSV, "tsv": TSV,
    "turtle": TURTLE, "ttl": TURTLE, "ntriples": NTRIPLES, "nt": NTRIPLES, "rdfxml": RDFXML,
}
"""Short names a client may give instead of an ``Accept`` header (``?format=json``)."""


class NotAcceptable(GraphError, ValueError):
    """No media type the client accepts can carry this kind of result."""


def _accepted(accept: str) -> list[tuple[float, int, str]]:
    ranked = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, position, media))
    return sorted(ranked)


def negotiate(kind: str, accept: str | None, *, format: str | None = None) -> str:
    """The media type to answer a result of ``kind`` with.

    Parameters
    ----------
    kind
        ``"solutions"`` or ``"boolean"`` (SELECT, ASK) or ``"graph"`` (CONSTRUCT, DESCRIBE).
    accept
        The request's ``Accept`` header; missing or ``*/*`` gives SPARQL JSON (Turtle for graphs).
    format
        A short name or media type given as a parameter (``json``, ``xml``, ``csv``, ``tsv``,
        ``turtle``, ``ntriples``); it wins over ``Accept`` when it fits the result.

    Raises
    ------
    NotAcceptable
        When nothing acceptable fits; the message lists what does.

    Examples
    --------
    >>> negotiate("solutions", "text/csv;q=0.5, application/sparql-results+xml")
    'application/sparql-results+xml'
    >>> negotiate("graph", "*/*")
    'text/turtle'
    """
    table = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    default = TURTLE if kind == "graph" else JSON
    if format:
        wanted = FORMAT_NAMES.get(format.strip().lower(), format.strip().lower())
        if wanted in table:
            return table[wanted]
    if not accept or not accept.strip():
        return default
    for _, _, media in _accepted(accept):
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            if media == "*/*" or default.startswith(media[:-1]):
                return default
            return next((t for t in table.values() if t.startswith(media[:-1])), default)
    raise NotAcceptable(f"cannot answer this query as {accept!r}; acceptable: {', '.join(sorted(set(table.values())))}")


# ---------------------------------------------------------------------- terms
def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                        "predicate": _json_term(term.predicate),
                                        "object": _json_term(term.object)}}


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(_xml_chars(term.value))}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(_xml_chars(term.value))}</literal>"
        return f"<literal>{escape(_xml_chars(term.value))}</literal>"
    return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
            f"</predicate><object>{_xml_term(term.object)}</object></triple>")


def _xml_chars(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)  # XML 1.0 cannot carry these: the replacement character stands in


def _csv_term(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def _tsv_term(term: Term | None) -> str:
    return "" if term is None else str(term)  # Oxigraph writes terms in Turtle / N-Triples syntax


# ---------------------------------------------------------------------- writers
def _write_json(result: SparqlResult) -> bytes:
    if result.kind == "boolean":
        body: dict[str, object] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        seen: dict[Term, dict[str, object]] = {}  # terms repeat a lot; each is encoded once

        def encoded(term: Term) -> dict[str, object]:
            found = seen.get(term)
            if found is None:
                found = seen[term] = _json_term(term)
            return found

        bindings = [
            {name: encoded(term) for name, term in zip(result.variables, row) if term is not None}
            for row in result.rows
        ]
        body = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def _write_xml(result: SparqlResult) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sparql xmlns="{_RESULTS_NS}">']
    if result.kind == "boolean":
        out += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>"]
    else:
        out.append("<head>" + "".join(f"<variable name={quoteattr(n)}/>" for n in result.variables) + "</head>")
        out.append("<results>")
        seen: dict[Term, str] = {}
        for row in result.rows:
            parts = ["<result>"]
            for name, term in zip(result.variables, row):
                if term is None:
                    continue
                spelled = seen.get(term)
                if spelled is None:
                    spelled = seen[term] = _xml_term(term)
                parts.append(f'<binding name="{name}">{spelled}</binding>')
            parts.append("</result>")
            out.append("".join(parts))
        out.append("</results>")
    out.append("</sparql>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _write_csv(result: SparqlResult) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "boolean":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_csv_term(term) for term in row])
    return buffer.getvalue().encode("utf-8")


def _write_tsv(result: SparqlResult) -> bytes:
    if result.kind == "boolean":
        return ("?boolean\n" + ("true" if result.boolean else "false") + "\n").encode("utf-8")
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines.extend("\t".join(_tsv_term(term) for term in row) for row in result.rows)
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize(result: SparqlResult, media_type: str, *, prefixes: dict[str, str] | None = None) -> bytes:
    """Write a result in a media type chosen by :func:`negotiate`.

    Raises
    ------
    NotAcceptable
        When the media type cannot carry this kind of result.

    Examples
    --------
    >>> serialize(SparqlResult(kind="boolean", boolean=True), JSON)
    b'{"head": {}, "boolean": true}'
    """
    if result.kind == "graph":
        if media_type not in _RDF_FORMATS:
            raise NotAcceptable(f"a graph result cannot be written as {media_type}")
        fmt = _RDF_FORMATS[media_type]
        options = {"prefixes": prefixes} if prefixes and fmt != ox.RdfFormat.N_TRIPLES else {}
        return ox.serialize(result.triples, format=fmt, **options) or b""  # type: ignore[arg-type]
    writers = {JSON: _write_json, XML: _write_xml, CSV: _write_csv, TSV: _write_tsv}
    if media_type not in writers:
        raise NotAcceptable(f"a {'SELECT' if result.kind == 'solutions' else 'ASK'} result cannot be "
                            f"written as {media_type}")
    return writers[media_type](result)
