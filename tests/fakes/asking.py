"""Asking the CLI as a user does, for tests that check answers through `whichmodel ask --json`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from adapters.cli import main


def ask_json(question: str) -> dict:
    """The Answer `whichmodel ask --json QUESTION` prints, as a dict (the command must succeed)."""
    result = CliRunner().invoke(main, ["ask", "--json", question])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)
