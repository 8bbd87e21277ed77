"""``geokg query ...``: the HTTP query endpoints as commands, over the same KnowledgeGraph methods.

Every command that queries relations takes the same filter options as the HTTP query string
(``--since``, ``--until``, ``--types``, ``--min-weight``, ``--min-confidence``,
``--actor-types``, ``--countries``, ``--modalities``, ``--ego``, ``--ego-hops``,
``--weight-by``; ``network`` and ``timeline`` have no ``--ego``/``--ego-hops``), declared once
in :data:`api.cli_filters.FILTER_OPTIONS` and added by :func:`api.cli_filters.filter_options`, and ``--json`` for the JSON the
endpoint returns. Registered on :data:`api.cli.query_app`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from api.cli import JsonOption, StoreOption, _open_graph, _reported, _settings, query_app
from api.cli_filters import filter_options

if TYPE_CHECKING:
    from pydantic import BaseModel

    from graph.filters import RelationFilter
    from graph.models import ActorPath, Neighbour, Page, PathPage

Limit = Annotated[int, typer.Option("--limit", min=1, max=1000, help="Page size")]
Offset = Annotated[int, typer.Option("--offset", min=0, help="Items to skip")]
EvidenceOption = Annotated[bool, typer.Option("--evidence", help="Show the evidence sentences")]
ActorArg = Annotated[str, typer.Argument(help="Actor id, name or alias")]


def _json(value: BaseModel | list[Any]) -> None:
    data = [v.model_dump(mode="json") for v in value] if isinstance(value, list) else value.model_dump(mode="json")
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _evidence_lines(evidence: list[Any] | None) -> None:
    for ev in evidence or []:
        typer.echo(f"    {ev.doc} {ev.date or ''} [{ev.start}:{ev.end}] {ev.sentence}")


def _print_neighbours(actor: str, kind: str, page: Page[Neighbour], *, as_json: bool) -> None:
    if as_json:
        _json(page)  # the page GET /actors/{actor}/{kind} answers, as for relations, actors and path
        return
    if not page.items:
        typer.echo(f"no {kind} of {actor} in the store")
        return
    for n in page.items:
        typer.echo(f"{n.actor.id}\t{n.actor.label}\t{', '.join(n.relations)}\t"
                   f"weight {n.weight}, documents {n.documents}, mentions {n.mentions}")
        _evidence_lines(n.evidence)
    if page.total > page.offset + len(page.items):
        typer.echo(f"({page.total} in all; --offset {page.offset + len(page.items)} for more)")


@query_app.command()
@filter_options()
def opponents(
    actor: ActorArg, store: StoreOption = None, as_json: JsonOption = False, evidence: EvidenceOption = False,
    limit: Limit = 100, offset: Offset = 0, *, flt: RelationFilter,
) -> None:
    """Actors in conflict relations with ACTOR (the opposes family), heaviest first."""
    with _reported():
        with _open_graph(_settings(store=store).store) as graph:
            page = graph.opponents(actor, flt=flt, evidence=evidence, limit=limit, offset=offset)
        _print_neighbours(actor, "opponents", page, as_json=as_json)


@query_app.command()
@filter_options()
def allies(
    actor: ActorArg, store: StoreOption = None, as_json: JsonOption = False, evidence: EvidenceOption = False,
    limit: Limit = 100, offset: Offset = 0, *, flt: RelationFilter,
) -> None:
    """Actors in cooperation relations with ACTOR (the cooperatesWith family), heaviest first."""
    with _reported():
        with _open_graph(_settings(store=store).store) as graph:
            page = graph.allies(actor, flt=flt, evidence=evidence, limit=limit, offset=offset)
        _print_neighbours(actor, "allies", page, as_json=as_json)


@query_app.command()
def actors(
    q: Annotated[str | None, typer.Argument(help="Words of a name (misspellings forgiven)")] = None,
    store: StoreOption = None, as_json: JsonOption = False, limit: Limit = 50, offset: Offset = 0,
) -> None:
    """Search actors by id, label or alias (every actor without Q)."""
    with _reported():
        with _open_graph(_settings(store=store).store) as graph:
            page = graph.search_actors(q, limit=limit, offset=offset)
        if as_json:
            _json(page)
            return
        for a in page.items:
            typer.echo(f"{a.id}\t{a.label}\t{a.type}\t{a.country or ''}\t{'; '.join(a.aliases)}")


@query_app.command()
@filter_options()
def relations(
    relation_type: Annotated[str, typer.Option("--type", help="A relation type or family")] = "opposes",
    actor: Annotated[str | None, typer.Option("--actor", help="Only pairs with this actor")] = None,
    store: StoreOption = None, as_json: JsonOption = False, evidence: EvidenceOption = False,
    limit: Limit = 100, offset: Offset = 0, *, flt: RelationFilter,
) -> None:
    """Who relates to whom under a relation type (default: opposes), heaviest first."""
    with _reported():
        with _open_graph(_settings(store=store).store) as graph:
            page = graph.relation_pairs(type=relation_type, actor=actor, flt=flt, evidence=evidence, limit=limit,
                                        offset=offset)
        if as_json:
            _json(page)
            return
        for p in page.items:
            typer.echo(f"{p.source.id}\t{p.relation}\t{p.target.id}\tweight {p.weight}\t"
                       f"{p.first_seen or ''}..{p.last_seen or ''}")
            _evidence_lines(p.evidence)
        typer.echo(f"({len(page.items)} of {page.total})")


@query_app.command()
def relation(
    relation_id: Annotated[str, typer.Argument(help="source:relation:target, e.g. USA:sanctions:IRN")],
    store: StoreOption = None, as_json: JsonOption = False,
) -> None:
    """One relation with every record behind it."""
    with _reported():
        with _open_graph(_settings(store=store).store) as graph:
            found = graph.relation(relation_id)
        if as_json:
            _json(found)
            return
        typer.echo(f"{found.id}\t{found.polarity}\tweight {found.weight}, documents {found.documents}, "
                   f"sources {found.sources}, mentions {found.mentions}")
        _evidence_lines(found.evidence)


def _path_line(path: ActorPath, start: str, *, signed: bool) -> str:
    """The path from its start, each hop's arrow pointing the way the relation was recorded."""
    node = start
    parts = [node]
    for hop in path.hops:
        if hop.source.id == node:
            parts.append(f"-[{hop.relation}]->")
            node = hop.target.id
        else:
            parts.append(f"<-[{hop.relation}]-")
            node = hop.source.id
        parts.append(node)
    line = " ".join(parts)
    return line + f"\tsign {'+' if path.sign > 0 else '-'}" if signed else line


def _print_path_count(page: PathPage) -> None:
    """The line under a page of paths that is not all of them: how many, and the next ``--offset``."""
    after = page.offset + len(page.items)
    counted = (f"{page.total} among the first {page.total_cap} paths found; the search stops there"
               if page.total_capped else f"{page.total} in all")
    if page.total > after:
        typer.echo(f"({counted}; --offset {after} for more)")
    elif not page.items:
        typer.echo(f"({counted}; none from --offset {page.offset})")
    elif page.total_capped or page.offset:
        typer.echo(f"({counted})")


@query_app.command()
@filter_options()
def path(
    source: ActorArg, target: ActorArg,
    max_hops: Annotated[int, typer.Option("--max-hops", min=1, max=8, help="Longest path considered")] = 4,
    mode: Annotated[str, typer.Option("--mode", help="shortest, or all simple paths (max 5 hops)")] = "shortest",
    signed: Annotated[str, typer.Option("--signed", help="any, positive or negative")] = "any",
    limit: Annotated[int, typer.Option("--limit", min=1, max=100, help="Page size")] = 10,
    offset: Offset = 0,
    store: StoreOption = None, as_json: JsonOption = False, evidence: EvidenceOption = False,
    *, flt: RelationFilter,
) -> None:
    """Paths from SOURCE to TARGET with the relation on every hop (signed with --mode all), a page at a time."""
    with _reported():
        with _open_graph(_settings(store=store).store) as graph:
            start = graph.resolve_actor(source).id
            page = graph.paths(source, target, max_hops=max_hops, mode=mode, signed=signed,  # type: ignore[arg-type]
                               limit=limit, offset=offset, flt=flt, evidence=evidence or as_json)
        if as_json:
            _json(page)
        elif not page.total and not page.total_capped:
            typer.echo(f"no path from {source} to {target} within {max_hops} hops")
        else:
            for found_path in page.items:
                typer.echo(_path_line(found_path, start, signed=mode != "shortest" or signed != "any"))
                for hop in found_path.hops if evidence else []:
                    typer.echo(f"  {hop.relation_id}")
                    _evidence_lines(hop.evidence)
            _print_path_count(page)


@query_app.command()
@filter_options(ego=False)
def network(
    actor: ActorArg, hops: Annotated[int, typer.Option("--hops", min=1, max=4)] = 1,
    store: StoreOption = None, as_json: JsonOption = False, *, flt: RelationFilter,
) -> None:
    """ACTOR's ego network: the actors within --hops and the edges between them."""
    with _reported():
        with _open_graph(_settings(store=store).store) as graph:
            ego = graph.ego_network(actor, hops=hops, flt=flt)
        if as_json:
            _json(ego)
            return
        typer.echo(f"{ego.actor.id}: {ego.total_nodes} actors within {hops} hop(s)")
        for e in ego.edges:
            typer.echo(f"{e.source}\t{e.relation}\t{e.target}\t{e.polarity}\tweight {e.weight}")
        if ego.truncated:
            typer.echo(f"(cut: {len(ego.nodes)} of {ego.total_nodes} actors, the nearest and most active; "
                       f"{len(ego.edges)} of {ego.total_edges} edges, the heaviest)")


@query_app.command()
@filter_options()
def balance(
    actor: Annotated[str | None, typer.Option("--actor", help="Only triads with this actor")] = None,
    store: StoreOption = None, as_json: JsonOption = False, *, flt: RelationFilter,
) -> None:
    """Structural balance: balanced and unbalanced triads of the signed network."""
    with _reported():
        with _open_graph(_settings(store=store).store) as graph:
            result = graph.balance(actor=actor, flt=flt)
        if as_json:
            _json(result)
            return
        typer.echo(f"triads {result.triads}: balanced {result.balanced}, unbalanced {result.unbalanced}")
        for t in result.unbalanced_triads:
            typer.echo(f"unbalanced\t{' '.join(t.actors)}\tsigns {t.signs}")
        for t in result.balanced_triads:
            typer.echo(f"balanced\t{' '.join(t.actors)}\tsigns {t.signs}")


@query_app.command()
@filter_options()
def centrality(
    sort: Annotated[str, typer.Option("--sort", help="pagerank, degree, weighted_degree, cooperation_pagerank "
                                                     "or conflict_pagerank")] = "pagerank",
    limit: Limit = 20, offset: Offset = 0,
    store: StoreOption = None, as_json: JsonOption = False, *, flt: RelationFilter,
) -> None:
    """Degree and PageRank per actor, overall and per polarity."""
    with _reported():
        with _open_graph(_settings(store=store).store) as graph:
            page = graph.centrality(flt=flt, sort=sort, limit=limit, offset=offset)
        if as_json:
            _json(page)
            return
        typer.echo("actor\tdegree\t+\t-\tpagerank")
        for c in page.items:
            typer.echo(f"{c.actor.id}\t{c.degree}\t{c.cooperation_degree}\t{c.conflict_degree}\t{c.pagerank:.4f}")


@query_app.command()
@filter_options()
def communities(
    seed: Annotated[int, typer.Option("--seed", min=0)] = 42,
    resolution: Annotated[float, typer.Option("--resolution", min=0.001)] = 1.0,
    store: StoreOption = None, as_json: JsonOption = False, *, flt: RelationFilter,
) -> None:
    """Louvain communities of the cooperation network (seeded)."""
    with _reported():
        with _open_graph(_settings(store=store).store) as graph:
            result = graph.communities(flt=flt, seed=seed, resolution=resolution)
        if as_json:
            _json(result)
            return
        for c in result.communities:
            typer.echo(f"{c.id}\t{' '.join(m.id for m in c.members)}")
        typer.echo(f"conflict between communities {result.conflict_between}, within {result.conflict_within}")


@query_app.command()
@filter_options(ego=False)
def timeline(
    actor: Annotated[str | None, typer.Option("--actor", help="One actor's relations")] = None,
    source: Annotated[str | None, typer.Option("--source", help="A pair's relations: one end")] = None,
    target: Annotated[str | None, typer.Option("--target", help="A pair's relations: the other end")] = None,
    by: Annotated[str, typer.Option("--by", help="month or year")] = "month",
    store: StoreOption = None, as_json: JsonOption = False, *, flt: RelationFilter,
) -> None:
    """Relations of an actor, or of a pair, by month or year."""
    with _reported():
        with _open_graph(_settings(store=store).store) as graph:
            result = graph.timeline(actor=actor, source=source, target=target, by=by, flt=flt)  # type: ignore[arg-type]
        if as_json:
            _json(result)
            return
        typer.echo("period\tcooperation\tconflict\trelations")
        for b in result.buckets:
            kinds = ", ".join(f"{k} {v}" for k, v in b.relations.items())
            typer.echo(f"{b.period}\t{b.cooperation}\t{b.conflict}\t{kinds}")
