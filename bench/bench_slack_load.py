"""Load: signed slash commands against two `whichmodel slack` workers sharing a real redis-server.

    python bench/bench_slack_load.py [--requests 2000] [--clients 50] [--workers 2] [--api-delay 0.0]

Everything runs on loopback: a redis-server (needs the `redis-server` binary), the fake Slack Web API of
tests/fakes/ (optionally slow, --api-delay seconds a call), and the workers as real processes. Each of `--clients`
threads sends its share of the requests, alternating between the workers; every request is a distinct question
with its own response_url. Prints the ack latency (p50/p95/p99/max), HTTP errors, and how many replies each
question got (the aim: exactly one each; the ack p99 under 100 ms). Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fakes"))

from fakeslack import FakeSlack, command_body, sign  # noqa: E402
from redisserver import RedisServer  # noqa: E402
from workers import start_workers, stop_workers, worker_env  # noqa: E402

QUESTIONS = ["gpt-4.1 mini vs nano", "cheapest for 50M tokens of classification", "help", "what is gpt-4.1?"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


@dataclass
class Results:
    acks: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    sent_s: float = 0.0
    answered_s: float = 0.0
    replies: Counter[str] = field(default_factory=Counter)


def send_all(urls: list[str], fake: FakeSlack, requests: int, clients: int, out: Results) -> None:
    """`requests` distinct signed commands from `clients` threads, alternating between `urls`."""
    lock = threading.Lock()

    def client(index: int) -> None:
        with httpx.Client(timeout=10) as http:
            for n in range(index, requests, clients):
                body, ctype = command_body(QUESTIONS[n % len(QUESTIONS)], fake.response_url(f"q{n}"), user=f"U{n:05d}")
                started = time.perf_counter()
                try:
                    response = http.post(
                        f"{urls[n % len(urls)]}/slack/events",
                        content=body,
                        headers={"Content-Type": ctype, **sign(body)},
                    )
                    outcome = None if response.status_code == 200 else f"HTTP {response.status_code}"
                except httpx.HTTPError as exc:
                    outcome = type(exc).__name__
                with lock:
                    out.acks.append(time.perf_counter() - started)
                    if outcome:
                        out.errors[outcome] += 1

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))


def measure(requests: int, clients: int, workers: int, api_delay: float) -> Results:
    out = Results()
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as fake:
        redis = RedisServer(Path(tmp)).start()
        env = worker_env(
            fake.api_url, Path(tmp) / "cache", WHICHMODEL_REDIS_URL=redis.url, WHICHMODEL_RATE_CAPACITY="1000"
        )
        procs = start_workers(env, count=workers)
        fake.delay = api_delay
        try:
            for i, worker in enumerate(procs):  # warm each worker once (distinct bodies: a replay is not answered)
                body, ctype = command_body("help", fake.response_url("warm"), user=f"UWARM{i}")
                httpx.post(f"{worker.url}/slack/events", content=body, headers={"Content-Type": ctype, **sign(body)})
            fake.wait_calls("respond", "warm", count=workers, timeout=60)
            started = time.perf_counter()
            send_all([w.url for w in procs], fake, requests, clients, out)
            out.sent_s = time.perf_counter() - started
            deadline = time.monotonic() + 120 + requests * api_delay
            while time.monotonic() < deadline:  # wait on the condition: every question has a reply
                if len({c.method for c in fake.find("respond") if c.method.startswith("q")}) >= requests:
                    break
                time.sleep(0.05)  # polling a condition with a deadline (the fake records calls as they come)
            out.answered_s = time.perf_counter() - started
            out.replies = Counter(c.method for c in fake.find("respond") if c.method.startswith("q"))
        finally:
            stop_workers(procs)
            redis.stop()
    return out


def report(out: Results, requests: int, clients: int, workers: int, api_delay: float) -> None:
    per_question = Counter(out.replies.get(f"q{n}", 0) for n in range(requests))
    ms = [a * 1000 for a in out.acks]
    print(f"{requests} signed slash commands, {clients} concurrent clients, {workers} workers, Redis shared")
    print(f"web API delay: {api_delay * 1000:.0f} ms a call")
    quantiles = ", ".join(f"p{q} {percentile(ms, q):.1f} ms" for q in (50, 95, 99))
    print(f"acks: {quantiles}, max {max(ms):.1f} ms, mean {statistics.mean(ms):.1f} ms")
    print(f"errors: {sum(out.errors.values())} {dict(out.errors) if out.errors else ''}")
    print(f"replies per question: {dict(sorted(per_question.items()))} (key: replies, value: questions)")
    print(
        f"all acked in {out.sent_s:.1f} s ({requests / out.sent_s:.0f} req/s); all answered in {out.answered_s:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--api-delay", type=float, default=0.0)
    args = parser.parse_args()
    out = measure(args.requests, args.clients, args.workers, args.api_delay)
    report(out, args.requests, args.clients, args.workers, args.api_delay)


if __name__ == "__main__":
    main()
