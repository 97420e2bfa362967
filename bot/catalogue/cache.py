"""A cache of the built catalogue, so a process that starts often does not rebuild it each time.

The key is a hash of everything the build reads: the models.dev data file (and the refresh sidecar), every
knowledge file, the source of the modules that build the catalogue or derive indexes stored with it, and
the Python and pydantic versions.
Any change to any of them gives a new key, so a stale catalogue is never loaded. Only the newest entry is
kept. A cache that cannot be read or written is ignored: the catalogue is built as usual.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import sys
from pathlib import Path

try:  # the blake2 module alone: `hashlib` would load OpenSSL, a few ms of every cold start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - Pythons built without it
    from hashlib import blake2b

PREFIX = "catalogue-"
SUFFIX = ".pickle"
FORMAT = b"whichmodel-catalogue-cache-1"
# The modules whose code shapes a built catalogue (besides those that derive indexes from it).
BUILDING_MODULES = (
    "bot.catalogue.cache",
    "bot.catalogue.grouping",
    "bot.catalogue.store",
    "bot.catalogue.build",
    "bot.catalogue.superseded",
    "bot.catalogue.built",
    "bot.catalogue.aliases",
    "bot.catalogue.crossrefs",
    "bot.catalogue.records",
    "bot.catalogue.refreshed",
    "bot.catalogue.unmatched",
    "bot.catalogue.sources.release_dates",
    "bot.catalogue.sources.errata",
    "bot.catalogue.sources.hosting",
    "bot.catalogue.sources.team_file",
    "bot.catalogue.knowledge",
    "bot.catalogue.names",
    "bot.catalogue.offers",
    "bot.catalogue.merge",
    "bot.catalogue.sources.common",
    "bot.catalogue.sources.models_dev",
    "bot.catalogue.sources.litellm",
    "bot.catalogue.sources.genai_prices",
    "bot.catalogue.sources.prices",
    "bot.contract.query",
    "bot.catalogue.scores",
)


_code_digests: dict[tuple[str, ...], bytes] = {}


def _code(index_modules: tuple[str, ...]) -> bytes:
    """A digest of the source of every module that shapes a cached catalogue, read once per process.

    Hashing the files at every load would let a process that imported older code store its build under
    the key of newer files on disk. A module not imported yet is read where an import would find it, so a
    load from the cache never imports the modules only a build needs.
    """
    digest_of = _code_digests.get(index_modules)
    if digest_of is None:
        digest = blake2b(digest_size=20)
        for name in (*BUILDING_MODULES, *index_modules):
            module = sys.modules.get(name)
            spec = None if module is not None else importlib.util.find_spec(name)
            origin = module.__file__ if module is not None else spec.origin if spec is not None else None
            digest.update(Path(origin or "").read_bytes())
        digest_of = _code_digests[index_modules] = digest.digest()
    return digest_of


def cache_key(
    data_file: Path,
    knowledge_dir: Path,
    extra: Path | None = None,
    index_modules: list[str] | None = None,
    more: list[Path] | None = None,
) -> str | None:
    """The hash of every input of a build (`index_modules` derive indexes kept with it), or None when one cannot be read."""
    digest = blake2b(FORMAT, digest_size=20)
    digest.update(sys.version.encode())
    try:
        digest.update(_code(tuple(sorted(set(index_modules or ())))))
    except OSError:
        return None
    try:
        import pydantic

        digest.update(pydantic.VERSION.encode())
        sidecar = data_file.with_name(data_file.name.replace(".json", ".meta.json"))
        inputs = [data_file, *([sidecar] if sidecar.is_file() else [])]
        inputs += sorted(knowledge_dir.glob("*.yaml"))
        if extra is not None:
            inputs.append(extra)
        inputs += more or []
        for path in inputs:
            content = path.read_bytes()
            digest.update(f"\0{path.name}\0{len(content)}\0".encode())
            digest.update(content)
    except OSError:
        return None
    return digest.hexdigest()


def _path(directory: Path, key: str) -> Path:
    return directory / f"{PREFIX}{key}{SUFFIX}"


def trusted(path: Path) -> bool:
    """A pickle runs code as it loads: only a file this user owns, in a folder only it can write to, is read."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows has no uid; the per-user folder must do
        return True
    for where in (path, path.parent):
        info = where.stat()
        if info.st_uid != os.getuid() or info.st_mode & 0o022:
            return False
    return True


def load(directory: Path, key: str) -> object | None:
    """The cached object for `key`, or None (missing, unreadable, not this user's own, or an incompatible build)."""
    try:
        if not trusted(_path(directory, key)):
            return None
        with open(_path(directory, key), "rb") as fh:
            return pickle.load(fh)
    except Exception:  # noqa: BLE001 - any failure means "build it again"
        return None


KEEP = 3  # builds kept: two installs (or a version and its upgrade) sharing a cache dir do not evict each other


def _prune(directory: Path, written: Path) -> None:
    """Drop all but the `KEEP` most recently written builds (the one just written among them)."""
    others = [p for p in directory.glob(f"{PREFIX}*{SUFFIX}") if p.name != written.name]
    others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in others[KEEP - 1 :]:
        old.unlink(missing_ok=True)


def store(directory: Path, key: str, value: object) -> bool:
    """Write `value` atomically under `key` and drop the oldest entries; False if the cache is not writable."""
    try:
        import tempfile

        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".catalogue-", dir=directory)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, _path(directory, key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(directory, _path(directory, key))
    except Exception:  # noqa: BLE001 - a cache that cannot be written is not an error
        return False
    return True
