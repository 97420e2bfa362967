"""Discord sharding options from the command line: which gateway connections this process runs."""

from __future__ import annotations

from typing import Any

from bot.runtime.settings import SettingsError


def shard_options(shards: str | int | None, shard_ids: str | None, shard_count: int | None) -> dict[str, Any] | None:
    """discord.py's sharding options from the CLI: None for one connection; `--shards auto|N` for every shard in
    this process; `--shard-ids 0,1 --shard-count 4` for some of them (the other processes run the rest)."""
    if shard_ids:
        if not shard_count or shard_count < 1:
            raise SettingsError("--shard-ids needs --shard-count (the total across every process)")
        try:
            ids = sorted({int(part) for part in shard_ids.split(",") if part.strip()})
        except ValueError:
            raise SettingsError(f"bad --shard-ids {shard_ids!r}: use numbers separated by commas, e.g. 0,1") from None
        if not ids or ids[0] < 0 or ids[-1] >= shard_count:
            raise SettingsError(f"bad --shard-ids {shard_ids!r}: each must be from 0 to {shard_count - 1}")
        return {"shard_ids": ids, "shard_count": shard_count}
    if shard_count:
        return {"shard_count": shard_count}
    if shards is None or shards == "":
        return None
    if str(shards).lower() == "auto":
        return {}
    try:
        count = int(shards)
    except ValueError:
        raise SettingsError(f"bad --shards {shards!r}: use 'auto' or a number") from None
    if count < 1:
        raise SettingsError("bad --shards: at least 1")
    return {"shard_count": count}
