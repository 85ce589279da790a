"""Load benchmark: GET /events at a fixed request rate over loopback; rate, errors, latency percentiles.

A store of synthetic events (written through the real store, as bench/api_events.py does)
is served by ``wirecoder serve --workers N`` in a child process on 127.0.0.1 with the
app's DEFAULT settings (rate limits included), so the client and the server do not share
one GIL. An asyncio client starts requests on a fixed schedule (open loop: a slow server
does not slow the schedule down; past ``--concurrency`` requests in flight, due ones are
shed and counted) over keep-alive connections, cycling through a few filters. It speaks
HTTP/1.1 itself (an HTTP library costs the client more CPU per request than the server
spends, on the same 2 cores). Latency counts from each request's scheduled start, so queueing behind a slow server is not hidden. Bounded: ``rate x seconds``
requests, then a grace of ``--timeout`` seconds; it always stops by itself. Writes
bench/out/api_load.json, with the CPU each side spent per request.

    .venv/bin/python bench/api_load.py [--rate 200] [--seconds 30] [--events 3000] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import deque
from pathlib import Path
from urllib.parse import urlencode

import httpx
from api_events import FILTERS, synthetic_documents
from procmem import tree_cpu_seconds

from wirecoder.store import open_store

HOST = "127.0.0.1"


def _serve(db: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    """``wirecoder serve`` as a user starts it (default settings, rate limits on)."""
    cli = [sys.executable, "-c", "from wirecoder.cli import main; main()"]
    args = ["serve", "--db", db, "--host", HOST, "--port", str(port), "--workers", str(workers)]
    return subprocess.Popen([*cli, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("the API server did not start")


class _Connections:
    """Keep-alive HTTP/1.1 connections to the server, opened on demand and reused: a lean
    client (a request line out, status + Content-Length body back), so the load generator
    spends a fraction of the CPU an HTTP library would on a 2-core machine."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        # used in turn (first in, first out), as many clients would: spread over server workers
        self.idle: deque[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = deque()

    async def open(self, n: int) -> None:
        """Open ``n`` connections up front (the server's workers accept them in turn)."""
        for _ in range(n):
            self.idle.append(await asyncio.open_connection(self.host, self.port))

    async def get(self, target: str) -> int:
        reused = bool(self.idle)
        reader, writer = self.idle.popleft() if reused else await asyncio.open_connection(self.host, self.port)
        writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\nAccept: application/json\r\n\r\n".encode("ascii"))
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError as exc:
            writer.close()
            if reused and not exc.partial:
                # the server closed this idle keep-alive connection (uvicorn: after 5 s) before
                # our request reached it: a GET is safe to send again, as HTTP clients do
                return await self.get(target)
            raise
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        fields = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        await reader.readexactly(int(fields.get("content-length", "0")))
        if fields.get("connection", "").lower() == "close":
            writer.close()
        else:
            self.idle.append((reader, writer))
        return status

    def close(self) -> None:
        for _, writer in self.idle:
            writer.close()


async def _load(
    host: str, port: int, rate: float, seconds: float, limit: int, timeout: float, concurrency: int, connections: int
) -> dict[str, object]:
    """Start ``rate * seconds`` requests on schedule; return the per-request outcomes.

    At most ``concurrency`` requests are in flight: a request falling due when all are
    busy is counted as ``shed`` (the server is not keeping up) instead of queueing without
    bound in the client, which would make the client, not the server, the bottleneck.
    """
    targets = ["/events?" + urlencode({**p, "limit": limit}) for p in FILTERS.values()]
    n = int(rate * seconds)
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    in_flight = 0
    conns = _Connections(host, port)

    async def one(i: int, due: float) -> None:
        nonlocal in_flight
        try:
            key = str(await asyncio.wait_for(conns.get(targets[i % len(targets)]), timeout))
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as exc:
            key = type(exc).__name__
        finally:
            in_flight -= 1
        statuses[key] = statuses.get(key, 0) + 1
        if key == "200":
            latencies.append(time.perf_counter() - due)

    await conns.open(connections)
    for target in targets:  # warm the server's caches, untimed
        if (status := await conns.get(target)) != 200:
            raise RuntimeError(f"GET {target} answered {status}")
    start = time.perf_counter()
    tasks = []
    for i in range(n):
        due = start + i / rate
        if (delay := due - time.perf_counter()) > 0:
            await asyncio.sleep(delay)
        if in_flight >= concurrency:
            statuses["shed"] = statuses.get("shed", 0) + 1
            continue
        in_flight += 1
        tasks.append(asyncio.create_task(one(i, due)))
    pending: set[asyncio.Task[None]] = set()
    if tasks:
        _, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
    elapsed = time.perf_counter() - start
    conns.close()
    if pending:
        statuses["unfinished"] = len(pending)
    return {"requests": n, "elapsed_s": elapsed, "latencies": sorted(latencies), "statuses": statuses}


def _percentile(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))] * 1000 if values else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=200, help="requests started per second")
    ap.add_argument("--seconds", type=float, default=30, help="how long to keep starting requests")
    ap.add_argument("--events", type=int, default=3000, help="synthetic events in the store")
    ap.add_argument("--limit", type=int, default=50, help="page size asked for")
    ap.add_argument("--timeout", type=float, default=30, help="per-request timeout and the grace after the last start")
    ap.add_argument("--connections", type=int, default=16, help="keep-alive connections opened up front and used in turn")
    ap.add_argument("--workers", type=int, default=2, help="server processes (wirecoder serve --workers)")
    ap.add_argument("--concurrency", type=int, default=64, help="most requests in flight; more due are shed")
    args = ap.parse_args()

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        db = f"{tmp}/load.db"
        with open_store(db) as store:
            store.write(synthetic_documents(args.events, per_doc=4))
            n_events = store.counts()["events"]
        port = _free_port()
        url = f"http://{HOST}:{port}"
        server = _serve(db, port, args.workers)
        try:
            _wait_ready(url, server)
            server_cpu, client_cpu = tree_cpu_seconds(server.pid), time.process_time()
            result = asyncio.run(_load(HOST, port, args.rate, args.seconds, args.limit, args.timeout, args.concurrency, args.connections))
            server_cpu = tree_cpu_seconds(server.pid) - server_cpu
            client_cpu = time.process_time() - client_cpu
        finally:
            # uvicorn drains queued requests on SIGTERM; an overloaded one is then killed
            server.terminate()
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    load_after = os.getloadavg()

    lat = result["latencies"]
    statuses: dict[str, int] = result["statuses"]  # type: ignore[assignment]
    ok = statuses.get("200", 0)
    summary = {
        "events": n_events,
        "server_workers": args.workers,
        "connections": args.connections,
        "target_rate": args.rate,
        "seconds": args.seconds,
        "requests": result["requests"],
        "ok": ok,
        "errors": result["requests"] - ok,
        "statuses": statuses,
        "achieved_rate": round(ok / result["elapsed_s"], 1),
        "elapsed_s": round(result["elapsed_s"], 1),
        "p50_ms": round(_percentile(lat, 0.50), 1),
        "p95_ms": round(_percentile(lat, 0.95), 1),
        "p99_ms": round(_percentile(lat, 0.99), 1),
        "max_ms": round(lat[-1] * 1000, 1) if lat else None,
        # CPU each side spent per answered request: what bounds the rate on a 2-core machine
        "server_cpu_ms_per_request": round(server_cpu / max(ok, 1) * 1000, 2),
        "client_cpu_ms_per_request": round(client_cpu / max(ok, 1) * 1000, 2),
        "loadavg_before": [round(x, 2) for x in load_before],
        "loadavg_after": [round(x, 2) for x in load_after],
        "cpus": os.cpu_count(),
    }
    print(f"{n_events} events; GET /events at {args.rate:g}/s for {args.seconds:g} s on {url} ({args.workers} server workers)")
    print(f"achieved {summary['achieved_rate']} ok/s over {summary['elapsed_s']} s; {ok}/{result['requests']} ok, errors {summary['errors']} {statuses}")
    print(f"latency from scheduled start: p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, p99 {summary['p99_ms']} ms, max {summary['max_ms']} ms")
    print(f"CPU per answered request: server {summary['server_cpu_ms_per_request']} ms, client {summary['client_cpu_ms_per_request']} ms")
    print(f"load average (1/5/15 min) before {summary['loadavg_before']}, after {summary['loadavg_after']}, on {summary['cpus']} CPUs")
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "api_load.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
