"""Running as a service: settings, logs, the health server, the refresh schedule."""
