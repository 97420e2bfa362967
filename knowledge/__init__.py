"""The knowledge whichmodel ships: makers, aliases, sources, metrics, task profiles, scores, speeds."""
