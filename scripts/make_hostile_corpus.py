#!/usr/bin/env python3
"""Write a corpus of hostile inputs mixed with good ones, for ingest robustness runs.

    python scripts/make_hostile_corpus.py OUT_DIR [--count 10000] [--seed 0] [--big-mb 50]

Every file is one input of a named kind (empty, binary, cp1252, UTF-16, truncated gzip,
HTML bombs, malformed JSONL, a 10,000-entry feed, a 50 MB text, …, and well-formed wire
reports as text, JSONL, HTML, RSS and WARC). ``OUT_DIR/.manifest.jsonl`` (hidden, so readers skip it) lists each file
with its kind and what ingest must make of it: ``ok`` (at least one document that reads),
``fail`` (at least one failed document with a reason) or ``mixed`` (both). The wire
reports are synthetic, made from the small lists below, not copied from any dataset.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
from collections.abc import Callable
from pathlib import Path

PLACES = [
    ("PESHAWAR", "Pakistan"), ("KANDAHAR", "Afghanistan"), ("SRINAGAR", "India"), ("MAIDUGURI", "Nigeria"),
    ("GAO", "Mali"), ("OUAGADOUGOU", "Burkina Faso"), ("MANDALAY", "Myanmar"), ("IDLIB", "Syria"),
    ("CALI", "Colombia"), ("MOSUL", "Iraq"), ("MOGADISHU", "Somalia"), ("TAIZ", "Yemen"), ("EL FASHER", "Sudan"),
]
ACTS = [
    "a roadside bomb struck a police vehicle", "gunmen opened fire on a checkpoint",
    "a drone strike hit a compound", "security forces clashed with militants",
    "protesters marched on the governor's office", "unknown attackers abducted a local official",
]
AGENCIES = ["Reuters", "AFP", "AP", "IANS", "Xinhua", "ANI"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def wire(rng: random.Random) -> str:
    place, country = rng.choice(PLACES)
    m = rng.randrange(12)
    d = rng.randint(1, 28)
    n = rng.randint(0, 30)
    return (
        f"date 2024-{m + 1:02d}-{d:02d} {place.title()}, {MONTHS[m]} {d} ({rng.choice(AGENCIES)}) - "
        f"In {country}, {rng.choice(ACTS)} near {place.title()} on Tuesday, killing {n} people, officials said.\n\n"
        f"\"We condemn this attack,\" a spokesman for the provincial government told reporters.\n"
    )


def html_page(body: str, title: str = "Report") -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return (
        f"<html><head><title>{title}</title><meta property='article:published_time' content='2024-05-06'></head>"
        f"<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>{title}</h1>{paras}</article>"
        f"<footer>Copyright 2024</footer></body></html>"
    )


def rss(entries: list[tuple[str, str]], title: str = "Wire") -> str:
    items = "".join(
        f"<item><guid>{gid}</guid><title>Report {i}</title><link>http://127.0.0.1:9/{i}</link>"
        f"<pubDate>Tue, 07 May 2024 08:00:00 GMT</pubDate><description><![CDATA[<p>{body}</p>]]></description></item>"
        for i, (gid, body) in enumerate(entries)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'


def warc_bytes(pages: list[str], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(f"http://example.org/{i}", "response", payload=io.BytesIO(page.encode()), http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


Kind = Callable[[random.Random, int], tuple[str, bytes, str]]  # -> (suffix, data, expect)

MANIFEST = ".manifest.jsonl"

KINDS: dict[str, tuple[float, Kind]] = {
    # good inputs
    "good_text": (12, lambda r, i: (".txt", wire(r).encode(), "ok")),
    "good_jsonl": (5, lambda r, i: (".jsonl", "".join(json.dumps({"id": f"j{i}-{k}", "text": wire(r)}) + "\n" for k in range(3)).encode(), "ok")),
    "good_html": (5, lambda r, i: (".html", html_page(wire(r), f"Report {i}").encode(), "ok")),
    "good_rss": (3, lambda r, i: (".rss", rss([(f"g{i}-{k}", wire(r)) for k in range(3)]).encode(), "ok")),
    "good_warc_gz": (2, lambda r, i: (".warc.gz", warc_bytes([html_page(wire(r)) for _ in range(2)], True), "ok")),
    "cp1252": (3, lambda r, i: (".txt", (wire(r) + "Protesters in Bogotá – “enough”.").encode("cp1252"), "ok")),
    "latin1": (3, lambda r, i: (".txt", (wire(r) + "Gendarmerie à Ségou, señor Muñoz.").encode("latin-1"), "ok")),
    "utf16_bom": (3, lambda r, i: (".txt", wire(r).encode("utf-16"), "ok")),
    "utf8_bom": (2, lambda r, i: (".txt", b"\xef\xbb\xbf" + wire(r).encode(), "ok")),
    "mostly_utf8": (2, lambda r, i: (".txt", wire(r).encode() + "Naypyidaw – ".encode() + b"\xff stray", "ok")),
    "unicode_chaos": (3, lambda r, i: (".txt", (wire(r) + "\u202eevil\u202c Z\u0351\u0352a\u0353l\u0354g\u0355o 🔥🔥 \u200b\u200d ﷽ " + "ع" * 50).encode(), "ok")),
    "long_word": (2, lambda r, i: (".txt", (wire(r) + "x" * r.randint(10_000, 200_000)).encode(), "ok")),
    "bad_header": (2, lambda r, i: (".txt", ("date 9999-99-99 ,,, (((( ) - " + wire(r)).encode(), "ok")),
    "only_punct": (2, lambda r, i: (".txt", ("!?.,;:-" * r.randint(1, 2000)).encode(), "ok")),
    "control_chars": (2, lambda r, i: (".txt", (wire(r) + "\x07\x08\x1b[31m\x0b\x0c").encode(), "ok")),
    # hostile inputs
    "empty": (6, lambda r, i: (".txt", b"", "fail")),
    "whitespace": (5, lambda r, i: (".txt", b" \n\t\r\n  " * r.randint(1, 100), "fail")),
    "binary": (6, lambda r, i: (".txt", bytes(r.getrandbits(8) for _ in range(r.randint(16, 4096))) + b"\x00", "fail")),
    "png_as_html": (2, lambda r, i: (".html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "fail")),
    "empty_jsonl": (2, lambda r, i: (".jsonl", b"\n\n   \n", "fail")),
    "malformed_jsonl": (6, lambda r, i: (".jsonl", (
        json.dumps({"id": f"m{i}", "text": wire(r)}) + "\n{not json\n[1,2,3]\n" + json.dumps({"id": f"n{i}", "text": 7}) + "\n"
        + json.dumps({"id": f"w{i}", "text": "   "}) + "\n\"just a string\"\n{\"text\": \"unterminated\n"
    ).encode() + b"\xff\xfe{\"text\": 1}\n", "mixed")),
    "deep_json": (2, lambda r, i: (".jsonl", ("[" * 100_000 + "]" * 100_000 + "\n").encode(), "fail")),
    "truncated_jsonl_gz": (3, lambda r, i: (".jsonl.gz", gzip.compress("".join(json.dumps({"id": f"t{i}-{k}", "text": wire(r)}) + "\n" for k in range(40)).encode())[:-30], "mixed")),
    "truncated_txt_gz": (2, lambda r, i: (".txt.gz", gzip.compress(wire(r).encode() * 50)[:-25], "fail")),
    "truncated_warc_gz": (2, lambda r, i: (".warc.gz", (lambda b: b[: int(len(b) * 0.7)])(warc_bytes([html_page(wire(r)) for _ in range(4)], True)), "mixed")),
    "truncated_warc": (2, lambda r, i: (".warc", (lambda b: b[: int(len(b) * 0.6)])(warc_bytes([html_page(wire(r)) for _ in range(3)], False)), "mixed")),
    "garbage_warc": (2, lambda r, i: (".warc.gz", b"WARC/1.0\r\n" + bytes(r.getrandbits(8) for _ in range(500)), "fail")),
    "html_deep": (3, lambda r, i: (".html", ("<html><body>" + "<div>" * r.randint(5_000, 100_000) + wire(r) + "</div>" * 1000 + "</body></html>").encode(), "ok")),
    "html_huge_attr": (2, lambda r, i: (".html", ("<html><body><p data-x=\"" + "A" * r.randint(1_000_000, 5_000_000) + "\">" + wire(r) + "</p></body></html>").encode(), "ok")),
    "html_wide": (1, lambda r, i: (".html", ("<html><body>" + "<span>x</span>" * 300_000 + "</body></html>").encode(), "fail")),
    "html_no_text": (3, lambda r, i: (".html", b"<html><head><script>var a=1;</script></head><body><nav>Home</nav></body></html>", "fail")),
    "html_unclosed": (2, lambda r, i: (".htm", ("<html><body><p>" + wire(r) + "<p><b><i><table><tr><td>").encode(), "ok")),
    "feed_not_feed": (2, lambda r, i: (".xml", b"<?xml version='1.0'?><catalog><book>Dune</book></catalog>", "fail")),
    "feed_malformed": (2, lambda r, i: (".rss", ("<rss><channel><title>Bad & worse</title><item><title>A</title><description>" + wire(r) + "</description></item><item><title>B").encode(), "mixed")),
    "feed_entities": (1, lambda r, i: (".xml", (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<rss version="2.0"><channel><title>t</title><item><guid>e{i}</guid><title>&lol3;</title><description>&xxe; ' + wire(r) + "</description></item></channel></rss>"
    ).encode(), "ok")),
    "unknown_suffix": (2, lambda r, i: (".bin", wire(r).encode(), "fail")),
}


def big_text(rng: random.Random, megabytes: int) -> bytes:
    paras = [wire(rng) for _ in range(200)]
    out = io.StringIO()
    size = 0
    while size < megabytes * 2**20:
        p = rng.choice(paras) + "\n"
        out.write(p)
        size += len(p)
    return out.getvalue().encode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=10_000, help="number of input files (≥ 4)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--big-mb", type=int, default=50, help="size of the one oversized text, in MB (0: none)")
    ap.add_argument("--feed-entries", type=int, default=10_000, help="entries in the one large feed (0: none)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    names = list(KINDS)
    weights = [KINDS[k][0] for k in names]
    manifest = []

    def put(i: int, kind: str, suffix: str, data: bytes, expect: str) -> None:
        path = args.out / f"{i:05d}-{kind}{suffix}"
        path.write_bytes(data)
        manifest.append({"path": path.name, "kind": kind, "expect": expect})

    i = 0
    if args.feed_entries:
        put(i, "feed_10k", ".rss", rss([(f"big-{k}", wire(rng)) for k in range(args.feed_entries)], "Big wire").encode(), "ok")
        i += 1
    if args.big_mb:
        # Past the readers' default 50 parts of 100 kB, the rest is one W010 failure.
        put(i, f"text_{args.big_mb}mb", ".txt", big_text(rng, args.big_mb), "mixed" if args.big_mb > 4 else "ok")
        i += 1
    while i < args.count:
        kind = rng.choices(names, weights)[0]
        suffix, data, expect = KINDS[kind][1](rng, i)
        put(i, kind, suffix, data, expect)
        i += 1
    with (args.out / MANIFEST).open("w", encoding="utf-8") as fh:
        for row in manifest:
            fh.write(json.dumps(row) + "\n")
    print(f"wrote {len(manifest)} inputs to {args.out}")


if __name__ == "__main__":
    main()
