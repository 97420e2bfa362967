"""The Answer: what the core returns for a question, free of any platform.

A title, a verdict, tables of typed cells, one `Row` per model or offer shown (the stable JSON surface),
notes (assumptions, data dates, sources, caveats) and suggested follow-ups. Renderers (terminal,
Markdown, JSON, Slack blocks, Discord embeds) only lay this out; they never compute.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

from bot.contract.query import Query

Unit = Literal[
    "usd",
    "usd_per_mtok",
    "tokens",
    "tok_per_s",
    "seconds",
    "score",
    "date",
    "text",
    "ratio",
    "percent",
    "count",
]
NoteKind = Literal["assumption", "data", "source", "caveat", "tip"]


class Column(BaseModel):
    key: str
    label: str
    unit: Unit = "text"
    align: Literal["left", "right"] = "left"
    priority: int = Field(
        default=1, description="1 = always shown; higher numbers are dropped first when space is short"
    )


class Cell(BaseModel):
    """A typed value and its display text ("no data" when the value is unknown)."""

    value: float | int | str | bool | None = None
    text: str


class Table(BaseModel):
    title: str | None = None
    columns: list[Column]
    rows: list[list[Cell]] = Field(default_factory=list)

    def column_texts(self, key: str) -> list[str]:
        index = next(i for i, c in enumerate(self.columns) if c.key == key)
        return [row[index].text for row in self.rows]


class Row(BaseModel):
    """One model (at one provider) in an answer: the fields JSON consumers rely on."""

    model: str
    name: str
    provider: str | None = None
    provider_name: str | None = None
    first_party: bool = False
    free: bool = False
    input_price: float | None = None
    output_price: float | None = None
    cache_read_price: float | None = None
    monthly_cost: float | None = None
    costs_at: dict[str, float | None] = Field(default_factory=dict, description="volume label -> monthly cost")
    input_share: float | None = None
    context: int | None = None
    max_output: int | None = None
    task: str | None = None
    task_score: float | None = None
    task_tier: str | None = None
    coverage: float | None = None
    speed: float | None = None
    ttft: float | None = None
    release_date: date | None = None
    cheaper_elsewhere: str | None = Field(default=None, description="cheaper provider for the same model")
    region: str | None = Field(default=None, description="where the offer processes the data, when a region is asked")
    price_basis: list[str] = Field(default_factory=list, description="what the prices apply: region, batch, cache hits")
    params_total: float | None = Field(default=None, description="total parameters, billions (self-hosting answers)")
    params_active: float | None = Field(default=None, description="parameters active per token, billions (MoE)")
    memory_gb: float | None = Field(default=None, description="estimated GPU memory the model needs, GB")
    fits: bool | None = Field(default=None, description="fits the hardware asked; None: not asked, or no size")


class Note(BaseModel):
    kind: NoteKind
    text: str


ActionKind = Literal["more", "compare", "refine"]


class Action(BaseModel):
    """A button under an answer: the query it answers (and the row to start at), as data every renderer draws.

    Adapters keep the query in their state store under a short id and put only that id in the button.
    """

    kind: ActionKind
    label: str
    query: Query
    offset: int = 0


class Answer(BaseModel):
    intent: str
    title: str
    verdict: str | None = None
    tables: list[Table] = Field(default_factory=list)
    rows: list[Row] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list, description="follow-up questions to offer")
    actions: list[Action] = Field(default_factory=list, description="buttons: show more, compare the top 2, ...")
    query: Query
    total: int = Field(default=0, description="how many rows matched before the cap")
    offset: int = 0
    error: bool = Field(default=False, description="a refusal, an unknown model, or help: show only to the asker")
    error_id: str | None = None

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.rows) < self.total

    def note_texts(self, *kinds: NoteKind) -> list[str]:
        return [n.text for n in self.notes if not kinds or n.kind in kinds]

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
