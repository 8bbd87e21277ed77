"""Hand-built relation records for the graph tests (no spaCy needed)."""

from __future__ import annotations

import datetime as dt

from extract.records import ActorRef, Document, RelationRecord
from graph import KnowledgeGraph
from ontology import relation_type

ACTORS: dict[str, ActorRef] = {
    "TUR": ActorRef(id="TUR", label="Turkey", type="State", country="TUR"),
    "RUS": ActorRef(id="RUS", label="Russia", type="State", country="RUS"),
    "SYR": ActorRef(id="SYR", label="Syria", type="State", country="SYR"),
    "USA": ActorRef(id="USA", label="United States", type="State", country="USA"),
    "IRN": ActorRef(id="IRN", label="Iran", type="State", country="IRN"),
    "TUR-GOV": ActorRef(id="TUR-GOV", label="Turkish government", type="StateInstitution",
                        country="TUR", role="GOV"),
    "islamic-state": ActorRef(id="islamic-state", label="Islamic State", type="ArmedGroup"),
    "recep-tayyip-erdogan": ActorRef(id="recep-tayyip-erdogan", label="Recep Tayyip Erdoğan",
                                     type="Person", country="TUR", role="GOV"),
    "SYR-REB": ActorRef(id="SYR-REB", label="Syrian rebels", type="SocialGroup", country="SYR", role="REB"),
}


def rec(
    doc: str,
    subject: str,
    relation: str,
    obj: str,
    *,
    subject_text: str | None = None,
    object_text: str | None = None,
    negated: bool = False,
    modality: str = "asserted",
    date: dt.date | None = None,
    confidence: float = 0.8,
    speaker: str | None = None,
    location: str | None = None,
    trigger: str | None = None,
    start: int = 0,
) -> RelationRecord:
    """A relation record between two actors of :data:`ACTORS`, consistent with the ontology."""
    rtype = relation_type(relation)
    s = ACTORS[subject].model_copy(update={"text": subject_text or ACTORS[subject].label})
    o = ACTORS[obj].model_copy(update={"text": object_text or ACTORS[obj].label})
    sentence = f"{s.text} {rtype.label} {o.text}."
    return RelationRecord(
        doc=doc,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        subject=s,
        relation=rtype.snake,
        plover=rtype.plover,
        polarity=rtype.polarity,  # type: ignore[arg-type]
        object=o,
        negated=negated,
        modality=modality,  # type: ignore[arg-type]
        date=date,
        confidence=confidence,
        trigger=trigger,
        speaker=ACTORS[speaker].model_copy(update={"text": ACTORS[speaker].label}) if speaker else None,
        location=location,
    )


def doc(doc_id: str, text: str | None = None, *, date: dt.date | None = None,
        source: str | None = None) -> Document:
    return Document(id=doc_id, text=text or f"text of {doc_id}", date=date, source=source)


def corpus() -> list[tuple[Document, list[RelationRecord]]]:
    """Three documents with cooperation, conflict, aliases, negation and modality."""
    d1 = [
        rec("d1", "TUR", "attacks", "islamic-state", subject_text="Ankara", date=dt.date(2016, 12, 20),
            trigger="struck", location="al-Bab", start=0),
        rec("d1", "TUR", "cooperates_with", "RUS", date=dt.date(2016, 12, 20), start=40),
        rec("d1", "RUS", "supports", "SYR", subject_text="Moscow", modality="reported", speaker="IRN",
            confidence=1.0, start=80),
        rec("d1", "USA", "threatens", "SYR", negated=True, start=120),
    ]
    d2 = [
        rec("d2", "recep-tayyip-erdogan", "accuses", "USA", subject_text="Erdogan", date=dt.date(2017, 1, 5)),
        rec("d2", "TUR", "fights_with", "SYR-REB", modality="intended", start=50),
        rec("d2", "RUS", "attacks", "islamic-state", date=dt.date(2017, 1, 6), start=90),
        rec("d2", "TUR", "cooperates_with", "RUS", subject_text="Turkey", start=130),
    ]
    d3 = [
        rec("d3", "IRN", "aids", "SYR", subject_text="Tehran", date=dt.date(2015, 3, 1)),
        rec("d3", "TUR-GOV", "rejects", "USA", subject_text="the Turkish government", start=60),
    ]
    return [
        (doc("d1", date=dt.date(2016, 12, 20), source="VOA"), d1),
        (doc("d2", date=dt.date(2017, 1, 6)), d2),
        (doc("d3"), d3),
    ]


def load(kg: KnowledgeGraph, documents: list[tuple[Document, list[RelationRecord]]] | None = None) -> None:
    for document, records in documents if documents is not None else corpus():
        kg.add_document(document, records, extractor_version="test-1")
