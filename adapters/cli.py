"""The `whichmodel` command: a thin click CLI over the core. Each command does one thing."""

from __future__ import annotations

import gc
import json
import os
import sys

import click

ONE_SHOT = frozenset({"ask", "parse", "catalogue", "config"})


@click.group(invoke_without_command=True)
@click.version_option(package_name="whichmodel")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Which LLM should your team use? Ask in plain words.

    Bare `whichmodel` opens an interactive prompt (same as `whichmodel chat`).
    """
    if ctx.invoked_subcommand in ONE_SHOT:
        gc.disable()  # what a one-shot command makes lives until it exits: no cycle collector passes to pay for
        # pydantic looks for plugins in every installed package's metadata before its first model: a one-shot
        # command that never asked for one skips the scan (set PYDANTIC_DISABLE_PLUGINS yourself to choose)
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if ctx.invoked_subcommand is None:
        ctx.invoke(chat)


@main.command()
@click.argument("question", nargs=-1)
@click.option("--jsonl", is_flag=True, help="Read one question a line from stdin; print one JSON object a line.")
def parse(question: tuple[str, ...], jsonl: bool) -> None:
    """Print the structured query for QUESTION as JSON."""
    from bot.assistant import Assistant
    from bot.parse.pipeline import parse as parse_text

    catalogue = Assistant().catalogue
    if jsonl:
        out = sys.stdout
        for line in sys.stdin:
            out.write(json.dumps(parse_text(line.rstrip("\r\n"), catalogue).contract()) + "\n")
        out.flush()
        return
    click.echo(json.dumps(parse_text(" ".join(question), catalogue).contract(), indent=2))


def _configured():  # type: ignore[no-untyped-def]
    """The settings' answer policy, with the team's extra file applied to the catalogue."""
    from bot.catalogue import store as catalogue

    settings = _settings()
    catalogue.configure(settings.extra)
    return settings.policy()


@main.command()
@click.argument("question", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the Answer as JSON.")
@click.option("--markdown", is_flag=True, help="Print the answer as Markdown.")
@click.option("--chart", type=click.Path(dir_okay=False), help="Also write a cost-vs-score PNG to this file.")
def ask(question: tuple[str, ...], as_json: bool, markdown: bool, chart: str | None) -> None:
    """Answer QUESTION from the catalogue."""
    from bot.assistant import Assistant
    from bot.render import render

    answer = Assistant(policy=_configured()).ask(" ".join(question))
    fmt = "json" if as_json else "markdown" if markdown else "text"
    click.echo(render(answer, fmt))
    if chart:
        _write_chart(answer, chart)


def _write_chart(answer, path: str) -> None:  # type: ignore[no-untyped-def]
    """Write the answer's chart to `path` and say where on stderr, or say why there is none."""
    from bot.render.chart import scatter

    drawn = scatter(answer)
    if drawn.png is None:
        click.echo(drawn.note, err=True)
        return
    try:
        with open(path, "wb") as out:
            out.write(drawn.png)
    except OSError as exc:
        click.echo(f"Could not write the chart to {path}: {exc.strerror or exc}.", err=True)
        sys.exit(1)
    click.echo(f"Chart written to {path} ({drawn.note}).", err=True)


@main.command()
def chat() -> None:
    """Ask several questions in one session; follow-ups refine the last one."""
    from bot.assistant import Assistant
    from bot.render import render

    assistant = Assistant(policy=_configured())
    previous = None
    click.echo("whichmodel: ask which LLM to use (e.g. 'cheapest for 50M tokens of classification').")
    click.echo("Follow up with 'what about 100M?' or 'only anthropic'. Empty line or Ctrl-D to quit.")
    while True:
        try:
            text = input("> ").strip()
        except (EOFError, KeyboardInterrupt):
            click.echo("")
            return
        if not text or text.lower() in {"quit", "exit", "bye"}:
            return
        answer = assistant.ask(text, previous)
        click.echo(render(answer, "text"))
        if not answer.error:
            previous = answer.query


@main.group()
def catalogue() -> None:
    """Inspect the catalogue."""


@catalogue.command("check")
def catalogue_check() -> None:
    """Print counts and problems; exit non-zero on errors."""
    from bot.assistant import load
    from bot.catalogue.knowledge import KnowledgeError
    from bot.runtime.checks import check_report

    try:
        cat = load()
    except KnowledgeError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    report, ok = check_report(cat)
    click.echo(report)
    sys.exit(0 if ok else 1)


@catalogue.command("show")
@click.argument("model", nargs=-1, required=True)
def catalogue_show(model: tuple[str, ...]) -> None:
    """Print one model's card: offers, limits, capabilities, scores and speed with sources."""
    from bot.assistant import Assistant
    from bot.contract.query import Query
    from bot.render import render

    answer = Assistant(policy=_configured()).answer(Query(intent="info", models=[" ".join(model)]))
    click.echo(render(answer, "text"))
    if answer.error:
        sys.exit(1)


@main.command()
@click.option("--url", default=None, help="Where to download models.dev api.json from.")
@click.option("--source-url", "source_urls", multiple=True, metavar="SOURCE=URL",
              help="Another URL for a source (models-dev, litellm, genai-prices); repeatable.")  # fmt: skip
@click.option("--timeout", default=30.0, show_default=True, help="Seconds before giving up.")
def refresh(url: str | None, source_urls: tuple[str, ...], timeout: float) -> None:
    """Download fresh data from every live source (models.dev, LiteLLM, genai-prices); a source whose download
    is bad keeps its last good data."""
    from bot.runtime.refresh import refresh_all, source_ids

    urls = {"models-dev": url} if url else {}
    for item in source_urls:
        source, sep, where = item.partition("=")
        if not sep or source not in source_ids():
            click.echo(f"error: --source-url takes SOURCE=URL with SOURCE one of {', '.join(source_ids())}", err=True)
            sys.exit(2)
        urls[source] = where
    results = refresh_all(timeout=timeout, urls=urls)
    for result in results:
        click.echo(result.message)
    sys.exit(0 if all(r.ok for r in results) else 1)


def _settings():  # type: ignore[no-untyped-def]
    from bot.runtime.settings import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


@main.command()
def config() -> None:
    """Print the effective configuration, secrets masked."""
    for name, value in _settings().public().items():
        click.echo(f"{name} = {value}")


@main.command()
def healthcheck() -> None:
    """Exit 0 when the running bot answers GET /healthz on $PORT (for container health checks)."""
    from bot.runtime.health import probe

    sys.exit(0 if probe(_settings().port) else 1)


@main.command()
@click.option("--port", type=int, default=None, help="HTTP port (default: $PORT or 3000). Ignored in Socket Mode.")
@click.option("--host", default=None, help="HTTP host (default 0.0.0.0).")
def slack(port: int | None, host: str | None) -> None:
    """Run the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on --port."""
    from adapters.slack.app import run

    settings = _settings()
    run(settings, port=port, host=host)


@main.command()
@click.option(
    "--sync", is_flag=True, help="Sync the slash command (to DISCORD_GUILD_ID if set, else globally), then run."
)
@click.option("--shards", default=None, help="'auto' (or a number): every shard in this one process.")
@click.option("--shard-ids", default=None, help="The shards this process runs, e.g. 0,1 (with --shard-count).")
@click.option("--shard-count", type=int, default=None, help="Shards across every process (with --shard-ids).")
def discord(sync: bool, shards: str | None, shard_ids: str | None, shard_count: int | None) -> None:
    """Run the Discord bot with DISCORD_TOKEN."""
    from adapters.discord.client import run

    settings = _settings()
    run(settings, sync=sync, shards=shards, shard_ids=shard_ids, shard_count=shard_count)


@main.command()
def mcp() -> None:
    """Serve the core to AI clients over MCP (stdio); needs the `mcp` extra."""
    try:
        from adapters.mcp.server import serve
    except ModuleNotFoundError as exc:
        click.echo(f"error: {exc.name} is not installed; pip install 'whichmodel[mcp]'.", err=True)
        sys.exit(2)
    from bot.assistant import Assistant

    serve(Assistant(policy=_configured()), _settings())


def run() -> None:
    """The console script: `main`, then exit without tearing the loaded catalogue down object by object.

    A one-shot command spends ~100 ms freeing the catalogue at interpreter exit; output is flushed and
    logging shut down first, so skipping that teardown loses nothing. Long-running bots never get here
    until they stop.
    """
    import logging

    try:
        code = main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted!", err=True)
        code = 1
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except SystemExit as exc:
        code = _exit_code(exc)
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code if isinstance(code, int) else 0)


def _exit_code(exc: SystemExit) -> int:
    """A command's exit: numbers as they are; a message (a start-up error) printed on its one line, then 2."""
    if exc.code is None or isinstance(exc.code, int):
        return exc.code or 0
    message = str(exc.code).strip()
    click.echo(message if message.startswith("error:") else f"error: {message}", err=True)
    return 2


if __name__ == "__main__":  # pragma: no cover
    run()
