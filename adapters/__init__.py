"""Chat platform adapters: Slack and Discord. Each strips its platform syntax, calls the core, renders."""
