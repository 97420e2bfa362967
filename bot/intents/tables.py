"""Rows and tables built from candidates: the typed surface every renderer lays out."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.catalogue.cost import STANDARD_VOLUMES, Mix
from bot.catalogue.workload import monthly, rates
from bot.contract.answer import Cell, Column, Row, Table, Unit
from bot.contract.query import Query
from bot.intents import selfhost
from bot.intents.constraints import context_need, workload_of
from bot.intents.selection import Candidate
from bot.render import fmt
from bot.render.wording import task_name


def volume_label(tokens: float) -> str:
    return f"{fmt.tokens(tokens)}/mo"


def shown_label(label: str, once: bool) -> str:
    """A `costs_at` key as a column shows it: '2B/mo', or '2B job' for a volume said once."""
    return f"{label.removesuffix('/mo')} job" if once else label


def costs_at(cand: Candidate, mix: Mix, query: Query) -> dict[str, float | None]:
    """Monthly cost at the query's volume, or at 1M/10M/100M when it gives none."""
    volumes = [query.tokens_per_month] if query.tokens_per_month is not None else list(STANDARD_VOLUMES)
    return {volume_label(v): monthly(cand.offer, workload_of(query, mix, v)) for v in volumes}  # type: ignore[arg-type]


def row(cand: Candidate, mix: Mix, query: Query) -> Row:
    """The JSON row for a candidate, priced as the workload pays: its region, batch or tier, long context."""
    paid = rates(cand.offer, workload_of(query, mix))
    listed = cand.offer.prices_at(context_need(query))
    inp = paid.input if paid.input is not None else listed[0]
    out = paid.output if paid.output is not None else listed[1]
    region = next((a for a in paid.applied if a.endswith("processing") or "processing (" in a), None)
    return Row(
        model=cand.model.id,
        name=cand.model.name,
        provider=cand.offer.provider,
        provider_name=cand.offer.provider_name,
        first_party=cand.offer.first_party,
        free=cand.offer.free,
        input_price=inp,
        output_price=out,
        cache_read_price=cand.offer.cache_read_price,
        monthly_cost=cand.monthly,
        costs_at=costs_at(cand, mix, query),
        input_share=mix.share,
        context=cand.offer.context,
        max_output=cand.offer.max_output,
        task=cand.score.task,
        task_score=cand.score.score,
        task_tier=cand.score.tier,
        coverage=cand.score.coverage,
        speed=cand.tps,
        ttft=cand.ttft,
        release_date=cand.model.release_date,
        cheaper_elsewhere=cheaper_at(cand, mix, query),
        region=region if query.region else None,
        price_basis=list(paid.applied),
        params_total=cand.size.total if cand.size else None,
        params_active=cand.size.active if cand.size else None,
        memory_gb=cand.size.need_gb if cand.size else None,
        fits=cand.size.fits if cand.size else None,
    )


def cheaper_at(cand: Candidate, mix: Mix, query: Query) -> str | None:
    """'Deep Infra: $0.037 in / $0.17 out, $0.07/M blended against $0.10 at OpenAI': the cheaper seller at the
    workload's own rates (cache hits, batch, region), so two equal list prices never read as a saving."""
    if cand.cheaper is None:
        return None
    work = workload_of(query, mix)
    there, here = rates(cand.cheaper, work), rates(cand.offer, work)
    text = f"{cand.cheaper.provider_name}: {fmt.price(there.input)} in / {fmt.price(there.output)} out"
    if there.blended is not None and here.blended is not None:
        text += f", {fmt.price(there.blended)}/M blended against {fmt.price(here.blended)} at {cand.offer.provider_name}"
        if there.applied:
            text += f" ({', '.join(there.applied)})"
    changed = cand.offer.changed_since(cand.cheaper)
    if changed is not None:
        text += (
            f"; but that price is as of {fmt.day(cand.cheaper.price_as_of)}, before {cand.offer.provider_name}'s "
            f"changed on {fmt.day(changed)}: check it still holds"
        )
    return text


def cell(value: object, text: str) -> Cell:
    """A table cell: the value as JSON carries it (other types as text) and its display text.

    Built without validation: the two fields are made right here, and a long list builds hundreds of cells."""
    plain = value if isinstance(value, (int, float, str, bool)) or value is None else str(value)
    return Cell.model_construct(value=plain, text=str(text))


def score_text(cand: Candidate) -> str:
    text = fmt.score(cand.score.score, cand.score.tier)
    if cand.score.known and cand.score.vendor_reported:
        text += "*"
    return text


Getter = Callable[[Candidate, Row], Cell]


def size_columns(query: Query) -> list[tuple[Column, Getter]]:
    """On a self-hosting or size question: Params (total and active) and, with hardware, the memory needed."""
    if not selfhost.asked(query):
        return []
    cols: list[tuple[Column, Getter]] = [
        (Column(key="params", label="Params (active)"), lambda c, r: cell(r.params_total, selfhost.params_text(c.size)))
    ]
    if query.hardware is not None:
        label = f"Needs ({selfhost.LABELS[selfhost.precision(query)[0]]})"
        cols.append(
            (
                Column(key="memory", label=label, unit="text", align="right"),
                lambda c, r: cell(r.memory_gb, fmt.NO_DATA if r.memory_gb is None else f"~{r.memory_gb:,.0f} GB"),
            )
        )
    return cols


def asked_about(query: Query) -> set[str]:
    """The columns a question is about (speed, ttft, context): they are always shown, whatever the space."""
    asked = set()
    if query.sort_by == "speed" or query.min_speed is not None:
        asked |= {"speed", "ttft"}  # "too slow for our chat UI": how soon the answer starts matters as much
    if query.sort_by == "latency" or query.max_latency is not None:
        asked.add("ttft")
    if query.sort_by == "context" or query.min_context is not None:
        asked.add("context")
    if query.region:
        asked |= {"region", "provider"}  # where the data is processed, and who to buy from there
    return asked


def ranking_table(cands: Sequence[Candidate], rows: Sequence[Row], query: Query, first: int = 1) -> Table:
    """One line per model: prices, cost at the volume(s), task score, speed, latency, context (and region).

    The columns the question is about keep priority 1, so no renderer drops them for space.
    """
    asked = asked_about(query)
    cols = _price_columns(rows, query.one_off) + _fact_columns(query) + size_columns(query)
    cols = [(c.model_copy(update={"priority": 1}) if c.key in asked else c, g) for c, g in cols]
    table_rows = []
    for i, (cand, r) in enumerate(zip(cands, rows)):
        cells = [getter(cand, r) for _, getter in cols]
        cells[0] = cell(first + i, str(first + i))
        table_rows.append(cells)
    return Table(columns=[c for c, _ in cols], rows=table_rows)


def _price_columns(rows: Sequence[Row], once: bool = False) -> list[tuple[Column, Getter]]:
    """Rank, model, provider, the prices paid, and the monthly cost at each volume (the last one always shown;
    `once`: the one volume is a whole job's)."""
    cols: list[tuple[Column, Getter]] = [
        (Column(key="rank", label="#", unit="count", align="right"), lambda c, r: cell(None, "")),
        (Column(key="model", label="Model"), lambda c, r: cell(r.model, r.model)),
        (Column(key="provider", label="Provider", priority=2), lambda c, r: cell(r.provider, r.provider or "")),
        (
            Column(key="input_price", label="In $/M", unit="usd_per_mtok", align="right"),
            lambda c, r: cell(r.input_price, fmt.price(r.input_price)),
        ),
        (
            Column(key="output_price", label="Out $/M", unit="usd_per_mtok", align="right"),
            lambda c, r: cell(r.output_price, fmt.price(r.output_price)),
        ),
    ]
    labels = list(rows[0].costs_at) if rows else []
    for i, label in enumerate(labels):
        column = Column(
            key=f"cost:{label}",
            label=f"@{shown_label(label, once)}",
            unit="usd",
            align="right",
            priority=1 if i == len(labels) - 1 else 3,
        )
        cols.append((column, lambda c, r, label=label: cell(r.costs_at.get(label), fmt.money(r.costs_at.get(label)))))
    return cols


def _fact_columns(query: Query) -> list[tuple[Column, Getter]]:
    """Task score, speed, TTFT and context, and the region the data is processed in when one is asked."""
    task = task_name(query.task)
    cols: list[tuple[Column, Getter]] = [
        (
            Column(key="task_score", label=f"{task[0].upper() + task[1:]} score", unit="score", align="right"),
            lambda c, r: cell(r.task_score, score_text(c)),
        ),
        (
            Column(key="speed", label="tok/s", unit="tok_per_s", align="right", priority=2),
            lambda c, r: cell(r.speed, fmt.NO_DATA if r.speed is None else f"{r.speed:,.0f}"),
        ),
        (
            Column(key="ttft", label="TTFT", unit="seconds", align="right", priority=3),
            lambda c, r: cell(r.ttft, fmt.seconds(r.ttft)),
        ),
        (
            Column(key="context", label="Context", unit="tokens", align="right", priority=2),
            lambda c, r: cell(r.context, fmt.tokens(r.context)),
        ),
    ]
    if query.region:
        cols.append((Column(key="region", label="Region"), lambda c, r: cell(r.region, r.region or fmt.NO_DATA)))
    return cols


def simple_table(title: str | None, headers: Sequence[tuple[str, str, Unit]], lines: Sequence[Sequence[Cell]]) -> Table:
    """A table from (key, label, unit) headers and rows of cells."""
    columns = [
        Column(key=k, label=label, unit=unit, align="left" if unit in ("text", "date") else "right")
        for k, label, unit in headers
    ]
    return Table(title=title, columns=columns, rows=[list(line) for line in lines])
