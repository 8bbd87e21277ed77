"""The HTTP API end to end: real spaCy extractor, real Oxigraph store on disk, FastAPI's TestClient."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from rdflib import Dataset, Graph

from tests.api.conftest import CORPUS, make_client


def pair_ids(page: dict) -> set[tuple[str, str]]:
    return {(item["source"]["id"], item["target"]["id"]) for item in page["items"]}


def test_post_document_returns_201_with_the_extracted_relations(client: TestClient) -> None:
    response = client.post("/documents", json=CORPUS[0])
    assert response.status_code == 201
    assert response.headers["location"] == "/documents/tr-ru"
    body = response.json()
    assert body["document"]["id"] == "tr-ru"
    assert body["document"]["date"] == "2016-12-20"
    records = body["relations"]
    assert body["document"]["relations"] == len(records)
    found = [r for r in records if r["subject"]["country"] == "TUR" and r["object"]["country"] == "RUS"]
    assert found, records
    assert found[0]["polarity"] == "cooperation"
    assert found[0]["doc"] == "tr-ru"
    assert found[0]["date"] == "2016-12-20"


def test_post_html_page_is_reduced_to_its_text(client: TestClient) -> None:
    page = ("<!doctype html><html><head><script>var x = 'Iran attacked Israel';</script></head>"
            "<body><p>Turkey cooperates with Russia against the Islamic State.</p></body></html>")
    body = client.post("/documents", json={"id": "page", "text": page}).json()
    sentences = {r["sentence"] for r in body["relations"]}
    assert sentences == {"Turkey cooperates with Russia against the Islamic State."}


def test_post_without_id_gets_a_content_hash_id(client: TestClient) -> None:
    first = client.post("/documents", json={"text": CORPUS[0]["text"]}).json()
    again = client.post("/documents", json={"text": CORPUS[0]["text"]}).json()
    assert first["document"]["id"].startswith("doc-")
    assert first["document"]["id"] == again["document"]["id"]
    assert client.get("/stats").json()["documents"] == 1


def test_documents_list_get_replace_and_delete(loaded_client: TestClient) -> None:
    client = loaded_client
    listing = client.get("/documents").json()
    assert listing["total"] == len(CORPUS)
    assert {d["id"] for d in listing["items"]} == {d["id"] for d in CORPUS}
    assert len(client.get("/documents", params={"limit": 1, "offset": 1}).json()["items"]) == 1

    detail = client.get("/documents/ru-ua").json()
    assert detail["document"]["id"] == "ru-ua"
    assert detail["relations"] and all(r["doc"] == "ru-ua" for r in detail["relations"])

    before = client.get("/stats").json()
    replaced = client.post("/documents", json=CORPUS[1])  # same id, same text: nothing new
    assert replaced.status_code == 201
    after = client.get("/stats").json()
    assert (after["documents"], after["relations"], after["triples"]) == (
        before["documents"], before["relations"], before["triples"])

    assert client.delete("/documents/ru-ua").status_code == 204
    assert client.get("/documents/ru-ua").status_code == 404
    assert client.delete("/documents/ru-ua").status_code == 404
    stats = client.get("/stats").json()
    assert stats["documents"] == len(CORPUS) - 1
    assert stats["relations"] == before["relations"] - len(detail["relations"])


def test_relations_accepts_camel_and_snake_case_and_families(loaded_client: TestClient) -> None:
    client = loaded_client
    camel = client.get("/relations", params={"type": "cooperatesWith"}).json()
    snake = client.get("/relations", params={"type": "cooperates_with"}).json()
    assert camel == snake
    assert camel["total"] >= 1
    assert ("TUR", "RUS") in pair_ids(camel) or ("RUS", "TUR") in pair_ids(camel)
    for item in camel["items"]:
        assert item["polarity"] == "cooperation"
        assert item["weight"] >= 1 and item["evidence_count"] >= item["weight"]

    opposes = client.get("/relations", params={"type": "opposes"}).json()
    assert ("RUS", "UKR") in pair_ids(opposes)
    assert all(item["polarity"] == "conflict" for item in opposes["items"])
    narrowed = client.get("/relations", params={"type": "opposes", "actor": "Ukraine"}).json()
    assert narrowed["items"] and all("UKR" in pair for pair in pair_ids(narrowed))


def test_actors_by_id_name_and_search(loaded_client: TestClient) -> None:
    client = loaded_client
    assert client.get("/actors/TUR").json()["label"] == "Turkey"
    assert client.get("/actors/Turkey").json()["id"] == "TUR"
    page = client.get("/actors", params={"q": "Russ"}).json()
    assert "RUS" in {a["id"] for a in page["items"]}
    everyone = client.get("/actors", params={"limit": 2}).json()
    assert len(everyone["items"]) <= 2 and everyone["total"] >= 4


def test_opponents_allies_and_paths(loaded_client: TestClient) -> None:
    client = loaded_client
    opponents = client.get("/actors/Ukraine/opponents").json()["items"]
    assert "RUS" in {n["actor"]["id"] for n in opponents}
    assert all(n["polarity"] == "conflict" and n["weight"] >= 1 for n in opponents)
    allies = client.get("/actors/UKR/allies").json()["items"]
    assert "USA" in {n["actor"]["id"] for n in allies}
    assert "RUS" not in {n["actor"]["id"] for n in allies}

    paths = client.get("/paths", params={"source": "USA", "target": "RUS", "max_hops": 3}).json()["items"]
    assert paths, "USA -> UKR -> RUS should connect"
    hops = paths[0]["hops"]
    assert hops[0]["source"]["id"] == "USA" and hops[-1]["target"]["id"] == "RUS"
    assert paths[0]["length"] == len(hops)
    assert all(hop["relation"] for hop in hops)


@pytest.mark.parametrize("fmt, media_type, extension", [
    ("turtle", "text/turtle", "ttl"),
    ("trig", "application/trig", "trig"),
    ("nquads", "application/n-quads", "nq"),
    ("jsonld", "application/ld+json", "jsonld"),
    ("graphml", "application/graphml+xml", "graphml"),
    ("gexf", "application/gexf+xml", "gexf"),
])
def test_export_formats(loaded_client: TestClient, fmt: str, media_type: str, extension: str) -> None:
    response = loaded_client.get("/export", params={"format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert f'filename="geokg.{extension}"' in response.headers["content-disposition"]
    data = response.content
    if fmt == "turtle":
        graph = Graph().parse(data=data, format="turtle")
        assert len(graph) > 0
    elif fmt in ("trig", "nquads"):
        dataset = Dataset()
        dataset.parse(data=data, format=fmt)
        assert len(list(dataset.quads())) > 0
    elif fmt == "jsonld":
        assert json.loads(data)
    else:
        read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
        graph = read(io.BytesIO(data))
        labels = {attrs.get("label") for _, attrs in graph.nodes(data=True)}
        assert {"Turkey", "Russia", "Ukraine"} <= labels


def test_health_stats_and_openapi(loaded_client: TestClient) -> None:
    client = loaded_client
    health = client.get("/health").json()
    assert health == {"status": "ok", "extractor_loaded": True}
    stats = client.get("/stats").json()
    assert stats["documents"] == len(CORPUS) and stats["actors"] >= 4 and stats["relations"] >= 3
    schema = client.get("/openapi.json").json()
    for path in ("/actors", "/actors/{actor}", "/actors/{actor}/opponents", "/actors/{actor}/allies",
                 "/relations", "/paths", "/documents", "/documents/{doc_id}", "/export", "/health", "/stats"):
        assert path in schema["paths"], path
    assert "ErrorResponse" in schema["components"]["schemas"]
    post = schema["paths"]["/documents"]["post"]
    assert {"201", "413", "422"} <= set(post["responses"])


def test_store_persists_across_app_restarts(settings, extractor) -> None:
    with make_client(settings, extractor) as client:
        assert client.post("/documents", json=CORPUS[0]).status_code == 201
    with make_client(settings, extractor) as client:
        assert client.get("/documents/tr-ru").status_code == 200
        assert client.get("/stats").json()["documents"] == 1


def test_extractor_is_built_lazily_from_settings(store_dir) -> None:
    from api.app import create_app
    from api.settings import Settings

    with TestClient(create_app(Settings(store=str(store_dir)))) as client:
        assert client.get("/health").json()["extractor_loaded"] is False
        assert client.post("/documents", json=CORPUS[0]).status_code == 201
        assert client.get("/health").json()["extractor_loaded"] is True


def test_token_guards_writes_only(settings, extractor) -> None:
    guarded = settings.model_copy(update={"api_token": "s3cret"})
    with make_client(guarded, extractor) as client:
        assert client.post("/documents", json=CORPUS[0]).status_code == 401
        wrong = client.post("/documents", json=CORPUS[0], headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403
        ok = client.post("/documents", json=CORPUS[0], headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 201
        assert client.get("/documents/tr-ru").status_code == 200  # reads need no token
        assert client.delete("/documents/tr-ru").status_code == 401
        assert client.delete("/documents/tr-ru", headers={"Authorization": "Bearer s3cret"}).status_code == 204


def test_cors_is_off_unless_configured(settings, extractor) -> None:
    origin = {"Origin": "https://example.org"}
    with make_client(settings, extractor) as client:
        assert "access-control-allow-origin" not in client.get("/health", headers=origin).headers
    allowed = settings.model_copy(update={"cors_origins": ["https://example.org"]})
    with make_client(allowed, extractor) as client:
        headers = client.get("/health", headers=origin).headers
        assert headers["access-control-allow-origin"] == "https://example.org"
