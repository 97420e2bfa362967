"""The parser: question text -> Query. Offline and deterministic; `parse` is its entry point."""
