"""The contracts: the Query a question becomes, the Answer the core returns, and their vocabularies."""
