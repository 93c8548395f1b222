"""newskg: a knowledge graph of who said and did what in English news."""

__version__ = "0.1.0"
