"""Fixtures: a loopback HTTP server for feed and page URLs (no network beyond 127.0.0.1),
and small WARC archives built in memory."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


class Site:
    """Paths → (status, content type, body) served on 127.0.0.1."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.hits: list[str] = []
        self.base = ""

    def put(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8", status: int = 200) -> str:
        self.pages[path] = (status, ctype, body.encode() if isinstance(body, str) else body)
        return self.base + path


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            state.hits.append(self.path)
            status, ctype, body = state.pages.get(self.path, (404, "text/plain", b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)



def page(i: int) -> str:
    return (
        f"<html><head><title>Story {i}</title></head><body><article><p>SANAA, June {i + 1} (AP) - An air strike "
        f"hit a market in Saada province, killing {i + 3} civilians, medics said. The coalition did not comment.</p>"
        "</article></body></html>"
    )


def warc(n: int = 3, gz: bool = True, extras: bool = True) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(n):
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"http://news.example/{i}", "response", payload=io.BytesIO(page(i).encode()), http_headers=hh))
        if extras and i == 0:
            img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record("http://news.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG" + bytes(99)), http_headers=img))
            gone = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record("http://news.example/old", "response", payload=io.BytesIO(b"<html>gone</html>"), http_headers=gone))
    return buf.getvalue()


@pytest.fixture
def make_warc():
    """``make_warc(n, gz, extras)`` → bytes of an archive of ``n`` news pages."""
    return warc
