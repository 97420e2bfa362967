"""The intents: each turns a Query and the catalogue into an Answer; `bot.intents.registry` dispatches."""
