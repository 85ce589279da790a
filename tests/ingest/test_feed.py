"""RSS/Atom feeds from files and from a loopback server."""

from __future__ import annotations

import io
from pathlib import Path

from wirecoder.ingest import ReadOptions, read_paths
from wirecoder.ingest.feed import read_feed_stream

BODY = "JUBA, May 7 (Reuters) - Clashes between two armed groups in Jonglei state killed 14 people, a local official said."


def rss(n: int = 2, link_base: str = "http://127.0.0.1:9", extra: str = "") -> str:
    items = "".join(
        f"<item><guid>urn:wire:{i}</guid><title>Jonglei clash {i}</title><link>{link_base}/story/{i}</link>"
        f"<pubDate>Tue, 07 May 2024 08:00:00 GMT</pubDate><description>&lt;p&gt;{BODY} ({i})&lt;/p&gt;</description></item>"
        for i in range(n)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Africa</title>{items}{extra}</channel></rss>'


ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><id>tag:x,2024:1</id><title>Raid in Cauca</title><link href="http://127.0.0.1:9/a1"/>
<updated>2024-10-15T10:00:00Z</updated><author><name>Ana Ruiz</name></author>
<content type="html">&lt;p&gt;Dissidents abducted two soldiers in Cauca, the army said.&lt;/p&gt;</content></entry>
<entry><title>No id, link only</title><link href="http://127.0.0.1:9/a2"/><summary>Police detained 30 protesters in Cali.</summary></entry>
</feed>"""


def test_rss_entries_become_documents(tmp_path: Path) -> None:
    f = tmp_path / "wire.rss"
    f.write_text(rss(2), encoding="utf-8")
    docs = list(read_paths([f]))
    assert [d.doc_id for d in docs] == ["urn:wire:0", "urn:wire:1"]
    d = docs[0]
    assert (d.title, d.published, d.published_from_meta, d.source) == ("Jonglei clash 0", "2024-05-07", True, "Wire Africa")
    assert d.text == BODY + " (0)" and d.url == "http://127.0.0.1:9/story/0" and d.error is None


def test_atom_ids_fall_back_to_the_link(tmp_path: Path) -> None:
    f = tmp_path / "wire.atom"
    f.write_text(ATOM, encoding="utf-8")
    docs = list(read_paths([f]))
    assert [d.doc_id for d in docs] == ["tag:x,2024:1", "http://127.0.0.1:9/a2"]
    assert docs[0].author == "Ana Ruiz" and docs[0].published == "2024-10-15" and "abducted two soldiers" in docs[0].text
    assert docs[1].published is None and docs[1].text == "Police detained 30 protesters in Cali."


def test_rereading_a_feed_gives_the_same_ids(tmp_path: Path) -> None:
    f = tmp_path / "wire.xml"
    f.write_text(rss(5).replace("<guid>urn:wire:3</guid>", ""), encoding="utf-8")
    first = [(d.doc_id, d.content_hash) for d in read_paths([f])]
    second = [(d.doc_id, d.content_hash) for d in read_paths([f])]
    assert first == second and len({i for i, _ in first}) == 5


def test_ten_thousand_entries_stream() -> None:
    data = rss(10_000).encode()
    source = io.BytesIO(data)
    docs = read_feed_stream(source, "big.rss")
    first = next(docs)
    assert first.doc_id == "urn:wire:0" and source.tell() < len(data) // 10  # streamed, not parsed whole
    rest = sum(1 for d in docs if not d.failed)
    assert rest == 9_999


def test_broken_and_non_feeds(tmp_path: Path) -> None:
    (tmp_path / "cut.rss").write_text(rss(3)[:-60], encoding="utf-8")
    (tmp_path / "book.xml").write_text("<?xml version='1.0'?><catalog><book>Dune</book></catalog>", encoding="utf-8")
    (tmp_path / "junk.rss").write_bytes(b"\x00\x01 not xml at all <<<")
    (tmp_path / "loose.rss").write_text("<rss><channel><title>A & B</title><item><title>T</title><description>Troops fired on a crowd in Khartoum.</description></item></channel></rss>")
    docs = list(read_paths([tmp_path]))
    by_file: dict[str, list] = {}
    for d in docs:
        by_file.setdefault(Path(d.origin.split("#")[0]).name, []).append(d)
    cut = by_file["cut.rss"]
    assert [d.failed for d in cut] == [False, False, True] and cut[-1].error.code == "W013"
    assert [d.error.code for d in by_file["book.xml"]] == ["W013"]
    assert [d.error.code for d in by_file["junk.rss"]] == ["W013"]
    assert [d.text for d in by_file["loose.rss"]] == ["Troops fired on a crowd in Khartoum."]


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    f = tmp_path / "evil.xml"
    f.write_text(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><guid>e</guid>'
        "<title>&b;</title><description>&xxe; Gunmen killed three in Zamfara.</description></item></channel></rss>",
        encoding="utf-8",
    )
    [doc] = list(read_paths([f]))
    assert "root:" not in doc.text and "aaaaaaaaaa" not in (doc.title or "")
    assert "Gunmen killed three in Zamfara." in doc.text


def test_feed_url_on_loopback_with_fetched_links(site) -> None:
    page = f"<html><head><title>Clash</title></head><body><article><p>{BODY} Full story with details of the fighting in Jonglei.</p></article></body></html>"
    site.put("/story/0", page)
    feed_url = site.put("/feed.xml", rss(2, site.base), ctype="application/rss+xml")
    plain = list(read_paths([feed_url]))
    assert [d.doc_id for d in plain] == ["urn:wire:0", "urn:wire:1"] and site.hits == ["/feed.xml"]
    fetched = list(read_paths([feed_url], options=ReadOptions(fetch_links=True, timeout=5)))
    assert "Full story" in fetched[0].text and fetched[0].published == "2024-05-07" and fetched[0].doc_id == "urn:wire:0"
    # story 1 is a 404: the entry falls back to the feed's summary rather than being lost
    assert fetched[1].text == BODY + " (1)" and not fetched[1].failed
    assert "/story/1" in site.hits


def test_page_url_and_unreachable_url(site) -> None:
    url = site.put("/p.html", f"<html><body><article><p>{BODY}</p></article></body></html>")
    [doc] = list(read_paths([url]))
    assert doc.url == url and BODY in doc.text
    [gone] = list(read_paths([site.base + "/missing"]))
    assert gone.error.code == "W012"
    [refused] = list(read_paths(["http://127.0.0.1:9/closed"], options=ReadOptions(timeout=2)))
    assert refused.error.code == "W012"


def test_url_given_as_a_path_still_works(site) -> None:
    url = site.put("/p.html", f"<html><body><article><p>{BODY}</p></article></body></html>")
    [doc] = list(read_paths([Path(url)]))
    assert doc.url == url and not doc.failed


def _local_feed(title: str, text: str) -> str:
    head = f"<title>{title}</title>" if title else ""
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{head}<item><guid>1</guid><description>{text}</description></item></channel></rss>'


def test_feed_local_ids_stay_apart_across_feeds_and_stable_within_one(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_text(_local_feed("Desk A", BODY), encoding="utf-8")
    (tmp_path / "b.rss").write_text(_local_feed("Desk B", "Police detained 30 protesters in Cali."), encoding="utf-8")
    (tmp_path / "c.rss").write_text(_local_feed("", "Gunmen attacked a bus near Gao."), encoding="utf-8")
    (tmp_path / "d.rss").write_text(_local_feed("", "Troops shelled a village near Idlib."), encoding="utf-8")
    ids = [d.doc_id for d in read_paths([tmp_path])]
    assert len(set(ids)) == 4 and all(i.endswith(":1") for i in ids)  # "1" in four feeds: four documents
    assert [d.doc_id for d in read_paths([tmp_path])] == ids  # read again: the same ids
