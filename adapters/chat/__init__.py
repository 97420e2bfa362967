"""What every chat platform shares: conversation state, rate limits, the chat turn."""
