"""Readers: text in any usual encoding, HTML pages, JSON Lines, folders; bad input reported."""
from __future__ import annotations

import json

import pytest

from dyad.errors import Failure
from dyad.ingest.readers import decode_bytes, read_documents
from dyad.options import Options

OPTS = Options(progress=False)
FRENCH = "Le président kazakh s'est rendu à Hanoï. Les échanges ont dépassé 500 millions de dollars."


def _read(*paths, options=OPTS):
    items = list(read_documents([str(p) for p in paths], options))
    return [i for i in items if not isinstance(i, Failure)], [i for i in items if isinstance(i, Failure)]


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""),
                                          ("latin-1", b"")])
def test_text_file_in_each_encoding_reads_the_same_text(tmp_path, encoding, bom):
    text = FRENCH.replace("’", "'")
    path = tmp_path / "article.txt"
    path.write_bytes(bom + text.encode(encoding))
    docs, problems = _read(path)
    assert [d.text for d in docs] == [text]
    assert docs[0].id == "article"
    assert not [p for p in problems if p.fatal]


def test_cp1252_typographic_quotes_are_decoded():
    text, encoding, lossy = decode_bytes("l’ONU « accueille »".encode("cp1252"))
    assert text == "l’ONU « accueille »" and not lossy


def test_undecodable_bytes_never_crash():
    text, _, _ = decode_bytes(bytes(range(256)))
    assert isinstance(text, str) and len(text) > 200


def test_crlf_is_read_as_lf(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Titre\r\nPremier paragraphe.\r\n")
    docs, _ = _read(tmp_path / "a.txt")
    assert docs[0].text == "Titre\nPremier paragraphe.\n"


def test_html_page_keeps_the_article_and_drops_the_furniture(tmp_path):
    html = """<html><head><title>Hanoï et Astana signent un plan d'action</title>
    <meta property="article:published_time" content="2023-08-22T09:00:00+00:00"></head>
    <body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
    <article><h1>Hanoï et Astana signent un plan d'action</h1>
    <p>Le président kazakh Kassym-Jomart Tokaïev a effectué une visite officielle au Vietnam du 20 au 22 août.</p>
    <p>Les deux pays ont signé un plan d'action pour la période 2023-2025, ainsi que des accords dans les domaines du tourisme et du commerce.</p>
    </article><footer>© Journal 2023 — Tous droits réservés</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    docs, problems = _read(tmp_path / "page.html")
    assert len(docs) == 1
    d = docs[0]
    assert "visite officielle au Vietnam" in d.text and "plan d'action" in d.text
    assert "Accueil" not in d.text and "droits réservés" not in d.text
    assert d.title.startswith("Hanoï et Astana")
    assert d.published_raw.startswith("2023-08-22")


def test_jsonl_reads_good_lines_and_names_the_bad_ones(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": "w1", "text": FRENCH, "published": "2023-08-21", "title": "T"}),
             "{not json",
             json.dumps({"id": "w3"}),
             json.dumps({"text": "sans id"}),
             json.dumps({"id": "w5", "text": 42}),
             json.dumps({"id": "w6", "text": "Autre article.", "url": "https://example.org/a"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, problems = _read(path)
    assert [d.id for d in docs] == ["w1", "w6"]
    assert docs[0].published_raw == "2023-08-21" and docs[1].url == "https://example.org/a"
    assert [p.code for p in problems] == ["E004", "E005", "E005", "E009"]
    assert all(str(path) in p.message and "line" in p.message for p in problems)


def test_folder_is_read_recursively_and_other_files_are_noted(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Premier.", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    docs, problems = _read(tmp_path)
    assert sorted(d.id for d in docs) == ["a", "b"]
    assert [p.code for p in problems] == ["E006"] and not problems[0].fatal


def test_empty_missing_and_oversized_files_are_reported(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("  \n ", encoding="utf-8")
    (tmp_path / "huge.txt").write_text("x" * 2000, encoding="utf-8")
    docs, problems = _read(tmp_path / "empty.txt", tmp_path / "blank.txt", tmp_path / "huge.txt",
                           tmp_path / "missing.txt", options=Options(max_bytes=1000))
    assert docs == []
    assert [p.code for p in problems] == ["E002", "E002", "E003", "E008"]
    assert "huge.txt" in problems[2].message and "1000" in problems[2].message


def test_content_hash_changes_with_the_text_only():
    from dyad.model import Document

    a, b, c = Document("x", "Un texte."), Document("y", "Un texte."), Document("x", "Un autre texte.")
    assert a.content_hash == b.content_hash != c.content_hash
