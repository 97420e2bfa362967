"""`whichmodel refresh`: download models.dev's api.json, validate it, and swap it in atomically.

The download is checked before anything is written: a short (truncated) body, invalid JSON, an HTTP error,
a timeout or data that does not match the schema keeps the previous data and says why. A good download is
written to a temporary file in the cache dir and moved over the old one with `os.replace`, with a small
sidecar (fetch time, url, sha256, counts) that later runs use to say how old the data is.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.catalogue.offers import DataError
from bot.catalogue.refreshed import CACHE_FILE, META_FILE, PREVIOUS_FILE, PREVIOUS_META_FILE, cache_dir
from bot.catalogue.sources.common import SourceData, validate
from bot.catalogue.sources.models_dev import SOURCE as MODELS_DEV
from bot.catalogue.sources.models_dev import offers_from, parse_models_dev
from bot.catalogue.sources.prices import PRICE_SOURCES, PriceSource, refreshed_files

log = logging.getLogger("whichmodel.refresh")

DEFAULT_URL = "https://models.dev/api.json"
MAX_BYTES = 64 * 1024 * 1024  # far above models.dev's size; a larger body is not api.json
USER_AGENT = "whichmodel-refresh (+https://models.dev)"


@dataclass(frozen=True)
class RefreshResult:
    ok: bool
    message: str
    path: Path | None = None
    providers: int = 0
    models: int = 0
    fetched_at: str | None = None


def _download(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - a URL the user chose
        expected = response.headers.get("Content-Length")
        body = response.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        raise ValueError(f"the response is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if expected is not None and expected.isdigit() and int(expected) != len(body):
        raise ValueError(f"the download was cut short ({len(body):,} of {int(expected):,} bytes)")
    return body


def _write_atomically(directory: Path, name: str, data: bytes) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, directory / name)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return directory / name


def keep_previous(directory: Path) -> None:
    """Keep the data being replaced as the previous snapshot, for "what changed?"."""
    for name, previous in ((CACHE_FILE, PREVIOUS_FILE), (META_FILE, PREVIOUS_META_FILE)):
        current = directory / name
        if current.is_file():
            _write_atomically(directory, previous, current.read_bytes())


def _keep(reason: str) -> RefreshResult:
    return RefreshResult(False, f"refresh failed: {reason}; keeping the previous data ({_previous()})")


def _previous() -> str:
    meta = cache_dir() / META_FILE
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
        return f"refreshed {str(data.get('fetched_at', '?'))[:10]}"
    except (OSError, ValueError, AttributeError):
        return "refreshed earlier" if (cache_dir() / CACHE_FILE).exists() else "the bundled snapshot"


def refresh_data(url: str = DEFAULT_URL, timeout: float = 30.0, directory: Path | None = None) -> RefreshResult:
    """Download, validate and install models.dev data; never leaves a broken or partial file behind."""
    where = directory or cache_dir()
    try:
        body = _download(url, timeout)
    except urllib.error.HTTPError as exc:
        return _keep(f"{url} answered HTTP {exc.code} {exc.reason}")
    except TimeoutError:
        return _keep(f"{url} did not answer within {timeout:g} s")
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            return _keep(f"{url} did not answer within {timeout:g} s")
        return _keep(f"cannot reach {url} ({reason})")
    except (ValueError, OSError) as exc:  # short read, oversize body, connection reset
        return _keep(f"download from {url} failed ({exc})")
    try:
        json.loads(body)
    except ValueError as exc:
        return _keep(f"the download from {url} is not valid JSON ({exc})")
    try:
        providers = parse_models_dev(body)
        validate(SourceData(MODELS_DEV, offers_from(providers)), _previous_count(where / META_FILE, "models"))
    except DataError as exc:
        return _keep(str(exc))
    models = sum(len(p.models) for p in providers.values())
    fetched = datetime.now(UTC).replace(microsecond=0).isoformat()
    meta = {
        "fetched_at": fetched,
        "url": url,
        "sha256": hashlib.sha256(body).hexdigest(),
        "bytes": len(body),
        "providers": len(providers),
        "models": models,
    }
    try:
        keep_previous(where)
        path = _write_atomically(where, CACHE_FILE, body)
        _write_atomically(where, META_FILE, json.dumps(meta, indent=2).encode())
    except OSError as exc:
        return _keep(f"cannot write to {where} ({exc.strerror or exc})")
    return RefreshResult(
        True,
        f"refreshed models.dev data from {url}: {len(providers)} providers, {models:,} models, "
        f"saved to {path} ({fetched[:10]}); later runs use it",
        path,
        len(providers),
        models,
        fetched,
    )


def _previous_count(meta: Path, field: str) -> int | None:
    try:
        value = json.loads(meta.read_text(encoding="utf-8")).get(field)
    except (OSError, ValueError, AttributeError):
        return None
    return int(value) if isinstance(value, int) else None


def refresh_source(
    source: PriceSource, url: str | None = None, timeout: float = 30.0, directory: Path | None = None
) -> RefreshResult:
    """Download one price source (LiteLLM, genai-prices), validate it, and keep it beside the old copy.

    Refused (old data kept): an unreachable URL, bad JSON, the wrong shape, a NaN, infinite or negative
    price, or fewer than four fifths of the offers the last good copy had."""
    where = directory or cache_dir()
    url = url or source.url
    data_path, meta_path = refreshed_files(where, source.id)
    try:
        body = _download(url, timeout)
        today = datetime.now(UTC).date()
        parsed = source.read(body, today, today)
        validate(parsed, _previous_count(meta_path, "offers"))
    except (urllib.error.URLError, TimeoutError, ValueError, OSError) as exc:
        return _refused(source.name, f"download from {url} failed ({exc})")
    fetched = datetime.now(UTC).replace(microsecond=0).isoformat()
    meta = {"fetched_at": fetched, "url": url, "sha256": hashlib.sha256(body).hexdigest(), "offers": len(parsed.offers)}
    try:
        for name, kept in zip(refreshed_files(where, source.id), refreshed_files(where, source.id, previous=True)):
            if name.is_file():
                _write_atomically(where, kept.name, name.read_bytes())
        _write_atomically(where, data_path.name, body)
        _write_atomically(where, meta_path.name, json.dumps(meta, indent=2).encode())
    except OSError as exc:
        return _refused(source.name, f"cannot write to {where} ({exc.strerror or exc})")
    message = f"refreshed {source.name} from {url}: {len(parsed.offers):,} offers ({fetched[:10]})"
    return RefreshResult(True, message, data_path, 0, len(parsed.offers), fetched)


def _refused(name: str, reason: str) -> RefreshResult:
    message = f"refresh of {name} failed: {reason}; keeping its last good data"
    log.warning("refresh: %s", message)
    return RefreshResult(False, message)


def source_ids() -> tuple[str, ...]:
    """Every live source `refresh_all` pulls, models.dev first."""
    return (MODELS_DEV, *(s.id for s in PRICE_SOURCES))


def refresh_all(
    timeout: float = 30.0,
    directory: Path | None = None,
    urls: dict[str, str] | None = None,
    sources: tuple[str, ...] | None = None,
) -> list[RefreshResult]:
    """Refresh every live source (models.dev, LiteLLM, genai-prices), or those in `sources`.

    `urls` replaces a source's live URL (source id -> URL). Each failure keeps that source's last good data."""
    urls = urls or {}
    wanted = sources or source_ids()
    results = []
    if MODELS_DEV in wanted:
        results.append(refresh_data(urls.get(MODELS_DEV, DEFAULT_URL), timeout, directory))
        if not results[0].ok:
            log.warning("refresh: %s", results[0].message)
    results += [refresh_source(s, urls.get(s.id), timeout, directory) for s in PRICE_SOURCES if s.id in wanted]
    return results


class Refresher:
    """Keeps a long-running bot's data fresh: refresh on a schedule, swap the new catalogue in atomically.

    A question in flight keeps the catalogue it started with; the next one sees the new data. A failed
    download or a catalogue that will not build keeps the old data. `run_once` is the unit of work;
    `start` runs it every `interval_s` seconds on a daemon thread until `stop`.
    """

    def __init__(
        self,
        url: str = DEFAULT_URL,
        interval_s: float = 24 * 3600,
        timeout: float = 30.0,
        on_result: Callable[[RefreshResult], None] | None = None,
        urls: dict[str, str] | None = None,
    ) -> None:
        """`urls`: live URLs of the other sources. With only a custom models.dev `url` (a mirror, a test
        server) and no `urls`, only models.dev is refreshed."""
        self.urls = {MODELS_DEV: url, **(urls or {})}
        self.only = (MODELS_DEV, *(urls or {})) if url != DEFAULT_URL and not urls else None
        self.url = url
        self.interval_s = interval_s
        self.timeout = timeout
        self.on_result = on_result
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self) -> RefreshResult:
        from bot.catalogue.store import reload, swap

        results = refresh_all(self.timeout, urls=self.urls, sources=self.only)
        result = next((r for r in results if r.ok), results[0])
        if any(r.ok for r in results):
            try:
                swap(reload())  # the build adopts the kept score and speed rows the new data now matches
            except Exception as exc:  # noqa: BLE001 - a bad build must not take the bot down
                log.exception("refresh: the new data did not build; keeping the old catalogue")
                result = RefreshResult(
                    False, f"refresh downloaded data that did not build ({exc}); keeping the old data"
                )
        (log.info if result.ok else log.warning)("refresh: %s", result.message)
        if self.on_result is not None:
            self.on_result(result)
        return result

    def _loop(self, immediately: bool) -> None:
        if immediately:
            self.run_once()
        while not self._stop.wait(self.interval_s):
            self.run_once()

    def start(self, immediately: bool = False) -> None:
        """Refresh every `interval_s` seconds on a daemon thread; first at once when `immediately`."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._loop, args=(immediately,), name="whichmodel-refresh", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
