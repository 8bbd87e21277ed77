"""Cached filtered views kept current after writes equal views rebuilt from scratch."""

from __future__ import annotations

import datetime as dt
import random

import networkx as nx
import pytest

from extract.records import ActorRef, Document, RelationRecord
from graph import KnowledgeGraph
from graph.filters import filtered_graph, make_filter
from graph.queries import opponents
from graph.signed import signed_graph
from ontology import relation_types

TYPES = relation_types()
FILTERS = [make_filter(), make_filter(types="opposes"), make_filter(min_weight=2),
           make_filter(weight_by="sources", modalities="asserted,intended"),
           make_filter(since="2020-06-01", min_confidence=0.6)]


def _actor(n: int, variant: int = 0) -> ActorRef:
    label = f"Actor {n}" if variant == 0 else f"Actor {n} (v{variant})"
    return ActorRef(id=f"A{n:02d}", label=label, type="State", country="AAA", text=f"the actor {n}.{variant}")


def _document(rng: random.Random, doc_id: str, actors: int) -> tuple[Document, list[RelationRecord]]:
    records = []
    for i in range(rng.randint(1, 5)):
        a, b = rng.sample(range(actors), 2)
        rtype = rng.choice(TYPES)
        records.append(RelationRecord(
            doc=doc_id, sentence=f"s{i}", start=0, end=2, subject=_actor(a, rng.randrange(3)),
            object=_actor(b), relation=rtype.snake, plover=rtype.plover, polarity=rtype.polarity,  # type: ignore[arg-type]
            negated=rng.random() < 0.1, modality=rng.choice(["asserted"] * 4 + ["reported", "intended"]),  # type: ignore[arg-type]
            date=dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(700)),
            confidence=rng.choice([0.5, 0.7, 0.9])))
    return Document(id=doc_id, text=f"text {doc_id} {rng.random()}", source=rng.choice([None, "wire", "paper"])), records


def _content(H: nx.DiGraph) -> tuple[dict, dict]:
    nodes = {n: dict(d) for n, d in H.nodes(data=True)}
    edges = {(u, v): {k: v_ for k, v_ in d.items()} for u, v, d in H.edges(data=True)}
    return nodes, edges


@pytest.mark.parametrize("seed", range(3))
def test_views_kept_current_after_writes_equal_rebuilt_views(seed: int) -> None:
    rng = random.Random(seed)
    actors = 14
    with KnowledgeGraph.open("memory") as kg:
        for d in range(30):
            document, records = _document(rng, f"d{d}", actors)
            kg.add_document(document, records, extractor_version="v")
        for flt in FILTERS:  # cache the views and what derives from them
            view = kg.filtered_view(flt)
            signed_graph(view, flt.weight_by)
            for n in list(view)[:5]:
                opponents(view, n, flt=flt, view=view)
        updated = 0
        for step in range(40):
            choice = rng.random()
            existing = sorted(kg.projection.documents)
            if choice < 0.25 and existing:
                kg.delete_document(rng.choice(existing))
            elif choice < 0.6 and existing:
                doc_id = rng.choice(existing)  # replace a document
                document, records = _document(rng, doc_id, actors)
                kg.add_document(document, records, extractor_version="v")
            else:
                document, records = _document(rng, f"n{step}", actors)
                kg.add_documents([(document, records)], extractor_version="v")
            for flt in FILTERS:
                view = kg.filtered_view(flt)
                fresh = filtered_graph(kg.graph, flt)
                assert _content(view) == _content(fresh), (step, flt)
                carried = view.graph.get("_derived", {})
                updated += ("signed", flt.weight_by) in carried
                S, T = signed_graph(view, flt.weight_by), signed_graph(fresh, flt.weight_by)
                assert sorted(S.nodes) == sorted(T.nodes)
                assert {tuple(sorted(e[:2])): e[2] for e in S.edges(data=True)} == \
                    {tuple(sorted(e[:2])): e[2] for e in T.edges(data=True)}
                for n in sorted(fresh):
                    assert opponents(view, n, flt=flt, view=view) == opponents(fresh, n, flt=flt, view=fresh)
        assert updated > 100  # the views were updated in place of being rebuilt


def test_a_view_in_use_is_not_changed_by_a_write() -> None:
    rng = random.Random(9)
    with KnowledgeGraph.open("memory") as kg:
        for d in range(10):
            kg.add_document(*_document(rng, f"d{d}", 6), extractor_version="v")
        before = kg.filtered_view()
        content = _content(before)
        kg.delete_document("d3")
        kg.add_document(*_document(rng, "d4", 6), extractor_version="v")
        after = kg.filtered_view()
        assert after is not before and _content(before) == content
        assert _content(after) == _content(filtered_graph(kg.graph))
