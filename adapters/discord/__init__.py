"""The Discord bot (discord.py): the client, commands and embeds."""
