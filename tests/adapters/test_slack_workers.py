"""Many machines, one bot: two `whichmodel slack` worker processes sharing a real `redis-server`, behind a
round-robin proxy on loopback, answering to the fake Slack Web API (tests/fakes/).

Every wait is on a condition with a deadline: a call reaching the fake Slack, or a line in a worker's log.
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fakeslack import BOT_USER, FakeSlack, command_body, event_body, mention, sign
from redisserver import RedisServer
from roundrobin import RoundRobin
from workers import Worker, start_workers, stop_workers, worker_env

CLASSIFY = "cheapest for 50M tokens of classification"
MARKER = "UNAUTHENTICATED-BODY-MARKER"


@dataclass
class Team:
    fake: FakeSlack
    redis: RedisServer
    workers: list[Worker]
    proxy: RoundRobin

    def post(self, url: str, body: bytes, ctype: str, timestamp: int | None = None, **headers: str) -> httpx.Response:
        """One signed request on a new connection (so the proxy hands it to the next worker)."""
        all_headers = {"Content-Type": ctype, **sign(body, timestamp), **headers}
        return httpx.post(f"{url}/slack/events", content=body, headers=all_headers, timeout=10)

    def command(self, url: str, text: str, name: str, user: str) -> httpx.Response:
        body, ctype = command_body(text, self.fake.response_url(name), user=user)
        return self.post(url, body, ctype)


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    with FakeSlack() as fake:
        redis = RedisServer(tmp_path_factory.mktemp("redis")).start()
        env = worker_env(
            fake.api_url,
            tmp_path_factory.mktemp("cache"),
            WHICHMODEL_REDIS_URL=redis.url,
            WHICHMODEL_REDIS_PREFIX="test-team:",
            WHICHMODEL_RATE_CAPACITY="3",
            WHICHMODEL_RATE_PER_MINUTE="0.5",
            WHICHMODEL_WORKERS="16",
        )
        workers = start_workers(env, count=2)
        proxy = RoundRobin([w.port for w in workers])
        try:
            yield Team(fake, redis, workers, proxy)
        finally:
            proxy.stop()
            stop_workers(workers)
            redis.stop()


def test_a_retry_that_lands_on_the_other_worker_is_answered_once(team: Team) -> None:
    a, b = team.workers
    body, ctype = event_body(mention(f"<@{BOT_USER}> {CLASSIFY}", "1700001001.000100", user="U0RETRY"), "EvAcross1")
    now = int(time.time())
    assert team.post(a.url, body, ctype, timestamp=now).status_code == 200
    retry = team.post(b.url, body, ctype, timestamp=now + 1, **{"X-Slack-Retry-Num": "1"})
    assert retry.status_code == 200
    b.wait_log("slack:event:EvAcross1 already answered")
    team.fake.wait_for(lambda calls: any(c.params.get("thread_ts") == "1700001001.000100" for c in calls))
    answers = [c for c in team.fake.find("api", "chat.postMessage") if c.params.get("thread_ts") == "1700001001.000100"]
    assert len(answers) == 1


def test_a_replayed_signed_request_is_answered_once_across_workers(team: Team) -> None:
    a, b = team.workers
    body, ctype = command_body(CLASSIFY, team.fake.response_url("replay-across"), user="U0REPLAY")
    headers = {"Content-Type": ctype, **sign(body)}
    for worker in (a, b):
        response = httpx.post(f"{worker.url}/slack/events", content=body, headers=headers, timeout=10)
        assert response.status_code == 200
    b.wait_log("replayed")
    team.fake.wait_calls("respond", "replay-across", timeout=30)
    a.wait_log('"platform": "slack/command"')
    assert len(team.fake.find("respond", "replay-across")) == 1


def test_a_thread_follow_up_on_the_other_worker_refines_the_threads_question(team: Team) -> None:
    a, b = team.workers
    root = "1700002001.000100"
    first, ctype = event_body(mention(f"<@{BOT_USER}> {CLASSIFY}", root, user="U0THREAD"), "EvThread1")
    assert team.post(a.url, first, ctype).status_code == 200
    team.fake.wait_for(lambda calls: any(c.params.get("thread_ts") == root for c in calls), timeout=30)
    follow = mention(f"<@{BOT_USER}> what about 300M tokens?", "1700002002.000100", thread_ts=root, user="U0THREAD")
    second, ctype = event_body(follow, "EvThread2")
    assert team.post(b.url, second, ctype).status_code == 200
    calls = team.fake.wait_for(
        lambda calls: len([c for c in calls if c.params.get("thread_ts") == root]) >= 2, timeout=30
    )
    answer = [c for c in calls if c.params.get("thread_ts") == root][1]
    text = answer.params["text"].lower()
    assert "300m" in text and "classification" in text  # the thread's question, refined; not a fresh "best value"


def test_the_rate_limit_is_one_bucket_across_workers(team: Team) -> None:
    a, b = team.workers
    for i, worker in enumerate((a, b, a, b), start=1):  # capacity 3: the fourth question, on either worker, waits
        assert team.command(worker.url, "gpt-4.1 mini vs nano", f"rate-{i}", user="U0RATE").status_code == 200
        team.fake.wait_calls("respond", f"rate-{i}", timeout=30)
    types = [team.fake.find("respond", f"rate-{i}")[0].params["response_type"] for i in range(1, 5)]
    assert types == ["in_channel", "in_channel", "in_channel", "ephemeral"]
    assert "try again in about" in team.fake.find("respond", "rate-4")[0].params["text"]


def test_faq_mode_turned_on_through_one_worker_holds_in_the_other(team: Team) -> None:
    a, b = team.workers
    body, ctype = command_body("faq on", team.fake.response_url("faq-on"), user="U0FAQ", channel="C0FAQ")
    assert team.post(a.url, body, ctype).status_code == 200
    a.wait_log('"event": "faq_mode"')
    root = "1700003001.000100"
    question = {"type": "message", "channel": "C0FAQ", "user": "U0ASKER", "ts": root, "channel_type": "channel"}
    question["text"] = "which model is cheapest for tagging 50M tokens of support tickets a month?"
    event, ctype = event_body(question, "EvFaqAcross1")
    assert team.post(b.url, event, ctype).status_code == 200
    team.fake.wait_for(lambda calls: any(c.params.get("thread_ts") == root for c in calls), timeout=30)
    (answer,) = [c for c in team.fake.find("api", "chat.postMessage") if c.params.get("thread_ts") == root]
    assert answer.params["channel"] == "C0FAQ" and "React with ✖" in answer.params["text"]


BAD_UNSIGNED = [b"{not json", b"null", b"[]", b"\xff\xfe\x00binary", b"\xc3\x28", b"", MARKER.encode() * 40_000]


@pytest.mark.parametrize("body", BAD_UNSIGNED, ids=["brace", "null", "list", "binary", "bad-utf8", "empty", "990kB"])
def test_unsigned_garbage_gets_401_and_is_never_logged(team: Team, body: bytes) -> None:
    response = httpx.post(
        f"{team.proxy.url}/slack/events", content=body, headers={"Content-Type": "application/json"}, timeout=10
    )
    assert response.status_code == 401


@pytest.mark.parametrize("timestamp", ["abc", "1e99", "-1", "", "99999999999999999999", "1700000000"])
def test_bad_timestamps_get_401(team: Team, timestamp: str) -> None:
    body = b"command=%2Fwhichmodel"
    headers = {
        **sign(body),
        "X-Slack-Request-Timestamp": timestamp,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    assert httpx.post(f"{team.proxy.url}/slack/events", content=body, headers=headers, timeout=10).status_code == 401


@pytest.mark.parametrize(
    ("body", "ctype"),
    [
        (b"{not json", "application/json"),
        (b"null", "application/json"),
        (b"[]", "application/json"),
        (b"\xc3\x28", "application/json"),
        (b"\xff\xfe\x00binary", "application/x-www-form-urlencoded"),
        (b"payload=%5B%5D", "application/x-www-form-urlencoded"),
        (b"payload=%7Bnot", "application/x-www-form-urlencoded"),
    ],
)
def test_signed_but_malformed_bodies_get_400(team: Team, body: bytes, ctype: str) -> None:
    assert team.post(team.proxy.url, body, ctype).status_code == 400


def test_bodies_over_1_mb_are_refused_while_reading_even_chunked(team: Team) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(64):  # 4 MB announced by no Content-Length
            yield MARKER.encode() * 3000

    headers = {"Content-Type": "application/json", **sign(b"x")}
    chunked = httpx.post(f"{team.proxy.url}/slack/events", content=chunks(), headers=headers, timeout=10)
    assert chunked.status_code == 413
    sized = httpx.post(f"{team.proxy.url}/slack/events", content=b"x" * 1_000_001, headers=headers, timeout=10)
    assert sized.status_code == 413
    for worker in team.workers:
        assert MARKER not in worker.log()  # no unauthenticated body in any log line
        assert "Traceback" not in worker.log()


def test_a_stalled_web_api_never_holds_back_the_ack(team: Team) -> None:
    """60 slash commands, 40 at once, while the Web API answers nothing: every one is acked, then answered once."""
    team.fake.gate.clear()
    try:

        def ask(i: int) -> int:
            return team.command(team.proxy.url, "gpt-4.1 mini vs nano", f"slow-{i}", user=f"U0SLOW{i:02d}").status_code

        with ThreadPoolExecutor(40) as pool:
            statuses = list(pool.map(ask, range(60)))
        assert statuses == [200] * 60
        assert not [c for c in team.fake.find("respond") if c.method.startswith("slow-")]  # acked before any answer
    finally:
        team.fake.gate.set()
    team.fake.wait_for(lambda calls: len({c.method for c in calls if c.method.startswith("slow-")}) == 60, 90)
    assert all(len(team.fake.find("respond", f"slow-{i}")) == 1 for i in range(60))


def test_with_redis_stopped_the_bot_keeps_answering_and_says_degraded(team: Team) -> None:
    a, b = team.workers
    team.redis.stop()
    try:
        for i, worker in enumerate((a, b, a, b)):
            assert team.command(worker.url, "gpt-4.1 mini vs nano", f"down-{i}", user=f"U0DOWN{i}").status_code == 200
            team.fake.wait_calls("respond", f"down-{i}", timeout=30)
        for worker in (a, b):
            assert httpx.get(f"{worker.url}/healthz", timeout=10).json()["status"] == "degraded"
            ready = httpx.get(f"{worker.url}/readyz", timeout=10)
            assert ready.status_code == 503 and ready.json()["state"] is False
            assert worker.log().count("Redis unreachable") == 1  # one line, not one per request
    finally:
        team.redis.start()
    assert all(team.fake.find("respond", f"down-{i}")[0].params["response_type"] == "in_channel" for i in range(4))


def test_sigterm_finishes_the_answer_in_flight_then_exits(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        [worker] = start_workers(worker_env(fake.api_url, tmp_path))
        try:
            fake.gate.clear()  # the answer is still on its way when SIGTERM arrives
            body, ctype = command_body("gpt-4.1 mini vs nano", fake.response_url("drain"))
            response = httpx.post(
                f"{worker.url}/slack/events", content=body, headers={"Content-Type": ctype, **sign(body)}, timeout=10
            )
            assert response.status_code == 200
            fake.wait_held(lambda paths: any(path.endswith("/drain") for path in paths))
            worker.proc.send_signal(signal.SIGTERM)
            worker.wait_log("SIGTERM: finishing")
            fake.gate.set()
            assert worker.terminate() == 0
            (call,) = fake.find("respond", "drain")  # delivered before the process exited
            assert call.params["response_type"] == "in_channel"
            assert "every answer in flight was sent" in worker.log()
            assert json.loads(worker.lines[-1])["level"] in ("info", "warning")
        finally:
            stop_workers([worker])
