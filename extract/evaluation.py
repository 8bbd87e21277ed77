"""Scoring extraction against gold sets: dyad precision/recall/F1, polarity, PLOVER, negation.

Gold relations and predicted :class:`~extract.records.RelationRecord` s are compared on
*dyads*: (subject key, object key, polarity), where an actor's key is
:func:`scoring_key` (ISO3 for a state and its organs, ``{ISO3}-{ROLE}`` for a non-state
sector, the id for an actor of no state). Only non-negated relations form dyads; negated
gold relations are scored apart. A dyad is ordered unless its relation is symmetric
(meet, talk, agree, cooperate, clash), in which case either order matches. Each distinct
dyad counts once per sentence.

The functions are plain and take data; :func:`evaluate_gold` and
:func:`evaluate_petrarch` run an extractor over a gold set and score it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from extract.errors import InputError
from extract.records import ActorRef, Document, Modality, Polarity, RelationRecord
from ontology import relation_type, relation_types
from ontology.terms import UnknownRelationType

if TYPE_CHECKING:  # the pipeline loads spaCy; only its type is needed here
    from extract.pipeline import Extractor

M = TypeVar("M", bound=BaseModel)

STATE_ROLES: frozenset[str | None] = frozenset({None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
"""Roles whose actors count as the state itself when scoring (see docs/architecture.md)."""

SYMMETRIC_CATEGORIES: frozenset[str] = frozenset({"COOPERATE", "AGREE", "CONSULT"})
"""PLOVER categories whose dyads are unordered whatever relation type expresses them."""

REPO_GOLD_PATH = Path(__file__).resolve().parents[1] / "tests" / "gold" / "gold.jsonl"
"""The hand-written gold set in a source checkout (tests are not installed as package data)."""


@cache
def _plover_polarities() -> tuple[tuple[str, str], ...]:
    return tuple(sorted({r.plover: r.polarity for r in relation_types()}.items()))


def plover_polarities() -> dict[str, str]:
    """PLOVER category → polarity, read from the ontology (16 categories).

    >>> plover_polarities()["ASSAULT"]
    'conflict'
    """
    return dict(_plover_polarities())


class GoldSetError(InputError):
    """A gold file that is missing or has a malformed line."""


class GoldRelation(BaseModel):
    """One hand-coded relation of a gold sentence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    subject: str = Field(min_length=1)
    object: str = Field(min_length=1)
    polarity: Polarity
    plover: str
    negated: bool = False
    modality: Modality | None = None
    relation: str | None = None
    """Optional ontology relation type (snake_case); a symmetric one (``fights_with``) makes the dyad unordered."""

    @model_validator(mode="after")
    def _consistent(self) -> GoldRelation:
        polarities = plover_polarities()
        if self.plover not in polarities:
            raise ValueError(f"unknown PLOVER category {self.plover!r}")
        if polarities[self.plover] != self.polarity:
            raise ValueError(f"{self.plover} has polarity {polarities[self.plover]}, not {self.polarity}")
        if self.relation is not None:
            try:
                rtype = relation_type(self.relation)
            except UnknownRelationType as exc:
                raise ValueError(str(exc)) from None
            if rtype.polarity != self.polarity:
                raise ValueError(f"relation {self.relation} is {rtype.polarity}, not {self.polarity}")
        if self.subject == self.object:
            raise ValueError(f"subject and object are both {self.subject!r}")
        return self

    @property
    def symmetric(self) -> bool:
        """Whether the dyad is unordered."""
        if self.plover in SYMMETRIC_CATEGORIES:
            return True
        return self.relation is not None and relation_type(self.relation).symmetric


class GoldSentence(BaseModel):
    """One line of a gold file."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    date: dt.date | None = None
    relations: list[GoldRelation] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Dyad:
    """(subject key, object key, polarity), ordered unless ``symmetric``."""

    subject: str
    object: str
    polarity: str
    symmetric: bool = False

    def same_pair(self, other: Dyad) -> bool:
        """Whether the two dyads join the same actors in a compatible order (polarity ignored)."""
        if (self.subject, self.object) == (other.subject, other.object):
            return True
        return (self.symmetric or other.symmetric) and (self.subject, self.object) == (
            other.object,
            other.subject,
        )

    def matches(self, other: Dyad) -> bool:
        """Same pair (see :meth:`same_pair`) and same polarity."""
        return self.polarity == other.polarity and self.same_pair(other)

    def __str__(self) -> str:
        arrow = "<->" if self.symmetric else "->"
        return f"{self.subject} {arrow} {self.object} [{self.polarity}]"


def scoring_key(actor: ActorRef) -> str:
    """The key an actor is scored on.

    Parameters
    ----------
    actor
        An actor of a relation record.

    Returns
    -------
    str
        The ISO3 country for a state and its organs (role None, GOV, MIL, COP, JUD, LEG,
        SPY); ``{ISO3}-{ROLE}`` for a non-state sector of a state (OPP, REB, CVL, ELI ...);
        the actor's id for an actor of no state.

    Examples
    --------
    >>> scoring_key(ActorRef(id="recep-tayyip-erdogan", label="Recep Tayyip Erdogan",
    ...                      type="Person", country="TUR", role="GOV"))
    'TUR'
    >>> scoring_key(ActorRef(id="SYR-OPP", label="Syrian opposition", type="SocialGroup",
    ...                      country="SYR", role="OPP"))
    'SYR-OPP'
    >>> scoring_key(ActorRef(id="islamic-state", label="Islamic State", type="ArmedGroup"))
    'islamic-state'
    """
    if actor.country:
        if actor.role in STATE_ROLES:
            return actor.country
        return f"{actor.country}-{actor.role}"
    return actor.id


def _record_symmetric(record: RelationRecord) -> bool:
    if record.plover in SYMMETRIC_CATEGORIES:
        return True
    try:
        return relation_type(record.relation).symmetric
    except UnknownRelationType:
        return False


def record_dyad(record: RelationRecord, *, key: Callable[[ActorRef], str | None] = scoring_key) -> Dyad | None:
    """The dyad of a predicted record (None when an actor has no key, or both keys are equal)."""
    subject, obj = key(record.subject), key(record.object)
    if subject is None or obj is None or subject == obj:
        return None
    return Dyad(subject, obj, record.polarity, _record_symmetric(record))


def gold_dyad(relation: GoldRelation) -> Dyad:
    """The dyad of a gold relation."""
    return Dyad(relation.subject, relation.object, relation.polarity, relation.symmetric)


@dataclass(slots=True)
class SentenceResult:
    """What the scorer saw in one gold sentence: for per-sentence error listings."""

    id: str
    text: str
    tags: list[str]
    true_positives: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    wrong_polarity: list[str] = field(default_factory=list)
    wrong_plover: list[str] = field(default_factory=list)
    negation_missed: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        """Whether anything in this sentence was scored wrong."""
        return bool(
            self.false_positives or self.misses or self.wrong_polarity or self.wrong_plover or self.negation_missed
        )


@dataclass(slots=True)
class EvalReport:
    """Scores of one gold set; the counts behind every ratio are kept."""

    name: str
    sentences: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    polarity_correct: int = 0
    polarity_total: int = 0
    plover_correct: int = 0
    plover_total: int = 0
    negation_correct: int = 0
    negation_total: int = 0
    per_category: dict[str, list[int]] = field(default_factory=dict)
    """Gold PLOVER category → [dyads found, gold dyads]."""
    per_tag: dict[str, list[int]] = field(default_factory=dict)
    """Gold tag → [dyads found, gold dyads, false positives]."""
    results: list[SentenceResult] = field(default_factory=list)
    notes: dict[str, int] = field(default_factory=dict)
    """Extra counts a reader reports (records skipped and why)."""

    @property
    def precision(self) -> float:
        """Dyad precision (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Dyad recall (1.0 when the gold has no dyads)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of dyad precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def polarity_accuracy(self) -> float:
        """Share of matched actor pairs whose polarity is right (0.0 when none matched)."""
        return self.polarity_correct / self.polarity_total if self.polarity_total else 0.0

    @property
    def plover_accuracy(self) -> float:
        """Share of matched dyads whose PLOVER category is right (0.0 when none matched)."""
        return self.plover_correct / self.plover_total if self.plover_total else 0.0

    @property
    def negation_accuracy(self) -> float:
        """Share of gold negated relations found as negated records of the same pair."""
        return self.negation_correct / self.negation_total if self.negation_total else 0.0

    def summary(self) -> dict[str, object]:
        """The scores and counts as plain JSON-ready data."""
        return {
            "name": self.name,
            "sentences": self.sentences,
            "dyads": {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                      "recall": round(self.recall, 4), "f1": round(self.f1, 4)},
            "polarity_accuracy": {"correct": self.polarity_correct, "total": self.polarity_total,
                                  "accuracy": round(self.polarity_accuracy, 4)},
            "plover_accuracy": {"correct": self.plover_correct, "total": self.plover_total,
                                "accuracy": round(self.plover_accuracy, 4)},
            "negation_accuracy": {"correct": self.negation_correct, "total": self.negation_total,
                                  "accuracy": round(self.negation_accuracy, 4)},
            "per_category": {k: {"found": v[0], "gold": v[1]} for k, v in sorted(self.per_category.items())},
            "per_tag": {k: {"found": v[0], "gold": v[1], "false_positives": v[2]}
                        for k, v in sorted(self.per_tag.items())},
            "notes": dict(self.notes),
        }


def _distinct_gold(relations: Iterable[GoldRelation]) -> list[tuple[Dyad, GoldRelation]]:
    seen: list[tuple[Dyad, GoldRelation]] = []
    for rel in relations:
        if rel.negated:
            continue
        dyad = gold_dyad(rel)
        if not any(dyad.matches(d) for d, _ in seen):
            seen.append((dyad, rel))
    return seen


def _distinct_predicted(
    records: Iterable[RelationRecord], key: Callable[[ActorRef], str | None]
) -> list[tuple[Dyad, RelationRecord]]:
    """One entry per distinct dyad, keeping the most confident record for it."""
    best: list[tuple[Dyad, RelationRecord]] = []
    for record in records:
        if record.negated:
            continue
        dyad = record_dyad(record, key=key)
        if dyad is None:
            continue
        for i, (d, r) in enumerate(best):
            if d.matches(dyad):
                if record.confidence > r.confidence:
                    best[i] = (Dyad(d.subject, d.object, d.polarity, d.symmetric or dyad.symmetric), record)
                break
        else:
            best.append((dyad, record))
    return best


def score_sentence(
    report: EvalReport,
    sentence: GoldSentence,
    predicted: Sequence[RelationRecord],
    *,
    key: Callable[[ActorRef], str | None] = scoring_key,
) -> SentenceResult:
    """Score one sentence's predictions into ``report`` (mutated) and return what was seen.

    Parameters
    ----------
    report
        The running report; its counts are increased.
    sentence
        The gold sentence.
    predicted
        Records the extractor produced for the sentence.
    key
        Actor → scoring key (None drops the record); :func:`scoring_key` by default.
    """
    result = SentenceResult(id=sentence.id, text=sentence.text, tags=list(sentence.tags))
    gold = _distinct_gold(sentence.relations)
    pred = _distinct_predicted(predicted, key)
    report.sentences += 1

    # dyads: greedy one-to-one matching, exact order first
    unmatched_pred = list(range(len(pred)))
    matched: list[tuple[Dyad, GoldRelation, RelationRecord]] = []
    missed: list[tuple[Dyad, GoldRelation]] = []
    for gdyad, grel in gold:
        hit = next((i for i in unmatched_pred if (pred[i][0].subject, pred[i][0].object, pred[i][0].polarity)
                    == (gdyad.subject, gdyad.object, gdyad.polarity)), None)
        if hit is None:
            hit = next((i for i in unmatched_pred if gdyad.matches(pred[i][0])), None)
        if hit is None:
            missed.append((gdyad, grel))
        else:
            unmatched_pred.remove(hit)
            matched.append((gdyad, grel, pred[hit][1]))
    report.tp += len(matched)
    report.fn += len(missed)
    report.fp += len(unmatched_pred)
    result.true_positives = [str(d) for d, _, _ in matched]
    result.misses = [f"{d} {g.plover}" for d, g in missed]
    result.false_positives = [
        f"{pred[i][0]} {pred[i][1].plover} ({pred[i][1].trigger or pred[i][1].relation})" for i in unmatched_pred
    ]

    for gdyad, grel, record in matched:
        report.plover_total += 1
        if record.plover == grel.plover:
            report.plover_correct += 1
        else:
            result.wrong_plover.append(f"{gdyad}: gold {grel.plover}, predicted {record.plover}")

    # polarity on actor pairs matched whatever their polarity, judged on the most confident record
    all_pred = [(d, r) for d, r in ((record_dyad(r, key=key), r) for r in predicted if not r.negated) if d]
    for gdyad, grel in gold:
        same = [r for d, r in all_pred if gdyad.same_pair(d)]
        if not same:
            continue
        report.polarity_total += 1
        chosen = max(same, key=lambda r: r.confidence)  # the extractor's own best reading of the pair
        if chosen.polarity == grel.polarity:
            report.polarity_correct += 1
        else:
            result.wrong_polarity.append(f"{gdyad}: predicted {chosen.polarity} ({chosen.plover})")

    # negation: a gold negated relation must come back as a negated record of the same pair
    negated_pred = [(d, r) for d, r in ((record_dyad(r, key=key), r) for r in predicted if r.negated) if d]
    for grel in sentence.relations:
        if not grel.negated:
            continue
        gdyad = gold_dyad(grel)
        report.negation_total += 1
        if any(gdyad.same_pair(d) for d, _ in negated_pred):
            report.negation_correct += 1
        else:
            result.negation_missed.append(f"{gdyad} {grel.plover} (negated)")

    found_by_gold = {id(g) for _, g, _ in matched}
    for gdyad, grel in gold:
        cat = report.per_category.setdefault(grel.plover, [0, 0])
        cat[1] += 1
        cat[0] += id(grel) in found_by_gold
    for tag in sentence.tags:
        entry = report.per_tag.setdefault(tag, [0, 0, 0])
        entry[0] += len(matched)
        entry[1] += len(gold)
        entry[2] += len(unmatched_pred)
    report.results.append(result)
    return result


def score(
    items: Iterable[tuple[GoldSentence, Sequence[RelationRecord]]],
    *,
    name: str = "gold",
    key: Callable[[ActorRef], str | None] = scoring_key,
) -> EvalReport:
    """Score predictions against gold sentences.

    Parameters
    ----------
    items
        Pairs of a gold sentence and the records predicted for it.
    name
        Name of the gold set, for the report.
    key
        Actor → scoring key; :func:`scoring_key` by default.

    Returns
    -------
    EvalReport

    Examples
    --------
    >>> gold = GoldSentence(id="s1", text="Turkey attacked Syria.", relations=[
    ...     GoldRelation(subject="TUR", object="SYR", polarity="conflict", plover="ASSAULT")])
    >>> score([(gold, [])]).recall
    0.0
    """
    report = EvalReport(name=name)
    for sentence, predicted in items:
        score_sentence(report, sentence, predicted, key=key)
    return report


def _validated_lines(path: Path, model: type[M], what: str) -> Iterator[tuple[int, M]]:
    """Each non-blank line of a JSONL file as a validated ``model``, with its line number.

    Raises ``GoldSetError`` naming the file (``what``) when it cannot be read, or the line
    when it is not JSON or not a valid ``model``.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldSetError(f"cannot read {what} {path}: {exc}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, model.model_validate(json.loads(line))
        except json.JSONDecodeError as exc:
            raise GoldSetError(f"{path}:{number}: not JSON: {exc.msg}") from None
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise GoldSetError(f"{path}:{number}: {where}: {first['msg']}") from None


def read_gold(path: str | Path) -> list[GoldSentence]:
    """Read a gold JSONL file (one :class:`GoldSentence` per line; blank lines skipped).

    Raises
    ------
    GoldSetError
        The file is missing, or a line is not valid JSON or not a valid gold sentence
        (the message names the line), or two lines share an id.
    """
    path = Path(path)
    sentences: list[GoldSentence] = []
    seen: set[str] = set()
    for number, sentence in _validated_lines(path, GoldSentence, "gold file"):
        if sentence.id in seen:
            raise GoldSetError(f"{path}:{number}: duplicate id {sentence.id!r}")
        seen.add(sentence.id)
        sentences.append(sentence)
    return sentences


def run_extractor(extractor: Extractor, sentences: Sequence[GoldSentence]) -> list[list[RelationRecord]]:
    """Records the extractor finds in each gold sentence, in order (one document per sentence)."""
    documents = [Document(id=s.id, text=s.text, date=s.date) for s in sentences]
    by_id: dict[str, list[RelationRecord]] = defaultdict(list)
    for document, records in extractor.extract_many(documents):
        by_id[document.id or ""].extend(records)
    return [by_id[s.id] for s in sentences]


def evaluate_gold(extractor: Extractor, path: str | Path | None = None) -> EvalReport:
    """Run ``extractor`` over a gold file and score it.

    Parameters
    ----------
    extractor
        A built :class:`extract.pipeline.Extractor`.
    path
        The gold JSONL file; by default the hand-written set of a source checkout,
        ``tests/gold/gold.jsonl``.

    Raises
    ------
    GoldSetError
        No path given and the checkout's gold set is absent, or the file is malformed.
    """
    if path is None:
        if not REPO_GOLD_PATH.is_file():
            raise GoldSetError(f"no gold file given and {REPO_GOLD_PATH} is absent (it ships with the source tree)")
        path = REPO_GOLD_PATH
    sentences = read_gold(path)
    predicted = run_extractor(extractor, sentences)
    return score(zip(sentences, predicted), name=Path(path).stem)


REPO_VOA_GOLD_PATH = Path(__file__).resolve().parents[1] / "tests" / "extract" / "voa_gold.jsonl"
"""Hand coding of real VOA news sentences; the text stays in ``voa_stories.jsonl`` of the shared data."""

VOA_STORIES = "voa_stories.jsonl"
"""The file of Voice of America stories in the shared data directory."""


class VoaReference(BaseModel):
    """One line of the VOA coding: a sentence by story id and offsets, and its gold relations."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    story: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    sha1: str = Field(min_length=8)
    """Leading hex digits of the SHA-1 of the sentence text (UTF-8): proof the offsets still fit."""
    date: dt.date | None = None
    relations: list[GoldRelation] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)


def read_voa_gold(path: str | Path, stories: str | Path) -> list[GoldSentence]:
    """Rebuild the VOA gold sentences from their coding and the stories' text.

    The coding file holds no news text, only ``story``, ``start``/``end`` offsets into the
    story's ``text`` and a short SHA-1 of the sentence; the text is read from ``stories``
    (``voa_stories.jsonl`` of the shared data) when the set is scored.

    Parameters
    ----------
    path
        The coding JSONL file (``tests/extract/voa_gold.jsonl``).
    stories
        The stories JSONL file (one object with ``id`` and ``text`` per line).

    Returns
    -------
    list[GoldSentence]
        One gold sentence per coded line, in file order.

    Raises
    ------
    GoldSetError
        A file is missing or malformed, a story is absent, or a sentence's hash does not match
        (the stories file is not the one the coding was made on).
    """
    path, stories = Path(path), Path(stories)
    texts: dict[str, str] = {}
    try:
        for number, line in enumerate(stories.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                row = json.loads(line)
                texts[str(row["id"])] = str(row["text"])
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldSetError(f"cannot read stories file {stories}: {exc}") from None
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise GoldSetError(f"{stories}:{number}: not a story line ({exc})") from None
    sentences: list[GoldSentence] = []
    for number, ref in _validated_lines(path, VoaReference, "VOA coding file"):
        text = texts.get(ref.story)
        if text is None:
            raise GoldSetError(f"{path}:{number}: story {ref.story!r} is not in {stories}")
        sentence = text[ref.start:ref.end]
        if not hashlib.sha1(sentence.encode("utf-8")).hexdigest().startswith(ref.sha1):
            raise GoldSetError(f"{path}:{number}: the text at {ref.start}-{ref.end} of story {ref.story} "
                               f"does not match its hash (a different {stories.name}?)")
        sentences.append(GoldSentence(id=ref.id, text=sentence, date=ref.date, relations=ref.relations, tags=ref.tags))
    return sentences


def evaluate_voa(extractor: Extractor, shared_dir: str | Path, path: str | Path | None = None) -> EvalReport:
    """Score ``extractor`` on the hand-coded real news sentences of the VOA stories.

    Parameters
    ----------
    extractor
        A built :class:`extract.pipeline.Extractor`.
    shared_dir
        The shared data directory holding ``voa_stories.jsonl``.
    path
        The coding file; by default ``tests/extract/voa_gold.jsonl`` of a source checkout.

    Raises
    ------
    GoldSetError
        A file is missing or malformed, or a sentence no longer matches its hash.
    """
    sentences = read_voa_gold(REPO_VOA_GOLD_PATH if path is None else path, Path(shared_dir) / VOA_STORIES)
    predicted = run_extractor(extractor, sentences)
    return score(zip(sentences, predicted), name="voa-gold")


def evaluate_petrarch(extractor: Extractor | None, shared_dir: str | Path) -> EvalReport:
    """Score ``extractor`` on PETRARCH2's unit-test records at the country level.

    Parameters
    ----------
    extractor
        An extractor built with the PETRARCH dictionaries
        (``Extractor(cameo_files=petrarch_dictionaries(shared_dir))``); None builds that one.
    shared_dir
        The shared data directory holding ``petrarch2/`` and ``CAMEO2PLOVER-2021.txt``.

    Raises
    ------
    extract.petrarch.PetrarchDataError
        A file is missing or unreadable.
    """
    from extract import petrarch

    shared_dir = Path(shared_dir)
    gold, notes = petrarch.petrarch_gold(shared_dir)
    if extractor is None:
        from extract.pipeline import Extractor

        extractor = Extractor(cameo_files=petrarch.petrarch_dictionaries(shared_dir))
    predicted = run_extractor(extractor, gold)
    report = score(zip(gold, predicted), name="petrarch2-unit-records", key=petrarch.predicted_key)
    report.notes.update(notes)
    return report


def error_listing(report: EvalReport, *, limit: int | None = None) -> str:
    """Per-sentence errors (false positives, misses, wrong polarity/category, missed negation), for debugging."""
    lines: list[str] = []
    shown = 0
    for result in report.results:
        if not result.has_errors:
            continue
        if limit is not None and shown >= limit:
            break
        shown += 1
        lines.append(f"[{result.id}] {result.text}")
        for label, items in (
            ("FP  ", result.false_positives),
            ("MISS", result.misses),
            ("POL ", result.wrong_polarity),
            ("CAT ", result.wrong_plover),
            ("NEG ", result.negation_missed),
        ):
            lines.extend(f"    {label} {item}" for item in items)
    return "\n".join(lines)


def error_counts(report: EvalReport) -> Counter[str]:
    """How many sentences of each tag had a miss or a false positive (``miss:tag`` / ``fp:tag``)."""
    counts: Counter[str] = Counter()
    for result in report.results:
        for tag in result.tags or ["untagged"]:
            if result.misses:
                counts[f"miss:{tag}"] += 1
            if result.false_positives:
                counts[f"fp:{tag}"] += 1
    return counts


def format_report(report: EvalReport) -> str:
    """A readable table of a report's scores.

    Examples
    --------
    >>> print(format_report(EvalReport(name="empty")).splitlines()[0])
    == empty: 0 sentences ==
    """
    rows = [
        ("dyad precision", report.precision, f"{report.tp}/{report.tp + report.fp}"),
        ("dyad recall", report.recall, f"{report.tp}/{report.tp + report.fn}"),
        ("dyad F1", report.f1, ""),
        ("polarity accuracy", report.polarity_accuracy, f"{report.polarity_correct}/{report.polarity_total}"),
        ("PLOVER accuracy", report.plover_accuracy, f"{report.plover_correct}/{report.plover_total}"),
        ("negation accuracy", report.negation_accuracy, f"{report.negation_correct}/{report.negation_total}"),
    ]
    out = [f"== {report.name}: {report.sentences} sentences =="]
    out += [f"  {label:<20} {value:6.3f}  {count}" for label, value, count in rows]
    if report.per_category:
        out.append("  recall by PLOVER category:")
        for cat, (found, total) in sorted(report.per_category.items()):
            out.append(f"    {cat:<12} {found:>4}/{total:<4} {found / total if total else 0:6.3f}")
    if report.per_tag:
        out.append("  by tag (found/gold, false positives):")
        for tag, (found, total, fps) in sorted(report.per_tag.items()):
            out.append(f"    {tag:<22} {found:>4}/{total:<4} fp {fps}")
    for note, count in sorted(report.notes.items()):
        out.append(f"  note: {note}: {count}")
    return "\n".join(out)


__all__ = [
    "Dyad",
    "EvalReport",
    "GoldRelation",
    "GoldSentence",
    "GoldSetError",
    "SentenceResult",
    "error_counts",
    "error_listing",
    "evaluate_gold",
    "evaluate_petrarch",
    "format_report",
    "gold_dyad",
    "plover_polarities",
    "read_gold",
    "record_dyad",
    "run_extractor",
    "score",
    "score_sentence",
    "scoring_key",
]
