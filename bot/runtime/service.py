"""What every long-running bot does at start: logs, the team's prices, the catalogue, fresh data, health."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from datetime import date
from http.server import ThreadingHTTPServer

from bot.catalogue import store as catalogue
from bot.runtime.health import mark_loaded, mark_stopping, serve_health
from bot.runtime.logs import configure_logging
from bot.runtime.refresh import Refresher
from bot.runtime.settings import Settings

log = logging.getLogger("whichmodel.service")


def start_service(
    settings: Settings, health_port: int | None = None
) -> tuple[Refresher | None, ThreadingHTTPServer | None]:
    """Configure logging, load the catalogue (with the team's file), start the refresh schedule and, for modes
    without an HTTP app (Socket Mode, Discord), a /healthz server on `health_port`."""
    configure_logging(settings.log_level, settings.secrets())
    catalogue.configure(settings.extra)
    loaded = catalogue.current()  # load now, not on the first question; a broken team file stops the start
    mark_loaded()
    log.info(
        "catalogue loaded: %s, %d models, data as of %s",
        loaded.snapshot.label,
        len(loaded.models),
        loaded.snapshot.as_of,
    )
    refresher = None
    if settings.refresh_enabled:
        refresher = Refresher(settings.refresh_url, interval_s=settings.refresh_hours * 3600)
        as_of = loaded.snapshot.as_of
        stale = as_of is None or (date.today() - as_of).days * 24 >= settings.refresh_hours
        refresher.start(immediately=stale)  # data older than the schedule: fetch now, in the background
    health = None
    if health_port is not None:
        try:
            health = serve_health(settings.host, health_port)
            log.info("health on http://%s:%d/healthz", settings.host, health.server_address[1])
        except OSError as exc:  # the bot still works; only the container's health probe will say it cannot reach it
            log.warning("could not serve /healthz on port %d: %s", health_port, exc.strerror)
    return refresher, health


def on_sigterm(stop: Callable[[], None]) -> None:
    """On SIGTERM (a rolling deploy): /readyz turns 503 at once and `stop` runs on its own thread, where it stops
    taking requests and waits for the answers in flight. Call from the main thread."""

    def handle(signum: int, frame: object) -> None:
        log.info("SIGTERM: finishing the answers in flight, then stopping")
        mark_stopping()
        threading.Thread(target=stop, name="whichmodel-drain", daemon=True).start()

    signal.signal(signal.SIGTERM, handle)
