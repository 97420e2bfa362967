"""The catalogue: offers from each price source, grouped into models, with knowledge, scores and a build cache."""
