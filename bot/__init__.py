"""whichmodel: which LLM should a team use? The platform-free core."""

__version__ = "0.1.0"
