"""Renderers: an Answer laid out as terminal text, Markdown or JSON. They format; they never compute."""

from __future__ import annotations

import json
from typing import Literal

from bot.contract.answer import Answer
from bot.render.markdown import render_markdown
from bot.render.text import render_text

Format = Literal["text", "markdown", "json"]


def render(answer: Answer, fmt: Format = "text") -> str:
    """The answer in the given format."""
    if fmt == "json":
        return json.dumps(answer.to_json(), indent=2)
    if fmt == "markdown":
        return render_markdown(answer)
    return render_text(answer)
