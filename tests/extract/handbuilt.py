"""Hand-built parses for rule tests: a Doc from (word, lemma, pos, dep, head) rows, as spaCy tests itself.

Every row whose word names a known actor is an actor mention; no place mentions.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.records import ActorRef, RelationRecord
from extract.relations import ACTORS_KEY, PLACES_KEY, RelationMatcher

Row = tuple[str, str, str, str, int]
"""(word, lemma, pos, dep, head index)."""


def hand_doc(matcher: RelationMatcher, rows: list[Row], actors: Mapping[str, ActorRef], *,
             tags: list[str] | None = None, spaces: list[bool] | None = None) -> Doc:
    """A Doc of ``rows`` (and fine-grained ``tags``; ``spaces``: whether a space follows each word,
    by default all) in the matcher's vocabulary; each word in ``actors`` is a one-token mention."""
    doc = Doc(matcher.vocab, words=[r[0] for r in rows], lemmas=[r[1] for r in rows],
              pos=[r[2] for r in rows], deps=[r[3] for r in rows], heads=[r[4] for r in rows], tags=tags,
              spaces=spaces)
    doc.spans[ACTORS_KEY] = [doc[i:i + 1] for i, row in enumerate(rows) if row[0] in actors]
    doc.spans[PLACES_KEY] = []
    return doc


def hand_records(matcher: RelationMatcher, doc: Doc, actors: Mapping[str, ActorRef]) -> list[RelationRecord]:
    """The matcher's records on ``doc``, each mention resolved through ``actors`` by its text."""

    def resolve(span: Span) -> ActorRef | None:
        ref = actors.get(span.text)
        return ref.model_copy(update={"text": span.text}) if ref else None

    return matcher(doc, doc_id="d", resolve=resolve)


AssertedKey = tuple[str, str, str, str]
"""(subject, relation, object, modality) of a non-negated record."""


def asserted_keys(records: list[RelationRecord]) -> set[AssertedKey]:
    """(subject, relation, object, modality) of the records that are not negated."""
    return {(r.subject.id, r.relation, r.object.id, r.modality) for r in records if not r.negated}
