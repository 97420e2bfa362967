"""The Slack app (slack-bolt): listeners, Block Kit rendering and the HTTP server."""
