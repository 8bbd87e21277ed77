"""Unit tests of the scorer (extract/evaluation.py) on hand-made records: every score can fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.evaluation import (
    EvalReport,
    GoldRelation,
    GoldSentence,
    GoldSetError,
    error_listing,
    format_report,
    read_gold,
    score,
    scoring_key,
)
from extract.records import ActorRef, RelationRecord
from ontology import relation_type

TUR = ActorRef(id="TUR", label="Turkey", type="State", country="TUR")
RUS = ActorRef(id="RUS", label="Russia", type="State", country="RUS")
SYR = ActorRef(id="SYR", label="Syria", type="State", country="SYR")
ERDOGAN = ActorRef(id="recep-tayyip-erdogan", label="Recep Tayyip Erdogan", type="Person", country="TUR", role="GOV")
SYR_OPP = ActorRef(id="SYR-OPP", label="Syrian opposition", type="SocialGroup", country="SYR", role="OPP")
IS = ActorRef(id="islamic-state", label="Islamic State", type="ArmedGroup")


def record(subject: ActorRef, relation: str, obj: ActorRef, *, negated: bool = False,
           confidence: float = 0.8) -> RelationRecord:
    rtype = relation_type(relation)
    return RelationRecord(
        doc="d", sentence="s", start=0, end=1, subject=subject, relation=rtype.snake, plover=rtype.plover,
        polarity=rtype.polarity, object=obj, negated=negated, confidence=confidence,
    )


def gold(*relations: GoldRelation, sid: str = "g1") -> GoldSentence:
    return GoldSentence(id=sid, text="text", relations=list(relations))


def rel(subject: str, obj: str, plover: str, polarity: str, **extra: object) -> GoldRelation:
    return GoldRelation(subject=subject, object=obj, plover=plover, polarity=polarity, **extra)


def test_scoring_key_follows_the_contract() -> None:
    assert scoring_key(TUR) == "TUR"
    assert scoring_key(ERDOGAN) == "TUR"
    assert scoring_key(ActorRef(id="TUR-GOV", label="x", type="StateInstitution", country="TUR", role="GOV")) == "TUR"
    assert scoring_key(ActorRef(id="ISR-MIL", label="x", type="StateInstitution", country="ISR", role="MIL")) == "ISR"
    assert scoring_key(SYR_OPP) == "SYR-OPP"
    assert scoring_key(ActorRef(id="barack-obama", label="x", type="Person", country="USA", role="ELI")) == "USA-ELI"
    assert scoring_key(IS) == "islamic-state"
    assert scoring_key(ActorRef(id="x-jane-doe", label="Jane Doe", type="Person")) == "x-jane-doe"


def test_perfect_prediction_scores_one() -> None:
    report = score([(gold(rel("TUR", "RUS", "COOPERATE", "cooperation")), [record(TUR, "cooperates_with", RUS)])])
    assert (report.tp, report.fp, report.fn) == (1, 0, 0)
    assert report.precision == report.recall == report.f1 == 1.0
    assert report.polarity_accuracy == 1.0 and report.plover_accuracy == 1.0


def test_wrong_polarity_is_a_miss_a_false_positive_and_lowers_polarity_accuracy() -> None:
    report = score([(gold(rel("TUR", "RUS", "COOPERATE", "cooperation")), [record(TUR, "attacks", RUS)])])
    assert (report.tp, report.fp, report.fn) == (0, 1, 1)
    assert report.polarity_total == 1 and report.polarity_accuracy == 0.0
    assert report.f1 == 0.0


def test_leader_and_state_score_as_one_key() -> None:
    report = score([(gold(rel("TUR", "islamic-state", "ASSAULT", "conflict")), [record(ERDOGAN, "attacks", IS)])])
    assert report.tp == 1


def test_order_matters_for_directed_relations_only() -> None:
    directed = score([(gold(rel("TUR", "SYR", "ASSAULT", "conflict")), [record(SYR, "attacks", TUR)])])
    assert (directed.tp, directed.fp, directed.fn) == (0, 1, 1)
    symmetric_gold = score([(gold(rel("TUR", "RUS", "CONSULT", "cooperation")), [record(RUS, "consults_with", TUR)])])
    assert symmetric_gold.tp == 1
    clash = rel("SYR", "SYR-OPP", "ASSAULT", "conflict", relation="fights_with")
    assert score([(gold(clash), [record(SYR_OPP, "attacks", SYR)])]).tp == 1
    # a symmetric prediction matches a directed gold relation of the same polarity either way round
    assert score([(gold(rel("SYR", "TUR", "ASSAULT", "conflict")), [record(TUR, "fights_with", SYR)])]).tp == 1


def test_each_dyad_counts_once_per_sentence() -> None:
    predictions = [record(TUR, "attacks", SYR), record(TUR, "attacks", SYR, confidence=0.9),
                   record(ERDOGAN, "threatens", SYR)]
    report = score([(gold(rel("TUR", "SYR", "ASSAULT", "conflict")), predictions)])
    assert (report.tp, report.fp, report.fn) == (1, 0, 0)
    # the most confident record of the dyad is the one whose category is judged
    assert report.plover_total == 1


def test_wrong_category_lowers_plover_accuracy_but_not_dyads() -> None:
    report = score([(gold(rel("TUR", "SYR", "ASSAULT", "conflict")), [record(TUR, "threatens", SYR)])])
    assert report.tp == 1 and report.plover_accuracy == 0.0
    assert "gold ASSAULT, predicted THREATEN" in report.results[0].wrong_plover[0]


def test_negation_is_scored_apart() -> None:
    negated_gold = rel("TUR", "islamic-state", "SUPPORT", "cooperation", negated=True)
    right = score([(gold(negated_gold), [record(TUR, "supports", IS, negated=True)])])
    assert (right.tp, right.fp, right.fn) == (0, 0, 0)
    assert right.negation_accuracy == 1.0
    wrong = score([(gold(negated_gold), [record(TUR, "supports", IS)])])
    assert wrong.fp == 1 and wrong.negation_accuracy == 0.0
    # a negated prediction is no dyad: it cannot find a non-negated gold relation
    missed = score([(gold(rel("TUR", "SYR", "ASSAULT", "conflict")), [record(TUR, "attacks", SYR, negated=True)])])
    assert (missed.tp, missed.fn) == (0, 1)


def test_sentence_without_relation_measures_precision() -> None:
    report = score([(gold(), [record(TUR, "cooperates_with", RUS)]), (gold(sid="g2"), [])])
    assert report.precision == 0.0 and report.fp == 1 and report.recall == 1.0
    listing = error_listing(report)
    assert "[g1]" in listing and "FP" in listing and "[g2]" not in listing


def test_format_report_shows_counts() -> None:
    report = score([(gold(rel("TUR", "RUS", "COOPERATE", "cooperation")), [])], name="mini")
    text = format_report(report)
    assert "== mini: 1 sentences ==" in text and "0/1" in text
    assert isinstance(report, EvalReport) and report.summary()["dyads"]["fn"] == 1


def test_gold_relation_validation() -> None:
    with pytest.raises(ValueError, match="polarity"):
        rel("TUR", "RUS", "ASSAULT", "cooperation")
    with pytest.raises(ValueError, match="PLOVER"):
        rel("TUR", "RUS", "HUG", "cooperation")
    with pytest.raises(ValueError, match="both"):
        rel("TUR", "TUR", "ASSAULT", "conflict")


def test_read_gold_names_the_bad_line(tmp_path: Path) -> None:
    good = {"id": "a", "text": "Turkey attacked Syria.", "relations": []}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(GoldSetError, match=r"g.jsonl:2: not JSON"):
        read_gold(path)
    path.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    with pytest.raises(GoldSetError, match="duplicate id"):
        read_gold(path)
    bad = dict(good, relations=[{"subject": "TUR", "object": "SYR", "polarity": "conflict", "plover": "HUG"}])
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(GoldSetError, match="g.jsonl:1"):
        read_gold(path)
    with pytest.raises(GoldSetError, match="cannot read"):
        read_gold(tmp_path / "absent.jsonl")


@pytest.mark.parametrize("name", ["extract.evaluation", "extract.petrarch"])
def test_docstring_examples(name: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0


def test_polarity_is_judged_on_the_most_confident_record_of_a_pair() -> None:
    predictions = [record(TUR, "cooperates_with", RUS, confidence=0.5), record(TUR, "attacks", RUS, confidence=0.9)]
    report = score([(gold(rel("TUR", "RUS", "COOPERATE", "cooperation")), predictions)])
    assert report.tp == 1 and report.fp == 1
    assert report.polarity_total == 1 and report.polarity_accuracy == 0.0
