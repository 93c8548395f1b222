"""The SPARQL lexer the server reads requests with: the graph layer's (one lexer for the CLI's
queries and the server's; see :mod:`graph.sparql` for what it finds and why it is linear)."""

from __future__ import annotations

from graph.sparql import Token, declares_dataset, iri_value, tokens

__all__ = ["Token", "declares_dataset", "iri_value", "tokens"]
